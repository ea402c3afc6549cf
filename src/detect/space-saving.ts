/**
 * Space-Saving heavy hitters (Metwally, Agrawal & El Abbadi, "Efficient Computation of Frequent
 * and Top-k Elements in Data Streams", ICDT 2005) with exponential time decay by forward decay
 * (Cormode et al., ICDE 2009): at most `capacity` keys are kept; a new key replaces the one with
 * the smallest decayed count and inherits that count as its error bound. Weights are stored
 * scaled by e^{λ(t−landmark)}, so decay never touches the entries and the min-heap order stays
 * valid as time passes.
 */

export interface HeavyHitter<V> {
  readonly key: string;
  value: V;
  /** Forward-decayed weight (scaled); compare with `count(entry, t)`. */
  weight: number;
  /** Over-estimate inherited on replacement, same scale as weight. */
  error: number;
  /** Position in the heap. */
  pos: number;
}

export interface SpaceSavingSnapshot<V> {
  capacity: number;
  halfLifeMs: number;
  landmark: number | null;
  entries: { key: string; value: V; weight: number; error: number }[];
}

const RESCALE_EXPONENT = 500;

export class SpaceSaving<V> {
  private readonly heap: HeavyHitter<V>[] = [];
  private readonly byKey = new Map<string, HeavyHitter<V>>();
  private readonly lambda: number;
  private landmark = 0;
  private landmarkSet = false;

  constructor(
    readonly capacity: number,
    readonly halfLifeMs: number,
  ) {
    if (capacity < 1) throw new RangeError('capacity must be >= 1');
    this.lambda = Math.LN2 / halfLifeMs;
  }

  get size(): number {
    return this.heap.length;
  }

  get(key: string): HeavyHitter<V> | undefined {
    return this.byKey.get(key);
  }

  /** Decayed count of an entry at time t. */
  count(entry: HeavyHitter<V>, t: number): number {
    return entry.weight * Math.exp(-this.lambda * (t - this.landmark));
  }

  /**
   * Adds `weight` to key at time t (non-decreasing in practice; earlier times weigh less).
   * `create` makes the value for a new key; `onEvict` hears about the key it displaced.
   */
  offer(key: string, t: number, weight: number, create: () => V, onEvict?: (evicted: HeavyHitter<V>) => void): HeavyHitter<V> {
    if (!this.landmarkSet) {
      this.landmark = t;
      this.landmarkSet = true;
    }
    if (this.lambda * (t - this.landmark) > RESCALE_EXPONENT) this.rescale(t);
    const w = weight * Math.exp(this.lambda * (t - this.landmark));
    let entry = this.byKey.get(key);
    if (entry) {
      entry.weight += w;
      this.siftDown(entry.pos);
      return entry;
    }
    if (this.heap.length < this.capacity) {
      entry = { key, value: create(), weight: w, error: 0, pos: this.heap.length };
      this.heap.push(entry);
      this.byKey.set(key, entry);
      this.siftUp(entry.pos);
      return entry;
    }
    const min = this.heap[0];
    onEvict?.(min);
    this.byKey.delete(min.key);
    entry = { key, value: create(), weight: min.weight + w, error: min.weight, pos: 0 };
    this.heap[0] = entry;
    this.byKey.set(key, entry);
    this.siftDown(0);
    return entry;
  }

  delete(key: string): void {
    const entry = this.byKey.get(key);
    if (!entry) return;
    this.byKey.delete(key);
    const last = this.heap.pop()!;
    if (last !== entry) {
      this.heap[entry.pos] = last;
      last.pos = entry.pos;
      this.siftDown(last.pos);
      this.siftUp(last.pos);
    }
  }

  /** All entries, heaviest first. */
  entries(): HeavyHitter<V>[] {
    return [...this.heap].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
  }

  values(): IterableIterator<HeavyHitter<V>> {
    return this.byKey.values();
  }

  private rescale(t: number): void {
    const f = Math.exp(-this.lambda * (t - this.landmark));
    for (const e of this.heap) {
      e.weight *= f;
      e.error *= f;
    }
    this.landmark = t;
  }

  private less(a: HeavyHitter<V>, b: HeavyHitter<V>): boolean {
    return a.weight < b.weight || (a.weight === b.weight && a.key < b.key);
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i];
    const b = this.heap[j];
    this.heap[i] = b;
    this.heap[j] = a;
    a.pos = j;
    b.pos = i;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(this.heap[i], this.heap[p])) return;
      this.swap(i, p);
      i = p;
    }
  }

  private siftDown(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(this.heap[l], this.heap[m])) m = l;
      if (r < n && this.less(this.heap[r], this.heap[m])) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  snapshot(): SpaceSavingSnapshot<V> {
    return {
      capacity: this.capacity,
      halfLifeMs: this.halfLifeMs,
      landmark: this.landmarkSet ? this.landmark : null,
      entries: this.heap.map((e) => ({ key: e.key, value: e.value, weight: e.weight, error: e.error })),
    };
  }

  static restore<V>(s: SpaceSavingSnapshot<V>): SpaceSaving<V> {
    const ss = new SpaceSaving<V>(s.capacity, s.halfLifeMs);
    ss.landmark = s.landmark ?? 0;
    ss.landmarkSet = s.landmark !== null;
    for (const e of s.entries) {
      const entry: HeavyHitter<V> = { key: e.key, value: e.value, weight: e.weight, error: e.error, pos: ss.heap.length };
      ss.heap.push(entry);
      ss.byKey.set(e.key, entry);
      ss.siftUp(entry.pos);
    }
    return ss;
  }
}
