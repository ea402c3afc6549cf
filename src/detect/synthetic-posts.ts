import { tokenize } from '../enrich/tokenize.js';
import { seededRandom } from '../sources/simulator/rng.js';
import type { DetectablePost } from './detectable-post.js';

/**
 * Seeded synthetic post streams for the detectors' tests and benchmark: Zipf-distributed words
 * from a vocabulary, an optional daily rhythm, and injected topics with known terms and times.
 */


/** Samples ranks 0..n-1 with P(rank r) ∝ 1/(r+1)^s. */
export class ZipfSampler {
  private readonly cdf: Float64Array;
  constructor(
    readonly n: number,
    s = 1.05,
  ) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      sum += 1 / (r + 1) ** s;
      this.cdf[r] = sum;
    }
    for (let r = 0; r < n; r++) this.cdf[r] /= sum;
  }
  sample(u: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface InjectedTopic {
  /** Words (in the language's script) that every topic post carries some of. */
  words: string[];
  start: number;
  end: number;
  perMinute: number;
  hashtag?: string;
}

export interface SyntheticStreamOptions {
  seed: number;
  /** Background vocabulary, most frequent first. */
  vocabulary: readonly string[];
  lang: string;
  start: number;
  durationMs: number;
  /** Mean background posts per minute. */
  perMinute: number;
  /** Relative amplitude of a 24-hour sine rhythm (0 = flat). */
  dailyAmplitude?: number;
  wordsPerPost?: [number, number];
  /** Join words without spaces (Chinese, Japanese). */
  unspaced?: boolean;
  topics?: InjectedTopic[];
  platform?: string;
}

function poisson(mean: number, rand: () => number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rand)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Posts in time order; the background's rate follows the daily rhythm, topics add their own. */
export function* syntheticStream(o: SyntheticStreamOptions): Generator<DetectablePost> {
  const rand = seededRandom(o.seed);
  const zipf = new ZipfSampler(o.vocabulary.length);
  const [minWords, maxWords] = o.wordsPerPost ?? [6, 16];
  const join = o.unspaced ? '' : ' ';
  let seq = 0;
  const make = (words: string[], t: number, hashtag?: string): DetectablePost => {
    const text = words.join(join) + (hashtag ? ` #${hashtag}` : '');
    return {
      id: `syn:${o.seed}:${seq++}`,
      createdAt: t,
      tokens: tokenize(text),
      hashtags: hashtag ? [hashtag.toLowerCase()] : [],
      lang: o.lang,
      platform: o.platform ?? 'sim',
      text,
      authorKey: `a${Math.floor(rand() * 1e6)}`,
    };
  };
  for (let m = 0; m * 60_000 < o.durationMs; m++) {
    const minuteStart = o.start + m * 60_000;
    const phase = ((minuteStart % 86_400_000) / 86_400_000) * 2 * Math.PI;
    const rate = o.perMinute * (1 + (o.dailyAmplitude ?? 0) * Math.sin(phase));
    const batch: DetectablePost[] = [];
    for (let i = poisson(rate, rand); i > 0; i--) {
      const len = minWords + Math.floor(rand() * (maxWords - minWords + 1));
      const words: string[] = [];
      for (let w = 0; w < len; w++) words.push(o.vocabulary[zipf.sample(rand())]);
      batch.push(make(words, minuteStart + Math.floor(rand() * 60_000)));
    }
    for (const topic of o.topics ?? []) {
      if (minuteStart < topic.start || minuteStart >= topic.end) continue;
      for (let i = poisson(topic.perMinute, rand); i > 0; i--) {
        const words: string[] = [];
        for (const w of topic.words) if (rand() < 0.8) words.push(w);
        const len = 3 + Math.floor(rand() * 6);
        for (let w = 0; w < len; w++) words.splice(Math.floor(rand() * (words.length + 1)), 0, o.vocabulary[zipf.sample(rand())]);
        batch.push(make(words, minuteStart + Math.floor(rand() * 60_000), rand() < 0.5 ? topic.hashtag : undefined));
      }
    }
    batch.sort((a, b) => a.createdAt - b.createdAt);
    yield* batch;
  }
}
