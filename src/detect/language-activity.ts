/**
 * How busy each language community is right now compared with its usual share of the stream.
 * Language communities keep their own hours (Japanese mornings are European nights), so the
 * everyday words of a community rise and fall with it every day; scaling a term's expected count
 * by its post's language activity keeps that daily rhythm from looking like news, in a stream of
 * any language mix. Windows and slots mirror the significance table's.
 */

export interface LanguageActivitySnapshot {
  languages: string[];
  subSlots: number;
  /** Posts per language per sub-slot (ring), row-major by language. */
  counts: number[];
  total: number[];
  share: number[];
  learnedSlots: number;
}

/** Languages beyond this many share one "other" row: memory stays fixed. */
const MAX_LANGUAGES = 63;
const MIN_FACTOR = 0.25;
const MAX_FACTOR = 4;

export class LanguageActivity {
  private readonly index = new Map<string, number>();
  private readonly languages: string[] = [];
  /** counts[lang * subSlots + ring]: posts in each sub-slot of the window. */
  private counts: Float64Array;
  private readonly total: Float64Array;
  /** Long-run share of posts per language (EWMA over learned slots). */
  private share: Float64Array;
  private learnedSlots = 0;
  private readonly alpha: number;

  constructor(
    readonly subSlots: number,
    halfLifeSlots: number,
  ) {
    this.counts = new Float64Array((MAX_LANGUAGES + 1) * subSlots);
    this.total = new Float64Array(subSlots);
    this.share = new Float64Array(MAX_LANGUAGES + 1);
    this.alpha = 1 - 2 ** (-1 / halfLifeSlots);
  }

  private indexOf(lang: string | undefined): number {
    const key = lang ?? 'und';
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.languages.length < MAX_LANGUAGES ? this.languages.length : MAX_LANGUAGES;
      if (i < MAX_LANGUAGES) {
        this.languages.push(key);
        this.index.set(key, i);
      }
    }
    return i;
  }

  /** Counts a post in the current sub-slot (ring position `ring`); returns its language row. */
  add(lang: string | undefined, ring: number): number {
    const i = this.indexOf(lang);
    this.counts[i * this.subSlots + ring]++;
    this.total[ring]++;
    return i;
  }

  /** Forgets a sub-slot that leaves the window. */
  clear(ring: number): void {
    for (let i = 0; i <= MAX_LANGUAGES; i++) this.counts[i * this.subSlots + ring] = 0;
    this.total[ring] = 0;
  }

  /** Learns each language's share from the window (one whole slot at a slot boundary). */
  learnSlot(): void {
    let total = 0;
    for (let r = 0; r < this.subSlots; r++) total += this.total[r];
    if (total === 0) return;
    const alpha = Math.max(this.alpha, 1 / (this.learnedSlots + 1));
    for (let i = 0; i <= MAX_LANGUAGES; i++) {
      let n = 0;
      for (let r = 0; r < this.subSlots; r++) n += this.counts[i * this.subSlots + r];
      this.share[i] += alpha * (n / total - this.share[i]);
    }
    this.learnedSlots++;
  }

  /**
   * Current share of the language in the window over its usual share, clamped to [¼, 4]; 1
   * before anything is learned or when the window is nearly empty.
   */
  factor(row: number): number {
    const usual = this.share[row];
    if (this.learnedSlots === 0 || usual <= 0) return 1;
    let n = 0;
    let total = 0;
    for (let r = 0; r < this.subSlots; r++) {
      n += this.counts[row * this.subSlots + r];
      total += this.total[r];
    }
    if (total < 20) return 1;
    return Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, n / total / usual));
  }

  snapshot(): LanguageActivitySnapshot {
    return {
      languages: [...this.languages],
      subSlots: this.subSlots,
      counts: [...this.counts],
      total: [...this.total],
      share: [...this.share],
      learnedSlots: this.learnedSlots,
    };
  }

  restoreFrom(s: LanguageActivitySnapshot): void {
    if (s.subSlots !== this.subSlots) throw new RangeError('language activity snapshot has another window');
    s.languages.forEach((lang, i) => {
      this.languages.push(lang);
      this.index.set(lang, i);
    });
    this.counts.set(s.counts);
    this.total.set(s.total);
    this.share.set(s.share);
    this.learnedSlots = s.learnedSlots;
  }
}
