import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Post } from '../model/post.js';
import type { Bucket, SeriesPoint } from '../store/store.js';
import type { QueryLanguage, SourceHealth } from './deps.js';
import { SqliteSourceHealth } from './source-health.js';
import { type KeyedPoint, type PageCursor, SqliteAnalytics, type SentimentPoint, type TopKind, type TopRow } from './sqlite-analytics.js';

/**
 * The SQL figures, by query text (null = all posts). Inline runs them on the server's thread;
 * the worker version runs them on a read-only connection in a worker thread, so a slow query (a
 * common word over millions of posts) delays only the requests that wait for it, not every
 * request and not the ingest loop sharing the thread.
 */
export interface AnalyticsReader {
  volume(query: string | null, bucket: Bucket, from: number, to: number): Promise<SeriesPoint[]>;
  count(query: string | null, from: number, to: number): Promise<number>;
  sentiment(query: string | null, bucket: Bucket, from: number, to: number): Promise<SentimentPoint[]>;
  breakdown(query: string | null, field: 'lang' | 'platform', bucket: Bucket, from: number, to: number): Promise<KeyedPoint[]>;
  top(query: string | null, kind: TopKind, from: number, to: number, limit: number): Promise<{ rows: TopRow[]; sampledPosts: number; sampled: boolean }>;
  search(query: string | null, from: number, to: number, limit: number, after?: PageCursor): Promise<{ posts: Post[]; next: PageCursor | null }>;
  postsByRowid(rowids: readonly number[]): Promise<Post[]>;
  termsOfRowids(rowids: readonly number[], limit: number): Promise<TopRow[]>;
  /** Source health (SqliteSourceHealth) from the same connection, as of `now`. */
  sourceHealth(now: number): Promise<SourceHealth[]>;
  close(): Promise<void>;
}

type Method = Exclude<keyof AnalyticsReader, 'close'>;
const BY_QUERY: ReadonlySet<Method> = new Set(['volume', 'count', 'sentiment', 'breakdown', 'top', 'search']);

/** Runs a reader method against an analytics object, compiling the query first. */
export function runAnalytics(analytics: SqliteAnalytics, query: QueryLanguage, method: Method, args: unknown[], sources?: SqliteSourceHealth): unknown {
  if (method === 'sourceHealth') return sources ? sources.list(args[0] as number) : [];
  const fn = analytics[method] as (...a: unknown[]) => unknown;
  if (!BY_QUERY.has(method)) return fn.apply(analytics, args);
  const [text, ...rest] = args as [string | null, ...unknown[]];
  return fn.apply(analytics, [text === null ? null : query.compileSqlite(text), ...rest]);
}

function readerOf(call: (method: Method, args: unknown[]) => Promise<unknown>, close: () => Promise<void>): AnalyticsReader {
  const m =
    (method: Method) =>
    (...args: unknown[]) =>
      call(method, args);
  return {
    volume: m('volume') as AnalyticsReader['volume'],
    count: m('count') as AnalyticsReader['count'],
    sentiment: m('sentiment') as AnalyticsReader['sentiment'],
    breakdown: m('breakdown') as AnalyticsReader['breakdown'],
    top: m('top') as AnalyticsReader['top'],
    search: m('search') as AnalyticsReader['search'],
    postsByRowid: m('postsByRowid') as AnalyticsReader['postsByRowid'],
    termsOfRowids: m('termsOfRowids') as AnalyticsReader['termsOfRowids'],
    sourceHealth: m('sourceHealth') as AnalyticsReader['sourceHealth'],
    close,
  };
}

export function inlineReader(db: Database.Database, query: QueryLanguage): AnalyticsReader {
  const analytics = new SqliteAnalytics(db);
  const sources = new SqliteSourceHealth(db);
  return readerOf(async (method, args) => runAnalytics(analytics, query, method, args, sources), async () => {});
}

/** The compiled worker script; under vitest this module runs from src/ and the worker from dist/. */
export function readerWorkerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const js = here.endsWith('.ts')
    ? here.replace(/([\\/])src([\\/]server[\\/])analytics-reader\.ts$/, '$1dist$1src$2analytics-worker.js')
    : here.replace(/analytics-reader\.js$/, 'analytics-worker.js');
  return existsSync(js) ? js : undefined;
}

/** Worker threads each with a read-only connection to the database file; calls go to the least busy. */
export function workerReader(dbPath: string, threads = 1): AnalyticsReader {
  const script = readerWorkerScript();
  if (!script) throw new Error('analytics worker not built (run npm run build)');
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; worker: number }>();
  const busy: number[] = [];
  const workers = Array.from({ length: threads }, (_, i) => {
    const w = new Worker(script, { workerData: { dbPath } });
    busy.push(0);
    w.on('message', (msg: { id: number; result?: unknown; error?: string; name?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      busy[i]--;
      if (msg.error !== undefined) {
        const err = new Error(msg.error);
        err.name = msg.name ?? 'Error';
        p.reject(err);
      } else p.resolve(msg.result);
    });
    w.on('error', (err) => {
      for (const [id, p] of pending) {
        if (p.worker !== i) continue;
        pending.delete(id);
        p.reject(err);
      }
    });
    w.unref();
    return w;
  });
  return readerOf(
    (method, args) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        let i = 0;
        for (let j = 1; j < workers.length; j++) if (busy[j] < busy[i]) i = j;
        busy[i]++;
        pending.set(id, { resolve, reject, worker: i });
        workers[i].postMessage({ id, method, args });
      }),
    async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  );
}
