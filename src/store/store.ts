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
  /** Posts not stored because their platform announced them deleted (see Store.deletePosts). */
  withdrawn: number;
  /** Ids of the posts that were new (duplicates excluded), in input order. */
  storedIds: string[];
  /** The new posts' matches against the stored watches, counted into the watches' rollups in the same transaction. */
  matches: { watchId: number; post: Post }[];
}

export interface DeleteResult {
  /** Posts that were stored and are now removed. */
  deleted: number;
  /** Ids that were not stored (never ingested, purged, or already deleted); remembered all the same. */
  notStored: number;
  /** Alerts whose representative posts lost one or more of the deleted posts. */
  alertsRedacted: number;
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

/** A saved query (issue 3); its volume is kept in per-minute rollups from ingest and backfill. */
export interface Watch {
  id: number;
  name: string;
  query: string;
  description?: string;
  createdAt: number;
  updatedAt: number;
  /** Bumped whenever the query changes (the rollups are then rebuilt). */
  rev: number;
  /** The rollups do not yet cover every stored post (backfill pending). */
  backfilling: boolean;
}

export interface WatchSeriesPoint extends SeriesPoint {
  /** Of `count`, posts by sentiment label (posts without a label are in none). */
  negative: number;
  neutral: number;
  positive: number;
}

export interface ShareOfVoice {
  from: number;
  to: number;
  /** Sum of the watches' counts (a post two watches match counts twice). */
  total: number;
  watches: { watchId: number; name: string; count: number; share: number }[];
}

export interface QuerySearchOptions extends SearchOptions {
  /** `next` from the previous page. */
  cursor?: string;
}

export interface QueryPage {
  /** Newest first. */
  posts: Post[];
  /** Cursor of the following page, absent on the last one. */
  next?: string;
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
  /**
   * Applies deletions a platform announced: removes each post with its index entries, entities and
   * everything counted from it (volume and watch rollups, alerts' representative posts), and
   * remembers the id so a later import does not store the post again. Ids not stored are
   * remembered too.
   */
  deletePosts(ids: readonly string[], options?: { reason?: string; at?: number }): Promise<DeleteResult>;
  close(): Promise<void>;

  // Watches and the query language (issue 3). Query arguments are query-language text; invalid
  // text rejects with a QueryError (src/query) carrying the diagnostics.
  /** Saves a watch and backfills its rollups from the stored posts. */
  addWatch(name: string, query: string, options?: { description?: string }): Promise<Watch>;
  /** Renames it or replaces its query (the rollups are then rebuilt). */
  updateWatch(nameOrId: string | number, changes: { name?: string; query?: string; description?: string | null }): Promise<Watch>;
  /** Deletes the watch and its rollups; false when there is none. */
  removeWatch(nameOrId: string | number): Promise<boolean>;
  listWatches(): Promise<Watch[]>;
  getWatch(nameOrId: string | number): Promise<Watch | undefined>;
  /** A watch's series from its rollups over [from, to); `fill` includes empty buckets. */
  watchVolume(watchId: number, bucket: Bucket, from: number, to: number, filter?: { lang?: string; fill?: boolean }): Promise<WatchSeriesPoint[]>;
  shareOfVoice(watchIds: number[], from: number, to: number): Promise<ShareOfVoice>;
  /** Posts matching a query, newest first, paginated by cursor. */
  searchQuery(query: string, options?: QuerySearchOptions): Promise<QueryPage>;
  countQuery(query: string, options?: { from?: number; to?: number }): Promise<number>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}
