import type { TermKind } from '../model/alert.js';
import type { DetectablePost } from './detectable-post.js';
import { fmix32, hashString } from './term-hash.js';
import { isStopword } from './stopwords.js';

/**
 * The terms a post contributes to trend detection: eligible word tokens, hashtags, links and
 * domains, each hashed with a per-kind seed so that `#paris` and `paris` are distinct terms.
 */

export interface TermKey {
  /** Display form: `word`, `#tag`, the link, or the domain. */
  readonly text: string;
  readonly kind: TermKind;
  readonly hash: number;
}

const KIND_SEED: Record<TermKind, number> = { word: 0, hashtag: 0x68617368, link: 0x6c696e6b, domain: 0x646f6d61, pair: 0x70616972 };
const DIGITS = /^[0-9]+$/;
const MAX_TERM_LENGTH = 64;

/**
 * A word can name a topic unless it is a function word, a single character (in any script; CJK
 * function words are mostly single characters once segmented), a number of one or two digits,
 * or absurdly long.
 */
export function isEligibleWord(token: string): boolean {
  const len = token.length;
  if (len > MAX_TERM_LENGTH || len === 0) return false;
  if (len === 1 || (len === 2 && (token.codePointAt(0) ?? 0) > 0xffff)) return false;
  const c0 = token.charCodeAt(0);
  if (len === 2 && c0 >= 0x30 && c0 <= 0x39 && DIGITS.test(token)) return false;
  return !isStopword(token);
}

/** A link in a stable form: no scheme, no `www.`, no trailing slash, no fragment. */
export function normaliseLink(url: string): string {
  // By index rather than regular expressions: this runs for every link of every post.
  let from = 0;
  if (startsWithFolded(url, 0, 'http')) {
    const s = startsWithFolded(url, 4, 's') ? 5 : 4;
    if (url.startsWith('://', s)) from = s + 3;
  }
  if (startsWithFolded(url, from, 'www.')) from += 4;
  const hash = url.indexOf('#', from);
  let to = hash < 0 ? url.length : hash;
  while (to > from && url.charCodeAt(to - 1) === 0x2f) to--;
  return from === 0 && to === url.length ? url : url.slice(from, to);
}

/** Whether s has `lower` (ASCII lower case) at position i, ignoring ASCII case. */
function startsWithFolded(s: string, i: number, lower: string): boolean {
  if (s.length < i + lower.length) return false;
  for (let j = 0; j < lower.length; j++) if ((s.charCodeAt(i + j) | 0x20) !== lower.charCodeAt(j)) return false;
  return true;
}

export function termHash(text: string, kind: TermKind): number {
  return hashString(text, KIND_SEED[kind]);
}

/** Below this many keys a post's duplicates are found by a scan, above it by a set. */
const SCAN_DEDUP = 32;
const HASHTAG_SEED = KIND_SEED.hashtag;

/**
 * A post's distinct term keys as parallel arrays, reused from post to post so that the hot path
 * allocates nothing per term: each term is hashed once, and a hashtag's display form (`#tag`) is
 * only built when it is asked for.
 */
export class TermKeyBuffer {
  length = 0;
  readonly hashes: number[] = [];
  readonly kinds: TermKind[] = [];
  /** The token, tag (without `#`), link or domain. */
  private readonly raw: string[] = [];
  private readonly seen = new Set<number>();

  /** Fills the buffer with the post's keys, in a stable order (tokens, hashtags, links, domains). */
  collect(post: DetectablePost): this {
    this.length = 0;
    this.seen.clear();
    for (const token of post.tokens) if (isEligibleWord(token)) this.push(token, 'word', hashString(token, 0));
    if (post.hashtags) {
      for (const tag of post.hashtags) if (tag.length > 1 && !isStopword(tag)) this.push(tag, 'hashtag', hashPrefixed(0x23, tag, HASHTAG_SEED));
    }
    if (post.links) {
      for (const link of post.links) {
        const l = normaliseLink(link);
        this.push(l, 'link', termHash(l, 'link'));
      }
    }
    if (post.domains) for (const domain of post.domains) this.push(domain, 'domain', termHash(domain, 'domain'));
    return this;
  }

  private push(raw: string, kind: TermKind, hash: number): void {
    const n = this.length;
    const hashes = this.hashes;
    if (n < SCAN_DEDUP) {
      for (let j = 0; j < n; j++) if (hashes[j] === hash) return;
    } else if (this.seen.has(hash)) return;
    this.length = n + 1;
    hashes[n] = hash;
    if (n + 1 === SCAN_DEDUP) for (let j = 0; j <= n; j++) this.seen.add(hashes[j]);
    else if (n + 1 > SCAN_DEDUP) this.seen.add(hash);
    this.raw[n] = raw;
    this.kinds[n] = kind;
  }

  /** Display form of key i: `word`, `#tag`, the link, or the domain. */
  text(i: number): string {
    return this.kinds[i] === 'hashtag' ? `#${this.raw[i]}` : this.raw[i];
  }

  key(i: number): TermKey {
    return { text: this.text(i), kind: this.kinds[i], hash: this.hashes[i] };
  }

  hashList(): number[] {
    return this.hashes.slice(0, this.length);
  }
}

/** hashString(String.fromCharCode(prefix) + s, seed), without building the string. */
function hashPrefixed(prefix: number, s: string, seed: number): number {
  let h = Math.imul((0x811c9dc5 ^ seed) ^ prefix, 0x01000193);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Distinct term keys of a post, in a stable order (tokens, hashtags, links, domains). */
export function termKeysOf(post: DetectablePost): TermKey[] {
  const buf = new TermKeyBuffer().collect(post);
  return Array.from({ length: buf.length }, (_, i) => buf.key(i));
}

/** The words a term stands for (a pair `a + b` stands for both; `#tag` for `tag`). */
export function termWords(term: string, kind: TermKind): string[] {
  if (kind === 'pair') return term.split(' + ').flatMap((part) => (part.startsWith('#') ? [part.slice(1)] : [part]));
  if (kind === 'hashtag') return [term.slice(1)];
  return [term];
}
