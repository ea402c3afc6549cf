import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Alert } from '../../model/alert.js';
import type { Post } from '../../model/post.js';
import { SseHub } from '../../notify/sse.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { makePost } from '../../testing/fixtures.js';
import type { QueryLanguage, ServerDeps } from '../deps.js';
import { startEmbeddedServer } from '../embedded.js';
import { SqliteAlertRepository } from '../sqlite-alerts.js';
import { sqliteQueryLanguage } from '../query-language.js';
import { StoreWatchRepository } from '../store-watches.js';
import { startStoreWriter } from '../writer-thread.js';
import { samplePosts } from './sample-posts.js';

/**
 * The server over a store filled with sample posts and a live trickle of new ones, with in-memory
 * watches and alerts: what the dashboard's end-to-end tests and benchmarks run against when the
 * full `tidewatch demo` is not wanted. `burst` writes a sudden run of posts and `fireAlert`
 * publishes an alert the way the detector's sink does.
 */

export interface DevServerOptions {
  dir: string;
  port?: number;
  host?: string;
  /** Posts stored before the server starts, spread over `historyMinutes` up to now. */
  history?: number;
  historyMinutes?: number;
  /** Live posts per second (0 = none). */
  liveRate?: number;
  auth?: ServerDeps['auth'];
  rateLimit?: ServerDeps['rateLimit'];
  query?: QueryLanguage;
  watches?: { name: string; query: string; description?: string }[];
  readerThreads?: number;
}

export interface DevServer {
  url: string;
  store: SqliteStore;
  hub: SseHub;
  alerts: SqliteAlertRepository;
  watches: StoreWatchRepository;
  /** Writes posts now and reports them to the live feed. */
  write(posts: Post[]): Promise<void>;
  /** `n` posts with this text over the last few seconds. */
  burst(text: string, n: number, lang?: string): Promise<Post[]>;
  /** Stores and publishes an alert for a watch from the store's own minute counts. */
  fireAlert(watch: string, terms: string[]): Promise<Alert>;
  close(): Promise<void>;
}

export const DEFAULT_DEV_WATCHES = [
  { name: 'floods', query: 'flood OR inundaciones OR #dana OR #inondation OR فيضان OR 洪水', description: 'Flooding, in several languages' },
  { name: 'vaccines', query: 'vaccine OR vacunación OR vaccination OR تطعيم OR 疫苗', description: 'Vaccination campaigns' },
  { name: 'elections', query: '#election OR #elecciones OR #élections OR انتخابات OR 选举' },
];

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  mkdirSync(options.dir, { recursive: true });
  const store = new SqliteStore({ path: join(options.dir, 'tidewatch.db') });
  const query = options.query ?? sqliteQueryLanguage(store.db);
  const now = Date.now();
  const history = options.history ?? 20_000;
  const minutes = options.historyMinutes ?? 240;
  const existing = (store.db.prepare('SELECT COUNT(*) AS n FROM posts').get() as { n: number }).n;
  if (existing === 0 && history > 0) {
    const chunk = 20_000;
    for (let i = 0; i < history; i += chunk) {
      const n = Math.min(chunk, history - i);
      const span = (minutes * 60_000 * n) / history;
      const start = now - minutes * 60_000 + (minutes * 60_000 * i) / history;
      await store.writeBatch(samplePosts(n, start, start + span, { seed: i + 1, prefix: `h${i}-` }), { source: 'sample', cursor: { offset: i + n, line: i + n + 1 } });
    }
  }
  const hub = new SseHub({ heartbeatMs: 15_000 });
  const alerts = new SqliteAlertRepository(store.db);
  const watches = new StoreWatchRepository(store);
  if ((await watches.list()).length === 0) for (const w of options.watches ?? DEFAULT_DEV_WATCHES) await watches.put(w);
  const web = await startEmbeddedServer({
    store,
    dataDir: options.dir,
    live: hub,
    alerts,
    auth: options.auth,
    rateLimit: options.rateLimit,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    readerThreads: options.readerThreads,
  });

  // As `tidewatch demo` does: batches (with their watch matches) are written on the store's writer thread.
  const writer = await startStoreWriter(store);
  let seq = 0;
  const write = async (posts: Post[]): Promise<void> => {
    const result = await writer.writeBatch(posts, { source: 'sample-live', cursor: { offset: seq, line: seq + 1 } });
    const names = new Map((await store.listWatches()).map((w) => [w.id, w.name]));
    const perWatch: Record<string, number> = {};
    for (const m of result.matches) {
      const name = names.get(m.watchId);
      if (name) perWatch[name] = (perWatch[name] ?? 0) + 1;
    }
    const ids = new Set(result.storedIds);
    web.committed(result.duplicates ? posts.filter((p) => ids.has(p.id)) : posts, perWatch);
  };

  // Live posts arrive enriched (the pipeline enriches on worker threads): copies of a pre-made pool.
  const rate = options.liveRate ?? 20;
  const pool = rate > 0 ? samplePosts(Math.min(20_000, Math.max(100, rate * 4)), now, now + 1, { seed: 99, prefix: 'pool-' }) : [];
  let poolAt = 0;
  const run = Date.now().toString(36);
  const timer =
    rate > 0
      ? setInterval(() => {
          const t = Date.now();
          const n = Math.max(1, Math.round(rate / 4));
          seq++;
          const posts = Array.from({ length: n }, (_, i) => {
            const p = pool[poolAt++ % pool.length];
            return { ...p, id: `${p.platform}:${run}-${seq}-${i}`, url: `https://${p.platform}.example.com/p/${run}-${seq}-${i}`, source: 'sample-live', createdAt: t - 250 + Math.floor((250 * i) / n), ingestedAt: t };
          });
          void write(posts);
        }, 250)
      : undefined;

  return {
    url: web.url,
    store,
    hub,
    alerts,
    watches,
    write,
    async burst(text, n, lang = 'en') {
      const t = Date.now();
      const posts = Array.from({ length: n }, (_, i) =>
        makePost({
          id: `x:burst-${run}-${++seq}-${i}`,
          platform: 'x',
          source: 'sample-live',
          text,
          createdAt: t - Math.floor((i * 5000) / n),
          authorKey: createHash('sha256').update(`burst-${run}-${seq}-${i}`).digest('hex').slice(0, 32),
          lang,
          langConfidence: 0.9,
          url: `https://x.example.com/p/burst${seq}-${i}`,
        }),
      );
      await write(posts);
      return posts;
    },
    async fireAlert(watchName, terms) {
      const w = await watches.get(watchName);
      if (!w) throw new Error(`no watch ${watchName}`);
      const t = Date.now();
      const minute = Math.floor(t / 60_000) * 60_000;
      const compiled = query.compileSqlite(w.query);
      const rows = store.db
        .prepare(
          `SELECT (p.created_at / 60000) * 60000 AS t, COUNT(*) AS n FROM posts p WHERE p.created_at >= ? AND p.created_at < ? AND (${compiled.where}) GROUP BY t`,
        )
        .all(minute - 30 * 60_000, minute + 60_000, ...compiled.params) as { t: number; n: number }[];
      const counts = new Map(rows.map((r) => [r.t, r.n]));
      const history = Array.from({ length: 30 }, (_, i) => counts.get(minute - (30 - i) * 60_000) ?? 0);
      const mean = history.reduce((s, v) => s + v, 0) / history.length;
      const sd = Math.sqrt(history.reduce((s, v) => s + (v - mean) ** 2, 0) / history.length) || 1;
      const observed = counts.get(minute) ?? 0;
      const representative = (
        store.db.prepare(`SELECT p.id, p.text, p.created_at, p.lang, p.platform FROM posts p WHERE p.created_at >= ? AND (${compiled.where}) ORDER BY p.created_at DESC LIMIT 3`).all(
          minute,
          ...compiled.params,
        ) as { id: string; text: string; created_at: number; lang: string; platform: string }[]
      ).map((r) => ({ id: r.id, text: r.text, createdAt: r.created_at, lang: r.lang, platform: r.platform }));
      const alert: Alert = {
        id: `spike:${watchName}:${minute}`,
        kind: 'spike',
        watch: watchName,
        topicKey: '',
        startedAt: minute,
        firedAt: t,
        windowMs: 60_000,
        terms: terms.map((term) => ({ term, kind: 'word' as const, observed, baseline: mean, significance: (observed - mean) / sd })),
        observed,
        baseline: Number(mean.toFixed(2)),
        significance: Number(((observed - mean) / sd).toFixed(2)),
        languages: { en: observed },
        platforms: { x: observed },
        representative,
        series: [...history, observed].map((v, i) => ({ t: minute - (30 - i) * 60_000, observed: v, baseline: Number(mean.toFixed(2)), upper: Number((mean + 4 * sd).toFixed(2)) })),
        status: 'open',
        acknowledgedAt: null,
      };
      web.publishAlert(alert);
      return alert;
    },
    async close() {
      if (timer) clearInterval(timer);
      hub.close();
      await web.close();
      await writer.close();
      await store.close();
    },
  };
}

// `node dist/src/server/testing/dev-server.js [--port N] [--dir D] [--history N]`: a dashboard to look at.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const server = await startDevServer({
    dir: arg('dir', '.tmp/dev-server'),
    port: Number(arg('port', '7421')),
    history: Number(arg('history', '20000')),
    liveRate: Number(arg('live-rate', '20')),
    rateLimit: { max: Number(arg('rate-limit', '3000')), windowMs: 60_000 },
    readerThreads: process.argv.includes('--reader-threads') ? Number(arg('reader-threads', '2')) : undefined,
  });
  process.stdout.write(`tidewatch dev server: ${server.url}\n`);
  process.once('SIGINT', () => void server.close());
}
