/**
 * Applying a platform's deletions at scale: 100,000 deletions spread over a store of N posts
 * (default 1,000,000) with three watches, through `Store.deletePosts` in calls of 10,000 ids (what
 * `tidewatch forget` and `POST /api/deletions` do). Prints deletions per second and checks that
 * the volume and watch rollups still equal a count of the posts left. Prints JSON.
 *
 * The generated store is cached in .tmp/ and copied for each run (delete it to regenerate):
 *
 *   npm run bench:deletions [-- --posts 1000000 --delete 100000]
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { samplePosts } from '../src/server/testing/sample-posts.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { countQuery } from '../src/store/sqlite/watches.js';
import { numberArg } from './args.js';

const POSTS = numberArg('posts', 1_000_000);
const DELETE = numberArg('delete', 100_000);
const CALL = 10_000;
const BATCH = 10_000;
const WATCHES = { floods: 'flood OR فيضان OR 洪水', vaccines: 'vaccination OR vacunación OR 疫苗', arabic: 'lang:ar' };
const BASE = `.tmp/bench-deletions-${POSTS}.db`;
const WORK = `.tmp/bench-deletions-work.db`;

mkdirSync('.tmp', { recursive: true });
if (!existsSync(BASE)) {
  const store = new SqliteStore({ path: BASE });
  const end = Date.now();
  const start = end - 7 * 86_400_000;
  for (let i = 0; i < POSTS; i += BATCH) {
    const n = Math.min(BATCH, POSTS - i);
    store.writeBatchSync(samplePosts(n, start + ((end - start) * i) / POSTS, start + ((end - start) * (i + n)) / POSTS, { seed: i + 1, prefix: `b${i}-` }));
    if ((i / BATCH) % 20 === 0) process.stderr.write(`\rbuilding store: ${i + n}/${POSTS}`);
  }
  process.stderr.write('\n');
  for (const [name, query] of Object.entries(WATCHES)) await store.addWatch(name, query);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
}
for (const suffix of ['', '-wal', '-shm']) rmSync(WORK + suffix, { force: true });
copyFileSync(BASE, WORK);
const store = new SqliteStore({ path: WORK });
// Every k-th post, so the deletions fall across the whole week and every watch.
const step = Math.max(1, Math.floor(POSTS / DELETE));
const ids = store.db.prepare('SELECT id FROM posts WHERE rowid % ? = 0 LIMIT ?').pluck().all(step, DELETE) as string[];
const watchCountsBefore = Object.fromEntries(Object.keys(WATCHES).map((w) => [w, countQuery(store.db, WATCHES[w as keyof typeof WATCHES])]));

const started = performance.now();
let deleted = 0;
for (let i = 0; i < ids.length; i += CALL) deleted += (await store.deletePosts(ids.slice(i, i + CALL), { reason: 'bench' })).deleted;
const seconds = (performance.now() - started) / 1000;

// The figures must still equal the posts they count.
const posts = store.db.prepare('SELECT COUNT(*) FROM posts').pluck().get() as number;
const volume = store.db.prepare('SELECT COALESCE(SUM(n), 0) FROM rollup_minute').pluck().get() as number;
const watches = Object.fromEntries(
  (await store.listWatches()).map((w) => {
    const rolled = store.db.prepare('SELECT COALESCE(SUM(n), 0) FROM watch_rollup_minute WHERE watch_id = ?').pluck().get(w.id) as number;
    return [w.name, { before: watchCountsBefore[w.name], after: countQuery(store.db, w.query), rolled }];
  }),
);
const consistent = volume === posts && Object.values(watches).every((w) => w.after === w.rolled);
await store.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(WORK + suffix, { force: true });
console.log(JSON.stringify({ posts: POSTS, deleted, seconds: Number(seconds.toFixed(2)), deletionsPerSec: Math.round(deleted / seconds), postsLeft: posts, volumeRollup: volume, watches, consistent }, null, 2));
if (!consistent) process.exitCode = 1;
