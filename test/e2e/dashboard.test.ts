import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, screenshotPath } from './browser.js';
import { type Demo, ingestFile, startDemo } from './demo.js';

/**
 * The dashboard in headless Chromium against the real product: `tidewatch demo` started as a child
 * process on a free port with its own data folder. The demo backfills six hours of simulated
 * multilingual stream as fast as it can and then goes live; its detectors warm up during the
 * backfill and keep firing while it runs, so the alerts page, opened as soon as the server
 * answers, sees alerts arrive over /api/live. Nothing here writes posts or alerts behind the
 * product's back: the one extra batch of posts goes through `tidewatch ingest` into the same
 * data folder. Screenshots go to test-results/; with TIDEWATCH_DOCS_SCREENSHOTS=1 the watch and
 * alert pages also go to docs/images/ for the README.
 */

const skip = browserSkipReason();
if (skip) console.warn(`skipping dashboard browser tests: ${skip}`);

/** Fixed so every run replays the same stream; this one fires spikes all through the backfill. */
const SEED = 3;
const HISTORY_MINUTES = 360;
const DOCS = process.env.TIDEWATCH_DOCS_SCREENSHOTS === '1' ? resolve('docs/images') : undefined;

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-e2e-'));
let demo: Demo | undefined;
let browser: Browser | undefined;
/** Opened as soon as the server answers, before the detectors have warmed up. */
let alertsPage: Page;
let alertsBeforeLive = -1;
/** The spike alert the test saw arrive and opened. */
let spike: { id: string; watch: string } | undefined;

type TrackedPage = Page & { errors: string[] };

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<TrackedPage> {
  const page = (await browser!.newPage({ viewport })) as TrackedPage;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(demo!.url + path);
  return page;
}

async function shoot(page: Page, name: string, docsName?: string): Promise<void> {
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage: true });
  if (DOCS && docsName) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, join(DOCS, docsName));
  }
}

const count = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, '') || 0);

beforeAll(async () => {
  if (skip) return;
  // The browser starts while the demo does; the demo prints its URL before the backfill begins.
  // Both are kept even when the other fails, so that afterAll closes whatever did start.
  const [b, d] = await Promise.allSettled([launchBrowser(), startDemo({ dataDir: dir, seed: SEED, history: HISTORY_MINUTES })]);
  if (b.status === 'fulfilled') browser = b.value;
  if (d.status === 'fulfilled') demo = d.value;
  if (b.status === 'rejected') throw b.reason;
  if (d.status === 'rejected') throw d.reason;
  alertsPage = await open('/alerts');
  await alertsPage.locator('table.alerts-table').waitFor();
  await alertsPage.locator('[data-live="up"]').waitFor({ timeout: 20_000 });
  alertsBeforeLive = demo!.alertLines().length;
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe.skipIf(Boolean(skip))('dashboard in Chromium against `tidewatch demo`', () => {
  it('sees a spike alert arrive live and opens its explanation', async () => {
    // Rows the live feed brought in are marked fresh; the page was open before they fired.
    const fresh = alertsPage.locator('tr.fresh:has(.badge.kind-spike)').first();
    await fresh.waitFor({ timeout: 180_000 });
    expect(await alertsPage.locator('tr.fresh').count()).toBeGreaterThan(0);
    const id = (await fresh.getAttribute('data-alert-id'))!;
    const watch = (await fresh.locator('td').nth(2).locator('a').textContent())!;
    spike = { id, watch };
    expect(['weather', 'transport', 'elections', 'economy']).toContain(watch);
    // The demo's terminal reports the same alert.
    await demo!.waitForLine(new RegExp(`^ALERT spike in watch "${watch}"`), 10_000);
    await shoot(alertsPage, 'alerts.png');

    await fresh.getByRole('link').first().click();
    await alertsPage.waitForURL(new RegExp(`/alerts/${encodeURIComponent(id)}$`));
    const page = alertsPage;
    const explanation = page.getByTestId('explanation');
    await explanation.waitFor();
    // The unit is the window that fired: `/min`, or `per 10 min` for a slower surge.
    expect(await explanation.textContent()).toMatch(/observed against a baseline of [\d.,]+(\/min| per \d+ min) — [\d.]+ standard deviations above normal/);
    // The series with its baseline and threshold, an hour either side of the rise.
    const chart = page.locator('.alert-page .chart');
    await chart.waitFor();
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(20);
    expect(await chart.getAttribute('data-markers')).toBe('1');
    expect(await page.locator('.alert-page .u-legend').textContent()).toMatch(/observed.*baseline.*threshold/);
    // Driving terms and representative posts, as the detector stored them.
    const stored = (await (await fetch(`${demo!.url}/api/alerts/${encodeURIComponent(id)}`)).json()) as {
      terms: { term: string }[];
      representative: { text: string }[];
      series: { baseline: number }[];
    };
    expect(stored.series.some((p) => p.baseline > 0)).toBe(true);
    const terms = await page.locator('.terms-table tbody tr td:first-child').allTextContents();
    expect(terms.length).toBeGreaterThan(0);
    expect(terms).toEqual(stored.terms.map((t) => t.term));
    const posts = await page.locator('.alert-page .post-text').allTextContents();
    expect(posts.length).toBeGreaterThan(0);
    expect(posts).toEqual(stored.representative.map((p) => p.text));
    await shoot(page, 'alert.png', 'dashboard-alert.png');

    await page.getByRole('button', { name: 'acknowledge' }).click();
    await page.locator('.page-head', { hasText: 'acknowledged' }).waitFor();
    expect((page as TrackedPage).errors).toEqual([]);
    console.info(`e2e: alerts page live with ${alertsBeforeLive} alert(s) already fired; opened ${id} (${watch}); ${demo!.alertLines().length} alerts so far`);
  }, 240_000);

  it('shows the overview with the demo watches, the live stream rate and the latest alerts', async () => {
    const page = await open('/');
    await page.locator('.watch-card').first().waitFor();
    const names = await page.locator('.watch-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-watch')));
    expect(names).toEqual(expect.arrayContaining(['weather', 'transport', 'elections', 'economy']));
    await page.locator('[data-live="up"]').waitFor({ timeout: 20_000 });
    // The per-second counts arrive through /api/live.
    await page.getByTestId('stream-rate').filter({ hasText: 'posts/s' }).waitFor({ timeout: 20_000 });
    await page.locator('.alert-list li').first().waitFor();
    await shoot(page, 'overview.png');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('creates a watch through the UI, lints its query as it is typed, and fills its chart', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'New watch' }).click();
    await page.waitForURL(/\/settings/);
    await page.locator('#new-watch input[name="name"]').fill('rain');
    const query = page.locator('#watch-query');
    await query.fill('rain OR');
    await page.locator('#new-watch .lint-error').waitFor();
    expect(await page.locator('#new-watch .diagnostics').textContent()).toMatch(/column \d+: .*OR/);
    await query.fill('rain OR lluvia OR pluie OR дождь OR 下雨');
    await page.locator('#new-watch .lint-error').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Create watch' }).click();
    await page.waitForURL(/\/watches\/rain$/);

    // The stored history matches at once (six hours of minutes)...
    const chart = page.locator('.watch-page .chart').first();
    const total = page.getByTestId('volume-total');
    await expect.poll(async () => count(await total.textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(300);
    // ...and the stream keeps adding to it without a reload. Over 24 hours, which hold the whole
    // run, the total only grows (a six-hour window also loses its oldest minutes as it slides).
    await page.getByRole('group', { name: 'time range' }).getByRole('button', { name: '24 h' }).click();
    await page.waitForURL(/\/watches\/rain\?range=-24h$/);
    await chart.and(page.locator('[data-points="24"], [data-points="25"]')).waitFor();
    await expect.poll(async () => count(await total.textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
    const first = count(await total.textContent());
    await expect.poll(async () => count(await total.textContent()), { timeout: 120_000, interval: 1000 }).toBeGreaterThan(first);
    const latest = page.locator('.watch-page .post-text');
    await latest.first().waitFor({ timeout: 30_000 });
    for (const text of await latest.allTextContents()) expect(text).toMatch(/rain|lluvia|pluie|дождь|下雨/i);
    await shoot(page, 'watch-new.png');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('shows a watch with its alert marked on the volume chart and the baseline band', async () => {
    expect(spike, 'the alert test found a spike').toBeDefined();
    // Once the backfill has caught up with the clock the chart covers the whole six hours.
    await expect
      .poll(
        async () => {
          const { sources } = (await (await fetch(`${demo!.url}/api/sources`)).json()) as { sources: { name: string; lagMs: number | null }[] };
          return sources.find((s) => s.name === `sim:seed=${SEED}`)?.lagMs ?? Infinity;
        },
        { timeout: 420_000, interval: 1000 },
      )
      .toBeLessThan(30_000);
    const page = await open(`/watches/${encodeURIComponent(spike!.watch)}?range=-6h`);
    await page.locator('.watch-page .chart:not([data-markers="0"])').first().waitFor();
    await page.locator(`.watch-page .alert-list a[href="/alerts/${encodeURIComponent(spike!.id)}"]`).waitFor();
    await page.locator('.watch-page .four-col .bars li').first().waitFor();
    await page.locator('.watch-page .post-text').first().waitFor();
    await shoot(page, 'watch.png', 'dashboard-watch.png');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 480_000);

  it('runs a search with the query language', async () => {
    const page = await open('/search');
    const q = '(lluvia OR clima) lang:es -calor';
    await page.locator('#search-query').fill(q);
    await page.locator('#search-query').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.getByTestId('result-count').waitFor({ timeout: 30_000 });
    const texts = await page.locator('.post-text').allTextContents();
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) {
      expect(t).toMatch(/lluvia|clima/i);
      expect(t).not.toMatch(/calor/i);
    }
    const meta = await page.locator('.post-meta').allTextContents();
    expect(meta.every((m) => m.includes(' · es · '))).toBe(true);
    await shoot(page, 'search.png');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows ingested post text containing markup as text, and right-to-left text right to left', async () => {
    const hostile = 'quokkabloom storm <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>bold</b>';
    const arabicText = 'عاصفة quokkabloom قوية على الساحل';
    const at = new Date().toISOString();
    const file = join(dir, 'hostile.jsonl');
    writeFileSync(
      file,
      [
        { platform: 'x', id: 'e2e-markup', createdAt: at, author: 'e2e-a', text: hostile, source: 'e2e-file' },
        { platform: 'x', id: 'e2e-arabic', createdAt: at, author: 'e2e-b', text: arabicText, source: 'e2e-file' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    // A second writer next to the running demo, through the real ingest path.
    const result = await ingestFile(dir, file);
    expect(result).toMatchObject({ read: 2, stored: 2, quarantined: 0 });

    const page = await open('/search');
    await page.locator('#search-query').fill('quokkabloom');
    await page.locator('#search-query').press('Enter');
    await page.waitForURL(/\/search\?q=quokkabloom/);
    await page.getByTestId('result-count').waitFor({ timeout: 30_000 });
    const post = page.locator('.post-text', { hasText: '<script>' }).first();
    await post.waitFor({ timeout: 30_000 });
    expect(await post.textContent()).toBe(hostile);
    expect(await post.locator('script, img, b').count()).toBe(0);
    expect(await page.locator('.search-page img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const arabic = page.locator('.post-text', { hasText: 'عاصفة' }).first();
    expect(await arabic.textContent()).toBe(arabicText);
    expect(await arabic.getAttribute('dir')).toBe('auto');
    expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await post.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await shoot(page, 'markup.png');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('lays out the watch page on a phone-width screen without sideways scrolling', async () => {
    const page = await open('/watches/weather', { width: 390, height: 844 });
    await page.locator('.watch-page .chart').first().waitFor();
    await page.locator('.post-text').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'watch-phone.png');
    await page.close();
  }, 60_000);

  it('shows the sources and their health', async () => {
    const page = await open('/sources');
    // The simulator the demo ingests, and the file `tidewatch ingest` read next to it.
    const sim = page.locator(`tr[data-source="sim:seed=${SEED}"]`);
    await sim.waitFor();
    expect(await sim.locator('.badge').textContent()).toBe('live');
    // The file ingested by the markup test shows up once the server's source figures refresh.
    await expect
      .poll(
        async () => {
          await page.reload();
          await sim.waitFor();
          return page.locator('tr[data-source]').count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThanOrEqual(2);
    await page.close();
  }, 60_000);
});
