import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSimulation } from '../src/sources/simulator/index.js';

const BIN = resolve('bin/tidewatch.js');
const POSTS = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'tidewatch-kill-'));
const file = join(dir, 'sim.jsonl');

beforeAll(async () => {
  await writeSimulation({ seed: 11, posts: POSTS }, file);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ingestToCompletion(data: string): { read: number; stored: number; duplicates: number; quarantined: number } {
  const run = spawnSync(process.execPath, [BIN, 'ingest', file, '--data', data, '--json'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

/** Highest post rowid committed so far (0 before the store exists). */
function committedRowid(data: string): number {
  const path = join(data, 'tidewatch.db');
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM posts').get() as { n: number }).n;
  } catch {
    return 0; // not migrated yet
  } finally {
    db.close();
  }
}

/**
 * Start an ingest and SIGKILL it `ms` after it committed its first batch, so that every kill
 * lands mid-ingest however long start-up takes on a loaded machine; `afterSpawn` counts from the
 * spawn instead (a kill during start-up). Resolves when the process is gone.
 */
function ingestAndKill(data: string, ms: number, afterSpawn = false): Promise<void> {
  return new Promise((done) => {
    const before = committedRowid(data);
    const child = spawn(process.execPath, [BIN, 'ingest', file, '--data', data, '--json'], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    const poll = afterSpawn
      ? undefined
      : setInterval(() => {
          if (committedRowid(data) > before) {
            clearInterval(poll);
            arm();
          }
        }, 20);
    if (afterSpawn) arm();
    child.on('exit', () => {
      clearInterval(poll);
      clearTimeout(timer);
      done();
    });
  });
}

/** Everything that would show a lost or doubled post: ids, index rows, rollup totals. */
function snapshot(data: string) {
  const db = new Database(join(data, 'tidewatch.db'), { readonly: true });
  try {
    const ids = (db.prepare('SELECT id FROM posts ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const fts = (db.prepare("SELECT COUNT(*) AS n FROM posts_fts WHERE posts_fts MATCH 'sim OR the OR a'").get() as { n: number }).n;
    const rollup = (db.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM rollup_minute').get() as { n: number }).n;
    const entities = (db.prepare('SELECT COUNT(*) AS n FROM post_entities').get() as { n: number }).n;
    return { ids, fts, rollup, entities };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it('SIGKILL at random points, then the same command, equals a clean ingest', async () => {
    const clean = join(dir, 'clean');
    const summary = ingestToCompletion(clean);
    expect(summary.stored).toBe(POSTS);
    const expected = snapshot(clean);
    expect(expected.ids.length).toBe(POSTS);
    expect(expected.rollup).toBe(POSTS);

    const crashed = join(dir, 'crashed');
    // Seeded kill points so a failure can be replayed: spread over the run, some very early.
    let state = 12345;
    const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    await ingestAndKill(crashed, 150, true);
    for (const ms of Array.from({ length: 4 }, () => 200 + Math.floor(rand() * 2500))) await ingestAndKill(crashed, ms);
    const partial = snapshot(crashed);
    expect(partial.ids.length).toBeLessThanOrEqual(POSTS);

    const final = ingestToCompletion(crashed);
    expect(final.quarantined).toBe(0);
    const got = snapshot(crashed);
    expect(new Set(got.ids).size).toBe(got.ids.length);
    expect(got.ids).toEqual(expected.ids);
    expect(got.rollup).toBe(expected.rollup);
    expect(got.fts).toBe(expected.fts);
    expect(got.entities).toBe(expected.entities);

    // And a third run of the same command adds nothing.
    expect(ingestToCompletion(crashed)).toMatchObject({ stored: 0, quarantined: 0 });
  }, 300_000);
});
