import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreConformance } from '../conformance.js';
import { migrate, MIGRATIONS } from './migrations.js';
import { makePost } from '../../testing/fixtures.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreConformance('sqlite', async () => new SqliteStore({ path: join(dir, `s${n++}.db`) }));

describe('sqlite migrations', () => {
  it('records the schema version and is idempotent on reopen', async () => {
    const path = join(dir, 'm.db');
    const a = new SqliteStore({ path });
    expect((a.db.prepare('SELECT version FROM schema_version').get() as { version: number }).version).toBe(MIGRATIONS.length);
    await a.close();
    const b = new SqliteStore({ path });
    expect(migrate(b.db)).toBe(MIGRATIONS.length);
    await b.close();
  });

  it('waits for another connection that holds the write lock and commits, instead of failing with "database is locked"', async () => {
    const path = join(dir, 'contended.db');
    const store = new SqliteStore({ path });
    // Another process takes the write lock, writes, and commits 300 ms later.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(${JSON.stringify(path)});
      db.exec("BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('holder', '1')");
      process.stdout.write('locked\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      db.exec('COMMIT');
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(holder.stdout!, 'data');
    const result = store.writeBatchSync([makePost({ id: 'x:1', text: 'written after the other commit', createdAt: 1000 })]);
    expect(result.stored).toBe(1);
    await once(holder, 'exit');
    expect(store.db.prepare("SELECT value FROM meta WHERE key = 'holder'").pluck().get()).toBe('1');
    await store.close();
  });

  it('opens a database of an older schema read-only, without migrating it', async () => {
    const path = join(dir, 'v3.db');
    const old = new Database(path);
    old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (3)');
    for (const sql of MIGRATIONS.slice(0, 3)) old.exec(sql);
    old.close();
    const store = new SqliteStore({ path, readonly: true });
    expect(await store.getPost('x:1')).toBeUndefined();
    expect((await store.stats()).posts).toBe(0);
    expect(store.db.prepare('SELECT version FROM schema_version').pluck().get()).toBe(3);
    await store.close();
  });

  it('brings a version-2 database whose server created alerts, tokens and audit tables itself to version 3, keeping their rows', async () => {
    const path = join(dir, 'v2.db');
    const old = new Database(path);
    old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (0)');
    for (const sql of MIGRATIONS.slice(0, 2)) old.exec(sql);
    old.exec(`UPDATE schema_version SET version = 2;
      CREATE TABLE alerts (id TEXT PRIMARY KEY, watch TEXT, kind TEXT NOT NULL, status TEXT NOT NULL, fired_at INTEGER NOT NULL, acknowledged_at INTEGER, body TEXT NOT NULL);
      INSERT INTO alerts VALUES ('a1', 'floods', 'spike', 'open', 1, NULL, '{}');
      CREATE TABLE api_tokens (id INTEGER PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash BLOB NOT NULL UNIQUE, created_at INTEGER NOT NULL, last_used_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0);
      INSERT INTO api_tokens (name, role, hash, created_at) VALUES ('ci', 'admin', x'00', 1);`);
    old.close();
    const store = new SqliteStore({ path });
    expect(migrate(store.db)).toBe(MIGRATIONS.length);
    expect(store.db.prepare('SELECT id FROM alerts').all()).toEqual([{ id: 'a1' }]);
    expect(store.db.prepare('SELECT name FROM api_tokens').all()).toEqual([{ name: 'ci' }]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    await store.close();
  });

  it('refuses a database from a newer tidewatch', async () => {
    const path = join(dir, 'newer.db');
    const a = new SqliteStore({ path });
    a.db.prepare('UPDATE schema_version SET version = 999').run();
    await a.close();
    expect(() => new SqliteStore({ path })).toThrow(/newer than this tidewatch/);
  });
});
