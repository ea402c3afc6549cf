import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../model/alert.js';
import type { Post } from '../model/post.js';
import { SseHub } from '../notify/sse.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { makePost } from '../testing/fixtures.js';
import { AuthStore } from './auth-store.js';
import type { ServerDeps } from './deps.js';
import { FileChannelRepository } from './file-channels.js';
import { MemoryAlertRepository, MemoryChannelRepository } from './memory-repositories.js';
import { sqliteQueryLanguage } from './query-language.js';
import { createServer, ServerConfigError, startServer } from './server.js';
import { SqliteSourceHealth } from './source-health.js';
import { StoreWatchRepository, storeWatchVolume } from './store-watches.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const MIN = 60_000;

function author(i: number): string {
  return i.toString(16).padStart(32, 'a');
}

/**
 * A store with 12 "flood" posts by 8 authors: 10 with #valencia in English by authors 0-5, 2 with
 * #secret in Spanish by authors 6-7; 6 unrelated posts; one English "flood" post whose text is
 * markup (author 40).
 */
function corpus(): Post[] {
  const posts: Post[] = [];
  for (let i = 0; i < 12; i++) {
    const a = i % 8;
    const tag = a < 6 ? ' #valencia' : ' #secret';
    posts.push(
      makePost({
        id: `x:f${i}`,
        text: `flood warning in the city ${i}${tag} https://news.example.org/a${i}`,
        createdAt: NOW - (60 - i) * MIN,
        authorKey: author(a),
        lang: a < 6 ? 'en' : 'es',
        sentiment: { label: i % 2 ? 'negative' : 'neutral', score: i % 2 ? -0.5 : 0 },
        source: 'sim:test',
      }),
    );
  }
  for (let i = 0; i < 6; i++) {
    posts.push(makePost({ id: `x:o${i}`, text: `sunny day at the beach ${i}`, createdAt: NOW - (30 - i) * MIN, authorKey: author(20 + i), lang: 'en', source: 'sim:test' }));
  }
  posts.push(makePost({ id: 'x:xss', text: '=cmd flood <script>alert(1)</script>', createdAt: NOW - 5 * MIN, authorKey: author(40), lang: 'en', source: 'sim:test' }));
  return posts;
}

function alertFixture(id: string, watch: string): Alert {
  return {
    id,
    kind: 'spike',
    watch,
    topicKey: '',
    startedAt: NOW - 10 * MIN,
    firedAt: NOW - 5 * MIN,
    windowMs: MIN,
    terms: [{ term: 'flood', kind: 'word', observed: 12, baseline: 1, significance: 6 }],
    observed: 12,
    baseline: 1.5,
    significance: 6.2,
    languages: { en: 9, es: 3 },
    platforms: { x: 12 },
    representative: [{ id: 'x:f1', text: 'flood warning in the city 1', createdAt: NOW - 59 * MIN, lang: 'en', platform: 'x' }],
    series: [{ t: NOW - 6 * MIN, observed: 2, baseline: 1.5, upper: 4 }],
    status: 'open',
    acknowledgedAt: null,
  };
}

interface Harness {
  app: FastifyInstance;
  deps: ServerDeps;
  store: SqliteStore;
  alerts: MemoryAlertRepository;
  dir: string;
}

const harnesses: Harness[] = [];

async function harness(overrides: Partial<ServerDeps> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-server-'));
  const store = new SqliteStore({ path: join(dir, 'tidewatch.db') });
  await store.writeBatch(corpus(), { source: 'sim:test', cursor: { offset: 19, line: 20 } }, [
    { source: 'sim:test', line: 7, reason: 'bad JSON', excerpt: '{"id":' },
  ]);
  const alerts = new MemoryAlertRepository();
  alerts.add(alertFixture('a1', 'floods'));
  const deps: ServerDeps = {
    store,
    db: store.db,
    live: new SseHub({ heartbeatMs: 0 }),
    watches: new StoreWatchRepository(store),
    watchVolume: storeWatchVolume(store),
    alerts,
    channels: new MemoryChannelRepository(),
    query: sqliteQueryLanguage(store.db),
    sources: new SqliteSourceHealth(store.db, () => NOW),
    now: () => NOW,
    webDir: join(dir, 'no-web'),
    ...overrides,
  };
  const app = await createServer(deps);
  const h = { app, deps, store, alerts, dir };
  harnesses.push(h);
  return h;
}

afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.app.close();
    await h.store.close();
    rmSync(h.dir, { recursive: true, force: true });
  }
});

describe('meta routes', () => {
  it('answers /healthz, /metrics and serves the OpenAPI 3.1 document and its docs page', async () => {
    const { app } = await harness();
    const health = await app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, posts: 19 });

    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/watches', '/api/watches/lint', '/api/series/{metric}', '/api/top/{kind}', '/api/search', '/api/alerts/{id}/ack', '/api/export/search', '/api/live', '/api/sources', '/api/deletions', '/api/channels/{name}']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/watches'].post.requestBody.content['application/json'].schema.required).toContain('query');

    const docs = await app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);

    await app.inject('/api/stats');
    const metrics = await app.inject('/metrics');
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(/tidewatch_http_requests_total\{method="GET",route="\/api\/stats",status="200"\} 1/);
    expect(metrics.body).toMatch(/tidewatch_posts_stored 19/);
  });

  it('answers unknown API paths with 404 JSON and dashboard paths with a clear message when the dashboard is not built', async () => {
    const { app } = await harness();
    const api = await app.inject('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe('not_found');
    const page = await app.inject('/watches/floods');
    expect(page.statusCode).toBe(503);
    expect(page.body).toMatch(/npm run build/);
  });

  it('serves the built dashboard with a single-page-app fallback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidewatch-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>tidewatch</title>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    try {
      const { app } = await harness({ webDir: dir });
      const deep = await app.inject('/alerts/a1');
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('<title>tidewatch</title>');
      expect(deep.headers['content-security-policy']).toMatch(/script-src 'self'/);
      const asset = await app.inject('/assets/app-1234.js');
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toMatch(/immutable/);
      expect((await app.inject('/assets/missing.js')).statusCode).toBe(404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('watches', () => {
  it('creates, lists with overview figures, reads, replaces and deletes a watch', async () => {
    const { app } = await harness();
    const created = await app.inject({ method: 'POST', url: '/api/watches', payload: { name: 'floods', query: 'flood #valencia' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'floods', query: 'flood #valencia' });
    expect((await app.inject({ method: 'POST', url: '/api/watches', payload: { name: 'floods', query: 'x' } })).statusCode).toBe(409);

    const list = (await app.inject('/api/watches')).json();
    const floods = list.watches[0];
    expect(floods.name).toBe('floods');
    // 10 posts (authors 0-5) carry #valencia and "flood"; all in the hour before NOW.
    expect(floods.sparkline.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(10);
    // The hour closes at the end of the current minute: the post from exactly 60 minutes ago is in the hour before.
    expect(floods.lastHour).toBe(9);
    expect(floods.change).toBe(8);
    expect(floods.openAlerts).toBe(1);

    expect((await app.inject('/api/watches/floods')).json().query).toBe('flood #valencia');
    const replaced = await app.inject({ method: 'PUT', url: '/api/watches/floods', payload: { query: 'flood' } });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().query).toBe('flood');
    expect((await app.inject({ method: 'DELETE', url: '/api/watches/floods' })).statusCode).toBe(204);
    expect((await app.inject('/api/watches/floods')).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/watches/floods' })).statusCode).toBe(404);
  });

  it('rejects invalid bodies with a 400 that names the field', async () => {
    const { app } = await harness();
    const missing = await app.inject({ method: 'POST', url: '/api/watches', payload: { name: 'floods' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('invalid_request');
    expect(missing.json().message).toMatch(/^body\.query: /);
    expect(missing.json().issues[0].field).toBe('body.query');

    const badName = await app.inject({ method: 'POST', url: '/api/watches', payload: { name: '../etc', query: 'flood' } });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().message).toMatch(/^body\.name: /);

    const badQuery = await app.inject({ method: 'POST', url: '/api/watches', payload: { name: 'w', query: 'flood OR' } });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json()).toMatchObject({ error: 'invalid_query', field: 'body.query' });
    expect(badQuery.json().diagnostics[0]).toMatchObject({ severity: 'error' });

    const badBucket = await app.inject('/api/series/volume?bucket=week');
    expect(badBucket.statusCode).toBe(400);
    expect(badBucket.json().message).toMatch(/^querystring\.bucket: /);

    const badJson = await app.inject({ method: 'POST', url: '/api/watches', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(badJson.statusCode).toBe(400);
  });

  it('lints a query with diagnostics pointing at their place and tests it against stored posts and sample texts', async () => {
    const { app } = await harness();
    const lint = (await app.inject({ method: 'POST', url: '/api/watches/lint', payload: { query: 'flood colour:red' } })).json();
    expect(lint.ok).toBe(false);
    // The diagnostic points at `colour:` (offsets 6-13).
    expect(lint.diagnostics[0]).toMatchObject({ severity: 'error', start: 6, end: 13 });
    expect((await app.inject({ method: 'POST', url: '/api/watches/lint', payload: { query: 'flood #valencia' } })).json()).toEqual({ ok: true, diagnostics: [] });

    const test = (
      await app.inject({ method: 'POST', url: '/api/watches/test', payload: { query: 'flood', texts: ['Flood in Valencia', 'sunny'] } })
    ).json();
    expect(test.matches).toBe(13);
    expect(test.sample).toHaveLength(5);
    expect(test.texts).toEqual([
      { text: 'Flood in Valencia', matches: true },
      { text: 'sunny', matches: false },
    ]);
  });
});

describe('series, top lists and k-suppression', () => {
  it('counts volume per bucket for a watch, a query and all posts', async () => {
    const { app } = await harness();
    await app.inject({ method: 'POST', url: '/api/watches', payload: { name: 'beach', query: 'beach' } });
    const watch = (await app.inject('/api/series/volume?watch=beach&from=-2h&bucket=hour')).json();
    expect(watch.bucket).toBe('hour');
    expect(watch.points.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(6);
    const all = (await app.inject('/api/series/volume?from=-2h&bucket=minute')).json();
    expect(all.points.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(19);
    expect((await app.inject('/api/series/volume?watch=nope')).statusCode).toBe(404);
  });

  it('withholds language cells and sentiment buckets with fewer than k distinct authors', async () => {
    const { app } = await harness();
    const langs = (await app.inject(`/api/series/languages?q=flood&from=-2h&bucket=day`)).json();
    // en: 7 distinct authors -> shown; es: 2 authors -> withheld.
    expect(langs.totals).toEqual({ en: 11 });
    expect(langs.points.some((p: { key: string }) => p.key === 'es')).toBe(false);
    expect(langs.suppressed).toEqual({ k: 5, rows: 1, posts: 2 });

    const sentiment = (await app.inject(`/api/series/sentiment?q=flood&from=-2h&bucket=minute`)).json();
    // One post per minute: every bucket rests on one author.
    expect(sentiment.points.every((p: { suppressed: boolean; mean: number | null }) => p.suppressed && p.mean === null)).toBe(true);
    const daily = (await app.inject(`/api/series/sentiment?q=flood&from=-2h&bucket=day`)).json();
    expect(daily.points[0]).toMatchObject({ posts: 13, suppressed: false, negative: 6 });

    const strict = await harness({ kAnonymity: 100 });
    const none = (await strict.app.inject(`/api/series/languages?q=flood&from=-2h&bucket=day`)).json();
    expect(none.totals).toEqual({});
    expect(none.suppressed.posts).toBe(13);
  });

  it('lists top hashtags, domains, links and terms, withholding rows behind fewer than k authors', async () => {
    const { app } = await harness();
    const tags = (await app.inject('/api/top/hashtags?q=flood&from=-2h')).json();
    expect(tags.items).toEqual([{ value: 'valencia', posts: 10, authors: 6 }]);
    expect(tags.suppressed).toEqual({ k: 5, rows: 1, posts: 2 });
    const domains = (await app.inject('/api/top/domains?q=flood&from=-2h')).json();
    expect(domains.items[0]).toEqual({ value: 'news.example.org', posts: 12, authors: 8 });
    // Every link is posted once, by one author: all withheld.
    const links = (await app.inject('/api/top/links?q=flood&from=-2h')).json();
    expect(links.items).toEqual([]);
    expect(links.suppressed.rows).toBe(12);
    const terms = (await app.inject('/api/top/terms?q=flood&from=-2h&limit=5')).json();
    const values = terms.items.map((i: { value: string }) => i.value);
    expect(values).toEqual(expect.arrayContaining(['flood', 'warning', 'city']));
    expect(values).not.toContain('the');
  });
});

describe('the in-memory index of watch matches', () => {
  it('gives the same figures as SQL', async () => {
    // SQL on the server's thread against the index and the worker thread.
    const sql = await harness({ recentHorizonMs: 0, readerThreads: 0 });
    const mem = await harness();
    for (const h of [sql, mem]) {
      await h.app.inject({ method: 'POST', url: '/api/watches', payload: { name: 'floods', query: 'flood OR beach' } });
    }
    const deadline = Date.now() + 5000;
    while ((await mem.app.inject('/healthz')).json().recentIndex !== 'ready' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await sql.app.inject('/healthz')).json().recentIndex).toBe('off');
    // The index notices the new watch on its next poll and rebuilds.
    await new Promise((r) => setTimeout(r, 700));
    while ((await mem.app.inject('/healthz')).json().recentIndex !== 'ready' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const url of [
      '/api/series/sentiment?watch=floods&from=-2h&bucket=hour',
      '/api/series/languages?watch=floods&from=-2h&bucket=hour',
      '/api/series/platforms?watch=floods&from=-2h&bucket=day',
      '/api/top/hashtags?watch=floods&from=-2h',
      '/api/top/domains?watch=floods&from=-2h',
      '/api/top/terms?watch=floods&from=-2h',
      '/api/search?watch=floods&limit=7',
      '/api/watches',
    ]) {
      const a = (await sql.app.inject(url)).json();
      const b = (await mem.app.inject(url)).json();
      delete a.sampled;
      delete b.sampled;
      delete a.sampledPosts;
      delete b.sampledPosts;
      for (const w of [...(a.watches ?? []), ...(b.watches ?? [])]) {
        delete w.createdAt;
        delete w.updatedAt;
      }
      expect(b, url).toEqual(a);
    }
    const first = (await mem.app.inject('/api/search?watch=floods&limit=7')).json();
    const second = (await mem.app.inject(`/api/search?watch=floods&limit=7&cursor=${first.next}`)).json();
    const sqlSecond = (await sql.app.inject(`/api/search?watch=floods&limit=7&cursor=${first.next}`)).json();
    expect(second.posts.map((p: { id: string }) => p.id)).toEqual(sqlSecond.posts.map((p: { id: string }) => p.id));
    expect(first.posts.length + second.posts.length).toBe(14);
  });
});

describe('search and export', () => {
  it('pages through every match with a cursor, newest first, authors as pseudonyms', async () => {
    const { app } = await harness();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { posts: { id: string; author: string; createdAt: number }[]; next: string | null } = (
        await app.inject(`/api/search?q=flood&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.posts.map((p) => p.id));
      for (const p of page.posts) expect(p.author).toMatch(/^[0-9a-f]{32}$/);
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect(seen[0]).toBe('x:xss');
    expect((await app.inject('/api/search?q=flood&cursor=zzz')).statusCode).toBe(400);
    expect((await app.inject('/api/search')).json().message).toMatch(/^querystring\.q/);
  });

  it('streams search results as JSONL and CSV, and series as CSV', async () => {
    const { app } = await harness();
    const jsonl = await app.inject('/api/export/search?q=flood&format=jsonl');
    expect(jsonl.headers['content-type']).toMatch(/ndjson/);
    const lines = jsonl.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatchObject({ id: 'x:xss', text: '=cmd flood <script>alert(1)</script>' });

    const csv = await app.inject('/api/export/search?q=flood&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="tidewatch-search-.*\.csv"/);
    const rows = csv.body.trim().split('\r\n');
    expect(rows[0]).toBe('id,platform,source,url,createdAt,author,lang,text,hashtags,links,domains,sentiment');
    expect(rows).toHaveLength(14);
    // A cell that would run as a spreadsheet formula is defused.
    expect(rows[1]).toContain(",'=cmd flood <script>alert(1)</script>,");

    const series = await app.inject('/api/export/series/volume?q=flood&from=-2h&bucket=hour&format=csv');
    expect(series.body.split('\r\n')[0]).toBe('time,t,count');
  });
});

describe('alerts, channels and sources', () => {
  it('lists alerts, shows one with its explanation and acknowledges it', async () => {
    const { app, deps } = await harness({ baseUrl: 'http://127.0.0.1:7420' });
    const list = (await app.inject('/api/alerts?status=open')).json();
    expect(list.alerts.map((a: { id: string }) => a.id)).toEqual(['a1']);
    const detail = (await app.inject('/api/alerts/a1')).json();
    expect(detail.url).toBe('http://127.0.0.1:7420/alerts/a1');
    expect(detail.series).toHaveLength(1);
    expect(detail.terms[0].term).toBe('flood');
    expect(detail.representative[0].id).toBe('x:f1');
    // 3 Spanish posts < k: withheld.
    expect(detail.languages).toEqual({ en: 9 });
    expect(detail.suppressed.languages.rows).toBe(1);

    const events: string[] = [];
    const publish = deps.live.publish.bind(deps.live);
    deps.live.publish = (event, data, topic) => {
      events.push(event);
      return publish(event, data, topic);
    };
    const acked = await app.inject({ method: 'POST', url: '/api/alerts/a1/ack' });
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledgedAt: NOW });
    expect(events).toEqual(['alert-updated']);
    expect((await app.inject('/api/alerts?status=open')).json().alerts).toEqual([]);
    expect((await app.inject('/api/alerts/none')).statusCode).toBe(404);
  });

  it('creates channels with validation and never serves their secrets', async () => {
    const { app } = await harness();
    const bad = await app.inject({ method: 'PUT', url: '/api/channels/hook', payload: { kind: 'webhook', url: 'https://example.org/h' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('body.secret');
    const ok = await app.inject({ method: 'PUT', url: '/api/channels/hook', payload: { kind: 'webhook', url: 'https://example.org/h?key=abc', secret: 'x'.repeat(20) } });
    expect(ok.statusCode).toBe(200);
    const list = (await app.inject('/api/channels')).json();
    expect(list.channels[0]).toMatchObject({ name: 'hook', secret: '[redacted]', url: 'https://example.org/h?key=[redacted]' });
    expect(JSON.stringify(list)).not.toContain('xxxxxxxx');
    expect((await app.inject({ method: 'DELETE', url: '/api/channels/hook' })).statusCode).toBe(204);
  });

  it('keeps channels in channels.json when given the file repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidewatch-channels-'));
    try {
      const file = join(dir, 'channels.json');
      const { app } = await harness({ channels: new FileChannelRepository(file) });
      expect((await app.inject({ method: 'PUT', url: '/api/channels/live', payload: { kind: 'sse' } })).statusCode).toBe(200);
      expect(JSON.parse(readFileSync(file, 'utf8')).channels).toEqual([expect.objectContaining({ name: 'live', kind: 'sse' })]);
      expect((await app.inject('/api/channels')).json().channels.map((c: { name: string }) => c.name)).toEqual(['live']);
      expect((await app.inject({ method: 'DELETE', url: '/api/channels/live' })).statusCode).toBe(204);
      expect(JSON.parse(readFileSync(file, 'utf8')).channels).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports source health: rate, last post, lag, errors and quarantined records', async () => {
    const { app } = await harness();
    const { sources } = (await app.inject('/api/sources')).json();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ name: 'sim:test', lastPostAt: NOW - 5 * MIN, lagMs: 5 * MIN, errors: 1 });
    expect(sources[0].rate).toBeCloseTo(1 / 300, 3);
    expect(sources[0].quarantined[0]).toEqual({ line: 7, reason: 'bad JSON', excerpt: '{"id":' });
  });
});

describe('live stream', () => {
  it('sends published alerts and counts to /api/live subscribers', async () => {
    const h = await harness();
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (h.app.server.address() as { port: number }).port;
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/live`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil(/: connected/);
    h.deps.live.publish('alert', alertFixture('a2', 'floods'));
    await readUntil(/event: alert\ndata: .*"id":"a2"/);
    abort.abort();
  });
});

describe('auth, roles, rate limits and the audit log', () => {
  it('needs a token in token mode and enforces roles: a viewer cannot create watches', async () => {
    const h = await harness({ auth: { mode: 'tokens' } });
    const auth = new AuthStore(h.store.db);
    const viewer = auth.createToken('viewer', 'v').token;
    const analyst = auth.createToken('analyst', 'a').token;
    const admin = auth.createToken('admin', 'root').token;
    const as = (token: string) => ({ authorization: `Bearer ${token}` });

    expect((await h.app.inject('/api/watches')).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/api/watches', headers: as('tw_forged') })).statusCode).toBe(401);
    expect((await h.app.inject('/healthz')).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/watches', headers: as(viewer) })).statusCode).toBe(200);

    const denied = await h.app.inject({ method: 'POST', url: '/api/watches', headers: as(viewer), payload: { name: 'w', query: 'flood' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toMatch(/analyst/);
    expect((await h.app.inject({ method: 'POST', url: '/api/watches', headers: as(analyst), payload: { name: 'w', query: 'flood' } })).statusCode).toBe(201);
    expect((await h.app.inject({ url: '/api/export/search?q=flood', headers: as(viewer) })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'PUT', url: '/api/channels/c', headers: as(analyst), payload: { kind: 'sse' } })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'PUT', url: '/api/channels/c', headers: as(admin), payload: { kind: 'sse' } })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/audit', headers: as(analyst) })).statusCode).toBe(403);
    expect((await h.app.inject({ url: '/api/me?access_token=' + viewer })).json()).toMatchObject({ role: 'viewer', auth: 'tokens' });

    // Stored hashed: the secret is nowhere in the database.
    const raw = h.store.db.prepare('SELECT hash FROM api_tokens').all() as { hash: Buffer }[];
    for (const r of raw) expect(r.hash.toString('utf8')).not.toContain(viewer.slice(3));
    auth.revokeToken(1);
    expect((await h.app.inject({ url: '/api/watches', headers: as(viewer) })).statusCode).toBe(401);
  });

  it('limits requests per token', async () => {
    const h = await harness({ auth: { mode: 'tokens' }, rateLimit: { max: 3, windowMs: 60_000 } });
    const auth = new AuthStore(h.store.db);
    const one = auth.createToken('viewer', 'one').token;
    const two = auth.createToken('viewer', 'two').token;
    const get = (t: string) => h.app.inject({ url: '/api/stats', headers: { authorization: `Bearer ${t}` } });
    for (let i = 0; i < 3; i++) expect((await get(one)).statusCode).toBe(200);
    const limited = await get(one);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('rate_limited');
    expect((await get(two)).statusCode).toBe(200);
  });

  it('writes every query and export to the audit log with who, when and what', async () => {
    const h = await harness({ auth: { mode: 'tokens' } });
    const auth = new AuthStore(h.store.db);
    const analyst = auth.createToken('analyst', 'maria').token;
    const admin = auth.createToken('admin', 'root').token;
    const headers = { authorization: `Bearer ${analyst}` };
    await h.app.inject({ url: '/api/search?q=flood', headers });
    await h.app.inject({ url: '/api/export/search?q=beach&format=csv', headers });
    await h.app.inject({ url: '/api/top/hashtags?q=flood', headers });
    await h.app.inject({ url: '/api/series/volume?q=flood', headers });
    const { entries } = (await h.app.inject({ url: '/api/audit', headers: { authorization: `Bearer ${admin}` } })).json();
    expect(entries.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual([
      'series.volume flood',
      'top.hashtags flood',
      'export.search beach',
      'search flood',
    ]);
    expect(entries[2]).toMatchObject({ actor: 'token:1:maria', role: 'analyst', at: NOW, detail: { format: 'csv' } });
  });

  it('applies deletions a platform announced through the API: admin only, the posts leave search, the call is audited', async () => {
    const h = await harness({ auth: { mode: 'tokens' } });
    const auth = new AuthStore(h.store.db);
    const analyst = auth.createToken('analyst', 'maria').token;
    const admin = auth.createToken('admin', 'root').token;
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const post = (token: string, payload: Record<string, unknown>) => h.app.inject({ method: 'POST', url: '/api/deletions', headers: as(token), payload });
    // Figures are cached for a second of the clock, which stands still here: ask with another limit after.
    const searchIds = async (limit: number) => (await h.app.inject({ url: `/api/search?q=flood&limit=${limit}`, headers: as(admin) })).json().posts.map((p: { id: string }) => p.id);
    expect(await searchIds(100)).toContain('x:f3');

    expect((await post(analyst, { ids: ['x:f3'] })).statusCode).toBe(403);
    const invalid = await post(admin, { ids: [] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toMatch(/ids/);
    const done = await post(admin, { ids: ['x:f3', 'x:f4', 'x:nope'], reason: 'x:delete' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ deleted: 2, notStored: 1, alertsRedacted: 0 });
    const left = await searchIds(99);
    expect(left).not.toContain('x:f3');
    expect(left).not.toContain('x:f4');
    expect(left).toContain('x:f5');
    const { entries } = (await h.app.inject({ url: '/api/audit', headers: as(admin) })).json();
    expect(entries.find((e: { action: string }) => e.action === 'posts.delete')).toMatchObject({ actor: 'token:2:root', target: '3 ids', detail: { deleted: 2, notStored: 1 } });
  });

  it('refuses to bind a non-loopback address without auth', async () => {
    const h = await harness();
    await expect(startServer(h.deps, { host: '0.0.0.0', port: 0 })).rejects.toThrow(ServerConfigError);
    await expect(startServer(h.deps, { host: '0.0.0.0', port: 0 })).rejects.toThrow(/without authentication/);
    const running = await startServer({ ...h.deps, auth: { mode: 'tokens' } }, { host: '0.0.0.0', port: 0 });
    expect(running.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    await running.close();
    const local = await startServer(h.deps, { host: '127.0.0.1', port: 0 });
    expect((await fetch(`${local.url}/healthz`)).status).toBe(200);
    await local.close();
  });
});
