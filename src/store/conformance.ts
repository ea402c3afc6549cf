import { describe, expect, it } from 'vitest';
import { makePost } from '../testing/fixtures.js';
import type { Store } from './store.js';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const MIN = 60_000;

/**
 * The Store contract, run against every implementation (SQLite now, PostgreSQL for scale-out):
 * idempotent writes, atomic checkpoints, rollups equal to the posts, search, purge.
 */
export function describeStoreConformance(name: string, open: () => Promise<Store>): void {
  describe(`Store conformance: ${name}`, () => {
    const corpus = [
      makePost({ id: 'x:1', text: 'Flooding in Valencia tonight #DANA https://www.example.org/a', createdAt: T0, lang: 'en', platform: 'x' }),
      makePost({ id: 'x:2', text: 'Valencia flooding: roads closed', createdAt: T0 + 30_000, lang: 'en', platform: 'x' }),
      makePost({ id: 'bluesky:3', text: 'Inundaciones en Valencia #DANA', createdAt: T0 + MIN, lang: 'es', platform: 'bluesky' }),
      makePost({ id: 'weibo:4', text: '今天天气很好，北京下雪了', createdAt: T0 + 2 * MIN, lang: 'zh', platform: 'weibo' }),
      makePost({ id: 'x:5', text: 'Наводнение в Валенсии', createdAt: T0 + 3 * MIN, lang: 'ru', platform: 'x', replyTo: 'x:1' }),
    ];

    it('writes posts once: a second write of the same ids stores nothing', async () => {
      const store = await open();
      const first = await store.writeBatch(corpus);
      expect(first).toMatchObject({ stored: 5, duplicates: 0 });
      const again = await store.writeBatch(corpus);
      expect(again).toMatchObject({ stored: 0, duplicates: 5, storedIds: [] });
      expect((await store.stats()).posts).toBe(5);
      await store.close();
    });

    it('round-trips a post with its fields', async () => {
      const store = await open();
      await store.writeBatch(corpus);
      const got = await store.getPost('x:1');
      expect(got).toMatchObject({ id: 'x:1', lang: 'en', platform: 'x', hashtags: ['dana'], domains: ['example.org'], links: ['https://www.example.org/a'] });
      expect((await store.getPost('x:5'))?.replyTo).toBe('x:1');
      expect(await store.getPost('nope:0')).toBeUndefined();
      await store.close();
    });

    it('commits the checkpoint with the batch and reads it back', async () => {
      const store = await open();
      expect(await store.getCheckpoint('file:a')).toBeUndefined();
      await store.writeBatch(corpus.slice(0, 2), { source: 'file:a', cursor: { offset: 120, line: 3 } });
      await store.writeBatch(corpus.slice(2), { source: 'file:a', cursor: { offset: 300, line: 6, item: 2 } });
      expect(await store.getCheckpoint('file:a')).toEqual({ offset: 300, line: 6, item: 2 });
      await store.close();
    });

    it('keeps quarantined records with their line and reason', async () => {
      const store = await open();
      await store.writeBatch([], undefined, [{ source: 'file:a', line: 7, reason: 'bad JSON', excerpt: '{"id":' }]);
      expect(await store.quarantined()).toEqual([{ source: 'file:a', line: 7, reason: 'bad JSON', excerpt: '{"id":' }]);
      expect((await store.stats()).quarantined).toBe(1);
      await store.close();
    });

    it('reports stats by language and platform', async () => {
      const store = await open();
      await store.writeBatch(corpus);
      const stats = await store.stats();
      expect(stats).toEqual({
        posts: 5,
        from: new Date(T0).toISOString(),
        to: new Date(T0 + 3 * MIN).toISOString(),
        languages: { en: 2, es: 1, zh: 1, ru: 1 },
        platforms: { x: 3, bluesky: 1, weibo: 1 },
        quarantined: 0,
      });
      await store.close();
    });

    it('searches folded terms in every script, newest first', async () => {
      const store = await open();
      await store.writeBatch(corpus);
      expect((await store.searchTerms(['valencia'])).map((p) => p.id)).toEqual(['bluesky:3', 'x:2', 'x:1']);
      expect((await store.searchTerms(['valencia', 'flooding'])).map((p) => p.id)).toEqual(['x:2', 'x:1']);
      expect((await store.searchTerms(['天气'])).map((p) => p.id)).toEqual(['weibo:4']);
      expect((await store.searchTerms(['валенсии'])).map((p) => p.id)).toEqual(['x:5']);
      expect((await store.searchTerms(['valencia'], { limit: 1 })).map((p) => p.id)).toEqual(['bluesky:3']);
      expect((await store.searchTerms(['valencia'], { from: T0 + 1, to: T0 + MIN })).map((p) => p.id)).toEqual(['x:2']);
      await store.close();
    });

    it('answers volume from rollups equal to a count of the posts', async () => {
      const store = await open();
      await store.writeBatch(corpus);
      await store.writeBatch(corpus); // duplicates must not count
      expect(await store.volume('minute', T0, T0 + 10 * MIN)).toEqual([
        { t: T0, count: 2 },
        { t: T0 + MIN, count: 1 },
        { t: T0 + 2 * MIN, count: 1 },
        { t: T0 + 3 * MIN, count: 1 },
      ]);
      expect(await store.volume('hour', T0 - 3_600_000, T0 + 3_600_000)).toEqual([{ t: T0, count: 5 }]);
      expect(await store.volume('minute', T0, T0 + 10 * MIN, { lang: 'en' })).toEqual([{ t: T0, count: 2 }]);
      expect(await store.volume('minute', T0, T0 + 10 * MIN, { platform: 'bluesky' })).toEqual([{ t: T0 + MIN, count: 1 }]);
      await store.close();
    });

    it('purges posts older than the cutoff with their index entries and rollups', async () => {
      const store = await open();
      await store.writeBatch(corpus);
      const purged = await store.purge(T0 + 2 * MIN);
      expect(purged).toBe(3);
      expect((await store.stats()).posts).toBe(2);
      expect(await store.searchTerms(['valencia'])).toEqual([]);
      expect(await store.volume('minute', T0, T0 + 10 * MIN)).toEqual([
        { t: T0 + 2 * MIN, count: 1 },
        { t: T0 + 3 * MIN, count: 1 },
      ]);
      // A purged id can be ingested again (it is new to the store).
      expect((await store.writeBatch([corpus[0]])).stored).toBe(1);
      await store.close();
    });

    it('matches new posts against stored watches in the write and counts them into the watch rollups', async () => {
      const store = await open();
      await store.writeBatch(corpus.slice(0, 2));
      const watch = await store.addWatch('valencia', 'valencia OR 天气');
      // Backfilled from what was stored before the watch existed.
      expect((await store.watchVolume(watch.id, 'hour', T0 - 3_600_000, T0 + 3_600_000)).map((p) => p.count)).toEqual([2]);
      const result = await store.writeBatch(corpus);
      expect(result.matches.map((m) => [m.watchId, m.post.id])).toEqual([
        [watch.id, 'bluesky:3'],
        [watch.id, 'weibo:4'],
      ]);
      const series = await store.watchVolume(watch.id, 'minute', T0, T0 + 10 * MIN);
      expect(series.map((p) => [p.t, p.count])).toEqual([
        [T0, 2],
        [T0 + MIN, 1],
        [T0 + 2 * MIN, 1],
      ]);
      await store.close();
    });

    it('applies deletions a platform announced: the posts and everything counted from them go, and they are not stored again', async () => {
      const store = await open();
      const labelled = corpus.map((p, i) => ({ ...p, sentiment: { label: (['negative', 'neutral', 'positive'] as const)[i % 3], score: 0 } }));
      await store.writeBatch(labelled.slice(0, 2));
      const watch = await store.addWatch('valencia', 'valencia OR 天气'); // counts x:1, x:2 by backfill
      await store.writeBatch(labelled); // counts bluesky:3, weibo:4 at ingest
      expect(await store.deletePosts(['x:1', 'weibo:4', 'x:999', 'x:1'], { reason: 'deleted', at: T0 + 10 * MIN })).toEqual({ deleted: 2, notStored: 1, alertsRedacted: 0 });

      expect(await store.getPost('x:1')).toBeUndefined();
      expect((await store.searchTerms(['valencia'])).map((p) => p.id)).toEqual(['bluesky:3', 'x:2']);
      expect(await store.searchTerms(['天气'])).toEqual([]);
      expect(await store.stats()).toMatchObject({ posts: 3, languages: { en: 1, es: 1, ru: 1 }, platforms: { x: 2, bluesky: 1 } });
      expect(await store.volume('minute', T0, T0 + 10 * MIN)).toEqual([
        { t: T0, count: 1 },
        { t: T0 + MIN, count: 1 },
        { t: T0 + 3 * MIN, count: 1 },
      ]);
      const series = await store.watchVolume(watch.id, 'minute', T0, T0 + 10 * MIN);
      expect(series.map(({ t, count, negative, neutral, positive }) => [t, count, negative, neutral, positive])).toEqual([
        [T0, 1, 0, 1, 0], // x:2 (neutral) is left of x:1 and x:2
        [T0 + MIN, 1, 0, 0, 1], // bluesky:3
      ]);
      // The rollups equal a recount of what is left.
      const recount = await store.addWatch('recount', 'valencia OR 天气');
      expect(await store.watchVolume(recount.id, 'minute', T0, T0 + 10 * MIN)).toEqual(series);

      // Importing the same posts again stores none of the deleted ones.
      const again = await store.writeBatch(labelled);
      expect(again).toMatchObject({ stored: 0, duplicates: 3, withdrawn: 2, storedIds: [] });
      expect((await store.stats()).posts).toBe(3);
      expect(await store.deletePosts([])).toEqual({ deleted: 0, notStored: 0, alertsRedacted: 0 });
      await expect(store.deletePosts([''])).rejects.toThrow(/id 1 is not a post id/);
      await store.close();
    });
  });
}
