/**
 * `npm run eval:trends` — emerging-topic detection on real events.
 *
 * Replays ../shared/data/streams/ma2016_events.tsv.gz (tweets of 988 real news/rumour events,
 * 2009–2015, with minute times) in time order, mixed into background chatter at `--rate` posts/s,
 * through the EmergingTermDetector, and scores the alerts against the events with at least 50
 * timed tweets (definitions in src/detect/trend-scoring.ts).
 *
 * Time: the events span six years with long silences. Every gap between consecutive tweets longer
 * than `--gap-minutes` is shortened to that length, other gaps keep their real length; the
 * background runs over the whole replayed time (plus a warm-up before the first tweet). "Stream
 * days" are the replayed time after the warm-up, so false alarms per day are per day of stream
 * within `--gap-minutes` of a real tweet.
 *
 * Prints a compact table, writes one row per event to `--out`, and ends with one JSON line:
 * {events, recall, medianDelayMin, falseAlarmsPerDay, postsPerSec, ...}.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Alert } from '../src/model/alert.js';
import type { DetectablePost } from '../src/detect/detectable-post.js';
import { EmergingTermDetector, type EmergingTermOptions } from '../src/detect/emerging-term-detector.js';
import { seededRandom } from '../src/sources/simulator/rng.js';
import { median, scoreTrendAlerts, topTfIdfTerms, type LabelledEvent } from '../src/detect/trend-scoring.js';
import { loadBackground } from './trends-background.js';
import { compressTimes, loadMa2016, toDetectable } from './trends-data.js';

interface Args {
  data: string;
  out: string;
  rate: number;
  gapMinutes: number;
  warmupHours: number;
  seed: number;
  pool: number;
  minTweets: number;
  fromDays: number;
  limitDays: number;
  options: Partial<EmergingTermOptions>;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DAY = 86_400_000;

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: resolve(ROOT, '../shared/data/streams/ma2016_events.tsv.gz'),
    out: resolve(ROOT, '.tmp/trends-events.tsv'),
    rate: 2,
    gapMinutes: 30,
    warmupHours: 26,
    seed: 7,
    pool: 200_000,
    minTweets: 50,
    fromDays: 0,
    limitDays: Infinity,
    options: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      return value;
    };
    if (a === '--data') args.data = resolve(v());
    else if (a === '--out') args.out = resolve(v());
    else if (a === '--rate') args.rate = Number(v());
    else if (a === '--gap-minutes') args.gapMinutes = Number(v());
    else if (a === '--warmup-hours') args.warmupHours = Number(v());
    else if (a === '--seed') args.seed = Number(v());
    else if (a === '--pool') args.pool = Number(v());
    else if (a === '--min-tweets') args.minTweets = Number(v());
    else if (a === '--limit-days') args.limitDays = Number(v());
    else if (a === '--from-days') args.fromDays = Number(v());
    else if (a === '--opt') {
      const [key, value] = v().split('=');
      (args.options as Record<string, number>)[key] = Number(value);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/** Most posts in any window of the given length. */
function peakInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.data)) {
    if (process.env.CI === 'true') throw new Error(`eval:trends: ${args.data} is missing (required in CI)`);
    console.log(`eval:trends: skipped — ${args.data} not found (the shared evaluation data is not on this machine)`);
    return;
  }

  log(`loading ${args.data}`);
  const loaded = loadMa2016(args.data);
  const tweets = loaded.tweets;
  const allTimes = compressTimes(
    tweets.map((t) => t.time),
    args.gapMinutes * 60_000,
    tweets[0].time,
  );
  // --from-days/--limit-days replay a part of the stream (for quicker runs).
  const first = allTimes.findIndex((t) => t >= allTimes[0] + args.fromDays * DAY);
  const lastIndex = args.limitDays === Infinity ? -1 : allTimes.findIndex((t) => t > allTimes[first] + args.limitDays * DAY);
  const n = lastIndex < 0 ? tweets.length : lastIndex;
  const streamStart = allTimes[first];
  const streamEnd = allTimes[n - 1];
  const streamTimes = allTimes;

  log(`tokenising ${tweets.length} tweets (replaying ${n - first})`);
  const eventPosts: DetectablePost[] = [];
  const docs = new Map<string, string[][]>();
  const times = new Map<string, number[]>();
  for (let i = 0; i < tweets.length; i++) {
    const t = tweets[i];
    const post = toDetectable(`x:${t.event}:${t.id}`, streamTimes[i], t.text, 'en', 'x');
    (docs.get(t.event) ?? docs.set(t.event, []).get(t.event)!).push(post.tokens as string[]);
    if (i >= first && i < n) {
      eventPosts.push(post);
      (times.get(t.event) ?? times.set(t.event, []).get(t.event)!).push(streamTimes[i]);
    }
  }
  const topTerms = topTfIdfTerms(docs, 20);
  // Every event can make an alert a true one; recall counts those with enough timed tweets in
  // the replayed part (with --from-days/--limit-days, only the part replayed).
  const events: LabelledEvent[] = [...times].map(([name, ts]) => ({
    name,
    times: ts,
    terms: new Set(topTerms.get(name)),
    inRecall: ts.length >= args.minTweets,
  }));

  const background = await loadBackground(args.pool, args.seed);
  log(`background: ${background.source}, pool of ${background.posts.length} posts at ${args.rate}/s`);

  const detector = new EmergingTermDetector(args.options);
  const alerts: Alert[] = [];
  const rand = seededRandom(args.seed);
  const warmupStart = streamStart - args.warmupHours * 3_600_000;
  const end = streamEnd + 3_600_000;
  let nextBackground = warmupStart;
  let bgIndex = 0;
  let ei = 0;
  let fed = 0;
  const began = performance.now();
  let lastReport = began;
  while (ei < eventPosts.length || nextBackground < end) {
    let post: DetectablePost;
    if (ei < eventPosts.length && (eventPosts[ei].createdAt <= nextBackground || nextBackground >= end)) {
      post = eventPosts[ei++];
    } else {
      const template = background.posts[bgIndex % background.posts.length];
      post = { ...template, id: `bg:${bgIndex}`, createdAt: Math.floor(nextBackground) };
      bgIndex++;
      nextBackground += (-Math.log(1 - rand()) / args.rate) * 1000;
    }
    for (const a of detector.observe(post)) alerts.push(a);
    fed++;
    if ((fed & 0xfffff) === 0 && performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      log(`  ${fed} posts, stream ${((post.createdAt - streamStart) / DAY).toFixed(1)} of ${((streamEnd - streamStart) / DAY).toFixed(1)} days, ${alerts.length} alerts`);
    }
  }
  for (const a of detector.flush()) alerts.push(a);
  const seconds = (performance.now() - began) / 1000;

  const score = scoreTrendAlerts(alerts, events);
  // The same alerts, with the onset at the first 3 posts within an hour (an earlier, looser start).
  const looseOnset = scoreTrendAlerts(alerts, events, { onsetPosts: 3, onsetWindowMs: 3_600_000 });
  const streamDays = (streamEnd - streamStart) / DAY;
  const falseAlarmsPerDay = score.falseAlarms / streamDays;

  mkdirSync(dirname(args.out), { recursive: true });
  const header = 'event\ttweets\tonset\tdetected\tdelay_min\tdelay_from_first_min\tmatching_alerts\tmatched_terms\tpeak_30min\ttop_terms';
  const peak30 = new Map(events.map((e) => [e.name, peakInWindow(e.times, 30 * 60_000)]));
  const rows = score.events
    .sort((a, b) => a.onset - b.onset)
    .map((e) =>
      [
        e.name,
        e.posts,
        new Date(e.onset).toISOString(),
        e.detected ? 1 : 0,
        e.delayMin?.toFixed(1) ?? '',
        e.delayFromFirstPostMin?.toFixed(1) ?? '',
        e.matchingAlerts,
        e.matchedTerms.join(' '),
        peak30.get(e.name) ?? 0,
        [...(events.find((s) => s.name === e.name)?.terms ?? [])].slice(0, 8).join(' '),
      ].join('\t'),
    );
  writeFileSync(args.out, `${header}\n${rows.join('\n')}\n`);
  writeFileSync(args.out.replace(/\.tsv$/, '') + '-alerts.jsonl', alerts.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const faOut = args.out.replace(/\.tsv$/, '') + '-false-alarms.tsv';
  writeFileSync(
    faOut,
    `fired_at\tsignificance\tobserved\tbaseline\tterms\n${score.falseAlarmAlerts
      .map((a) => [new Date(a.firedAt).toISOString(), a.significance, a.observed, a.baseline, a.terms.map((t) => t.term).join(' | ')].join('\t'))
      .join('\n')}\n`,
  );

  // Compact table: recall and delay by event size.
  const buckets: [string, number, number][] = [
    ['50-99', 50, 100],
    ['100-299', 100, 300],
    ['300-999', 300, 1000],
    ['1000+', 1000, Infinity],
  ];
  console.log(`background: ${background.source}; ${args.rate} posts/s; gaps > ${args.gapMinutes} min shortened; ${streamDays.toFixed(1)} stream days`);
  console.log(`tweets with a time: ${tweets.length} of ${loaded.rows} rows (${loaded.skippedNoTime} without time skipped); posts fed: ${fed}`);
  console.log('tweets    events  recall  median delay (min)');
  for (const [label, lo, hi] of buckets) {
    const b = score.events.filter((e) => e.posts >= lo && e.posts < hi);
    const det = b.filter((e) => e.detected);
    const md = median(det.map((e) => e.delayMin!));
    console.log(`${label.padEnd(9)} ${String(b.length).padStart(6)}  ${(b.length ? det.length / b.length : 0).toFixed(2).padStart(6)}  ${md === null ? '-' : md.toFixed(1)}`);
  }
  console.log(`alerts ${score.alerts}, matched ${score.matchedAlerts}, false alarms ${score.falseAlarms}; per-event rows: ${args.out}; false alarms: ${faOut}`);
  const detected = score.events.filter((e) => e.detected);
  const summary = {
    events: score.events.length,
    recall: Number(score.recall.toFixed(4)),
    medianDelayMin: score.medianDelayMin === null ? null : Number(score.medianDelayMin.toFixed(1)),
    medianDelayFromFirstTweetMin: (() => {
      const m = median(detected.map((e) => e.delayFromFirstPostMin!));
      return m === null ? null : Number(m.toFixed(1));
    })(),
    medianDelayFrom3In1hMin: looseOnset.medianDelayMin === null ? null : Number(looseOnset.medianDelayMin.toFixed(1)),
    falseAlarmsPerDay: Number(falseAlarmsPerDay.toFixed(3)),
    falseAlarms: score.falseAlarms,
    alerts: score.alerts,
    streamDays: Number(streamDays.toFixed(2)),
    postsFed: fed,
    postsPerSec: Math.round(fed / seconds),
    background: background.source,
    backgroundRatePerSec: args.rate,
    gapMinutes: args.gapMinutes,
  };
  console.log(JSON.stringify(summary));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
