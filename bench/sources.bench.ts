/**
 * File-source throughput on one core: N interchange lines of ~400 bytes (70% English, 30% Chinese,
 * like the measured corpus in the architecture notes), read from disk in three depths:
 *
 *   split      bytes → lines (byte offsets, UTF-8 validation, decoding)
 *   parse      split + JSON.parse                     (the ≥ 300k lines/s target)
 *   source     jsonlSource.read(): parse + interchange validation + limits, one item per line
 *   csv        csvSource.read() over the same posts as CSV (first --csv-rows of them)
 *
 *   npm run bench:sources [-- --lines N] [--csv-rows N] [--dir D]
 *
 * Each depth runs three times, best kept (the machine is shared). Last line: JSON.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileInput } from '../src/sources/byte-input.js';
import { csvSource } from '../src/sources/csv.js';
import { toInterchange } from '../src/sources/interchange.js';
import { jsonlSource } from '../src/sources/jsonl.js';
import { splitLines } from '../src/sources/line-splitter.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const lines = Number(flag('--lines', '1000000'));
const workDir = resolve(flag('--dir', '.tmp/bench-sources'));
const file = join(workDir, `interchange-${lines}.jsonl`);
const csvRows = Math.min(lines, Number(flag('--csv-rows', '200000')));
const csvFile = join(workDir, `posts-${csvRows}.csv`);

const EN = 'Officials confirmed the bridge closure after the storm; commuters are asked to use the ferry while inspectors assess the damage to the main span and its approaches. More updates soon';
const ZH = '暴雨过后，当局确认大桥暂时封闭，请通勤者改乘渡轮，检查人员正在评估主跨及引桥的损坏情况，最新消息将陆续公布，敬请留意官方通告与交通安排';

async function writeSample(): Promise<void> {
  if (existsSync(file) && statSync(file).size > 0) return;
  mkdirSync(workDir, { recursive: true });
  const out = createWriteStream(file);
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < lines; i++) {
    const zh = i % 10 < 3;
    const line = toInterchange({
      platform: 'sim',
      nativeId: String(1_800_000_000_000_000_000n + BigInt(i)),
      source: 'sim',
      createdAt: t0 + i * 37,
      author: `user${i % 50_000}`,
      text: `${zh ? ZH : EN} #${i % 97}`,
      hashtags: [String(i % 97)],
      metrics: { likes: i % 113, reposts: i % 17 },
      langHint: zh ? 'zh' : 'en',
    });
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

async function writeCsvSample(): Promise<void> {
  if (existsSync(csvFile) && statSync(csvFile).size > 0) return;
  const out = createWriteStream(csvFile);
  out.write('id,createdAt,author,text,platform,lang,likes\n');
  let n = 0;
  for await (const batch of splitLines(fileInput(file))) {
    for (const line of batch) {
      if (n++ >= csvRows) break;
      const r = JSON.parse(line.text) as Record<string, string> & { metrics: { likes: number } };
      const row = [r.id, r.createdAt, r.author, r.text, r.platform, r.lang, String(r.metrics.likes)].map(csvField).join(',');
      if (!out.write(`${row}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    if (n >= csvRows) break;
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function csv(): Promise<number> {
  let n = 0;
  for await (const item of csvSource(csvFile).read()) if (item.kind === 'post') n++;
  return n;
}

async function split(): Promise<number> {
  let n = 0;
  for await (const batch of splitLines(fileInput(file))) n += batch.length;
  return n;
}

async function parse(): Promise<number> {
  let n = 0;
  for await (const batch of splitLines(fileInput(file))) {
    for (const line of batch) if (JSON.parse(line.text)) n++;
  }
  return n;
}

async function source(): Promise<number> {
  let n = 0;
  for await (const item of jsonlSource(file).read()) if (item.kind === 'post') n++;
  return n;
}

async function best(run: () => Promise<number>, expected = lines): Promise<{ linesPerSecond: number; seconds: number }> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const n = await run();
    const seconds = (performance.now() - started) / 1000;
    if (n !== expected) throw new Error(`expected ${expected} records, counted ${n}`);
    fastest = Math.min(fastest, seconds);
  }
  return { linesPerSecond: Math.round(expected / fastest), seconds: Number(fastest.toFixed(3)) };
}

await writeSample();
await writeCsvSample();
const bytesPerLine = Math.round(statSync(file).size / lines);
const result = {
  bench: 'sources',
  lines,
  bytesPerLine,
  split: await best(split),
  parse: await best(parse),
  source: await best(source),
  csv: { rows: csvRows, ...(await best(csv, csvRows)) },
};
process.stdout.write(`${JSON.stringify(result)}\n`);
