/**
 * Hashed character n-gram and word features for the language resolver (the "hashing trick",
 * Weinberger et al. 2009; character n-grams for language ID after Cavnar & Trenkle 1994).
 * Shared by the training script and the runtime so that both see exactly the same features.
 */

export interface FeatureSpec {
  /** Number of hash buckets; a power of two. */
  dim: number;
  /** Shortest and longest character n-gram (inside each space-padded word). */
  minN: number;
  maxN: number;
  /** Whether whole words are features too. */
  words: boolean;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;
const SPACE = 0x20;

/** Murmur3's finaliser: FNV alone leaves the low bits of short n-grams poorly mixed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Reusable buffer of feature indices, grown on demand. */
export class FeatureBuffer {
  indices = new Int32Array(1024);
  length = 0;

  push(index: number): void {
    if (this.length === this.indices.length) {
      const bigger = new Int32Array(this.indices.length * 2);
      bigger.set(this.indices);
      this.indices = bigger;
    }
    this.indices[this.length++] = index;
  }
}

/**
 * Bucket indices of the n-grams (minN..maxN) of every space-padded word of `text` and, optionally,
 * of the words themselves. `text` should be cleaned and lower-cased; repeated features repeat.
 */
export function extractFeatures(text: string, spec: FeatureSpec, out: FeatureBuffer): FeatureBuffer {
  out.length = 0;
  const mask = spec.dim - 1;
  const { minN, maxN } = spec;
  const n = text.length;
  let start = 0;
  while (start < n) {
    while (start < n && text.charCodeAt(start) === SPACE) start++;
    if (start >= n) break;
    let end = start;
    while (end < n && text.charCodeAt(end) !== SPACE) end++;
    // The word is text[start, end); its padded form adds a space on each side.
    const padded = end - start + 2;
    for (let i = 0; i < padded; i++) {
      let h = FNV_OFFSET;
      for (let len = 1; len <= maxN && i + len <= padded; len++) {
        const j = i + len - 1;
        const c = j === 0 || j === padded - 1 ? SPACE : text.charCodeAt(start + j - 1);
        h = Math.imul(h ^ c, FNV_PRIME);
        if (len < minN || (len === 1 && c === SPACE)) continue;
        out.push(mix(h) & mask);
      }
    }
    if (spec.words) {
      let h = WORD_SEED;
      for (let j = start; j < end; j++) h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
      out.push(mix(h) & mask);
    }
    start = end;
  }
  return out;
}
