import type { Post } from '../model/post.js';
import type { Cursor } from '../sources/source.js';

/** A source position committed atomically with the batch that reached it. */
export interface Checkpoint {
  source: string;
  cursor: Cursor;
}

/** A record that could not be ingested, kept with where it came from and why. */
export interface QuarantineEntry {
  source: string;
  line: number;
  reason: string;
  excerpt: string;
}

export interface WriteResult {
  stored: number;
  duplicates: number;
  /** Ids of the posts that were new (duplicates excluded), in input order. */
  storedIds: string[];
}

export interface Stats {
  posts: number;
  /** ISO times of the oldest and newest post, null when empty. */
  from: string | null;
  to: string | null;
  languages: Record<string, number>;
  platforms: Record<string, number>;
  quarantined: number;
}

export interface SearchOptions {
  from?: number;
  to?: number;
  limit?: number;
}

export type Bucket = 'minute' | 'hour' | 'day';

export interface SeriesPoint {
  /** Bucket start, epoch ms (UTC). */
  t: number;
  count: number;
}

/**
 * The storage contract. The embedded SQLite store implements it now; the PostgreSQL store for
 * scale-out implements the same interface and runs the same conformance suite
 * (store/conformance.ts).
 */
export interface Store {
  /**
   * Insert new posts (a post whose id is already stored counts as a duplicate and changes
   * nothing), update the rollups, record quarantined input, and commit the checkpoint — all in one
   * transaction, so a crash leaves either all of it or none.
   */
  writeBatch(posts: Post[], checkpoint?: Checkpoint, quarantine?: QuarantineEntry[]): Promise<WriteResult>;
  getCheckpoint(source: string): Promise<Cursor | undefined>;
  getPost(id: string): Promise<Post | undefined>;
  /** Posts containing all the given words (folded tokens), newest first. */
  searchTerms(terms: string[], options?: SearchOptions): Promise<Post[]>;
  /** Posts per bucket from the rollups, all posts or one language/platform. */
  volume(bucket: Bucket, from: number, to: number, filter?: { lang?: string; platform?: string }): Promise<SeriesPoint[]>;
  stats(): Promise<Stats>;
  quarantined(limit?: number): Promise<QuarantineEntry[]>;
  /** Delete posts created before `before` (epoch ms) with their index entries; returns how many. */
  purge(before: number): Promise<number>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}
