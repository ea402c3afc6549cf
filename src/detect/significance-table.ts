/**
 * Hashed significance table after SigniTrend (Schubert, Weiler & Kriegel, "SigniTrend: Scalable
 * Detection of Emerging Topics in Textual Streams by Hashed Significance Thresholds", KDD 2014,
 * §3–4): every term is hashed to `depth` buckets of a fixed-width table (count-min style); each
 * bucket keeps an exponentially weighted mean and variance of the per-post rate of the terms that
 * land in it, learned slot by slot, plus the counts of the current and previous slot. A term's
 * significance is the minimum over its buckets of
 *
 *     z = (c − E) / (sqrt(E + σ²·n²) + β),   E = μ·n
 *
 * where c is the count over a sliding window about one slot wide (the current sub-slot and the
 * `subSlots − 1` before it), n the posts in that same window, μ and σ² the bucket's rate mean and
 * variance learned from whole slots, and β a noise floor in posts (the paper's bias term) that
 * keeps a handful of posts of a never-seen term from looking significant. Taking the minimum over
 * buckets removes most of the over-estimate from collisions, as in a count-min sketch. Memory is
 * fixed: 4·(3 + subSlots) bytes a bucket. Sub-slot counts are cleared lazily (each bucket
 * remembers the last sub-slot it counted in), so a quiet stream does not pay a pass over the
 * table every few minutes; the per-slot learning pass is the only whole-table work.
 *
 * One addition to the paper: E is scaled by how active the language of the post being counted
 * is right now relative to its usual share (language-activity.ts), so the daily rhythm of each
 * language community does not read as news.
 */
import { LanguageActivity, type LanguageActivitySnapshot } from './language-activity.js';


export interface SignificanceTableOptions {
  /** log2 of the number of buckets. */
  tableBits: number;
  /** Buckets per term. */
  depth: number;
  /** Length of the slots whose rates are learned; also (about) the width of the window. */
  slotMs: number;
  /** Sub-slots per slot: the window slides by slotMs / subSlots. */
  subSlots: number;
  /** Half-life of the learned mean/variance, in slots. */
  halfLifeSlots: number;
  /** Noise floor β, in posts. */
  beta: number;
  /** A slot with fewer posts than this teaches the baseline nothing (gaps, outages). */
  minSlotPosts: number;
}

export interface SignificanceTableSnapshot {
  options: SignificanceTableOptions;
  subSlot: number | null;
  base: number;
  subPosts: number[];
  learnedSlots: number;
  languages: LanguageActivitySnapshot;
  /** The bucket array (mean, variance, last sub-slot, sub-slot counts), Float32 little-endian, base64. */
  cells: string;
}

/** The result of a lookup; reused between calls, copy what you keep. */
export interface TermScore {
  significance: number;
  /** Estimated posts with the term in the window (least-collided bucket). */
  observed: number;
  /** Posts the term's history predicts for the window. */
  expected: number;
  /** Learned rate per post (lowest over buckets): near 1 for function words. */
  rate: number;
}

const MEAN = 0;
const VAR = 1;
/** The last sub-slot (relative to `base`) the bucket counted in. */
const LAST = 2;
const COUNTS = 3;
const NEVER = -1e9;

export class SignificanceTable {
  readonly width: number;
  private readonly mask: number;
  private readonly stride: number;
  private readonly subMs: number;
  private readonly cells: Float32Array;
  private readonly alpha: number;
  /** Index of the current sub-slot (time / subMs). */
  private subSlot: number | null = null;
  /** Sub-slot indexes are stored relative to this (a multiple of subSlots), exact in Float32. */
  private base = 0;
  /** Posts per sub-slot, ring indexed like the bucket counts. */
  private readonly subPosts: Float64Array;
  /** Posts in the window (sum of subPosts). */
  private windowN = 0;
  private learnedSlots = 0;
  private readonly score: TermScore = { significance: 0, observed: 0, expected: 0, rate: 0 };
  private readonly idx: Int32Array;
  /** Window counts of the buckets in `idx`. */
  private readonly counts: Float64Array;
  private ring = 0;
  private readonly activity: LanguageActivity;
  /** Language activity factor of the post being counted. */
  private factor = 1;

  constructor(readonly options: SignificanceTableOptions) {
    if (options.tableBits < 4 || options.tableBits > 28) throw new RangeError('tableBits must be in 4..28');
    if (options.depth < 1 || options.depth > 8) throw new RangeError('depth must be in 1..8');
    if (!Number.isInteger(options.subSlots) || options.subSlots < 1 || options.slotMs % options.subSlots !== 0) {
      throw new RangeError('subSlots must be a whole divisor of slotMs');
    }
    this.width = 2 ** options.tableBits;
    this.mask = this.width - 1;
    this.stride = COUNTS + options.subSlots;
    this.subMs = options.slotMs / options.subSlots;
    this.cells = new Float32Array(this.width * this.stride);
    for (let b = 0; b < this.cells.length; b += this.stride) this.cells[b + LAST] = NEVER;
    this.subPosts = new Float64Array(options.subSlots);
    this.alpha = 1 - 2 ** (-1 / options.halfLifeSlots);
    this.idx = new Int32Array(options.depth);
    this.counts = new Float64Array(options.depth);
    this.activity = new LanguageActivity(options.subSlots, options.halfLifeSlots);
  }

  /** Slots learned so far (cold start: too few means no alerts). */
  get learned(): number {
    return this.learnedSlots;
  }

  /** Posts in the current sliding window. */
  get windowPosts(): number {
    return this.windowN;
  }

  /**
   * Moves the table to stream time t (non-decreasing): rotates finished sub-slots out of the
   * window and learns each finished slot's rates. Returns the number of slots learned or skipped.
   */
  setTime(t: number): number {
    const k = this.options.subSlots;
    const sub = Math.floor(t / this.subMs);
    if (this.subSlot === null) {
      // One slot of headroom keeps every relative index in a window non-negative.
      this.base = Math.floor(sub / k) * k - k;
      this.subSlot = sub;
      this.ring = sub % k;
      return 0;
    }
    if (sub <= this.subSlot) return 0;
    let current: number = this.subSlot;
    let slotsClosed = 0;
    // Past a full window everything has rotated out: only the last finished slot is learned.
    const steps = Math.min(sub - current, k + 1);
    for (let i = 0; i < steps; i++) {
      current++;
      if (current % k === 0) {
        this.learnSlot(current - k - this.base);
        this.activity.learnSlot();
        slotsClosed++;
      }
      this.ring = current % k;
      this.windowN -= this.subPosts[this.ring];
      this.subPosts[this.ring] = 0;
      this.activity.clear(this.ring);
    }
    this.subSlot = sub;
    this.ring = sub % k;
    return slotsClosed;
  }

  /** Counts one post (call once per post, before its terms), in its language. */
  addPost(lang?: string): void {
    this.subPosts[this.ring]++;
    this.windowN++;
    this.factor = this.activity.factor(this.activity.add(lang, this.ring));
  }

  /** Counts one post containing the term with hash h, and returns the term's score after it. */
  add(h: number): TermScore {
    const { cells, idx } = this;
    const k = this.options.subSlots;
    const cur = this.subSlot! - this.base;
    const ring = cur % k;
    const counts = this.counts;
    // Double hashing as in locate(), inlined: this is the hot path.
    const h2 = (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) | 1) >>> 0;
    for (let i = 0; i < idx.length; i++) {
      const b = ((h + Math.imul(i, h2)) & this.mask) * this.stride;
      idx[i] = b;
      const last = cells[b + LAST];
      if (last < cur) {
        // Lazy clearing: forget the sub-slots between the bucket's last count and now.
        for (let s = Math.max(last + 1, cur - k + 1); s <= cur; s++) cells[b + COUNTS + (s % k)] = 0;
        cells[b + LAST] = cur;
      }
      cells[b + COUNTS + ring] += 1;
      // Once touched at `cur`, every ring cell holds a sub-slot of the window (or a cleared zero).
      let c = 0;
      for (let s = 0; s < k; s++) c += cells[b + COUNTS + s];
      counts[i] = c;
    }
    return this.scoreBuckets();
  }

  /** The term's score without counting anything. */
  lookup(h: number): TermScore {
    this.locate(h);
    return this.evaluate();
  }

  private locate(h: number): void {
    // Double hashing: bucket_i = h1 + i·h2 with an odd h2, so the buckets are distinct.
    const h2 = (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) | 1) >>> 0;
    for (let i = 0; i < this.idx.length; i++) this.idx[i] = ((h + Math.imul(i, h2)) & this.mask) * this.stride;
  }

  /** Posts counted in bucket b over sub-slots [from, to] (relative), honouring lazy clearing. */
  private countIn(b: number, from: number, to: number): number {
    const { cells } = this;
    const k = this.options.subSlots;
    const last = cells[b + LAST];
    const hi = Math.min(last, to);
    const lo = Math.max(from, last - k + 1);
    let c = 0;
    for (let s = lo; s <= hi; s++) c += cells[b + COUNTS + (s % k)];
    return c;
  }

  private evaluate(): TermScore {
    const k = this.options.subSlots;
    const cur = this.subSlot! - this.base;
    for (let i = 0; i < this.idx.length; i++) this.counts[i] = this.countIn(this.idx[i], cur - k + 1, cur);
    return this.scoreBuckets();
  }

  /**
   * The score of the buckets in `idx` whose window counts are in `counts`: the least significant
   * bucket (count-min: collisions only ever add), with its count and expectation.
   */
  private scoreBuckets(): TermScore {
    const { cells, idx, counts } = this;
    const n = this.windowN;
    const factor = this.factor;
    const beta = this.options.beta;
    let zMin = Infinity;
    let cMin = Infinity;
    let eAtMin = 0;
    let rateMin = Infinity;
    for (let i = 0; i < idx.length; i++) {
      const b = idx[i];
      const c = counts[i];
      const mean = cells[b + MEAN];
      const e = mean * n * factor;
      const z = (c - e) / (Math.sqrt(e + cells[b + VAR] * n * n) + beta);
      if (z < zMin) zMin = z;
      if (c < cMin) {
        cMin = c;
        eAtMin = e;
      }
      if (mean < rateMin) rateMin = mean;
    }
    const s = this.score;
    s.significance = zMin;
    s.observed = cMin;
    s.expected = eAtMin;
    s.rate = rateMin;
    return s;
  }

  /**
   * Learns the slot of sub-slots [start, start + subSlots) (relative) that just finished, when it
   * had enough posts (the global ring holds exactly that slot at the boundary).
   */
  private learnSlot(start: number): void {
    const posts = this.windowN;
    if (posts < this.options.minSlotPosts) return;
    const { cells, stride } = this;
    const end = start + this.options.subSlots - 1;
    // Warm start: the first slots weigh 1, 1/2, 1/3 … until the half-life rate takes over.
    const alpha = Math.max(this.alpha, 1 / (this.learnedSlots + 1));
    const inv = 1 / posts;
    for (let b = 0; b < cells.length; b += stride) {
      const touched = cells[b + LAST] >= start;
      const mean = cells[b + MEAN];
      if (!touched && mean === 0 && cells[b + VAR] === 0) continue;
      const c = touched ? this.countIn(b, start, end) : 0;
      const diff = c * inv - mean;
      const incr = alpha * diff;
      cells[b + MEAN] = mean + incr;
      cells[b + VAR] = (1 - alpha) * (cells[b + VAR] + diff * incr);
    }
    this.learnedSlots++;
  }

  snapshot(): SignificanceTableSnapshot {
    const bytes = new Uint8Array(this.cells.buffer, this.cells.byteOffset, this.cells.byteLength);
    return {
      options: { ...this.options },
      subSlot: this.subSlot,
      base: this.base,
      subPosts: [...this.subPosts],
      learnedSlots: this.learnedSlots,
      languages: this.activity.snapshot(),
      cells: Buffer.from(bytes).toString('base64'),
    };
  }

  static restore(s: SignificanceTableSnapshot): SignificanceTable {
    const t = new SignificanceTable(s.options);
    const bytes = Buffer.from(s.cells, 'base64');
    if (bytes.byteLength !== t.cells.byteLength) throw new RangeError('snapshot does not match the table size');
    new Uint8Array(t.cells.buffer).set(bytes);
    t.subSlot = s.subSlot;
    t.base = s.base;
    t.ring = s.subSlot === null ? 0 : s.subSlot % s.options.subSlots;
    t.subPosts.set(s.subPosts);
    t.windowN = s.subPosts.reduce((a, b) => a + b, 0);
    t.learnedSlots = s.learnedSlots;
    t.activity.restoreFrom(s.languages);
    return t;
  }
}
