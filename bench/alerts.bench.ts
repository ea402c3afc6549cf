/**
 * `npm run bench:alerts [-- options]` — alert latency on the real ingest path.
 *
 * The target: from ingest of the post that crosses the threshold to the webhook request
 * arriving at a loopback receiver, p99 < 1 s at 10,000 posts/s.
 *
 * Wiring is the product's (as in `tidewatch demo`): a SqliteStore in a temp data folder with N
 * watches, the enrichment worker pool, the ingest loop, and AlertRuntime with a signed webhook
 * channel in channels.json pointing at a loopback receiver on 127.0.0.1 (src/notify/
 * webhook-receiver.ts), which checks each request's signature. The source (bench/alerts-stream.ts)
 * backfills stream history fast, then paces a live stream to the wall clock with a surge per
 * watch; see there for the details.
 *
 * Latency of an alert = arrival of its webhook request − the wall time its crossing post entered
 * the pipeline. A live post's createdAt is the wall time the ingest loop took it from the source,
 * and a spike alert's firedAt is the crossing post's createdAt, so latency = arrival − firedAt;
 * each firedAt is checked to be one of that watch's live posts.
 *
 * Options (defaults in brackets): --rate [10000] posts/s, --seconds [60] live phase,
 * --watches [24], --surge-posts [200], --surge-seconds [4], --watch-per-minute [6],
 * --backfill-minutes [10], --backfill-rate [200] posts/s of stream time, --batch [500],
 * --max-latency-ms [100], --max-in-flight [2] (ingest options), --workers [2] (enrichment),
 * --lateness-ms (the spike detector's event-time tolerance; default: the detector's own, 5000),
 * --seed [1].
 *
 * Progress on stderr; last line of stdout is JSON.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SPIKE_OPTIONS } from '../src/detect/spike-detector.js';
import { PIPELINE_TUNING } from '../src/pipeline/alerting.js';

/** The spike detector's tolerance as the pipeline runs it (its own default, then the pipeline's). */
const EFFECTIVE_LATENESS_MS = PIPELINE_TUNING.spike?.latenessMs ?? DEFAULT_SPIKE_OPTIONS.latenessMs;
/** The event-time buffer's release granularity (src/detect/event-time-buffer.ts). */
const BUCKET_MS = 100;
import { loadOrCreateSecret } from '../src/enrich/pseudonymize.js';
import type { Alert } from '../src/model/alert.js';
import { CHANNELS_FILE_NAME, writeChannelsFile } from '../src/notify/index.js';
import { startWebhookReceiver, type ReceivedRequest } from '../src/notify/webhook-receiver.js';
import { AlertRuntime } from '../src/pipeline/alert-runtime.js';
import type { DetectorTuning } from '../src/pipeline/alerting.js';
import { createBatchEnricher } from '../src/pipeline/enrich-pool.js';
import { ingest } from '../src/pipeline/ingest.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { createAlertStream, type BenchWatch } from './alerts-stream.js';

const args = process.argv.slice(2);
function flag(name: string, fallback: number): number;
function flag(name: string, fallback: undefined): number | undefined;
function flag(name: string, fallback: number | undefined): number | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a non-negative number`);
  return v;
}

const RATE = flag('rate', 10_000);
const LIVE_SECONDS = flag('seconds', 60);
const WATCHES = flag('watches', 24);
const SURGE_POSTS = flag('surge-posts', 200);
const SURGE_SECONDS = flag('surge-seconds', 4);
const WATCH_PER_MINUTE = flag('watch-per-minute', 6);
const BACKFILL_MINUTES = flag('backfill-minutes', 10);
const BACKFILL_RATE = flag('backfill-rate', 200);
const BATCH = flag('batch', 500);
const MAX_LATENCY_MS = flag('max-latency-ms', 100);
const WORKERS = flag('workers', 2);
const MAX_IN_FLIGHT = flag('max-in-flight', 2);
const LATENESS_MS = flag('lateness-ms', undefined);
const SEED = flag('seed', 1);
const TICK_MS = 10;

const TUNING: DetectorTuning = {
  spike: { slotMinutes: 1440, minSlotSamples: 5, cooldownMinutes: 60, ...(LATENESS_MS !== undefined ? { latenessMs: LATENESS_MS } : {}) },
};

const NATO = ['alfa', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'uniform', 'victor', 'whiskey', 'xray', 'yankee', 'zulu'];

/** CPU seconds of this process's main thread (Linux /proc; undefined elsewhere). */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

/** Nearest-rank percentile of sorted values. */
function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Arrival {
  alertId: string;
  watch: string | null;
  kind: string;
  firedAt: number;
  /** Date.now() when the whole request had arrived (same clock as the posts' createdAt). */
  arrivedAt: number;
  signatureValid: boolean | undefined;
  attempt: string | undefined;
}

async function main(): Promise<void> {
  if (WATCHES < 1 || WATCHES > NATO.length * 4) throw new Error(`--watches must be 1..${NATO.length * 4}`);
  const surgeSpanMs = LIVE_SECONDS * 1000 - 25_000;
  if (surgeSpanMs < 0) throw new Error('--seconds must be at least 25 (warm-up 8 s, surges, drain 17 s)');
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-bench-alerts-'));
  const secret = randomBytes(24).toString('hex');
  const receiver = await startWebhookReceiver({ secret });
  const arrivals: Arrival[] = [];
  receiver.onRequest = (req: ReceivedRequest) => {
    const arrivedAt = Date.now();
    let alert: Partial<Alert> = {};
    try {
      alert = (JSON.parse(req.body) as { alert: Alert }).alert;
    } catch {
      /* counted as a bad request below */
    }
    arrivals.push({
      alertId: alert.id ?? '?',
      watch: alert.watch ?? null,
      kind: alert.kind ?? '?',
      firedAt: alert.firedAt ?? NaN,
      arrivedAt,
      signatureValid: req.signatureValid,
      attempt: req.headers['x-tidewatch-attempt'] as string | undefined,
    });
  };

  // Watches: distinctive terms, surges spread evenly over the live window after an 8 s warm-up.
  const watches: BenchWatch[] = [];
  for (let i = 0; i < WATCHES; i++) {
    const term = `surge${NATO[i % NATO.length]}${i >= NATO.length ? Math.floor(i / NATO.length) : ''}`;
    const surgeAtMs = 8_000 + Math.round(WATCHES === 1 ? 0 : (i * surgeSpanMs) / (WATCHES - 1));
    watches.push({ name: `bench-${term}`, term, surgeAtMs });
  }

  const store = new SqliteStore({ path: join(dir, 'tidewatch.db') });
  const abort = new AbortController();
  let enricher: ReturnType<typeof createBatchEnricher> | undefined;
  let runtime: AlertRuntime | undefined;
  try {
    for (const w of watches) await store.addWatch(w.name, w.term, { description: 'bench:alerts surge watch' });
    await writeChannelsFile(join(dir, CHANNELS_FILE_NAME), [
      { name: 'bench-hook', kind: 'webhook', url: receiver.url, secret, kinds: ['spike'], watches: [], enabled: true },
    ]);
    const fired: { alert: Alert; at: number }[] = [];
    runtime = await AlertRuntime.open({ store, dataDir: dir, tuning: TUNING, onAlert: (alert) => fired.push({ alert, at: Date.now() }) });
    await runtime.refreshWatchNames();
    enricher = createBatchEnricher(loadOrCreateSecret(dir), WORKERS);

    log(
      `bench:alerts: ${WATCHES} watches, live ${RATE} posts/s for ${LIVE_SECONDS} s after ${BACKFILL_MINUTES} min of backfilled history ` +
        `(${BACKFILL_RATE} posts/s of stream time, each watch's term ~${WATCH_PER_MINUTE}/min); surges of ${SURGE_POSTS} posts over ${SURGE_SECONDS} s; ` +
        `ingest batchSize ${BATCH}, maxLatencyMs ${MAX_LATENCY_MS}, maxInFlight ${MAX_IN_FLIGHT}, ${WORKERS} enrichment worker(s); tuning ${JSON.stringify(TUNING)} ` +
        `(spike latenessMs ${LATENESS_MS ?? EFFECTIVE_LATENESS_MS}); data folder ${dir}`,
    );
    const { source, stats } = await createAlertStream({
      seed: SEED,
      rate: RATE,
      tickMs: TICK_MS,
      liveMs: LIVE_SECONDS * 1000,
      maxLiveMs: LIVE_SECONDS * 1000 + 20_000,
      backfillMinutes: BACKFILL_MINUTES,
      backfillRate: BACKFILL_RATE,
      watches,
      watchPerMinute: WATCH_PER_MINUTE,
      surgePosts: SURGE_POSTS,
      surgeMs: SURGE_SECONDS * 1000,
      poolSize: 100_000,
      signal: abort.signal,
    });

    // Commits: how many live posts reached the store and detectors, and how old they were then.
    const commits: { at: number; live: number; oldestAgeMs: number }[] = [];
    // CPU of this process (main thread + enrichment workers) and main-thread busy share over the
    // measured window (live start + 3 s to live end).
    let cpuFrom: { cpu: NodeJS.CpuUsage; main: number | undefined; elu: ReturnType<typeof performance.eventLoopUtilization>; at: number } | undefined;
    let cpuTo: { cpuCores: number; mainCores: number | undefined; mainThreadBusy: number } | undefined;
    const cpuProbe = setInterval(() => {
      if (stats.liveStartedAt === undefined) return;
      if (!cpuFrom && Date.now() >= stats.liveStartedAt + 3_000) {
        cpuFrom = { cpu: process.cpuUsage(), main: mainThreadCpuSeconds(), elu: performance.eventLoopUtilization(), at: Date.now() };
      }
    }, 50);
    let committed = 0;
    const started = Date.now();
    const ticker = setInterval(() => {
      const lag = stats.lagMs.slice(-100);
      const phase = stats.liveStartedAt === undefined ? `backfill ${stats.backfillPosts} posts` : `live ${((Date.now() - stats.liveStartedAt) / 1000).toFixed(0)} s, ${stats.livePosts} posts`;
      log(
        `  ${((Date.now() - started) / 1000).toFixed(0)} s: ${phase}; committed ${committed}; source lag now ${lag.length ? Math.max(...lag) : 0} ms; ` +
          `spike alerts fired ${fired.filter((f) => f.alert.kind === 'spike').length}, webhooks received ${arrivals.length}`,
      );
    }, 5000);
    const summary = await ingest({
      source,
      store,
      enricher,
      batchSize: BATCH,
      maxLatencyMs: MAX_LATENCY_MS,
      maxInFlight: MAX_IN_FLIGHT,
      resume: false,
      signal: abort.signal,
      onCommit: async (posts, result) => {
        const now = Date.now();
        committed += posts.length;
        if (cpuFrom && !cpuTo && stats.liveEndedAt !== undefined) {
          const cpu = process.cpuUsage(cpuFrom.cpu);
          const main = mainThreadCpuSeconds();
          cpuTo = {
            cpuCores: (cpu.user + cpu.system) / 1000 / (now - cpuFrom.at),
            mainCores: main !== undefined && cpuFrom.main !== undefined ? ((main - cpuFrom.main) * 1000) / (now - cpuFrom.at) : undefined,
            mainThreadBusy: performance.eventLoopUtilization(cpuFrom.elu).utilization,
          };
        }
        if (stats.liveStartedAt !== undefined) {
          let live = 0;
          let oldest = Infinity;
          for (const p of posts) {
            if (p.createdAt >= stats.liveStartedAt) {
              live++;
              if (p.createdAt < oldest) oldest = p.createdAt;
            }
          }
          if (live > 0) commits.push({ at: now, live, oldestAgeMs: now - oldest });
        }
        await runtime!.committed(posts, result);
      },
    });
    clearInterval(ticker);
    clearInterval(cpuProbe);
    const liveStartedAt = stats.liveStartedAt!;
    const liveEndedAt = stats.liveEndedAt ?? Date.now();
    log(`ingest done: read ${summary.read}, stored ${summary.stored} in ${summary.seconds} s; waiting for deliveries`);
    const spikes = () => fired.filter((f) => f.alert.kind === 'spike');
    const deadline = Date.now() + 15_000;
    while (arrivals.length < spikes().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await runtime.close({ drainMs: 5_000 });

    // --- figures ---
    const badSignatures = arrivals.filter((a) => a.signatureValid !== true).length;
    const retries = arrivals.filter((a) => a.attempt !== '1').length;
    const problems: string[] = [];
    if (badSignatures > 0) problems.push(`${badSignatures} webhook request(s) failed signature verification`);
    const firstArrival = new Map<string, Arrival>();
    for (const a of arrivals) if (!firstArrival.has(a.alertId)) firstArrival.set(a.alertId, a);
    const latencies: number[] = [];
    const perWatch: { watch: string; firedAt: string; latencyMs: number; detectMs: number; surgePostsBefore: number }[] = [];
    const deliveryMs: number[] = [];
    // Where the time goes: the spike detector's event-time buffer holds a post until stream time
    // has passed the end of its 100 ms bucket by latenessMs (event-time-buffer.ts); then the
    // batch holding that later post must be committed; then delivery.
    const latenessMs = LATENESS_MS ?? EFFECTIVE_LATENESS_MS;
    const holdMs: number[] = [];
    const commitMs: number[] = [];
    for (const { alert, at } of spikes()) {
      const a = firstArrival.get(alert.id);
      if (!a) {
        problems.push(`spike alert ${alert.id} (${alert.watch}) never arrived at the receiver`);
        continue;
      }
      const times = stats.liveTimes.get(alert.watch ?? '');
      const window = stats.surgeWindows.get(alert.watch ?? '');
      if (!times || !window) {
        problems.push(`spike alert ${alert.id} for unexpected watch ${alert.watch}`);
        continue;
      }
      if (alert.firedAt < liveStartedAt || !times.includes(alert.firedAt)) {
        problems.push(`spike alert ${alert.id} (${alert.watch}) fired at ${new Date(alert.firedAt).toISOString()}, not at one of its live posts (backfill or background?)`);
        continue;
      }
      if (alert.firedAt < window.from) problems.push(`spike alert ${alert.id} (${alert.watch}) fired before its surge (false alarm?)`);
      latencies.push(a.arrivedAt - alert.firedAt);
      deliveryMs.push(a.arrivedAt - at);
      const hold = (Math.floor(alert.firedAt / BUCKET_MS) + 1) * BUCKET_MS - 1 + latenessMs - alert.firedAt;
      holdMs.push(hold);
      commitMs.push(at - alert.firedAt - hold);
      perWatch.push({
        watch: alert.watch!,
        firedAt: new Date(alert.firedAt).toISOString(),
        latencyMs: a.arrivedAt - alert.firedAt,
        detectMs: at - alert.firedAt,
        surgePostsBefore: times.filter((t) => t >= window.from - 5 && t <= alert.firedAt).length,
      });
    }
    if (stats.unsentPosts > 0) problems.push(`the pipeline fell behind: the live phase stopped ${LIVE_SECONDS + 20} s in with ${stats.unsentPosts} posts still due`);
    const watchesFired = new Set(spikes().map((f) => f.alert.watch));
    for (const w of watches) if (!watchesFired.has(w.name)) problems.push(`watch ${w.name} fired no spike alert`);
    const firedTwice = spikes().length - watchesFired.size;
    if (firedTwice > 0) problems.push(`${firedTwice} extra spike alert(s) (a watch fired more than once)`);

    // Throughput over the live window after its 3-second settling.
    const from = liveStartedAt + 3_000;
    const inWindow = commits.filter((c) => c.at >= from && c.at <= liveEndedAt);
    const liveCommitted = inWindow.reduce((s, c) => s + c.live, 0);
    const windowSec = (Math.min(liveEndedAt, inWindow.at(-1)?.at ?? liveEndedAt) - from) / 1000;
    const postsPerSec = Math.round(liveCommitted / windowSec);
    const emittedPerSec = Math.round(stats.livePosts / ((liveEndedAt - liveStartedAt) / 1000));
    const lag = [...stats.lagMs].sort((a, b) => a - b);
    const commitAge = inWindow.map((c) => c.oldestAgeMs).sort((a, b) => a - b);
    const sorted = [...latencies].sort((a, b) => a - b);
    for (const xs of [deliveryMs, holdMs, commitMs]) xs.sort((a, b) => a - b);
    for (const w of perWatch.sort((a, b) => a.firedAt.localeCompare(b.firedAt))) {
      log(`  ${w.watch}: fired ${w.firedAt} after ${w.surgePostsBefore} posts of its surge window; alert raised ${w.detectMs} ms and webhook arrived ${w.latencyMs} ms after the crossing post`);
    }
    for (const p of problems) log(`PROBLEM: ${p}`);
    log(
      `live: ${stats.livePosts} posts emitted at ${emittedPerSec}/s (target ${RATE}), committed ${postsPerSec}/s; ` +
        `source lag p50/p99/max ${pct(lag, 50)}/${pct(lag, 99)}/${pct(lag, 100)} ms; ` +
        `age of the oldest live post at commit p50/p99/max ${pct(commitAge, 50)}/${pct(commitAge, 99)}/${pct(commitAge, 100)} ms; ` +
        `CPU ${cpuTo ? cpuTo.cpuCores.toFixed(2) : '?'} cores, of which main thread ${cpuTo?.mainCores?.toFixed(2) ?? '?'} (its event loop busy ${cpuTo ? Math.round(cpuTo.mainThreadBusy * 100) : '?'}% of the time; machine load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores); ` +
        `backfill ${stats.backfillPosts} posts; emerging alerts fired ${fired.length - spikes().length} (not routed to the channel)`,
    );
    log(`spike alert latency (arrival − crossing post's entry), n=${sorted.length}: p50 ${pct(sorted, 50)} ms, p95 ${pct(sorted, 95)} ms, p99 ${pct(sorted, 99)} ms, max ${pct(sorted, 100)} ms (target p99 < 1000 ms)`);
    log(
      `  parts (p50 / max): event-time hold before the detector sees the crossing post ${pct(holdMs, 50)} / ${pct(holdMs, 100)} ms ` +
        `(latenessMs ${latenessMs} + rest of its ${BUCKET_MS} ms bucket); then until the post releasing it was committed and the alert raised ${pct(commitMs, 50)} / ${pct(commitMs, 100)} ms; ` +
        `alert raised → webhook arrived ${pct(deliveryMs, 50)} / ${pct(deliveryMs, 100)} ms`,
    );
    const result = {
      postsPerSec,
      alerts: sorted.length,
      p50Ms: pct(sorted, 50),
      p95Ms: pct(sorted, 95),
      p99Ms: pct(sorted, 99),
      maxMs: pct(sorted, 100),
      batchSize: BATCH,
      maxLatencyMs: MAX_LATENCY_MS,
      tuning: TUNING,
      spikeLatenessMs: LATENESS_MS ?? EFFECTIVE_LATENESS_MS,
      targetRate: RATE,
      emittedPerSec,
      sourceLagP99Ms: pct(lag, 99),
      sourceLagMaxMs: pct(lag, 100),
      commitAgeP99Ms: pct(commitAge, 99),
      partsP50Ms: { eventTimeHold: pct(holdMs, 50), commit: pct(commitMs, 50), delivery: pct(deliveryMs, 50) },
      partsMaxMs: { eventTimeHold: pct(holdMs, 100), commit: pct(commitMs, 100), delivery: pct(deliveryMs, 100) },
      watches: WATCHES,
      workers: WORKERS,
      cores: availableParallelism(),
      cpuCoresUsed: cpuTo ? Number(cpuTo.cpuCores.toFixed(2)) : null,
      mainThreadCores: cpuTo?.mainCores !== undefined ? Number(cpuTo.mainCores.toFixed(2)) : null,
      mainThreadBusy: cpuTo ? Number(cpuTo.mainThreadBusy.toFixed(2)) : null,
      unsentPosts: stats.unsentPosts,
      loadAvg1m: Number(loadavg()[0].toFixed(1)),
      maxInFlight: MAX_IN_FLIGHT,
      backfill: { minutes: BACKFILL_MINUTES, posts: stats.backfillPosts },
      signaturesVerified: arrivals.length - badSignatures,
      webhookRetries: retries,
      problems: problems.length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    abort.abort();
    await runtime?.close();
    await enricher?.close();
    await store.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  log(`bench:alerts: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
});
