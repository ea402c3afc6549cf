/**
 * The alert-latency bench's source (bench/alerts.bench.ts): a backfill of past stream history at
 * full speed, then a live stream paced to the wall clock, with injected surges per watch.
 *
 * - Background text comes from the simulator (a pool generated up front, cycled with fresh ids).
 * - Each watch has its own distinctive term, posted at a low steady (Poisson) rate throughout,
 *   backfill and live alike, so the spike detector learns a per-minute baseline for it.
 * - Backfill: `backfillMinutes` of history ending at the wall clock, `backfillRate` background
 *   posts per second of stream time, emitted as fast as the ingest loop reads them. It runs until
 *   its stream time has caught up with the wall clock; the live phase continues seamlessly.
 * - Live: every `tickMs`, `rate × tickMs / 1000` posts (watch posts included) whose createdAt is
 *   the wall time at which the ingest loop takes each of them from the source. A tick that is due
 *   while the loop is busy elsewhere is emitted as soon as it reads again (catch-up), and how late
 *   that was is recorded as source lag: the pipeline keeps up when the lag stays small.
 * - Surges: watch i posts `surgePosts` extra matches spread evenly over `surgeMs`, from its own
 *   moment in the live window, on top of its background (they replace background posts in the tick,
 *   so the total rate stays `rate`).
 */
import type { RawPost } from '../src/model/post.js';
import type { Cursor, Source, SourceItem } from '../src/sources/source.js';
import { createSimulator } from '../src/sources/simulator/index.js';
import { seededRandom } from '../src/sources/simulator/rng.js';

export interface BenchWatch {
  name: string;
  term: string;
  /** Wall-clock offset from the live phase's start at which its surge begins. */
  surgeAtMs: number;
}

export interface AlertStreamOptions {
  seed: number;
  rate: number;
  tickMs: number;
  liveMs: number;
  /** Stop the live phase at this wall-clock offset from its start even if ticks are still due. */
  maxLiveMs: number;
  backfillMinutes: number;
  backfillRate: number;
  watches: BenchWatch[];
  /** Background matches per watch per minute. */
  watchPerMinute: number;
  surgePosts: number;
  surgeMs: number;
  /** Simulator posts generated up front and cycled. */
  poolSize: number;
  signal: AbortSignal;
}

export interface LiveStats {
  /** Wall time of the first live emission (undefined until the live phase starts). */
  liveStartedAt: number | undefined;
  backfillPosts: number;
  livePosts: number;
  /** Per tick: emission wall time minus the tick's scheduled time (ms). */
  lagMs: number[];
  /** Wall times (= createdAt) of each watch's live posts, by watch name. */
  liveTimes: Map<string, number[]>;
  /** Scheduled surge windows (wall clock), by watch name. */
  surgeWindows: Map<string, { from: number; to: number }>;
  /** Wall time the live phase ended. */
  liveEndedAt: number | undefined;
  /** Posts of ticks still due when the live phase had to stop (the pipeline fell behind). */
  unsentPosts: number;
}


async function simulatorPool(seed: number, size: number): Promise<RawPost[]> {
  const pool: RawPost[] = [];
  for await (const item of createSimulator({ seed, posts: size, ratePerSecond: 1000 }).read()) {
    if (item.kind === 'post') pool.push(item.post);
  }
  return pool;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function createAlertStream(o: AlertStreamOptions): Promise<{ source: Source; stats: LiveStats }> {
  const pool = await simulatorPool(o.seed, o.poolSize);
  const random = seededRandom(o.seed ^ 0x5eed);
  const stats: LiveStats = {
    liveStartedAt: undefined,
    backfillPosts: 0,
    livePosts: 0,
    lagMs: [],
    liveTimes: new Map(o.watches.map((w) => [w.name, []])),
    surgeWindows: new Map(),
    liveEndedAt: undefined,
    unsentPosts: 0,
  };
  const watchGapMs = 60_000 / o.watchPerMinute;
  const expGap = (): number => -Math.log(1 - random()) * watchGapMs;

  let seq = 0;
  let poolIndex = 0;
  const background = (createdAt: number): RawPost => {
    const base = pool[poolIndex++ % pool.length];
    return { ...base, nativeId: `bench-${o.seed}-${seq++}`, source: 'bench:alerts', createdAt };
  };
  const watchPost = (w: BenchWatch, createdAt: number): RawPost => {
    const base = pool[poolIndex++ % pool.length];
    const { hashtags: _h, links: _l, repostOf: _r, replyTo: _p, quoteOf: _q, ...rest } = base;
    return { ...rest, nativeId: `bench-${o.seed}-${seq++}`, source: 'bench:alerts', createdAt, text: `${base.text} ${w.term}` };
  };

  const source: Source = {
    name: `bench:alerts:seed=${o.seed}`,
    format: 'bench',
    async *read(from?: Cursor): AsyncIterable<SourceItem> {
      let offset = from?.offset ?? 0;
      const item = (post: RawPost): SourceItem => {
        offset++;
        return { kind: 'post', line: offset, post, next: { offset, line: offset + 1 } };
      };
      // Backfill: aligned to a minute so the first learned minute is a whole one.
      let t = Math.floor((Date.now() - o.backfillMinutes * 60_000) / 60_000) * 60_000;
      const nextArrival = new Map(o.watches.map((w) => [w.name, t + expGap()]));
      const arrivalsIn = (from: number, to: number): { w: BenchWatch; at: number }[] => {
        const out: { w: BenchWatch; at: number }[] = [];
        for (const w of o.watches) {
          let at = nextArrival.get(w.name)!;
          while (at < to) {
            if (at >= from) out.push({ w, at });
            at += expGap();
          }
          nextArrival.set(w.name, at);
        }
        return out;
      };
      const backfillTick = 100;
      const perBackfillTick = (o.backfillRate * backfillTick) / 1000;
      while (t + backfillTick <= Date.now()) {
        if (o.signal.aborted) return;
        const posts: RawPost[] = [];
        for (const { w, at } of arrivalsIn(t, t + backfillTick)) posts.push(watchPost(w, Math.floor(at)));
        for (let i = 0; i < perBackfillTick; i++) posts.push(background(t + Math.floor((i * backfillTick) / perBackfillTick)));
        posts.sort((a, b) => a.createdAt - b.createdAt);
        for (const p of posts) yield item(p);
        stats.backfillPosts += posts.length;
        t += backfillTick;
      }

      // Live: ticks scheduled from where the backfill stopped (at most one backfill tick ago).
      const liveStart = t;
      stats.liveStartedAt = Date.now();
      for (const w of o.watches) stats.surgeWindows.set(w.name, { from: liveStart + w.surgeAtMs, to: liveStart + w.surgeAtMs + o.surgeMs });
      const surgeGap = o.surgeMs / o.surgePosts;
      const perTick = Math.round((o.rate * o.tickMs) / 1000);
      const end = liveStart + o.liveMs;
      const hardStop = stats.liveStartedAt + o.maxLiveMs;
      for (let ts = liveStart; ts < end; ts += o.tickMs) {
        if (o.signal.aborted) break;
        if (Date.now() >= hardStop) {
          stats.unsentPosts = Math.round(((end - ts) / o.tickMs) * perTick);
          break;
        }
        const wait = ts - Date.now();
        if (wait > 0) await sleep(wait);
        stats.lagMs.push(Date.now() - ts);
        const watchHits: BenchWatch[] = arrivalsIn(ts, ts + o.tickMs).map((a) => a.w);
        for (const w of o.watches) {
          const s = liveStart + w.surgeAtMs;
          if (ts + o.tickMs <= s || ts >= s + o.surgeMs) continue;
          // Surge post k is due at s + k × surgeGap.
          const first = Math.max(0, Math.ceil((ts - s) / surgeGap));
          for (let k = first; k < o.surgePosts && s + k * surgeGap < ts + o.tickMs; k++) watchHits.push(w);
        }
        const n = Math.max(perTick, watchHits.length);
        // Spread the tick's watch posts among its background posts.
        const every = watchHits.length > 0 ? n / watchHits.length : Infinity;
        let nextWatch = 0;
        for (let i = 0; i < n; i++) {
          const now = Date.now();
          let post: RawPost;
          if (nextWatch < watchHits.length && i >= Math.floor(nextWatch * every)) {
            const w = watchHits[nextWatch++];
            post = watchPost(w, now);
            stats.liveTimes.get(w.name)!.push(now);
          } else {
            post = background(now);
          }
          stats.livePosts++;
          yield item(post);
        }
      }
      stats.liveEndedAt = Date.now();
    },
  };
  return { source, stats };
}
