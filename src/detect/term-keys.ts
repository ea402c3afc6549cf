import type { TermKind } from '../model/alert.js';
import type { DetectablePost } from './detectable-post.js';
import { hashString } from './term-hash.js';
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
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/#.*$/, '')
    .replace(/\/+$/, '');
}

export function termHash(text: string, kind: TermKind): number {
  return hashString(text, KIND_SEED[kind]);
}

/**
 * A post's distinct term keys as parallel arrays, reused from post to post so that the hot path
 * allocates nothing per term.
 */
export class TermKeyBuffer {
  length = 0;
  readonly hashes: number[] = [];
  readonly texts: string[] = [];
  readonly kinds: TermKind[] = [];
  private readonly seen = new Set<number>();

  /** Fills the buffer with the post's keys, in a stable order (tokens, hashtags, links, domains). */
  collect(post: DetectablePost): this {
    this.length = 0;
    this.seen.clear();
    for (const token of post.tokens) if (isEligibleWord(token)) this.push(token, 'word');
    if (post.hashtags) for (const tag of post.hashtags) if (tag.length > 1 && !isStopword(tag)) this.push(`#${tag}`, 'hashtag');
    if (post.links) for (const link of post.links) this.push(normaliseLink(link), 'link');
    if (post.domains) for (const domain of post.domains) this.push(domain, 'domain');
    return this;
  }

  private push(text: string, kind: TermKind): void {
    const hash = termHash(text, kind);
    if (this.seen.has(hash)) return;
    this.seen.add(hash);
    const i = this.length++;
    this.hashes[i] = hash;
    this.texts[i] = text;
    this.kinds[i] = kind;
  }

  key(i: number): TermKey {
    return { text: this.texts[i], kind: this.kinds[i], hash: this.hashes[i] };
  }

  hashList(): number[] {
    return this.hashes.slice(0, this.length);
  }
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
