import type Database from 'better-sqlite3';
import type { Alert, AlertStatus } from '../model/alert.js';
import type { Channel } from '../model/channel.js';
import type { Post } from '../model/post.js';
import type { SseWritable, SubscribeOptions } from '../notify/sse.js';
import type { Bucket, SeriesPoint, Store } from '../store/store.js';
import type { RecentIndex } from './recent-index.js';

/**
 * What the HTTP server needs from the rest of tidewatch, as narrow interfaces the integrator
 * satisfies (the store, the query language, watch/alert/channel storage, the live hub). Each has
 * a stand-in in this folder so the server runs and is tested before every part has landed.
 */

/** A saved topic query, as the API shows it. */
export interface WatchRecord {
  name: string;
  query: string;
  description?: string;
  createdAt: number;
  updatedAt: number;
}

export interface WatchInput {
  name: string;
  query: string;
  description?: string;
}

export interface WatchRepository {
  list(): Promise<WatchRecord[]>;
  get(name: string): Promise<WatchRecord | undefined>;
  /** Creates or replaces the watch of that name. */
  put(watch: WatchInput): Promise<WatchRecord>;
  delete(name: string): Promise<boolean>;
}

export interface AlertListOptions {
  status?: AlertStatus;
  watch?: string;
  /** Alerts fired at or after this time (epoch ms). */
  since?: number;
  limit: number;
}

export interface AlertRepository {
  /** Newest first. */
  list(options: AlertListOptions): Promise<Alert[]>;
  get(id: string): Promise<Alert | undefined>;
  /** Marks the alert acknowledged; undefined when there is no such alert. */
  acknowledge(id: string, at: number): Promise<Alert | undefined>;
}

export interface ChannelRepository {
  list(): Promise<Channel[]>;
  put(channel: Channel): Promise<void>;
  delete(name: string): Promise<boolean>;
}

/** One problem in a query, pointing at its place (1-based column, end exclusive). */
export interface QueryDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** 0-based offsets into the query string. */
  start: number;
  end: number;
}

/** A query compiled for the embedded store: a boolean SQL expression over `posts AS p`. */
export interface CompiledSqlite {
  where: string;
  params: unknown[];
}

/** The watch query language, as the server uses it (src/query provides the real one). */
export interface QueryLanguage {
  lint(query: string): QueryDiagnostic[];
  /** Throws an Error whose message names the problem when the query has errors. */
  compileSqlite(query: string): CompiledSqlite;
  /** Whether a post matches (used by `POST /api/watches/test` with sample texts). */
  matches(query: string, post: Post): boolean;
}

/** Health of one source, as the sources page shows it. */
export interface SourceHealth {
  name: string;
  /** Posts per second over the last five minutes of ingest time. */
  rate: number;
  /** Event time of the newest stored post, epoch ms, or null. */
  lastPostAt: number | null;
  /** Wall-clock time of the newest ingest, epoch ms, or null. */
  lastIngestAt: number | null;
  /** How far the source's newest post is behind now, ms (null when nothing stored). */
  lagMs: number | null;
  /** Records quarantined from this source. */
  errors: number;
  quarantined: { line: number; reason: string; excerpt: string }[];
  status: 'live' | 'idle' | 'stalled';
}

export interface SourceHealthProvider {
  list(): Promise<SourceHealth[]>;
}

/** The live hub (src/notify/sse.ts SseHub satisfies it). */
export interface LiveHub {
  subscribe(writer: SseWritable, options?: SubscribeOptions): () => void;
  publish(event: string, data: unknown, topic?: string): string;
}

/** A series a caller may have precomputed (e.g. per-watch rollups kept at ingest). */
export type WatchVolumeProvider = (watch: string, bucket: Bucket, from: number, to: number) => Promise<SeriesPoint[] | undefined>;

export interface AuthConfig {
  /**
   * `tokens`: every /api request needs `Authorization: Bearer <token>`.
   * `off`: no tokens; allowed only on a loopback address, where every caller is an admin.
   */
  mode: 'off' | 'tokens';
}

export interface RateLimitConfig {
  /** Requests per token (or per address when unauthenticated) per window. */
  max: number;
  windowMs: number;
}

export interface ServerDeps {
  store: Store;
  /** The embedded store's database: analytics queries, tokens and the audit log live there. */
  db: Database.Database;
  live: LiveHub;
  watches: WatchRepository;
  alerts: AlertRepository;
  channels: ChannelRepository;
  query: QueryLanguage;
  sources?: SourceHealthProvider;
  watchVolume?: WatchVolumeProvider;
  auth?: AuthConfig;
  rateLimit?: RateLimitConfig;
  /** Breakdowns showing fewer distinct authors than this are suppressed (default 5). */
  kAnonymity?: number;
  /** Public URL of the dashboard, used in links (e.g. http://127.0.0.1:7420). */
  baseUrl?: string;
  /** Folder of the built dashboard (index.html + assets); default dist/web beside the package. */
  webDir?: string;
  /**
   * How far back the in-memory index of watch matches reaches (default 24 h; 0 = off, every
   * figure from SQL). Watch figures inside it cost a pass over memory instead of a query.
   */
  recentHorizonMs?: number;
  /** An index built by the caller (to feed it written posts with `remember`); else the server makes one. */
  recentIndex?: RecentIndex;
  /** Worker threads answering SQL figures on read-only connections (default 1; 0 = on the server's thread). */
  readerThreads?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** pino-compatible logger options or false (default false). */
  logger?: boolean;
}
