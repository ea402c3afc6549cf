import type { Bucket, SeriesPoint, Store, Watch } from '../store/store.js';
import type { WatchInput, WatchRecord, WatchRepository, WatchVolumeProvider } from './deps.js';

/**
 * The store's watches (with their per-minute rollups, kept at ingest) as the server's watch
 * repository and volume provider.
 */

function record(w: Watch): WatchRecord {
  return { name: w.name, query: w.query, ...(w.description ? { description: w.description } : {}), createdAt: w.createdAt, updatedAt: w.updatedAt };
}

/**
 * The store's watch list, read at most once per `ttlMs`: nearly every request names a watch, and
 * reading it from the store each time costs the server's thread more than the rest of many
 * requests. Changes made through this server are seen at once (`invalidate`), changes made by
 * another process (the CLI) within `ttlMs`.
 */
export class WatchListCache {
  private cached: { at: number; list: Promise<Watch[]> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  list(): Promise<Watch[]> {
    const t = this.now();
    if (!this.cached || t - this.cached.at >= this.ttlMs) {
      const list = this.store.listWatches();
      this.cached = { at: t, list };
      list.catch(() => (this.cached = undefined));
    }
    return this.cached.list;
  }

  /** The watch of that name (an exact match first, else one differing in case only: names are unique without case). */
  async get(name: string): Promise<Watch | undefined> {
    const list = await this.list();
    const lower = name.toLowerCase();
    return list.find((w) => w.name === name) ?? list.find((w) => w.name.toLowerCase() === lower);
  }

  invalidate(): void {
    this.cached = undefined;
  }
}

export class StoreWatchRepository implements WatchRepository {
  constructor(
    private readonly store: Store,
    private readonly cache = new WatchListCache(store),
  ) {}
  async list(): Promise<WatchRecord[]> {
    return (await this.cache.list()).map(record);
  }
  async get(name: string): Promise<WatchRecord | undefined> {
    const w = await this.cache.get(name);
    return w ? record(w) : undefined;
  }
  async put(input: WatchInput): Promise<WatchRecord> {
    try {
      const existing = await this.store.getWatch(input.name);
      if (existing && existing.name.toLowerCase() === input.name.toLowerCase()) {
        return record(await this.store.updateWatch(existing.id, { query: input.query, description: input.description ?? null }));
      }
      return record(await this.store.addWatch(input.name, input.query, { description: input.description }));
    } finally {
      this.cache.invalidate();
    }
  }
  async delete(name: string): Promise<boolean> {
    try {
      const w = await this.store.getWatch(name);
      return w && w.name.toLowerCase() === name.toLowerCase() ? await this.store.removeWatch(w.id) : false;
    } finally {
      this.cache.invalidate();
    }
  }
}

/**
 * Volume from the watch's rollups while they cover every stored post; undefined (compute from posts) while backfilling.
 * With a cache, pass the watch repository's.
 */
export function storeWatchVolume(store: Store, cache?: WatchListCache): WatchVolumeProvider {
  return async (name: string, bucket: Bucket, from: number, to: number): Promise<SeriesPoint[] | undefined> => {
    // Share the repository's cache (so a watch changed through it is seen at once), or read the store.
    const w = cache ? await cache.get(name) : await store.getWatch(name);
    if (!w || w.backfilling) return undefined;
    return (await store.watchVolume(w.id, bucket, from, to)).map((p) => ({ t: p.t, count: p.count }));
  };
}
