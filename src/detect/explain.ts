import type { RepresentativePost } from '../model/alert.js';
import { excerptText, type DetectablePost } from './detectable-post.js';
import { hashString } from './term-hash.js';

/**
 * What detectors keep of a post to explain an alert later: a short excerpt, its language,
 * platform and author key, and the hashes of its terms (to measure how typical it is of a topic).
 */
export interface PostSample {
  id: string;
  createdAt: number;
  text: string;
  lang?: string;
  platform?: string;
  authorKey?: string;
  keys: number[];
  /** Hash of the text without retweet prefix, links and mentions: equal for copies of one post. */
  identity: number;
  repost?: true;
  /** A reply or a quote: a reaction to another post. */
  reaction?: true;
}

export function samplePost(post: DetectablePost, keys: number[]): PostSample {
  const text = excerptText(post.text);
  const sample: PostSample = { id: post.id, createdAt: post.createdAt, text, keys, identity: hashString(textIdentity(text)) };
  if (post.lang) sample.lang = post.lang;
  if (post.platform) sample.platform = post.platform;
  if (post.authorKey) sample.authorKey = post.authorKey;
  if (post.repostOf) sample.repost = true;
  if (post.replyTo || post.quoteOf) sample.reaction = true;
  return sample;
}

/** Text with retweet prefixes, links and mentions removed: two retweets of one post are one text. */
function textIdentity(text: string): string {
  return text
    .replace(/^rt\s+@\S+:?\s*/i, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/@\S+/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The most typical posts of a topic: those sharing the most terms with it (not the most extreme
 * or most engaged), one per distinct text, earliest first among equals.
 */
export function pickRepresentative(samples: Iterable<PostSample>, topicKeys: ReadonlySet<number>, count = 3): RepresentativePost[] {
  const scored: { s: PostSample; overlap: number }[] = [];
  const seenIds = new Set<string>();
  for (const s of samples) {
    if (seenIds.has(s.id)) continue;
    seenIds.add(s.id);
    let overlap = 0;
    for (const k of s.keys) if (topicKeys.has(k)) overlap++;
    scored.push({ s, overlap });
  }
  scored.sort((a, b) => b.overlap - a.overlap || a.s.createdAt - b.s.createdAt || (a.s.id < b.s.id ? -1 : 1));
  const out: RepresentativePost[] = [];
  const seenTexts = new Set<number>();
  for (const { s } of scored) {
    if (seenTexts.has(s.identity)) continue;
    seenTexts.add(s.identity);
    const post: RepresentativePost = { id: s.id, text: s.text, createdAt: s.createdAt };
    if (s.lang) post.lang = s.lang;
    if (s.platform) post.platform = s.platform;
    out.push(post);
    if (out.length >= count) break;
  }
  return out;
}

/** Distinct posts by a field (language, platform), largest first. */
export function tally(samples: Iterable<PostSample>, field: 'lang' | 'platform'): Record<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const s of samples) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const value = s[field] ?? 'und';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** Share of samples that start something: neither reposts nor replies/quotes. */
export function topLevelShare(samples: readonly PostSample[]): number {
  if (samples.length === 0) return 0;
  let n = 0;
  for (const s of samples) if (!s.repost && !s.reaction) n++;
  return n / samples.length;
}

/** Distinct authors among samples; undefined when the posts carry no author keys. */
export function distinctAuthors(samples: Iterable<PostSample>): number | undefined {
  const authors = new Set<string>();
  let any = false;
  for (const s of samples) {
    if (s.authorKey === undefined) continue;
    any = true;
    authors.add(s.authorKey);
  }
  return any ? authors.size : undefined;
}
