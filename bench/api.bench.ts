import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

/**
 * The API under mixed reads from a second process while the server's process ingests posts:
 * the server (src/server/testing/dev-server.ts) writes `--ingest` posts/s into its store and
 * reports them to the live feed; this process sends `--rate` requests/s spread over the routes
 * the dashboard uses, for `--seconds`, and reports latency percentiles, errors and the ingest
 * rate the server actually kept up meanwhile.
 *
 *   npm run bench:api -- [--rate 200] [--ingest 5000] [--seconds 20] [--history 200000] [--dir DIR]
 *
 * Prints one JSON line.
 */

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const RATE = Number(flag('rate', '200'));
const INGEST = Number(flag('ingest', '5000'));
const SECONDS = Number(flag('seconds', '20'));
const HISTORY = Number(flag('history', '200000'));
// A fresh store each run unless --dir names one (then it grows run after run).
const GIVEN_DIR = process.argv.includes('--dir');
const DIR = GIVEN_DIR ? resolve(flag('dir', '')) : mkdtempSync(join(tmpdir(), 'tidewatch-bench-api-'));
const PORT = Number(flag('port', '7431'));

const PATHS = [
  '/api/watches',
  '/api/series/volume?watch=floods&from=-6h&bucket=minute',
  '/api/series/sentiment?watch=vaccines&from=-6h&bucket=minute',
  '/api/series/languages?watch=elections&from=-6h&bucket=hour',
  '/api/top/hashtags?watch=floods&from=-6h',
  '/api/top/terms?watch=vaccines&from=-6h',
  '/api/top/domains?watch=elections&from=-6h',
  '/api/search?q=flood&limit=20',
  '/api/search?watch=vaccines&limit=20',
  '/api/alerts?limit=50',
  '/api/sources',
  '/api/series/volume?from=-24h&bucket=hour',
  '/healthz',
];

async function startServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const script = resolve('dist/src/server/testing/dev-server.js');
  const child = spawn(
    process.execPath,
    [script, '--dir', DIR, '--port', String(PORT), '--history', String(HISTORY), '--live-rate', String(INGEST), '--rate-limit', '100000000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+)/.exec(out);
      if (m) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

async function postsStored(url: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { posts: number }).posts;
}

async function main(): Promise<void> {
  const { child, url } = await startServerProcess();
  try {
    // Steady state: the index of recent matches built, the live ingest at its pace.
    while (((await (await fetch(`${url}/healthz`)).json()) as { recentIndex: string }).recentIndex !== 'ready') {
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const before = await postsStored(url);
    const t0 = performance.now();
    const result = await autocannon({
      url,
      connections: 20,
      overallRate: RATE,
      duration: SECONDS,
      requests: PATHS.map((path) => ({ method: 'GET' as const, path })),
    });
    const elapsed = (performance.now() - t0) / 1000;
    const after = await postsStored(url);
    console.log(
      JSON.stringify({
        bench: 'api',
        targetRate: RATE,
        achievedRate: Number((result.requests.total / result.duration).toFixed(1)),
        requests: result.requests.total,
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        ingestTarget: INGEST,
        ingestAchieved: Math.round((after - before) / elapsed),
        storedPosts: after,
        routes: PATHS.length,
        targets: { rate: 200, p99Ms: 200, ingest: 5000 },
      }),
    );
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    if (!GIVEN_DIR) rmSync(DIR, { recursive: true, force: true });
  }
}

await main();
