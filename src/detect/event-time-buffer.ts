/**
 * Event-time reordering with a watermark. Items are held until the largest event time seen, minus
 * the lateness tolerance, has passed them, then released in (createdAt, id) order — so posts that
 * arrive shuffled within the tolerance are processed exactly as in a sorted replay, and detectors
 * behind the buffer fire the same alerts at the same stream times live or replayed.
 *
 * Items older than what was already released are "late": they are released at once (never
 * dropped) and counted, and only their order is no longer guaranteed.
 */

export interface TimedItem {
  readonly id: string;
  readonly createdAt: number;
}

export interface EventTimeBufferSnapshot<T> {
  latenessMs: number;
  maxSeen: number | null;
  releasedBefore: number | null;
  late: number;
  pending: T[];
}

// Release granularity: small, so that a short lateness tolerance also means a short alert delay.
const BUCKET_MS = 100;
const NONE: never[] = [];

function compareItems(a: TimedItem, b: TimedItem): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isSorted(items: TimedItem[]): boolean {
  for (let i = 1; i < items.length; i++) if (compareItems(items[i - 1], items[i]) > 0) return false;
  return true;
}

export class EventTimeBuffer<T extends TimedItem> {
  /** Posts whose time was already behind the watermark when they arrived. */
  late = 0;
  private readonly pending = new Map<number, T[]>();
  private pendingCount = 0;
  private maxSeen = -Infinity;
  /** Every item with createdAt < releasedBefore has been released. */
  private releasedBefore = -Infinity;

  constructor(readonly latenessMs: number) {
    if (!(latenessMs >= 0)) throw new RangeError('latenessMs must be >= 0');
  }

  get size(): number {
    return this.pendingCount;
  }

  /** The stream time up to which everything has been released (the watermark). */
  get watermark(): number {
    return this.releasedBefore;
  }

  /** Adds an item; returns the items now due, in event-time order (often none). */
  push(item: T): readonly T[] {
    const t = item.createdAt;
    if (t < this.releasedBefore) {
      this.late++;
      return [item];
    }
    const key = Math.floor(t / BUCKET_MS);
    const bucket = this.pending.get(key);
    if (bucket) bucket.push(item);
    else this.pending.set(key, [item]);
    this.pendingCount++;
    if (t > this.maxSeen) {
      this.maxSeen = t;
      return this.release(t - this.latenessMs);
    }
    return NONE;
  }

  /**
   * Moves stream time forward without a post (e.g. to the wall clock in live mode, so a quiet
   * stream still releases what it holds); returns the items now due.
   */
  advanceTo(t: number): readonly T[] {
    if (t > this.maxSeen) this.maxSeen = t;
    return this.release(this.maxSeen - this.latenessMs);
  }

  /** Releases everything pending (end of a replay, or shutdown). */
  flush(): readonly T[] {
    return this.release(Infinity);
  }

  private release(watermark: number): readonly T[] {
    // Whole buckets only: a bucket is due once the watermark has passed its end. Flushing
    // releases up to the end of the bucket holding the newest item seen.
    const limit = watermark === Infinity ? this.maxSeen : watermark;
    if (limit === -Infinity) return NONE;
    const dueBefore = Math.floor((watermark === Infinity ? limit + BUCKET_MS : limit + 1) / BUCKET_MS) * BUCKET_MS;
    if (dueBefore <= this.releasedBefore) return NONE;
    this.releasedBefore = dueBefore;
    if (this.pendingCount === 0) return NONE;
    const keys: number[] = [];
    for (const key of this.pending.keys()) if ((key + 1) * BUCKET_MS <= dueBefore) keys.push(key);
    if (keys.length === 0) return NONE;
    keys.sort((a, b) => a - b);
    const out: T[] = [];
    for (const key of keys) {
      const bucket = this.pending.get(key)!;
      this.pending.delete(key);
      this.pendingCount -= bucket.length;
      if (!isSorted(bucket)) bucket.sort(compareItems);
      for (const item of bucket) out.push(item);
    }
    return out;
  }

  snapshot(): EventTimeBufferSnapshot<T> {
    const pending: T[] = [];
    for (const bucket of this.pending.values()) pending.push(...bucket);
    return {
      latenessMs: this.latenessMs,
      maxSeen: Number.isFinite(this.maxSeen) ? this.maxSeen : null,
      releasedBefore: Number.isFinite(this.releasedBefore) ? this.releasedBefore : null,
      late: this.late,
      pending,
    };
  }

  static restore<T extends TimedItem>(s: EventTimeBufferSnapshot<T>): EventTimeBuffer<T> {
    const b = new EventTimeBuffer<T>(s.latenessMs);
    b.maxSeen = s.maxSeen ?? -Infinity;
    b.releasedBefore = s.releasedBefore ?? -Infinity;
    b.late = s.late;
    for (const item of s.pending) {
      const key = Math.floor(item.createdAt / BUCKET_MS);
      const bucket = b.pending.get(key);
      if (bucket) bucket.push(item);
      else b.pending.set(key, [item]);
      b.pendingCount++;
    }
    return b;
  }
}
