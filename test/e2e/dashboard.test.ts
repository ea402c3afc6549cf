import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../../src/server/testing/dev-server.js';
import { browserSkipReason, launchBrowser, screenshotPath } from './browser.js';

/**
 * The dashboard in headless Chromium against a live server: a store with a few hours of sample
 * posts, a trickle of new ones every 250 ms, and the live feed. The test writes the posts and
 * publishes the alert it then expects to see arrive (the detectors have their own tests).
 * Screenshots go to test-results/.
 */

const skip = browserSkipReason();
if (skip) console.warn(`skipping dashboard browser tests: ${skip}`);

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-e2e-'));
let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  if (skip) return;
  server = await startDevServer({ dir, history: 6000, historyMinutes: 180, liveRate: 12 });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(server.url + path);
  return page;
}

describe.skipIf(Boolean(skip))('dashboard in Chromium', () => {
  it('shows the overview with every watch and connects to the live feed', async () => {
    const page = await open('/');
    await page.locator('.watch-card').first().waitFor();
    expect(await page.locator('.watch-card').count()).toBe(3);
    await page.locator('[data-live="up"]').waitFor({ timeout: 10_000 });
    // The per-second counts arrive through /api/live.
    await page.getByTestId('stream-rate').filter({ hasText: 'posts/s' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('overview.png'), fullPage: true });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('creates a watch through the UI, lints its query as it is typed, and fills its chart live', async () => {
    const page = await open('/settings');
    await page.locator('#new-watch input[name="name"]').fill('storms');
    const query = page.locator('#watch-query');
    await query.fill('storm OR');
    await page.locator('#new-watch .lint-error').waitFor();
    expect(await page.locator('#new-watch .diagnostics').textContent()).toMatch(/column \d+: OR/);
    await query.fill('storm OR tormenta');
    await page.locator('#new-watch .lint-error').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Create watch' }).click();
    await page.waitForURL(/\/watches\/storms$/);
    await page.getByTestId('volume-total').filter({ hasText: /^0 posts$/ }).waitFor();

    // Posts arrive after the page is open: the chart follows without a reload.
    await server.burst('Storm over the coast, winds rising', 30);
    await server.burst('Tormenta en la costa', 10, 'es');
    await page.getByTestId('volume-total').filter({ hasText: /^40 posts$/ }).waitFor({ timeout: 15_000 });
    expect(Number(await page.locator('.watch-page .chart').first().getAttribute('data-points'))).toBeGreaterThan(100);
    await page.locator('.post-text', { hasText: 'Storm over the coast' }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('watch-new.png'), fullPage: true });
    await page.close();
  });

  it('shows an alert arriving live and opens its explanation', async () => {
    const page = await open('/alerts');
    await page.locator('table.alerts-table').waitFor();
    await page.locator('[data-live="up"]').waitFor({ timeout: 10_000 });
    await server.burst('Storm surge flooding the harbour, storm warning', 60);
    const alert = await server.fireAlert('storms', ['storm', 'surge', 'harbour']);
    const row = page.locator(`tr[data-alert-id="${alert.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('class')).toContain('fresh');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/alerts\//);
    const explanation = page.getByTestId('explanation');
    await explanation.waitFor();
    expect(await explanation.textContent()).toMatch(/standard deviations above normal/);
    expect(await page.locator('.terms-table').textContent()).toContain('surge');
    expect(Number(await page.locator('.alert-page .chart').getAttribute('data-points'))).toBe(31);
    await page.locator('.alert-page .post-text').first().waitFor();
    await page.screenshot({ path: screenshotPath('alert.png'), fullPage: true });

    await page.getByRole('button', { name: 'acknowledge' }).click();
    await page.locator('.page-head', { hasText: 'acknowledged' }).waitFor();

    // A watch page with history, its alert marked on the volume chart with the baseline band.
    await server.burst('Flood warning: the river burst its banks #flood', 80);
    await server.fireAlert('floods', ['flood', 'river', 'banks']);
    await page.goto(`${server.url}/watches/floods?range=-1h`);
    await page.locator('.watch-page .chart[data-markers="1"]').first().waitFor();
    await page.locator('.watch-page .four-col .bars li').first().waitFor();
    await page.locator('.watch-page .post-text').first().waitFor();
    await page.screenshot({ path: screenshotPath('watch.png'), fullPage: true });
    await page.close();
  });

  it('runs a search with the query language and pages through the results', async () => {
    const page = await open('/search');
    await page.locator('#search-query').fill('storm -surge');
    await page.locator('#search-query').press('Enter');
    await page.waitForURL(/\/search\?q=storm/);
    await page.getByTestId('result-count').waitFor();
    const texts = await page.locator('.post-text').allTextContents();
    expect(texts.length).toBe(30);
    expect(texts.every((t) => /storm/i.test(t) && !/surge/i.test(t))).toBe(true);
    await page.screenshot({ path: screenshotPath('search.png'), fullPage: true });
    await page.close();
  });

  it('shows post text containing markup as text, and right-to-left text right to left', async () => {
    const hostile = 'storm <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>bold</b>';
    await server.burst(hostile, 1);
    await server.burst('عاصفة storm قوية على الساحل', 1, 'ar');
    const page = await open(`/search?q=${encodeURIComponent('storm')}`);
    const post = page.locator('.post-text', { hasText: '<script>' }).first();
    await post.waitFor();
    expect(await post.textContent()).toBe(hostile);
    expect(await post.locator('script, img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const arabic = page.locator('.post-text', { hasText: 'عاصفة' }).first();
    expect(await arabic.getAttribute('dir')).toBe('auto');
    expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.close();
  });

  it('lays out the watch page on a phone-width screen without sideways scrolling', async () => {
    const page = await open('/watches/floods', { width: 390, height: 844 });
    await page.locator('.watch-page .chart').first().waitFor();
    await page.locator('.post-text').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('watch-phone.png'), fullPage: true });
    await page.close();
  });

  it('shows sources and their health', async () => {
    const page = await open('/sources');
    await page.locator('tr[data-source="sample-live"]').waitFor();
    expect(await page.locator('tr[data-source="sample-live"] .badge').textContent()).toBe('live');
    await page.close();
  });
});
