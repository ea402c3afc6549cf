import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreConformance } from '../conformance.js';
import { migrate, MIGRATIONS } from './migrations.js';
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

  it('refuses a database from a newer tidewatch', async () => {
    const path = join(dir, 'newer.db');
    const a = new SqliteStore({ path });
    a.db.prepare('UPDATE schema_version SET version = 999').run();
    await a.close();
    expect(() => new SqliteStore({ path })).toThrow(/newer than this tidewatch/);
  });
});
