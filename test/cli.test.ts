import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/tidewatch.js');
const dir = mkdtempSync(join(tmpdir(), 'tidewatch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lastJson = (s: string) => JSON.parse(s.trim().split('\n').pop()!);

describe('tidewatch CLI', () => {
  const sim = join(dir, 's.jsonl');
  const data = join(dir, 'data');

  it('simulates 20,000 posts, ingests them all once, and reports ≥ 8 languages', () => {
    expect(run(['simulate', '--posts', '20000', '--seed', '7', '--out', sim]).code).toBe(0);
    const first = run(['ingest', sim, '--data', data, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(lastJson(first.stdout)).toMatchObject({ read: 20000, stored: 20000, duplicates: 0, quarantined: 0 });
    // --data after or before the command name, and a second ingest of the same file adds nothing.
    const second = run(['--data', data, 'ingest', sim, '--json']);
    expect(lastJson(second.stdout)).toMatchObject({ stored: 0 });
    const again = run(['ingest', sim, '--from-start', '--json', `--data=${data}`]);
    expect(lastJson(again.stdout)).toMatchObject({ read: 20000, stored: 0, duplicates: 20000 });
    const stats = lastJson(run(['stats', '--json', '--data', data]).stdout);
    expect(stats.posts).toBe(20000);
    expect(Object.keys(stats).sort()).toEqual(['from', 'languages', 'platforms', 'posts', 'quarantined', 'to']);
    const bigLanguages = Object.entries(stats.languages as Record<string, number>).filter(([, n]) => n >= 50);
    expect(bigLanguages.length).toBeGreaterThanOrEqual(8);
    for (const lang of ['en', 'es', 'fr', 'ar', 'zh', 'ru', 'fa', 'ug']) expect(stats.languages[lang], lang).toBeGreaterThan(0);
  });

  it('never stores a raw author handle anywhere in the data folder', () => {
    const handles = new Set(readFileSync(sim, 'utf8').trim().split('\n').map((l) => JSON.parse(l).author as string));
    expect(handles.size).toBeGreaterThan(100);
    const files = readdirSync(data).map((f) => join(data, f));
    const blob = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(blob.includes(Buffer.from('sim_user_'))).toBe(false);
    for (const h of [...handles].slice(0, 50)) expect(blob.includes(Buffer.from(h)), h).toBe(false);
  });

  it('ingests every good line of a file with malformed lines and quarantines each bad one with its line', () => {
    const mixed = join(dir, 'mixed.jsonl');
    const good = readFileSync(sim, 'utf8').trim().split('\n').slice(0, 10);
    const lines = [
      good[0],
      '{"platform":"sim","id":"bad-json",',
      good[1],
      '{"platform":"sim","id":"no-time","author":"a","text":"hello"}',
      good[2],
      '{"platform":"sim","id":"wrong-type","createdAt":"2026-01-05T00:00:00Z","author":"a","text":42}',
      good[3],
      JSON.stringify({ platform: 'sim', id: 'too-long', createdAt: '2026-01-05T00:00:00Z', author: 'a', text: 'x'.repeat(100_001) }),
      good[4],
    ];
    writeFileSync(mixed, `${lines.join('\n')}\n`);
    appendFileSync(mixed, Buffer.concat([Buffer.from('{"platform":"sim","id":"utf8","createdAt":"2026-01-05T00:00:00Z","author":"a","text":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]));
    appendFileSync(mixed, `${good[5]}\n`);
    const d = join(dir, 'mixed-data');
    const r = run(['ingest', mixed, '--data', d, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ read: 11, stored: 6, quarantined: 5 });
    const quarantine = readFileSync(join(d, 'quarantine.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(quarantine.map((q) => q.line)).toEqual([2, 4, 6, 8, 10]);
    for (const q of quarantine) expect(q.reason).toMatch(/\S/);
    expect(quarantine[0].reason).toMatch(/JSON/i);
    expect(quarantine[1].reason).toMatch(/createdAt/);
    expect(quarantine[2].reason).toMatch(/text/);
    expect(quarantine[3].reason).toMatch(/100000-byte limit|longer than 100000 bytes/);
    expect(quarantine[4].reason).toMatch(/UTF-8/i);
    expect(lastJson(run(['stats', '--json', '--data', d]).stdout).quarantined).toBe(5);
  });

  it('exits non-zero with one line for a missing file, an unknown format or a bad flag', () => {
    for (const args of [
      ['ingest', join(dir, 'nope.jsonl'), '--data', join(dir, 'x')],
      ['ingest', sim, '--format', 'parquet', '--data', join(dir, 'x')],
      ['search', 'a', '--limit', 'ten', '--data', join(dir, 'x')],
      ['simulate', '--posts', '-3'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('searches with the query language and keeps watch volume equal to a direct count', () => {
    expect(run(['watch', 'add', 'weather', '天气 OR weather OR clima OR météo', '--data', data]).code).toBe(0);
    const direct = run(['search', '天气 OR weather OR clima OR météo', '--limit', '100000', '--json', '--data', data]).stdout.trim().split('\n').filter(Boolean);
    expect(direct.length).toBeGreaterThan(20);
    const series = run(['volume', 'weather', '--by', 'day', '--from', '2020-01-01', '--to', '2030-01-01', '--json', '--data', data]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(series.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(direct.length);
    // New posts reach the watch's series at ingest.
    const more = join(dir, 'more.jsonl');
    expect(run(['simulate', '--posts', '3000', '--seed', '8', '--out', more]).code).toBe(0);
    expect(run(['ingest', more, '--data', data, '--json']).code).toBe(0);
    const after = run(['search', '天气 OR weather OR clima OR météo', '--limit', '100000', '--json', '--data', data]).stdout.trim().split('\n').filter(Boolean);
    const series2 = run(['volume', 'weather', '--by', 'day', '--from', '2020-01-01', '--to', '2030-01-01', '--json', '--data', data]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(after.length).toBeGreaterThan(direct.length);
    expect(series2.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(after.length);
  });

  it('forget applies deletion notices: the posts leave search and the watch series, a re-import withdraws them, a bad line is named', () => {
    const query = '天气 OR weather OR clima OR météo';
    const sumOf = (series: string) => series.trim().split('\n').map((l) => JSON.parse(l) as { count: number }).reduce((n, p) => n + p.count, 0);
    const before = run(['search', query, '--limit', '100000', '--json', '--data', data]).stdout.trim().split('\n').map((l) => JSON.parse(l).id as string);
    const gone = before.slice(0, 30);
    const notices = join(dir, 'deletions.txt');
    writeFileSync(
      notices,
      [...gone.slice(0, 10), '', 'not an id', '{"id":"123","action":"scrub_geo"}', '{"id":"999","action":"delete"}', '{"action":1', ...gone.slice(10)].join('\n') + '\n',
    );
    const r = run(['forget', notices, '--json', '--data', data]);
    expect(r.code).toBe(1); // two lines could not be read
    expect(r.stderr).toContain(`${notices}:12: not a post id`);
    expect(r.stderr).toContain(`${notices}:15: bad JSON`);
    expect(lastJson(r.stdout)).toEqual({ notices: 34, deleted: 30, notStored: 1, skipped: 1, bad: 2, alertsRedacted: 0 });
    const after = run(['search', query, '--limit', '100000', '--json', '--data', data]).stdout.trim().split('\n').map((l) => JSON.parse(l).id as string);
    expect(after).toEqual(before.filter((id) => !gone.includes(id)));
    expect(sumOf(run(['volume', 'weather', '--by', 'day', '--from', '2020-01-01', '--to', '2030-01-01', '--json', '--data', data]).stdout)).toBe(after.length);
    // Importing the original file again does not bring them back.
    expect(gone.some((id) => id.startsWith('sim:7-'))).toBe(true);
    const again = lastJson(run(['ingest', sim, '--from-start', '--json', '--data', data]).stdout);
    expect(again).toMatchObject({ stored: 0, withdrawn: gone.filter((id) => id.startsWith('sim:7-')).length });
    expect(run(['forget', '--id', gone[0], '--json', '--data', data]).stdout).toContain('"deleted":0,"notStored":1');
    expect(run(['forget', '--data', data]).code).toBe(1);
  });

  it('analyze prints language and sentiment per line', () => {
    const r = run(['analyze'], 'I love this wonderful day\n今天天气很好\n');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ lang: 'en', sentiment: { label: 'positive' } });
    expect(out[1].lang).toBe('zh');
    expect(Object.keys(out[0]).sort()).toEqual(['lang', 'langConfidence', 'sentiment']);
  });
});
