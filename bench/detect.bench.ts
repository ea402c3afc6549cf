/**
 * `npm run bench:detect [-- --posts N]` — detector throughput and memory.
 *
 * Feeds N synthetic posts (default 10M) through the EmergingTermDetector and a SpikeDetector per
 * watch, and prints JSON: RSS after 1M and after N posts (rested, after forced GCs), their ratio,
 * RSS 1M posts after the cold start and its ratio to the end, and
 * posts/s through the detectors (generation time excluded), overall and after the emerging-term
 * detector's day-long cold start (`postsPerSecWarm`: the path that follows rising terms and
 * founds topics, which is what a running installation pays). Posts are realistic in shape: 6–20
 * tokens drawn from a Zipf law over a million-word vocabulary (so new rare words keep coming,
 * which is what would grow an unbounded detector), hashtags, links with mostly unique paths,
 * domains, 13 languages, authors, 15% reposts and 10% replies, and a new bursting topic every
 * stream hour. Stream time advances at `--rate` posts/s (default 25, about 2.2M posts a day: 10M
 * posts span 4.6 stream days, so more than three of them run warm).
 */
import { EmergingTermDetector } from '../src/detect/emerging-term-detector.js';
import type { DetectablePost } from '../src/detect/detectable-post.js';
import { SpikeDetector } from '../src/detect/spike-detector.js';
import { seededRandom } from '../src/sources/simulator/rng.js';
import { ZipfSampler } from '../src/detect/synthetic-posts.js';

interface Args {
  posts: number;
  rate: number;
  seed: number;
  watches: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { posts: 10_000_000, rate: 25, seed: 1, watches: 20 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = Number(argv[++i]);
    if (!Number.isFinite(value)) throw new Error(`${a} needs a number`);
    if (a === '--posts') args.posts = value;
    else if (a === '--rate') args.rate = value;
    else if (a === '--seed') args.seed = value;
    else if (a === '--watches') args.watches = value;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const LANGS = ['en', 'es', 'fr', 'ar', 'zh', 'ru', 'fa', 'ug', 'de', 'pt', 'hi', 'ja', 'tr'];
const LANG_SHARE = new ZipfSampler(LANGS.length, 1.2);
const VOCABULARY = 1_000_000;
const BATCH = 10_000;
const AUTHORS = 200_000;

/** Word i of the synthetic vocabulary: short for frequent ranks, as in real text. */
function word(rank: number): string {
  return `w${rank.toString(36)}`;
}

class PostFactory {
  private readonly rand: () => number;
  private readonly words = new ZipfSampler(VOCABULARY, 1.0);
  private readonly tags = new ZipfSampler(50_000, 1.1);
  private readonly domains = new ZipfSampler(5_000, 1.2);
  private seq = 0;
  private readonly words0: string[] = [];
  private readonly authorRanks = new ZipfSampler(AUTHORS, 0.8);
  private readonly authors: string[] = [];

  constructor(
    seed: number,
    private readonly rate: number,
    private readonly start: number,
  ) {
    this.rand = seededRandom(seed);
    // The frequent head of the vocabulary as shared strings (like interned tokens).
    for (let r = 0; r < 20_000; r++) this.words0.push(word(r));
    for (let a = 0; a < AUTHORS; a++) this.authors.push(`a${a.toString(36)}`);
  }

  private token(): string {
    const r = this.words.sample(this.rand());
    return r < this.words0.length ? this.words0[r] : word(r);
  }

  next(): DetectablePost {
    const i = this.seq++;
    const t = this.start + Math.floor((i / this.rate) * 1000);
    const rand = this.rand;
    const n = 6 + Math.floor(rand() * 15);
    const tokens: string[] = [];
    for (let k = 0; k < n; k++) tokens.push(this.token());
    // A new topic every stream hour, bursting for 20 minutes at ~1% of posts.
    const hour = Math.floor((t - this.start) / 3_600_000);
    const inHour = (t - this.start) % 3_600_000;
    if (inHour < 1_200_000 && rand() < 0.01) tokens.push(`topic${hour}a`, `topic${hour}b`, `topic${hour}c`);
    const hashtags = rand() < 0.2 ? [`tag${this.tags.sample(rand()).toString(36)}`] : [];
    const links: string[] = [];
    const domains: string[] = [];
    if (rand() < 0.3) {
      const domain = `site${this.domains.sample(rand()).toString(36)}.example`;
      domains.push(domain);
      links.push(`https://${domain}/p/${Math.floor(rand() * 1e9).toString(36)}`);
    }
    const kind = rand();
    const post: DetectablePost = {
      id: `b:${i}`,
      createdAt: t,
      tokens,
      hashtags,
      links,
      domains,
      lang: LANGS[LANG_SHARE.sample(rand())],
      platform: rand() < 0.5 ? 'bluesky' : 'mastodon',
      text: tokens.join(' '),
      authorKey: this.authors[this.authorRanks.sample(rand())],
      ...(kind < 0.15 ? { repostOf: `b:${Math.floor(rand() * i)}` } : kind < 0.25 ? { replyTo: `b:${Math.floor(rand() * i)}` } : {}),
    };
    return post;
  }
}

/**
 * RSS once the process has rested: a busy V8 keeps the heap pages it grew to (here up to 250 MB
 * for 40 MB of live objects) until it idles, so RSS taken mid-stream measures garbage timing
 * more than what the detectors hold. Both points are taken the same way.
 */
async function restedRssMb(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 6; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const start = Date.UTC(2026, 0, 5);
  const factory = new PostFactory(args.seed, args.rate, start);
  const emerging = new EmergingTermDetector();
  const spikes = Array.from({ length: args.watches }, (_, i) => new SpikeDetector({ watch: `watch-${i}` }));
  const batch: DetectablePost[] = new Array(BATCH);
  let detectMs = 0;
  let warmMs = 0;
  let warmPosts = 0;
  let warmAfterPosts: number | null = null;
  let alerts = 0;
  let rss1M: number | null = null;
  // 1M posts fall in the emerging-term detector's cold start (it follows no term yet): RSS is
  // also taken 1M posts after the cold start, the steady state to compare the end with.
  let rssWarm: number | null = null;
  const gcAvailable = typeof (globalThis as { gc?: unknown }).gc === 'function';
  for (let done = 0; done < args.posts; ) {
    const n = Math.min(BATCH, args.posts - done);
    for (let i = 0; i < n; i++) batch[i] = factory.next();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const post = batch[i];
      alerts += emerging.observe(post).length;
      // About one post in ten matches some watch.
      const w = post.tokens.length > 0 ? (post.tokens[0].charCodeAt(1) * 7 + post.tokens.length) % (spikes.length * 10) : -1;
      if (w >= 0 && w < spikes.length) alerts += spikes[w].observe(post).length;
    }
    const last = batch[n - 1].createdAt;
    for (const s of spikes) alerts += s.advanceTo(last).length;
    const ms = performance.now() - t0;
    detectMs += ms;
    if (warmAfterPosts !== null) {
      warmMs += ms;
      warmPosts += n;
    }
    done += n;
    if (warmAfterPosts === null && emerging.status().warm) warmAfterPosts = done;
    if (rss1M === null && done >= Math.min(1_000_000, args.posts)) rss1M = await restedRssMb();
    if (rssWarm === null && warmAfterPosts !== null && done >= warmAfterPosts + 1_000_000) rssWarm = await restedRssMb();
  }
  alerts += emerging.flush().length;
  const rssEnd = await restedRssMb();
  const status = emerging.status();
  console.log(
    JSON.stringify({
      posts: args.posts,
      rssAfter1MMb: rss1M,
      rssAfterAllMb: rssEnd,
      rssRatio: rss1M ? Math.round((rssEnd / rss1M) * 1000) / 1000 : null,
      rssWarm1MMb: rssWarm,
      rssRatioWarm: rssWarm ? Math.round((rssEnd / rssWarm) * 1000) / 1000 : null,
      postsPerSec: Math.round(args.posts / (detectMs / 1000)),
      postsPerSecWarm: warmPosts > 0 ? Math.round(warmPosts / (warmMs / 1000)) : null,
      warmAfterPosts,
      watches: args.watches,
      alerts,
      trackedTerms: status.trackedTerms,
      activeTopics: status.activeTopics,
      streamDays: Math.round((args.posts / args.rate / 86_400) * 100) / 100,
      gcForced: gcAvailable,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      heapTotalMb: Math.round(process.memoryUsage().heapTotal / 2 ** 20),
      externalMb: Math.round(process.memoryUsage().external / 2 ** 20),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
