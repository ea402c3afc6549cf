import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Bucket } from '../store/store.js';
import type { AuthStore, Role } from './auth-store.js';
import type { CompiledSqlite, ServerDeps } from './deps.js';
import type { WatchView } from './recent-index.js';
import type { AnalyticsReader } from './analytics-reader.js';
import { BUCKET_MS } from './sqlite-analytics.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/** An error with its HTTP status; the error handler turns it into `{ error, message }`. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Who is calling, decided once per request by the auth hook. */
export interface Caller {
  /** `token:<id>` or `local`; also the rate-limit key. */
  key: string;
  /** For the audit log. */
  actor: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** The least role a route needs (default viewer). */
    role?: Role;
    /** Routes that need no token (health, docs, dashboard files). */
    public?: boolean;
  }
}

export interface RouteContext {
  deps: ServerDeps;
  /** The SQL figures, by query text (in a worker thread when the database is a file). */
  reader: AnalyticsReader;
  authStore: AuthStore;
  k: number;
  now: () => number;
  audit(req: FastifyRequest, action: string, target: string, detail?: Record<string, unknown>): void;
  /** Compiles a query or fails with a 400 that carries the diagnostics. */
  compile(query: string): CompiledSqlite;
  /** The query behind `watch=` or `q=` (null = all posts); 404 for an unknown watch. */
  selection(params: { watch?: string; q?: string }): Promise<{ query: string | null; compiled: CompiledSqlite | null; label: string }>;
  /** A watch's matches in [from, to) from the in-memory index, when it covers them (only for `watch=` without `q=`). */
  watchView(params: { watch?: string; q?: string }, from: number, to: number): WatchView | undefined;
  /** As watchView, but for the covered part of the range; `complete` false when the range reaches further back. */
  partialWatchView(params: { watch?: string; q?: string }, from: number, to: number): (WatchView & { complete?: boolean }) | undefined;
  /** Memoises a computation for a short time (dashboards poll the same figures). */
  cached<T>(key: string, compute: () => T | Promise<T>): Promise<T>;
}

const DAY = 86_400_000;

/** Epoch milliseconds, or an ISO 8601 time, or a relative `-24h`/`-7d`/`-30m`. */
export const TimeParam = z
  .string()
  .regex(/^(-?\d{1,16}|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?|-\d+[mhd])$/, 'epoch ms, an ISO 8601 time or a relative time like -24h')
  .describe('epoch milliseconds, ISO 8601, or relative to now (-30m, -24h, -7d)');

export const RangeQuery = z.object({
  from: TimeParam.optional(),
  to: TimeParam.optional(),
});

export const BucketParam = z.enum(['minute', 'hour', 'day']).describe('bucket width; default chosen from the range');

export function parseTime(value: string | undefined, now: number, fallback: number): number {
  if (value === undefined) return fallback;
  const rel = /^-(\d+)([mhd])$/.exec(value);
  if (rel) return now - Number(rel[1]) * { m: 60_000, h: 3_600_000, d: DAY }[rel[2] as 'm' | 'h' | 'd'];
  if (/^-?\d+$/.test(value)) return Number(value);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new HttpError(400, 'invalid_request', `not a time: ${value}`);
  return t;
}

/** The request's time range; by default the last 24 hours. */
export function rangeOf(q: { from?: string; to?: string }, now: number, defaultSpan = DAY): { from: number; to: number } {
  // Whole seconds, so that requests within a second share cached figures.
  now = Math.floor(now / 1000) * 1000;
  const to = parseTime(q.to, now, now + 60_000);
  const from = parseTime(q.from, now, to - defaultSpan - 60_000);
  if (from >= to) throw new HttpError(400, 'invalid_request', 'querystring.from: must be before "to"', { field: 'querystring.from' });
  return { from, to };
}

const MAX_BUCKETS = 5000;

export function bucketOf(bucket: Bucket | undefined, from: number, to: number): Bucket {
  const span = to - from;
  const chosen = bucket ?? (span <= 12 * 3_600_000 ? 'minute' : span <= 31 * DAY ? 'hour' : 'day');
  if (span / BUCKET_MS[chosen] > MAX_BUCKETS) {
    throw new HttpError(400, 'invalid_request', `querystring.bucket: ${chosen} buckets over this range would be more than ${MAX_BUCKETS} points`, {
      field: 'querystring.bucket',
    });
  }
  return chosen;
}

export function encodeCursor(c: { createdAt: number; rowid: number }): string {
  return Buffer.from(`${c.createdAt}.${c.rowid}`).toString('base64url');
}

export function decodeCursor(s: string): { createdAt: number; rowid: number } {
  const m = /^(-?\d+)\.(\d+)$/.exec(Buffer.from(s, 'base64url').toString());
  if (!m) throw new HttpError(400, 'invalid_request', 'querystring.cursor: not a cursor from a previous page', { field: 'querystring.cursor' });
  return { createdAt: Number(m[1]), rowid: Number(m[2]) };
}
