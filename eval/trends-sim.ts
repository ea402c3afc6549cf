/**
 * `npm run eval:trends:sim` — emerging-topic detection on the simulator's ground truth.
 *
 * Generates a simulated stream (src/sources/simulator: 13 languages, daily rhythm, injected
 * events, narratives and coordinated link bursts), feeds it in order through the
 * EmergingTermDetector, and scores the alerts (definitions in src/detect/trend-scoring.ts):
 *
 * - events (a topic surging ×5–20 with a place, an incident word and a hashtag) and narratives
 *   (a claim copied and reworded, with a hashtag and a link) count for recall; their terms are
 *   the tokens of their ground-truth terms, hashtag and link;
 * - coordinated bursts (one link posted by 10–40 accounts in seconds, with near-identical text)
 *   are real emerging links: an alert on one (its link or its words) is no false alarm, but they
 *   do not count for recall;
 * - any other alert is a false alarm.
 *
 * Needs no external data. Ends with one JSON line.
 */
import { alertContextPhrase, type Alert } from '../src/model/alert.js';
import { EmergingTermDetector, type EmergingTermOptions } from '../src/detect/emerging-term-detector.js';
import { isEligibleWord, normaliseLink } from '../src/detect/term-keys.js';
import { scoreTrendAlerts, type LabelledEvent } from '../src/detect/trend-scoring.js';
import { tokenize } from '../src/enrich/tokenize.js';
import { extractEntities } from '../src/enrich/entities.js';
import { createSimulator } from '../src/sources/simulator/index.js';
import { languagePack } from '../src/sources/simulator/lexicon/index.js';

interface Args {
  posts: number;
  seed: number;
  rate: number;
  options: Partial<EmergingTermOptions>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { posts: 3_000_000, seed: 11, rate: 5, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${a} needs a value`);
    if (a === '--posts') args.posts = Number(value);
    else if (a === '--seed') args.seed = Number(value);
    else if (a === '--rate') args.rate = Number(value);
    else if (a === '--opt') {
      const [key, v] = value.split('=');
      (args.options as Record<string, number>)[key] = Number(v);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function termsOf(...texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const tok of tokenize(t.replace(/^#/, ''))) out.add(tok);
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sim = createSimulator({ seed: args.seed, posts: args.posts, ratePerSecond: args.rate });
  const detector = new EmergingTermDetector(args.options);
  const alerts: Alert[] = [];
  const timeOf = new Map<string, number>();
  // The truth first (the simulator regenerates it without text work), to collect the words of
  // the coordinated bursts' posts as they go by.
  const truth = sim.truth();
  const burstOf = new Map<string, Set<string>>();
  for (const b of truth.bursts) {
    const words = new Set([normaliseLink(b.link)]);
    for (const id of b.postIds) burstOf.set(id, words);
  }
  let detectMs = 0;
  let fed = 0;
  let first = Infinity;
  let last = -Infinity;
  for await (const item of sim.read()) {
    if (item.kind !== 'post') continue;
    const raw = item.post;
    const id = `${raw.platform}:${raw.nativeId}`;
    const entities = extractEntities(raw.text, { hashtags: raw.hashtags, links: raw.links });
    const post = {
      id,
      createdAt: raw.createdAt,
      text: raw.text,
      tokens: tokenize(raw.text),
      hashtags: entities.hashtags,
      links: entities.links,
      domains: entities.domains,
      lang: raw.langHint ?? 'und',
      platform: raw.platform,
      authorKey: raw.author,
      repostOf: raw.repostOf,
      replyTo: raw.replyTo,
      quoteOf: raw.quoteOf,
    };
    timeOf.set(id, raw.createdAt);
    const burstWords = burstOf.get(id) ?? burstOf.get(raw.nativeId);
    if (burstWords) for (const tok of post.tokens) if (isEligibleWord(tok)) burstWords.add(tok);
    first = Math.min(first, raw.createdAt);
    last = Math.max(last, raw.createdAt);
    const t0 = performance.now();
    for (const a of detector.observe(post)) alerts.push(a);
    detectMs += performance.now() - t0;
    fed++;
  }
  for (const a of detector.flush()) alerts.push(a);

  const times = (ids: string[]) =>
    ids
      .map((id) => timeOf.get(id) ?? timeOf.get(`sim:${id}`))
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
  // Events that start during the detector's cold start cannot be caught: they still make an
  // alert about them a true one, but are left out of recall (and listed).
  const warmEnd = first + (detector.options.warmupSlots * detector.options.slotMs);
  const labelled: (LabelledEvent & { kind: string })[] = [
    ...truth.events.map((e) => ({ kind: 'event', name: e.id, times: times(e.postIds), terms: termsOf(...e.terms, e.hashtag), inRecall: e.onset >= warmEnd })),
    ...truth.narratives.map((n) => {
      // A narrative is its claim: the claim's content words in every language, with every
      // rewording its copies may use (the template's alternatives), its hashtag and link.
      const rewordings = n.languages.map((code) => (languagePack(code)?.claims[n.claimKey] ?? '').replace(/\{[^}]*\}|[[\]|]/g, ' '));
      const terms = termsOf(n.hashtag, ...Object.values(n.claims), ...rewordings);
      for (const t of terms) if (!isEligibleWord(t)) terms.delete(t);
      terms.add(normaliseLink(n.link));
      return { kind: 'narrative', name: n.id, times: times(n.postIds), terms, inRecall: n.start >= warmEnd };
    }),
    ...truth.bursts.map((b) => ({ kind: 'burst', name: b.id, times: times(b.postIds), terms: burstOf.get(b.postIds[0]) ?? new Set<string>(), inRecall: false })),
  ].filter((e) => e.times.length > 0);
  const score = scoreTrendAlerts(alerts, labelled, { onsetPosts: 5, onsetWindowMs: 1_800_000 });
  const days = (last - first) / 86_400_000;
  // False alarms per day are counted over the stream after the cold start (none can fire before).

  console.log('kind       name          posts  detected  delay(min)');
  for (const e of score.events) {
    const kind = labelled.find((l) => l.name === e.name)?.kind ?? '';
    console.log(`${kind.padEnd(10)} ${e.name.padEnd(13)} ${String(e.posts).padStart(5)}  ${e.detected ? 'yes' : 'no '}       ${e.delayMin === null ? '-' : e.delayMin.toFixed(1)}`);
  }
  if (process.env.DEBUG_TRENDS) {
    for (const e of score.events.filter((x) => !x.detected)) {
      const l = labelled.find((x) => x.name === e.name)!;
      console.log(`missed ${e.name} terms=${[...l.terms].slice(0, 8).join(',')} onset=${new Date(e.onset).toISOString()}`);
      for (const a of alerts) if (a.firedAt >= e.onset - 3_600_000 && a.firedAt <= l.times[l.times.length - 1]) console.log(`   ${new Date(a.firedAt).toISOString()} ${a.terms.slice(0, 6).map((t) => t.term).join(' | ')}`);
    }
  }
  const cold = labelled.filter((l) => l.inRecall === false && l.kind !== 'burst').map((l) => l.name);
  if (cold.length) console.log(`started during the cold start (first ${(warmEnd - first) / 3_600_000} h), not in recall: ${cold.join(', ')}`);
  const eventOfPost = new Map<string, string>();
  if (process.env.DEBUG_TRENDS) {
    for (const e of truth.events) for (const id of e.postIds) eventOfPost.set(id, e.id);
    for (const n of truth.narratives) for (const id of n.postIds) eventOfPost.set(id, n.id);
  }
  for (const a of score.falseAlarmAlerts.slice(0, process.env.DEBUG_TRENDS ? Infinity : 10)) {
    const context = alertContextPhrase(a);
    const about = context ? ` (${context})` : '';
    console.log(`false alarm ${new Date(a.firedAt).toISOString()}: ${a.terms.map((t) => `${t.term} ${t.observed}/${t.baseline}`).join(' | ')}${about}`);
    if (process.env.DEBUG_TRENDS) {
      for (const r of a.representative) {
        const nid = r.id.replace(/^[^:]*:/, '');
        console.log(`     [${eventOfPost.get(r.id) ?? eventOfPost.get(nid) ?? '-'}] ${r.text.slice(0, 120)}`);
      }
    }
  }
  console.log(
    JSON.stringify({
      events: score.events.length,
      recall: Number(score.recall.toFixed(4)),
      medianDelayMin: score.medianDelayMin === null ? null : Number(score.medianDelayMin.toFixed(1)),
      falseAlarmsPerDay: Number((score.falseAlarms / Math.max(days - (warmEnd - first) / 86_400_000, 1e-9)).toFixed(3)),
      falseAlarms: score.falseAlarms,
      alerts: score.alerts,
      streamDays: Number(days.toFixed(2)),
      postsPerSec: Math.round(fed / (detectMs / 1000)),
      posts: fed,
      seed: args.seed,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
