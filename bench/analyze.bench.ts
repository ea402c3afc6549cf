/**
 * `tidewatch analyze` throughput: N lines through the command, stdin to /dev/null, timed from
 * spawn to exit (start-up included). Two inputs, written once under --dir:
 *
 *   stream     the first N tweets of ../shared/data/streams/ma2016_events.tsv.gz in time order
 *              (reposts and all, as a user would pipe a collection), or simulated posts' texts
 *              when the shared data is absent
 *   distinct   the same lines without repeats (every line analysed; nothing from the memo)
 *
 *   npm run bench:analyze [-- --lines N] [--workers N] [--dir D]
 *
 * Each input runs twice, best kept (the machine is shared). Last line: JSON.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { createSimulator } from '../src/sources/simulator/simulator.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const lines = Number(flag('--lines', '200000'));
const workers = flag('--workers', '');
const workDir = resolve(flag('--dir', '.tmp/bench-analyze'));
const shared = resolve('../shared/data/streams/ma2016_events.tsv.gz');

/** One text per line: newlines inside a text become spaces. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

async function streamTexts(): Promise<{ texts: string[]; origin: string }> {
  if (existsSync(shared)) {
    const rows: { time: string; text: string }[] = [];
    const input = createInterface({ input: createReadStream(shared).pipe(createGunzip()), crlfDelay: Infinity });
    let header = true;
    for await (const line of input) {
      if (header) {
        header = false;
        continue;
      }
      const cols = line.split('\t');
      if (cols.length >= 5) rows.push({ time: cols[3], text: oneLine(cols.slice(4).join('\t')) });
    }
    rows.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    return { texts: rows.slice(0, lines).map((r) => r.text), origin: 'ma2016 tweets in time order' };
  }
  const texts: string[] = [];
  for await (const item of createSimulator({ posts: lines, seed: 5 }).read()) if (item.kind === 'post') texts.push(oneLine(item.post.text));
  return { texts, origin: 'simulated posts (../shared/data absent)' };
}

function run(file: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['bin/tidewatch.js', 'analyze', ...(workers ? ['--workers', workers] : [])], {
      stdio: [openSync(file, 'r'), 'ignore', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`tidewatch analyze exited with ${child.status}`);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const streamFile = join(workDir, `stream-${lines}.txt`);
  const distinctFile = join(workDir, `distinct-${lines}.txt`);
  const originFile = join(workDir, `origin-${lines}.txt`);
  if (!existsSync(streamFile) || statSync(streamFile).size === 0 || !existsSync(originFile)) {
    const { texts, origin } = await streamTexts();
    writeFileSync(streamFile, `${texts.join('\n')}\n`);
    writeFileSync(distinctFile, `${[...new Set(texts)].join('\n')}\n`);
    writeFileSync(originFile, origin);
  }
  const count = (f: string): number => readFileSync(f, 'utf8').split('\n').length - 1;
  const streamLines = count(streamFile);
  const distinctLines = count(distinctFile);
  const streamSeconds = run(streamFile);
  const distinctSeconds = run(distinctFile);
  console.log(
    JSON.stringify({
      input: readFileSync(originFile, 'utf8'),
      lines: streamLines,
      linesPerSec: Math.round(streamLines / streamSeconds),
      distinctLines,
      distinctLinesPerSec: Math.round(distinctLines / distinctSeconds),
      workers: workers || 'default',
    }),
  );
}

await main();
