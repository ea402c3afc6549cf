import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { makePost } from '../testing/fixtures.js';
import { AuthStore } from './auth-store.js';
import { WriterThreadStore, writerWorkerScript } from './writer-thread.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openStore(): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-writer-'));
  dirs.push(dir);
  return new SqliteStore({ path: join(dir, 'tidewatch.db') });
}

describe.skipIf(!writerWorkerScript())('WriterThreadStore', () => {
  it('commits batches on its thread, in order, with checkpoints and watch matches, readable at once from the caller’s connection', async () => {
    const store = openStore();
    await store.addWatch('floods', 'flood');
    const writer = await WriterThreadStore.start(store);
    const batch1 = [makePost({ id: 'x:1', text: 'flood in the valley', createdAt: T0 }), makePost({ id: 'x:2', text: 'sunny', createdAt: T0 + MIN })];
    const batch2 = [makePost({ id: 'x:2', text: 'sunny', createdAt: T0 + MIN }), makePost({ id: 'x:3', text: 'flood again', createdAt: T0 + 2 * MIN })];
    const [r1, r2] = await Promise.all([
      writer.writeBatch(batch1, { source: 's', cursor: { offset: 2, line: 3 } }),
      writer.writeBatch(batch2, { source: 's', cursor: { offset: 4, line: 5 } }, [{ source: 's', line: 4, reason: 'bad json', excerpt: '{' }]),
    ]);
    expect(r1).toMatchObject({ stored: 2, duplicates: 0, storedIds: ['x:1', 'x:2'] });
    expect(r2).toMatchObject({ stored: 1, duplicates: 1, storedIds: ['x:3'] });
    // Matches point at the caller's own post objects.
    const floods = (await store.getWatch('floods'))!;
    expect(r1.matches).toEqual([{ watchId: floods.id, post: batch1[0] }]);
    expect(r1.matches[0].post).toBe(batch1[0]);
    expect(r2.matches.map((m) => m.post)).toEqual([batch2[1]]);
    // Committed when the promise resolves: the caller's connection reads it.
    expect(await writer.getCheckpoint('s')).toEqual({ offset: 4, line: 5 });
    expect((await store.stats()).posts).toBe(3);
    expect(await store.quarantined()).toEqual([{ source: 's', line: 4, reason: 'bad json', excerpt: '{' }]);
    expect((await store.watchVolume(floods.id, 'hour', T0 - MIN, T0 + 60 * MIN)).reduce((s, p) => s + p.count, 0)).toBe(2);
    expect(await writer.purge(T0 + MIN)).toBe(1);
    expect((await store.getPost('x:1'))).toBeUndefined();
    // Deletions a platform announced run on the writer thread too; a deleted id is withdrawn from later writes.
    expect(await writer.deletePosts(['x:3', 'x:8'])).toEqual({ deleted: 1, notStored: 1, alertsRedacted: 0 });
    expect((await store.watchVolume(floods.id, 'hour', T0 - MIN, T0 + 60 * MIN)).reduce((s, p) => s + p.count, 0)).toBe(0);
    expect(await writer.writeBatch([batch2[1]])).toMatchObject({ stored: 0, duplicates: 0, withdrawn: 1 });
    await expect(writer.deletePosts([''])).rejects.toThrow(/not a post id/);
    await writer.close();
    await expect(writer.writeBatch([makePost({ id: 'x:9', text: 'late', createdAt: T0 })])).rejects.toThrow(/closed/);
    // The caller's store stays usable.
    expect((await store.stats()).posts).toBe(1);
    await store.close();
  });

  it('refuses an in-memory store', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    expect(WriterThreadStore.available(store)).toBe(false);
    await expect(WriterThreadStore.start(store)).rejects.toThrow(/database file/);
    await store.close();
  });
});

describe('AuthStore audit log', () => {
  it('never waits on another connection’s write lock: entries are readable at once and written once the lock is free', async () => {
    const store = openStore();
    const auth = new AuthStore(store.db);
    const other = new Database(store.db.name);
    other.pragma('busy_timeout = 0');
    const entry = (i: number) => ({ at: T0 + i, actor: 'local', role: 'admin' as const, action: 'search', target: `q${i}`, detail: { i }, ip: '127.0.0.1' });
    auth.audit(entry(1));
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    auth.audit(entry(2));
    expect(auth.flushAudit()).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(auth.readAudit().map((e) => e.target)).toEqual(['q2', 'q1']);
    expect(auth.readAudit({ limit: 1 }).map((e) => e.detail)).toEqual([{ i: 2 }]);
    expect(other.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    other.exec('COMMIT');
    expect(auth.flushAudit()).toBe(true);
    expect(other.prepare('SELECT target FROM audit_log ORDER BY id').all()).toEqual([{ target: 'q1' }, { target: 'q2' }]);
    auth.audit(entry(3));
    auth.close();
    expect(other.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 3 });
    expect(auth.readAudit({ since: T0 + 2 }).map((e) => e.target)).toEqual(['q3', 'q2']);
    other.close();
    await store.close();
  });
});
