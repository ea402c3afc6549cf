import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../model/alert.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { makePost } from '../testing/fixtures.js';
import { SqliteAlertRepository } from './sqlite-alerts.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function alert(id: string, watch: string | null, firedAt: number): Alert {
  return {
    id, kind: watch ? 'spike' : 'emerging', watch, topicKey: id, startedAt: firedAt - 60_000, firedAt, windowMs: 60_000,
    terms: [{ term: 'flood', kind: 'word', observed: 10, baseline: 1, significance: 5 }], observed: 10, baseline: 1, significance: 5,
    languages: { en: 10 }, platforms: { x: 10 }, representative: [], series: [], status: 'open', acknowledgedAt: null,
  };
}

describe('SqliteAlertRepository', () => {
  it('lists newest first with filters, acknowledges, and keeps alerts and acknowledgements across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidewatch-alerts-'));
    dirs.push(dir);
    const path = join(dir, 'db');
    let db = new Database(path);
    let repo = new SqliteAlertRepository(db);
    repo.add(alert('a', 'floods', 1000));
    repo.add(alert('b', 'floods', 3000));
    repo.add(alert('c', null, 2000));
    expect((await repo.list({ limit: 10 })).map((a) => a.id)).toEqual(['b', 'c', 'a']);
    expect((await repo.list({ watch: 'floods', limit: 10 })).map((a) => a.id)).toEqual(['b', 'a']);
    expect((await repo.list({ since: 2000, limit: 10 })).map((a) => a.id)).toEqual(['b', 'c']);
    expect(await repo.acknowledge('a', 5000)).toMatchObject({ id: 'a', status: 'acknowledged', acknowledgedAt: 5000 });
    expect(await repo.acknowledge('missing', 5000)).toBeUndefined();
    db.close();

    db = new Database(path);
    repo = new SqliteAlertRepository(db);
    // A replay of the same alert keeps its acknowledgement.
    repo.add(alert('a', 'floods', 1000));
    expect(await repo.get('a')).toMatchObject({ status: 'acknowledged', acknowledgedAt: 5000, terms: [{ term: 'flood' }] });
    expect((await repo.list({ status: 'open', limit: 10 })).map((a) => a.id)).toEqual(['b', 'c']);
    db.close();
  });

  it('drops posts their platform deleted from the alerts that show them, and keeps the rest of the alert', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const repo = new SqliteAlertRepository(store.db);
    const rep = (id: string) => ({ id, text: `post ${id}`, createdAt: 1000 });
    store.writeBatchSync(['x:1', 'x:2', 'x:3'].map((id) => makePost({ id, text: `flood ${id}`, createdAt: 1000 })));
    repo.add({ ...alert('a', 'floods', 1000), representative: [rep('x:1'), rep('x:2')] });
    repo.add({ ...alert('b', 'floods', 2000), representative: [rep('x:3')] });
    expect(await store.deletePosts(['x:1'])).toEqual({ deleted: 1, notStored: 0, alertsRedacted: 1 });
    expect(await repo.get('a')).toMatchObject({ representative: [rep('x:2')], observed: 10, terms: [{ term: 'flood' }] });
    expect((await repo.get('b'))?.representative).toEqual([rep('x:3')]);
    await store.close();
  });
});
