import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { makePost } from '../testing/fixtures.js';
import { RecentIndex } from './recent-index.js';

const HOUR = 3_600_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openStore(): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-recent-'));
  dirs.push(dir);
  return new SqliteStore({ path: join(dir, 'db') });
}

const author = (i: number) => i.toString(16).padStart(32, 'b');

describe('RecentIndex', () => {
  it('holds the matches inside its horizon only, and declines ranges that reach further back', async () => {
    const store = openStore();
    let now = 100 * HOUR;
    const posts = [
      makePost({ id: 'x:old', text: 'flood long ago', createdAt: now - 30 * HOUR, authorKey: author(1) }),
      makePost({ id: 'x:a', text: 'flood today #rain', createdAt: now - 2 * HOUR, authorKey: author(2) }),
      makePost({ id: 'x:b', text: 'sunny today', createdAt: now - HOUR, authorKey: author(3) }),
    ];
    await store.writeBatch(posts);
    const index = new RecentIndex(store.db, async () => [{ name: 'floods', query: 'flood' }], { horizonMs: 24 * HOUR, now: () => now, pollMs: 1e9 });
    await index.start();
    expect(index.view('floods', now - 48 * HOUR, now)).toBeUndefined();
    const view = index.view('floods', now - 24 * HOUR, now)!;
    expect(view.count()).toBe(1);
    expect(view.top('h', 5).rows).toEqual([{ value: 'rain', posts: 1, authors: 1 }]);
    expect(index.view('unknown', now - HOUR, now)).toBeUndefined();

    // New posts are picked up on refresh, whether handed over by the writer or read back.
    const handed = makePost({ id: 'x:c', text: 'flood again', createdAt: now - 10_000, authorKey: author(4) });
    const unseen = makePost({ id: 'x:d', text: 'more flood', createdAt: now - 5_000, authorKey: author(5) });
    await store.writeBatch([handed, unseen]);
    index.remember([handed]);
    await index.refresh();
    expect(index.view('floods', now - 24 * HOUR, now + 1)!.newest(10).length).toBe(3);

    // Time passes: what falls out of the horizon is no longer covered.
    now += 23 * HOUR;
    await index.refresh();
    expect(index.view('floods', now - 24 * HOUR, now)).toBeDefined();
    expect(index.view('floods', now - 24 * HOUR, now)!.count()).toBe(2);
    index.stop();
    await store.close();
  });

  it('rebuilds when a watch changes its query', async () => {
    const store = openStore();
    const now = 10 * HOUR;
    await store.writeBatch([
      makePost({ id: 'x:1', text: 'flood', createdAt: now - HOUR, authorKey: author(1) }),
      makePost({ id: 'x:2', text: 'storm', createdAt: now - HOUR, authorKey: author(2) }),
    ]);
    let query = 'flood';
    const index = new RecentIndex(store.db, async () => [{ name: 'w', query }], { now: () => now, pollMs: 1e9 });
    await index.start();
    expect(index.view('w', now - 2 * HOUR, now)!.count()).toBe(1);
    query = 'flood OR storm';
    await index.refresh();
    expect(index.view('w', now - 2 * HOUR, now)!.count()).toBe(2);
    // Posts written after the change are counted once (live), not again by the backfill.
    await store.writeBatch([makePost({ id: 'x:3', text: 'storm again', createdAt: now - 1000, authorKey: author(3) })]);
    await index.refresh();
    expect(index.view('w', now - 2 * HOUR, now)!.count()).toBe(3);
    index.stop();
    await store.close();
  });

  it('forgets posts their platform deleted, on its next refresh', async () => {
    const store = openStore();
    const now = 10 * HOUR;
    await store.writeBatch([
      makePost({ id: 'x:1', text: 'flood #rain', createdAt: now - HOUR, authorKey: author(1) }),
      makePost({ id: 'x:2', text: 'flood', createdAt: now - HOUR, authorKey: author(2) }),
    ]);
    const index = new RecentIndex(store.db, async () => [{ name: 'w', query: 'flood' }], { now: () => now, pollMs: 1e9 });
    await index.start();
    expect(index.view('w', now - 2 * HOUR, now)!.count()).toBe(2);
    expect(index.view('w', now - 2 * HOUR, now)!.top('h', 5).rows).toEqual([{ value: 'rain', posts: 1, authors: 1 }]);
    await store.deletePosts(['x:1']);
    await index.refresh();
    const view = index.view('w', now - 2 * HOUR, now)!;
    expect(view.count()).toBe(1);
    expect(view.top('h', 5).rows).toEqual([]);
    expect(view.newest(10).length).toBe(1);
    index.stop();
    await store.close();
  });

  it('lists the newest matches after a cursor in (time, rowid) order when rows arrive out of time order', async () => {
    const store = openStore();
    const now = 10 * HOUR;
    // Times repeat and go backwards across rowids, as when an old file is replayed after a live stream.
    const posts = Array.from({ length: 300 }, (_, i) =>
      makePost({ id: `x:${i}`, text: i % 4 === 3 ? 'storm' : 'flood', createdAt: now - 2 * HOUR + ((i * 7919) % 97) * 60_000, authorKey: author(i) }),
    );
    await store.writeBatch(posts);
    const index = new RecentIndex(store.db, async () => [{ name: 'w', query: 'flood' }], { now: () => now, pollMs: 1e9 });
    await index.start();
    const view = index.view('w', now - 90 * 60_000, now)!;
    const all = store.db
      .prepare("SELECT p.created_at AS createdAt, p.rowid AS rowid FROM posts p WHERE p.created_at >= ? AND p.created_at < ? AND p.text = 'flood' ORDER BY p.created_at DESC, p.rowid DESC")
      .all(now - 90 * 60_000, now) as { createdAt: number; rowid: number }[];
    const seen: { createdAt: number; rowid: number }[] = [];
    let after: { createdAt: number; rowid: number } | undefined;
    for (;;) {
      const page = view.newest(9, after);
      seen.push(...page);
      if (page.length < 9) break;
      after = page[page.length - 1];
    }
    expect(seen).toEqual(all);
    expect(view.newest(0)).toEqual([]);
    index.stop();
    await store.close();
  });
});
