/**
 * 32-bit string hashing for the detectors' fixed-size tables: FNV-1a over UTF-16 code units,
 * finished with MurmurHash3's fmix32 so that the low bits (used as table indexes) are well mixed.
 * Deterministic across runs and machines, which snapshots and replays rely on.
 */

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Order-independent hash of two hashes (a term pair {a, b} is the pair {b, a}). */
export function hashPair(a: number, b: number): number {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  return fmix32((Math.imul(lo, 0x9e3779b1) ^ hi ^ 0x5bd1e995) >>> 0);
}

/** A second, independent hash for double hashing (index_i = h1 + i·h2), forced odd. */
export function secondHash(h: number): number {
  return (fmix32((h ^ 0x27d4eb2f) >>> 0) | 1) >>> 0;
}

/** Short base-36 digest of a string, for deterministic ids. */
export function shortDigest(s: string): string {
  return hashString(s).toString(36).padStart(7, '0');
}
