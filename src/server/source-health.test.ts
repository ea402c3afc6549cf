import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Post } from '../model/post.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { makePost } from '../testing/fixtures.js';
import { SqliteSourceHealth } from './source-health.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 30, 12, 0);

function posts(source: string, times: number[], prefix = source): Post[] {
  return times.map((t, i) => makePost({ id: `${prefix}:${i}-${t}`, source, text: `post ${i} of ${source}`, createdAt: t, ingestedAt: t + 1000 }));
}

const byName = (list: Awaited<ReturnType<SqliteSourceHealth['list']>>) => Object.fromEntries(list.map((s) => [s.name, s]));

describe('source health', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('tells a live source from one that went quiet, with the quiet one’s newest post', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    // The quiet source's batches arrive out of order: a later batch holds older posts (a backfill).
    store.writeBatchSync(posts('rss:quiet', [NOW - 60 * MIN, NOW - 50 * MIN]));
    store.writeBatchSync(posts('rss:quiet', [NOW - 90 * MIN], 'old'));
    store.writeBatchSync(posts('sim:live', [NOW - 4 * MIN, NOW - 2 * MIN, NOW - MIN]));
    expect(store.db.prepare('SELECT * FROM source_stats ORDER BY source').all()).toEqual([
      { source: 'rss:quiet', last_created_at: NOW - 50 * MIN, last_ingested_at: NOW - 50 * MIN + 1000 },
      { source: 'sim:live', last_created_at: NOW - MIN, last_ingested_at: NOW - MIN + 1000 },
    ]);
    const health = byName(await new SqliteSourceHealth(store.db, () => NOW, 0).list());
    expect(health['rss:quiet']).toMatchObject({ status: 'stalled', rate: 0, lastPostAt: NOW - 50 * MIN, lastIngestAt: NOW - 50 * MIN + 1000, lagMs: 50 * MIN });
    expect(health['sim:live']).toMatchObject({ status: 'live', lastPostAt: NOW - MIN, lagMs: MIN });
    expect(health['sim:live'].rate).toBeGreaterThan(0);
    await store.close();
  });

  it('forgets a source whose posts were all purged, and keeps one that still has posts', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    store.writeBatchSync(posts('rss:gone', [NOW - 120 * MIN, NOW - 100 * MIN]));
    store.writeBatchSync(posts('rss:kept', [NOW - 120 * MIN, NOW - 30 * MIN]));
    expect(await store.purge(NOW - 60 * MIN)).toBe(3);
    const health = byName(await new SqliteSourceHealth(store.db, () => NOW, 0).list());
    expect(Object.keys(health)).toEqual(['rss:kept']);
    expect(health['rss:kept']).toMatchObject({ lastPostAt: NOW - 30 * MIN, status: 'stalled' });
    await store.close();
  });

  it('fills each source’s newest post from the stored posts when an older database is upgraded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidewatch-health-'));
    dirs.push(dir);
    const path = join(dir, 'tidewatch.db');
    const store = new SqliteStore({ path });
    store.writeBatchSync(posts('rss:a', [NOW - 40 * MIN, NOW - 20 * MIN]));
    store.writeBatchSync(posts('rss:b', [NOW - 70 * MIN]));
    await store.close();
    // Back to schema 3, before source_stats (and deleted_posts) existed.
    const raw = new Database(path);
    raw.exec('DROP TABLE source_stats; DROP TABLE deleted_posts; UPDATE schema_version SET version = 3');
    raw.close();
    const upgraded = new SqliteStore({ path });
    const health = byName(await new SqliteSourceHealth(upgraded.db, () => NOW, 0).list());
    expect(health['rss:a']).toMatchObject({ lastPostAt: NOW - 20 * MIN, lastIngestAt: NOW - 20 * MIN + 1000 });
    expect(health['rss:b']).toMatchObject({ lastPostAt: NOW - 70 * MIN });
    await upgraded.close();
  });
});
