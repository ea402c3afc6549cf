import type { Bucket, SeriesPoint, Store, Watch } from '../store/store.js';
import type { WatchInput, WatchRecord, WatchRepository, WatchVolumeProvider } from './deps.js';

/**
 * The store's watches (with their per-minute rollups, kept at ingest) as the server's watch
 * repository and volume provider.
 */

function record(w: Watch): WatchRecord {
  return { name: w.name, query: w.query, ...(w.description ? { description: w.description } : {}), createdAt: w.createdAt, updatedAt: w.updatedAt };
}

export class StoreWatchRepository implements WatchRepository {
  constructor(private readonly store: Store) {}
  async list(): Promise<WatchRecord[]> {
    return (await this.store.listWatches()).map(record);
  }
  async get(name: string): Promise<WatchRecord | undefined> {
    const w = await this.store.getWatch(name);
    return w && w.name.toLowerCase() === name.toLowerCase() ? record(w) : undefined;
  }
  async put(input: WatchInput): Promise<WatchRecord> {
    const existing = await this.store.getWatch(input.name);
    if (existing && existing.name.toLowerCase() === input.name.toLowerCase()) {
      return record(await this.store.updateWatch(existing.id, { query: input.query, description: input.description ?? null }));
    }
    return record(await this.store.addWatch(input.name, input.query, { description: input.description }));
  }
  async delete(name: string): Promise<boolean> {
    const w = await this.store.getWatch(name);
    return w && w.name.toLowerCase() === name.toLowerCase() ? this.store.removeWatch(w.id) : false;
  }
}

/** Volume from the watch's rollups while they cover every stored post; undefined (compute from posts) while backfilling. */
export function storeWatchVolume(store: Store): WatchVolumeProvider {
  return async (name: string, bucket: Bucket, from: number, to: number): Promise<SeriesPoint[] | undefined> => {
    const w = await store.getWatch(name);
    if (!w || w.backfilling) return undefined;
    return (await store.watchVolume(w.id, bucket, from, to)).map((p) => ({ t: p.t, count: p.count }));
  };
}
