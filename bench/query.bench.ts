/**
 * Store-side query figures at 1,000,000 posts (a month of simulated multilingual posts):
 * - a watch's hourly series over the month, read from its rollups (target < 50 ms p50);
 * - `search` of a 3-term query with a phrase, newest 50 (target < 100 ms p50);
 * plus backfill time and other query shapes for context. Prints JSON.
 *
 * The generated database is cached in .tmp/ (delete it to regenerate):
 *
 *   npm run bench:query [-- --posts 1000000 --runs 40]
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { extractEntities } from '../src/enrich/entities.js';
import { tokenize } from '../src/enrich/tokenize.js';
import { postId, type Post } from '../src/model/post.js';
import { createSimulator } from '../src/sources/simulator/index.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { addWatch, countQuery, listWatches, removeWatch, searchQuery, watchVolume } from '../src/store/sqlite/watches.js';
import { numberArg } from './args.js';

const POSTS = numberArg('posts', 1_000_000);
const RUNS = numberArg('runs', 40);
const SEED = 3;
const MONTH_START = Date.UTC(2025, 0, 1);
const MONTH = 30 * 86_400_000;
const PATH = `.tmp/bench-query-${POSTS}.db`;
const MARKER = `sim seed=${SEED} posts=${POSTS} start=${MONTH_START} span=${MONTH} v1`;

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

function enrich(r: { platform: string; nativeId: string; source: string; createdAt: number; text: string; langHint?: string; hashtags?: string[]; mentions?: string[]; links?: string[]; replyTo?: string; repostOf?: string; quoteOf?: string }, i: number): Post {
  const e = extractEntities(r.text, { hashtags: r.hashtags, mentions: r.mentions, links: r.links });
  const post: Post = {
    id: postId(r.platform, r.nativeId), platform: r.platform, source: r.source, createdAt: r.createdAt, ingestedAt: r.createdAt + 500,
    authorKey: (i % 9973).toString(16).padStart(32, '0'), text: r.text, lang: r.langHint ?? 'und', langConfidence: 1, tokens: tokenize(r.text), ...e,
  };
  if (r.replyTo) post.replyTo = r.replyTo;
  if (r.repostOf) post.repostOf = r.repostOf;
  if (r.quoteOf) post.quoteOf = r.quoteOf;
  // Sentiment arrives from another stage; give the rollups something to count.
  const s = i % 7;
  if (s < 3) post.sentiment = { label: s === 0 ? 'negative' : s === 1 ? 'neutral' : 'positive', score: 0 };
  return post;
}

async function generate(): Promise<{ seconds: number }> {
  mkdirSync('.tmp', { recursive: true });
  for (const f of [PATH, `${PATH}-wal`, `${PATH}-shm`]) rmSync(f, { force: true });
  const store = new SqliteStore({ path: PATH });
  const t0 = performance.now();
  const source = createSimulator({ seed: SEED, posts: POSTS, start: MONTH_START, ratePerSecond: POSTS / (MONTH / 1000) });
  let batch: Post[] = [];
  let i = 0;
  for await (const item of source.read()) {
    if (item.kind !== 'post') continue;
    batch.push(enrich(item.post, i++));
    if (batch.length === 10_000) {
      store.writeBatchSync(batch);
      batch = [];
      if (i % 100_000 === 0) log(`generated ${i} posts (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  if (batch.length) store.writeBatchSync(batch);
  store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('bench-query', ?)").run(MARKER);
  await store.close();
  return { seconds: (performance.now() - t0) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function timed(runs: number, fn: (i: number) => unknown): { p50: number; p95: number; mean: number } {
  const ms: number[] = [];
  fn(0); // warm the page cache and the statement
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const r = (x: number) => +x.toFixed(2);
  return { p50: r(percentile(ms, 0.5)), p95: r(percentile(ms, 0.95)), mean: r(ms.reduce((a, b) => a + b, 0) / ms.length) };
}

/** `"a b" c d` queries taken from stored posts of space-separated languages: each matches at least one post. */
function searchQueries(store: SqliteStore, n: number, broad: boolean): string[] {
  const df = store.db.prepare('SELECT doc FROM posts_vocab WHERE term = ?').pluck();
  const rows = store.db.prepare("SELECT text FROM posts WHERE lang IN ('en', 'es', 'fr', 'de', 'pt', 'ru', 'tr') AND rowid % 997 = ? LIMIT 400").pluck().all(SEED) as string[];
  const out: string[] = [];
  for (const text of rows) {
    const all = tokenize(text);
    const toks = all.filter((t) => /^\p{L}[\p{L}']*$/u.test(t));
    if (toks.length < 6) continue;
    // The phrase: two adjacent word tokens of the post (adjacent in the full token sequence).
    const at = all.findIndex((t, k) => k >= all.length / 3 && /^\p{L}/u.test(t) && /^\p{L}/u.test(all[k + 1] ?? ''));
    if (at < 0) continue;
    const phrase = `"${all[at]} ${all[at + 1]}"`;
    // Broad: common words (thousands of matches); selective: rarer ones.
    const scored = toks.map((t) => ({ t, df: df.get(t) as number }));
    const terms = scored.filter((x) => (broad ? x.df > 5000 : x.df < 20000)).map((x) => x.t);
    const rest = terms.filter((t) => t !== all[at] && t !== all[at + 1]).slice(0, 2);
    if (rest.length < 2) continue;
    out.push(broad ? `${phrase} OR (${rest[0]} ${rest[1]})` : `${phrase} ${rest[0]} ${rest[1]}`);
    if (out.length === n) break;
  }
  return out;
}

async function main(): Promise<void> {
  let generated: { seconds: number } | undefined;
  const cached = existsSync(PATH) && (() => {
    const s = new SqliteStore({ path: PATH, readonly: true });
    try {
      return (s.db.prepare("SELECT value FROM meta WHERE key = 'bench-query'").pluck().get() as string | undefined) === MARKER;
    } catch {
      return false;
    } finally {
      void s.close();
    }
  })();
  if (!cached) {
    log(`generating ${POSTS} posts into ${PATH} …`);
    generated = await generate();
  }
  const store = new SqliteStore({ path: PATH });
  const posts = store.db.prepare('SELECT count(*) FROM posts').pluck().get() as number;

  // Watches, added (and backfilled) once per database.
  const backfill: Record<string, number> = {};
  const definitions: Record<string, string> = {
    english: 'lang:en',
    transport: '(train OR trains OR metro OR bus OR tren OR "the train" OR traffic*) -is:repost',
    prices: '(price* OR prix OR precio* OR preise OR цены OR 价格) AND NOT lang:ja',
    weather: '(rain OR storm* OR heat OR snow OR lluvia OR pluie OR 天气 OR 雨) OR (weather NEAR/3 warning)',
  };
  for (const [name, query] of Object.entries(definitions)) {
    removeWatch(store.db, name);
    const t = performance.now();
    addWatch(store.db, name, query);
    backfill[name] = +((performance.now() - t) / 1000).toFixed(2);
  }
  const watches = listWatches(store.db);
  const volumes: Record<string, unknown> = {};
  for (const w of watches) {
    const total = watchVolume(store.db, w.id, 'day', MONTH_START, MONTH_START + MONTH).reduce((s, p) => s + p.count, 0);
    const rollupRows = store.db.prepare('SELECT count(*) FROM watch_rollup_minute WHERE watch_id = ?').pluck().get(w.id);
    volumes[w.name] = { posts: total, rollupRows, hourlyOverMonthMs: timed(RUNS, () => watchVolume(store.db, w.id, 'hour', MONTH_START, MONTH_START + MONTH)) };
  }

  const search = (queries: string[]) => {
    const counts = queries.map((q) => countQuery(store.db, q));
    const stats = timed(RUNS, (i) => searchQuery(store.db, queries[i % queries.length], { limit: 50 }));
    return { queries: queries.length, example: queries[0], matches: { min: Math.min(...counts), median: counts.sort((a, b) => a - b)[Math.floor(counts.length / 2)], max: Math.max(...counts) }, newest50Ms: stats };
  };
  const selective = searchQueries(store, 20, false);
  const broad = searchQueries(store, 20, true);
  const shapes: Record<string, string[]> = {
    wildcard: ['train* OR metro*', 'price* -lang:en'],
    orderedNear: ['train NEAR/3f late', 'prices NEAR/5f again'],
    fieldsOnly: ['lang:fr has:link', 'is:reply lang:zh'],
  };

  const file = statSync(PATH).size;
  console.log(
    JSON.stringify(
      {
        bench: 'query',
        posts,
        database: { path: PATH, megabytes: Math.round(file / 1e6), generatedSeconds: generated ? +generated.seconds.toFixed(1) : 'cached' },
        backfillSeconds: backfill,
        watchSeries: { target: 'hourly over a month < 50 ms p50', ...volumes },
        search: {
          target: '3-term query with a phrase, newest 50 < 100 ms p50',
          threeTermsWithPhrase: search(selective),
          broadPhraseOrTerms: search(broad),
          ...Object.fromEntries(Object.entries(shapes).map(([k, qs]) => [k, search(qs)])),
        },
      },
      null,
      2,
    ),
  );
  await store.close();
}

void main();
