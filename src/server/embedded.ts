import { join } from 'node:path';
import { CHANNELS_FILE_NAME } from '../notify/channel-file.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { AlertRepository, ChannelRepository, LiveHub, ServerDeps } from './deps.js';
import { FileChannelRepository } from './file-channels.js';
import { sqliteQueryLanguage } from './query-language.js';
import { RecentIndex } from './recent-index.js';
import { SqliteSourceHealth } from './source-health.js';
import { SqliteAlertRepository } from './sqlite-alerts.js';
import { StoreWatchRepository, storeWatchVolume } from './store-watches.js';

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
}

/**
 * Everything the server needs over the embedded store: the query language compiled for it, the
 * store's watches and their rollups, source health, channels.json, and the in-memory index of
 * recent watch matches (returned, so the ingest loop can hand it what it writes).
 */
export function embeddedServerDeps(options: EmbeddedServerOptions): { deps: ServerDeps; recentIndex: RecentIndex } {
  const { store } = options;
  const watches = new StoreWatchRepository(store);
  const recentIndex = new RecentIndex(store.db, () => watches.list());
  const deps: ServerDeps = {
    store,
    db: store.db,
    live: options.live,
    watches,
    watchVolume: storeWatchVolume(store),
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
  };
  return { deps, recentIndex };
}
