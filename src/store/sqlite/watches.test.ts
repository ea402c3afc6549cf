import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Post } from '../../model/post.js';
import { compileMatcher, parseQuery, prepareForMatching, QueryError } from '../../query/index.js';
import { CORPUS } from '../../query/test-corpus.js';
import type { Bucket } from '../store.js';
import { StoreError } from '../store.js';
import { SqliteStore } from './sqlite-store.js';
import {
  addWatch,
  backfillWatch,
  countQuery,
  getWatch,
  laggingWatches,
  listWatches,
  loadWatchMatcher,
  recordBatch,
  removeWatch,
  searchQuery,
  shareOfVoice,
  syncWatchMatcher,
  testQuery,
  updateWatch,
  watchLanguages,
  watchVolume,
} from './watches.js';

const T0 = Date.UTC(2025, 3, 1, 22, 0, 0);
const MINUTE = 60_000;
const SIZE: Record<Bucket, number> = { minute: MINUTE, hour: 3_600_000, day: 86_400_000 };
const SENTIMENTS = [undefined, 'negative', 'neutral', 'positive'] as const;

/** `n` posts cycling through the corpus texts, 7 minutes apart from `start`, with varied sentiment. */
function stream(n: number, start: number, prefix: string): Post[] {
  return Array.from({ length: n }, (_, i) => {
    const base = CORPUS[i % CORPUS.length];
    const post: Post = { ...base, id: `${base.platform}:${prefix}${i}`, createdAt: start + i * 7 * MINUTE + (i % 5) * 1000, ingestedAt: start + i * 7 * MINUTE + 5000 };
    const label = SENTIMENTS[(i * 7) % 4];
    if (label) post.sentiment = { label, score: 0 };
    else delete post.sentiment;
    return post;
  });
}

/** The series computed straight from the posts with the streaming matcher. */
function direct(posts: readonly Post[], query: string, bucket: Bucket, from: number, to: number, lang?: string) {
  const m = compileMatcher(parseQuery(query).ast!);
  const size = SIZE[bucket];
  const out = new Map<number, { t: number; count: number; negative: number; neutral: number; positive: number }>();
  for (const p of posts) {
    const minute = Math.floor(p.createdAt / MINUTE) * MINUTE;
    if (minute < from || minute >= to || (lang && p.lang !== lang) || !m.matches(prepareForMatching(p))) continue;
    const t = Math.floor(minute / size) * size;
    const cell = out.get(t) ?? { t, count: 0, negative: 0, neutral: 0, positive: 0 };
    cell.count++;
    if (p.sentiment) cell[p.sentiment.label]++;
    out.set(t, cell);
  }
  return [...out.values()].sort((a, b) => a.t - b.t);
}

/** One ingest batch as the pipeline writes it: posts, then their watch matches, in one transaction. */
function ingest(store: SqliteStore, matcher: ReturnType<typeof loadWatchMatcher>, posts: Post[]) {
  return store.db.transaction(() => {
    const result = store.writeBatchSync(posts);
    return recordBatch(store.db, matcher, posts, result.storedIds);
  })();
}

const QUERIES = {
  climate: '(climate OR climat* OR 气候 OR المناخ) -is:repost',
  vaccines: 'vaccine* OR #vaccines',
  near: 'climate NEAR/3f crisis',
};

describe('watches in the SQLite store', () => {
  let store: SqliteStore;
  afterEach(async () => {
    await store?.close();
  });

  it('add backfills from stored posts; ingest updates the series; volume equals a count from the posts', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const before = stream(400, T0, 'a');
    store.writeBatchSync(before);
    const w = addWatch(store.db, 'Climate', QUERIES.climate, { batchSize: 50 });
    expect(w).toMatchObject({ name: 'Climate', query: QUERIES.climate, rev: 1, backfilling: false });
    const from = T0 - SIZE.day;
    const to = T0 + 10 * SIZE.day;
    for (const bucket of ['minute', 'hour', 'day'] as const) {
      expect(watchVolume(store.db, w.id, bucket, from, to)).toEqual(direct(before, QUERIES.climate, bucket, from, to));
    }
    const backfilled = watchVolume(store.db, w.id, 'day', from, to).reduce((s, p) => s + p.count, 0);
    expect(backfilled).toBeGreaterThan(50);

    const matcher = loadWatchMatcher(store.db);
    const after = stream(300, T0 + 400 * 7 * MINUTE, 'b');
    for (let i = 0; i < after.length; i += 64) ingest(store, matcher, after.slice(i, i + 64));
    // A batch of duplicates changes nothing.
    ingest(store, matcher, after.slice(0, 64));
    const all = [...before, ...after];
    for (const bucket of ['minute', 'hour', 'day'] as const) {
      expect(watchVolume(store.db, w.id, bucket, from, to), bucket).toEqual(direct(all, QUERIES.climate, bucket, from, to));
    }
    expect(watchVolume(store.db, w.id, 'hour', from, to, { lang: 'zh' })).toEqual(direct(all, QUERIES.climate, 'hour', from, to, 'zh'));
    const total = watchVolume(store.db, w.id, 'day', from, to).reduce((s, p) => s + p.count, 0);
    expect(total).toBe(countQuery(store.db, QUERIES.climate));
    const langs = watchLanguages(store.db, w.id, from, to);
    expect(Object.values(langs).reduce((a, b) => a + b, 0)).toBe(total);
    expect(langs.zh).toBe(direct(all, QUERIES.climate, 'day', from, to, 'zh').reduce((s, p) => s + p.count, 0));
  });

  it('fill gives every bucket of the range, empty ones as zero', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    store.writeBatchSync(stream(20, T0, 'a'));
    const w = addWatch(store.db, 'all-climate', 'climate');
    const series = watchVolume(store.db, w.id, 'hour', T0, T0 + 3 * SIZE.hour, { fill: true });
    expect(series.map((p) => p.t)).toEqual([T0, T0 + SIZE.hour, T0 + 2 * SIZE.hour]);
    expect(series.reduce((s, p) => s + p.count, 0)).toBe(countQuery(store.db, 'climate', { from: T0, to: T0 + 3 * SIZE.hour }));
  });

  it('counts exactly when the ingest matcher lags behind the watches table', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const a = stream(150, T0, 'a');
    store.writeBatchSync(a);
    const climate = addWatch(store.db, 'climate', QUERIES.climate);
    const matcher = loadWatchMatcher(store.db);
    // Another process adds a watch; this ingest loop does not know it yet.
    const vaccines = addWatch(store.db, 'vaccines', QUERIES.vaccines, { backfill: false });
    const b = stream(100, T0 + 150 * 7 * MINUTE, 'b');
    ingest(store, matcher, b);
    expect(laggingWatches(store.db)).toEqual([vaccines.id]);
    expect(getWatch(store.db, 'vaccines')?.backfilling).toBe(true);
    expect(backfillWatch(store.db, vaccines.id, { batchSize: 40 }).done).toBe(true);
    expect(laggingWatches(store.db)).toEqual([]);
    expect(syncWatchMatcher(store.db, matcher).changed).toBe(true);
    const c = stream(100, T0 + 250 * 7 * MINUTE, 'c');
    ingest(store, matcher, c);
    const all = [...a, ...b, ...c];
    const range = [T0 - SIZE.day, T0 + 30 * SIZE.day] as const;
    expect(watchVolume(store.db, vaccines.id, 'hour', ...range)).toEqual(direct(all, QUERIES.vaccines, 'hour', ...range));
    expect(watchVolume(store.db, climate.id, 'hour', ...range)).toEqual(direct(all, QUERIES.climate, 'hour', ...range));

    // The query changes under the ingest loop: its stale matcher must not count with the old query.
    updateWatch(store.db, 'climate', { query: QUERIES.near }, { backfill: false });
    const d = stream(70, T0 + 350 * 7 * MINUTE, 'd');
    ingest(store, matcher, d);
    expect(laggingWatches(store.db)).toEqual([climate.id]);
    backfillWatch(store.db, climate.id);
    // Caught up with the new query, but this matcher still holds revision 1: it must not count.
    const e = stream(60, T0 + 420 * 7 * MINUTE, 'e');
    ingest(store, matcher, e);
    expect(laggingWatches(store.db)).toEqual([climate.id]);
    backfillWatch(store.db, climate.id);
    const everything = [...all, ...d, ...e];
    expect(watchVolume(store.db, climate.id, 'hour', ...range)).toEqual(direct(everything, QUERIES.near, 'hour', ...range));
    expect(getWatch(store.db, climate.id)?.rev).toBe(2);
  });

  it('backfill can be interrupted and resumed without double counting', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const posts = stream(300, T0, 'a');
    store.writeBatchSync(posts);
    const w = addWatch(store.db, 'v', QUERIES.vaccines, { backfill: false });
    const first = backfillWatch(store.db, w.id, { batchSize: 100, maxBatches: 1 });
    expect(first.done).toBe(false);
    expect(first.syncedRowid).toBe(100);
    expect(backfillWatch(store.db, w.id, { batchSize: 100 }).done).toBe(true);
    expect(backfillWatch(store.db, w.id).counted).toBe(0);
    const range = [T0 - SIZE.day, T0 + 30 * SIZE.day] as const;
    expect(watchVolume(store.db, w.id, 'day', ...range)).toEqual(direct(posts, QUERIES.vaccines, 'day', ...range));
  });

  it('validates names and queries; nothing is saved on error', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    addWatch(store.db, 'Climate', 'climate');
    expect(() => addWatch(store.db, 'climate', 'crisis')).toThrow(StoreError);
    expect(() => addWatch(store.db, '  ', 'crisis')).toThrow(StoreError);
    let err: unknown;
    try {
      addWatch(store.db, 'bad', 'climate AND (crisis');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).diagnostics[0]).toMatchObject({ code: 'unbalanced-paren', column: 13 });
    expect(() => addWatch(store.db, 'people', 'author:someone')).toThrow(QueryError);
    expect(listWatches(store.db).map((w) => w.name)).toEqual(['Climate']);
  });

  it('update renames and replaces the query; remove drops the watch and its rollups', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const posts = stream(140, T0, 'a');
    store.writeBatchSync(posts);
    const w = addWatch(store.db, 'c', 'climate', { description: 'climate in English' });
    expect(getWatch(store.db, 'c')?.description).toBe('climate in English');
    const renamed = updateWatch(store.db, 'c', { name: 'climate-en' });
    expect(renamed).toMatchObject({ id: w.id, name: 'climate-en', rev: 1 });
    const changed = updateWatch(store.db, w.id, { query: '天气' });
    expect(changed.rev).toBe(2);
    const range = [T0 - SIZE.day, T0 + 30 * SIZE.day] as const;
    expect(watchVolume(store.db, w.id, 'day', ...range)).toEqual(direct(posts, '天气', 'day', ...range));
    expect(getWatch(store.db, String(w.id))?.name).toBe('climate-en');
    expect(removeWatch(store.db, 'climate-en')).toBe(true);
    expect(removeWatch(store.db, 'climate-en')).toBe(false);
    expect(store.db.prepare('SELECT count(*) FROM watch_rollup_minute').pluck().get()).toBe(0);
  });

  it('share of voice splits the summed volume of several watches', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const posts = stream(200, T0, 'a');
    store.writeBatchSync(posts);
    const a = addWatch(store.db, 'climate', QUERIES.climate);
    const b = addWatch(store.db, 'vaccines', QUERIES.vaccines);
    const from = T0;
    const to = T0 + 12 * SIZE.hour;
    const ca = countQuery(store.db, QUERIES.climate, { from, to });
    const cb = countQuery(store.db, QUERIES.vaccines, { from, to });
    const sov = shareOfVoice(store.db, [a.id, b.id], from, to);
    expect(sov.total).toBe(ca + cb);
    expect(sov.watches).toEqual([
      { watchId: a.id, name: 'climate', count: ca, share: ca / (ca + cb) },
      { watchId: b.id, name: 'vaccines', count: cb, share: cb / (ca + cb) },
    ]);
  });

  it('search pages newest first with a cursor, within [from, to)', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const posts = stream(280, T0, 'a');
    store.writeBatchSync(posts);
    const q = 'climate OR crisis OR 天气';
    const from = T0 + SIZE.hour;
    const to = T0 + 20 * SIZE.hour;
    const m = compileMatcher(parseQuery(q).ast!);
    const want = posts
      .filter((p) => p.createdAt >= from && p.createdAt < to && m.matches(prepareForMatching(p)))
      .sort((x, y) => y.createdAt - x.createdAt)
      .map((p) => p.id);
    const got: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = searchQuery(store.db, q, { from, to, limit: 7, cursor });
      expect(page.posts.length).toBeLessThanOrEqual(7);
      for (const p of page.posts) expect(p.tokens.length).toBeGreaterThan(0);
      got.push(...page.posts.map((p) => p.id));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(got).toEqual(want);
    expect(pages).toBe(Math.ceil(want.length / 7));
    expect(() => searchQuery(store.db, q, { cursor: 'garbage' })).toThrow(StoreError);
    const t = testQuery(store.db, q, { from, to });
    expect(t.count).toBe(want.length);
    expect(t.samples?.map((p) => p.id)).toEqual(want.slice(0, 10));
    expect(testQuery(store.db, 'climate AND').count).toBeUndefined();
  });

  it('search is exact on both plans: the newest-posts probe and the candidate-driven fallback', () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const posts = stream(9000, T0, 'a');
    store.writeBatchSync(posts);
    for (const q of ['earthquake', 'earthquake sentiment:positive', 'climate OR crisis', 'zzzz', 'NOT climate']) {
      const m = compileMatcher(parseQuery(q).ast!);
      const want = posts
        .filter((p) => m.matches(prepareForMatching(p)))
        .sort((x, y) => y.createdAt - x.createdAt || (x.id < y.id ? 1 : -1))
        .map((p) => p.id);
      const got: string[] = [];
      let cursor: string | undefined;
      do {
        const page = searchQuery(store.db, q, { limit: 50, cursor });
        got.push(...page.posts.map((p) => p.id));
        cursor = page.next;
      } while (cursor && got.length < 400);
      expect(got, q).toEqual(want.slice(0, got.length));
      expect(got.length, q).toBe(Math.min(want.length, got.length >= 400 ? got.length : want.length));
    }
  });

  it('stays exact across processes: one writes posts while another adds and backfills a watch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidewatch-watches-'));
    const ingestSide = new SqliteStore({ path: join(dir, 'store.db') });
    const cliSide = new SqliteStore({ path: join(dir, 'store.db') });
    try {
      const batches = Array.from({ length: 8 }, (_, k) => stream(60, T0 + k * 60 * 7 * MINUTE, `k${k}-`));
      ingestSide.writeBatchSync(batches[0]);
      ingestSide.writeBatchSync(batches[1]);
      const w = addWatch(cliSide.db, 'climate', QUERIES.climate, { backfill: false });
      // Backfill in small steps on one connection while the other keeps writing (and matching).
      for (let k = 2; k < batches.length; k++) {
        backfillWatch(cliSide.db, w.id, { batchSize: 45, maxBatches: 1 });
        ingestSide.writeBatchSync(batches[k]);
      }
      backfillWatch(cliSide.db, w.id);
      const extra = stream(90, T0 + 8 * 60 * 7 * MINUTE, 'z');
      const result = ingestSide.writeBatchSync(extra);
      expect(laggingWatches(cliSide.db)).toEqual([]);
      expect(result.matches?.length).toBeGreaterThan(0);
      const all = [...batches.flat(), ...extra];
      const range = [T0 - SIZE.day, T0 + 30 * SIZE.day] as const;
      expect(watchVolume(cliSide.db, w.id, 'hour', ...range)).toEqual(direct(all, QUERIES.climate, 'hour', ...range));
    } finally {
      void ingestSide.close();
      void cliSide.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Store methods delegate, backfilling asynchronously; purge drops old watch rollups', async () => {
    store = new SqliteStore({ path: ':memory:', matchWatches: false });
    const posts = stream(200, T0, 'a');
    await store.writeBatch(posts);
    const w = await store.addWatch('climate', QUERIES.climate);
    expect((await store.listWatches()).map((x) => x.name)).toEqual(['climate']);
    const range = [T0 - SIZE.day, T0 + 30 * SIZE.day] as const;
    expect(await store.watchVolume(w.id, 'hour', ...range)).toEqual(direct(posts, QUERIES.climate, 'hour', ...range));
    expect(await store.countQuery(QUERIES.climate)).toBe((await store.searchQuery(QUERIES.climate, { limit: 1000 })).posts.length);
    await expect(store.searchQuery('climate NEAR crisis')).rejects.toBeInstanceOf(QueryError);
    const cutoff = T0 + 10 * SIZE.hour;
    await store.purge(cutoff);
    const left = posts.filter((p) => p.createdAt >= cutoff);
    expect(await store.watchVolume(w.id, 'hour', ...range)).toEqual(direct(left, QUERIES.climate, 'hour', ...range));
    expect(await store.removeWatch('climate')).toBe(true);
  });
});
