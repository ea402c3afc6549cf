import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { samplePosts } from '../src/server/testing/sample-posts.js';
import { startDevServer } from '../src/server/testing/dev-server.js';

/**
 * Dashboard load times on loopback over a large store, in Debian's chromium:
 * - first load: a fresh browser context opens `/` until every watch card shows its figures;
 * - watch page: from a click on a watch card until its volume chart, language mix, top lists and
 *   posts are drawn (client-side navigation, as a user moves around);
 * - the gzipped size of what the first page loads.
 *
 *   npm run bench:web -- [--posts 1000000] [--hours 48] [--runs 5] [--dir .tmp/bench-web]
 *
 * The store is built once per --dir and --posts and reused. Prints one JSON line.
 */

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const POSTS = Number(flag('posts', '1000000'));
const HOURS = Number(flag('hours', '48'));
const RUNS = Number(flag('runs', '5'));
const DIR = resolve(flag('dir', `.tmp/bench-web-${POSTS}`));
const CHROMIUM = process.env.TIDEWATCH_CHROMIUM ?? '/usr/bin/chromium';

async function buildStore(): Promise<number> {
  mkdirSync(DIR, { recursive: true });
  const store = new SqliteStore({ path: join(DIR, 'tidewatch.db') });
  const have = (store.db.prepare('SELECT COUNT(*) AS n FROM posts').get() as { n: number }).n;
  if (have >= POSTS) {
    await store.close();
    return 0;
  }
  const started = performance.now();
  const end = Date.now();
  const start = end - HOURS * 3_600_000;
  const chunk = 10_000;
  for (let i = have; i < POSTS; i += chunk) {
    const n = Math.min(chunk, POSTS - i);
    const from = start + ((end - start) * i) / POSTS;
    const to = start + ((end - start) * (i + n)) / POSTS;
    await store.writeBatch(samplePosts(n, from, to, { seed: i + 1, prefix: `b${i}-`, authors: 5000 }), { source: 'sample', cursor: { offset: i + n, line: i + n + 1 } });
    if ((i / chunk) % 20 === 0) process.stderr.write(`\rbuilding store: ${i + n}/${POSTS}`);
  }
  process.stderr.write('\n');
  await store.close();
  return (performance.now() - started) / 1000;
}

function firstPageBytes(): { files: string[]; gzipBytes: number } {
  const webDir = resolve('dist/web');
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const assets = readdirSync(join(webDir, 'assets'));
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
  // The overview chunk and what it imports statically are loaded on the first page too.
  const overview = assets.filter((f) => /^(overview|format|hooks|api|sparkline)-.*\.js$/.test(f));
  const files = ['index.html', ...new Set([...entry, ...overview].map((f) => `assets/${f}`))];
  const gzipBytes = files.reduce((s, f) => s + gzipSync(readFileSync(join(webDir, f)), { level: 9 }).length, 0);
  return { files, gzipBytes };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  const buildSeconds = await buildStore();
  const warmStart = performance.now();
  const server = await startDevServer({ dir: DIR, history: 0, liveRate: 20 });
  // Steady state: the watches' rollups backfilled and the in-memory index of recent matches built.
  while (((await (await fetch(`${server.url}/healthz`)).json()) as { recentIndex: string }).recentIndex !== 'ready') {
    await new Promise((r) => setTimeout(r, 200));
  }
  const warmupSeconds = (performance.now() - warmStart) / 1000;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const firstLoad: number[] = [];
  const watchPage: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(server.url + '/');
      await page.locator('.watch-card .watch-figures').nth(2).waitFor();
      firstLoad.push(performance.now() - t0);

      const t1 = performance.now();
      await page.locator('.watch-card[data-watch="floods"]').click();
      await page.locator('.watch-page .chart canvas').first().waitFor();
      await page.locator('.watch-page .bars li').first().waitFor();
      await page.locator('.watch-page .four-col .bars li').first().waitFor();
      await page.locator('.watch-page .post-text').first().waitFor();
      watchPage.push(performance.now() - t1);
      await context.close();
      // Let the figures' 2 s cache expire so every run measures the queries, not the cache.
      await new Promise((r) => setTimeout(r, 2100));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const bundle = firstPageBytes();
  const round = (x: number) => Math.round(x);
  console.log(
    JSON.stringify({
      bench: 'web',
      posts: POSTS,
      hours: HOURS,
      runs: RUNS,
      storeBuildSeconds: Number(buildSeconds.toFixed(1)),
      warmupSeconds: Number(warmupSeconds.toFixed(1)),
      firstLoadMs: { median: round(percentile(firstLoad, 50)), max: round(Math.max(...firstLoad)), all: firstLoad.map(round) },
      watchPageMs: { median: round(percentile(watchPage, 50)), max: round(Math.max(...watchPage)), all: watchPage.map(round) },
      firstPageGzipBytes: bundle.gzipBytes,
      targets: { firstLoadMs: 1500, watchPageMs: 300, firstPageGzipBytes: 300_000 },
    }),
  );
}

await main();
