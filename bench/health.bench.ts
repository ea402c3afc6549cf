/**
 * What the sources page costs on a big store: `SqliteSourceHealth.list()` over N stored posts
 * (default 1,000,000) from sources that have all gone quiet, so none of them is in the five-minute
 * rate window. Also times the per-source scan of posts that list() ran for each quiet source
 * before `source_stats` existed (posts have no index on source), for comparison. Prints JSON.
 *
 * The generated database is cached in .tmp/ (delete it to regenerate):
 *
 *   npm run bench:health [-- --posts 1000000 --runs 9]
 */
import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SqliteSourceHealth } from '../src/server/source-health.js';
import { samplePosts } from '../src/server/testing/sample-posts.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { numberArg } from './args.js';

const POSTS = numberArg('posts', 1_000_000);
const RUNS = numberArg('runs', 9);
const BATCH = 10_000;
/** Every 20th batch comes from a second, sparse source. */
const SOURCES = ['sample', 'rss:sparse'];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

mkdirSync('.tmp', { recursive: true });
const store = new SqliteStore({ path: `.tmp/bench-health-${POSTS}.db`, matchWatches: false });
const have = (store.db.prepare('SELECT COUNT(*) AS n FROM posts').get() as { n: number }).n;
// A day of posts that ended an hour ago: every source is outside the rate window.
const end = Date.now() - 3_600_000;
const start = end - 86_400_000;
for (let i = have; i < POSTS; i += BATCH) {
  const n = Math.min(BATCH, POSTS - i);
  const source = SOURCES[(i / BATCH) % 20 === 0 ? 1 : 0];
  const from = start + ((end - start) * i) / POSTS;
  const to = start + ((end - start) * (i + n)) / POSTS;
  const batch = samplePosts(n, from, to, { seed: i + 1, prefix: `b${i}-` }).map((p) => ({ ...p, source }));
  store.writeBatchSync(batch, { source, cursor: { offset: i + n, line: i + n + 1 } });
  if ((i / BATCH) % 20 === 0) process.stderr.write(`\rbuilding store: ${i + n}/${POSTS}`);
}
if (have < POSTS) process.stderr.write('\n');

const listMs: number[] = [];
let sources: string[] = [];
for (let k = 0; k < RUNS; k++) {
  const health = new SqliteSourceHealth(store.db, Date.now, 0);
  const t = performance.now();
  const list = await health.list();
  listMs.push(performance.now() - t);
  sources = list.map((s) => `${s.name} (${s.status})`);
}
const scan = store.db.prepare('SELECT MAX(created_at) AS last, MAX(ingested_at) AS lastIngest FROM posts WHERE source = ?');
const scanMs: number[] = [];
for (let k = 0; k < RUNS; k++) {
  const t = performance.now();
  for (const s of SOURCES) scan.get(s);
  scanMs.push((performance.now() - t) / SOURCES.length);
}
console.log(
  JSON.stringify(
    {
      posts: POSTS,
      sources,
      listMsMedian: Number(median(listMs).toFixed(2)),
      listMsMax: Number(Math.max(...listMs).toFixed(2)),
      formerScanPerQuietSourceMsMedian: Number(median(scanMs).toFixed(1)),
    },
    null,
    2,
  ),
);
await store.close();
