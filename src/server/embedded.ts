import { join } from 'node:path';
import type { Alert } from '../model/alert.js';
import type { Post } from '../model/post.js';
import { CHANNELS_FILE_NAME } from '../notify/channel-file.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { AlertRepository, ChannelRepository, LiveHub, ServerDeps } from './deps.js';
import { FileChannelRepository } from './file-channels.js';
import { sqliteQueryLanguage } from './query-language.js';
import { LiveCounter } from './live-counts.js';
import { RecentIndex } from './recent-index.js';
import { type StartServerOptions, startServer } from './server.js';
import { SqliteSourceHealth } from './source-health.js';
import { SqliteAlertRepository } from './sqlite-alerts.js';
import { StoreWatchRepository, WatchListCache, storeWatchVolume } from './store-watches.js';

export interface EmbeddedServerOptions {
  store: SqliteStore;
  /** The data folder (channels.json lives there). */
  dataDir: string;
  live: LiveHub;
  /** Where alerts are kept; default the store's database (SqliteAlertRepository: feed it with `add`). */
  alerts?: AlertRepository;
  channels?: ChannelRepository;
  auth?: ServerDeps['auth'];
  rateLimit?: ServerDeps['rateLimit'];
  kAnonymity?: number;
  baseUrl?: string;
  webDir?: string;
  /** Reader threads for SQL figures (ServerDeps.readerThreads). */
  readerThreads?: number;
}

/**
 * Everything the server needs over the embedded store: the query language compiled for it, the
 * store's watches and their rollups, source health, channels.json, and the in-memory index of
 * recent watch matches (returned, so the ingest loop can hand it what it writes).
 */
export function embeddedServerDeps(options: EmbeddedServerOptions): { deps: ServerDeps; recentIndex: RecentIndex } {
  const { store } = options;
  const watchList = new WatchListCache(store);
  const watches = new StoreWatchRepository(store, watchList);
  const recentIndex = new RecentIndex(store.db, () => watches.list());
  const deps: ServerDeps = {
    store,
    db: store.db,
    live: options.live,
    watches,
    watchVolume: storeWatchVolume(store, watchList),
    alerts: options.alerts ?? new SqliteAlertRepository(store.db),
    channels: options.channels ?? new FileChannelRepository(join(options.dataDir, CHANNELS_FILE_NAME)),
    query: sqliteQueryLanguage(store.db),
    sources: new SqliteSourceHealth(store.db),
    recentIndex,
    auth: options.auth,
    rateLimit: options.rateLimit,
    kAnonymity: options.kAnonymity,
    baseUrl: options.baseUrl,
    webDir: options.webDir,
    readerThreads: options.readerThreads,
  };
  return { deps, recentIndex };
}

export interface EmbeddedServer {
  url: string;
  deps: ServerDeps;
  alerts: SqliteAlertRepository | AlertRepository;
  recentIndex: RecentIndex;
  /**
   * The ingest loop's onCommit: posts just stored and, per watch name, how many of them it
   * matched. Feeds the live per-second counts and the recent-match index.
   */
  committed(posts: readonly Post[], perWatch?: Record<string, number>): void;
  /** The detector's sink: keeps the alert and sends it to every open dashboard. */
  publishAlert(alert: Alert): void;
  close(): Promise<void>;
}

/** Starts the API and dashboard over the embedded store (what `tidewatch demo` and `serve` run). */
export async function startEmbeddedServer(options: EmbeddedServerOptions & StartServerOptions): Promise<EmbeddedServer> {
  const alerts = options.alerts ?? new SqliteAlertRepository(options.store.db);
  const { deps, recentIndex } = embeddedServerDeps({ ...options, alerts });
  const counter = new LiveCounter(options.live);
  const running = await startServer(deps, { host: options.host, port: options.port });
  deps.baseUrl ??= running.url;
  return {
    url: running.url,
    deps,
    alerts,
    recentIndex,
    committed(posts, perWatch) {
      counter.add(posts.length, perWatch);
      recentIndex.remember(posts);
    },
    publishAlert(alert) {
      if (alerts instanceof SqliteAlertRepository) alerts.add(alert);
      options.live.publish('alert', alert);
    },
    async close() {
      counter.close();
      await running.close();
    },
  };
}
