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

export class EventTimeBuffer<T extends TimedItem> {
  /** Posts whose time was already behind the watermark when they arrived. */
  late = 0;
  /**
   * Held items in (createdAt, id) order from `head` on. Streams arrive almost in order, so an
   * item is nearly always appended; released items are dropped from the front in bulk.
   */
  private pending: T[] = [];
  private head = 0;
  private maxSeen = -Infinity;
  /** Every item with createdAt < releasedBefore has been released. */
  private releasedBefore = -Infinity;

  constructor(readonly latenessMs: number) {
    if (!(latenessMs >= 0)) throw new RangeError('latenessMs must be >= 0');
  }

  get size(): number {
    return this.pending.length - this.head;
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
    this.insert(item);
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

  /** Inserts after every item that does not sort after it (stable for equal keys). */
  private insert(item: T): void {
    const p = this.pending;
    let i = p.length;
    if (i === this.head || compareItems(p[i - 1], item) <= 0) {
      p.push(item);
      return;
    }
    let lo = this.head;
    let hi = i - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareItems(p[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    p.splice(lo, 0, item);
  }

  private release(watermark: number): readonly T[] {
    // Whole buckets only: a bucket is due once the watermark has passed its end. Flushing
    // releases up to the end of the bucket holding the newest item seen.
    const limit = watermark === Infinity ? this.maxSeen : watermark;
    if (limit === -Infinity) return NONE;
    const dueBefore = Math.floor((watermark === Infinity ? limit + BUCKET_MS : limit + 1) / BUCKET_MS) * BUCKET_MS;
    if (dueBefore <= this.releasedBefore) return NONE;
    this.releasedBefore = dueBefore;
    const p = this.pending;
    const from = this.head;
    let to = from;
    while (to < p.length && p[to].createdAt < dueBefore) to++;
    if (to === from) return NONE;
    const out = p.slice(from, to);
    if (to === p.length) {
      p.length = 0;
      this.head = 0;
    } else if (to > 1024 && to * 2 > p.length) {
      p.splice(0, to);
      this.head = 0;
    } else this.head = to;
    return out;
  }

  snapshot(): EventTimeBufferSnapshot<T> {
    return {
      latenessMs: this.latenessMs,
      maxSeen: Number.isFinite(this.maxSeen) ? this.maxSeen : null,
      releasedBefore: Number.isFinite(this.releasedBefore) ? this.releasedBefore : null,
      late: this.late,
      pending: this.pending.slice(this.head),
    };
  }

  static restore<T extends TimedItem>(s: EventTimeBufferSnapshot<T>): EventTimeBuffer<T> {
    const b = new EventTimeBuffer<T>(s.latenessMs);
    b.maxSeen = s.maxSeen ?? -Infinity;
    b.releasedBefore = s.releasedBefore ?? -Infinity;
    b.late = s.late;
    for (const item of s.pending) b.insert(item);
    return b;
  }
}
