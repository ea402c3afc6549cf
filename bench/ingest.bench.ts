/**
 * End-to-end ingest benchmark: N simulated posts from a tidewatch JSONL file through the whole
 * pipeline (parse, validate, pseudonymise, language id, tokenise, entities, sentiment, SQLite with
 * FTS5 and rollups), against a floor measured in the same run: read + JSON.parse + insert of the
 * same rows into the same schema, FTS included, with no enrichment.
 *
 *   npm run bench:ingest [-- --posts N]
 *
 * Each phase runs in its own process so that peak RSS is the phase's own. Last line: JSON.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const posts = Number(flag('--posts', '1000000'));
const workDir = resolve(flag('--dir', '.tmp/bench-ingest'));
const file = join(workDir, `sim-${posts}.jsonl`);
const bin = resolve('bin/tidewatch.js');

interface PhaseResult {
  posts: number;
  seconds: number;
  peakRssMB: number;
}

async function floorPhase(): Promise<PhaseResult> {
  const dbPath = join(workDir, 'floor.db');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  const store = new SqliteStore({ path: dbPath });
  const db = store.db;
  const insert = db.prepare(
    `INSERT INTO posts (id, platform, source, url, created_at, ingested_at, author_key, text, lang, lang_confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'und', 0) ON CONFLICT(id) DO NOTHING`,
  );
  const fts = db.prepare('INSERT INTO posts_fts (rowid, tokens) VALUES (?, ?)');
  const write = db.transaction((rows: Record<string, string>[]) => {
    for (const r of rows) {
      const info = insert.run(`${r.platform}:${r.id}`, r.platform, r.source ?? 'sim', r.url ?? null, Date.parse(r.createdAt), Date.now(), r.author, r.text);
      if (info.changes) fts.run(info.lastInsertRowid, r.text);
    }
  });
  const started = performance.now();
  let batch: Record<string, string>[] = [];
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(JSON.parse(line));
    n++;
    if (batch.length === 2000) {
      write(batch);
      batch = [];
    }
  }
  write(batch);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { posts: n, seconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
}

function runPhase(phase: string): PhaseResult {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', phase, '--posts', String(posts), '--dir', workDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`phase ${phase} failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const phase = flag('--phase', '');
  if (phase === 'floor') {
    process.stdout.write(`${JSON.stringify(await floorPhase())}\n`);
    return;
  }
  mkdirSync(workDir, { recursive: true });
  if (!existsSync(file)) {
    process.stderr.write(`simulating ${posts} posts into ${file}\n`);
    const sim = spawnSync(process.execPath, [bin, 'simulate', '--posts', String(posts), '--seed', '42', '--out', file], { stdio: 'inherit' });
    if (sim.status !== 0) throw new Error('simulate failed');
  }
  process.stderr.write('floor: read + JSON.parse + insert with FTS, no enrichment\n');
  const floor = runPhase('floor');
  process.stderr.write('end to end: tidewatch ingest\n');
  const data = join(workDir, 'e2e-data');
  rmSync(data, { recursive: true, force: true });
  // `ingest --json` reports its own peak RSS (worker threads included: they share the process).
  const run = spawnSync(process.execPath, [bin, 'ingest', file, '--data', data, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`ingest failed (exit ${run.status})`);
  const summary = JSON.parse(run.stdout.trim().split('\n').pop()!) as { stored: number; seconds: number; peakRssMB?: number };
  const e2ePerSec = Math.round(summary.stored / summary.seconds);
  const floorPerSec = Math.round(floor.posts / floor.seconds);
  const result = {
    posts: summary.stored,
    postsPerSec: e2ePerSec,
    floorPostsPerSec: floorPerSec,
    ratio: Number((e2ePerSec / floorPerSec).toFixed(3)),
    peakRssMB: summary.peakRssMB ?? null,
    floorPeakRssMB: floor.peakRssMB,
    cores: availableParallelism(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench:ingest: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
