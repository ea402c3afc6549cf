import type { z } from 'zod';
import { MAX_TEXT_BYTES, type RawPost } from '../model/post.js';
import { excerptOf, type BadRecord, type Cursor, type GoodRecord, type SourceItem } from './source.js';

export function badItem(line: number, reason: string, input: string, next: Cursor): BadRecord {
  return { kind: 'bad', line, reason, excerpt: excerptOf(input), next };
}

/** What a record turns into: a post, or a reason naming the field that stopped it. */
export type Mapped = RawPost | { error: string };

/**
 * Limits every source enforces, so a record over them is quarantined (not truncated) whatever the
 * format. Mirrors the bounds of RawPostSchema without paying for a full schema parse per post.
 */
export function limitViolation(post: RawPost): string | undefined {
  // A UTF-8 code unit is at most 3 bytes, so short texts need no byte count.
  if (post.text.length * 3 > MAX_TEXT_BYTES) {
    const bytes = Buffer.byteLength(post.text);
    if (bytes > MAX_TEXT_BYTES) return `field text: ${bytes} bytes, over the ${MAX_TEXT_BYTES}-byte limit`;
  }
  if (!Number.isSafeInteger(post.createdAt)) return 'field createdAt: not a time';
  if (post.platform.length === 0 || post.platform.length > 64) return 'field platform: empty or over 64 characters';
  if (post.nativeId.length === 0) return 'field id: empty';
  if (post.nativeId.length > 256) return 'field id: over 256 characters';
  if (post.author.length > 512) return 'field author: over 512 characters';
  if (post.url !== undefined && post.url.length > 4096) return 'field url: over 4096 characters';
  for (const key of ['replyTo', 'quoteOf', 'repostOf'] as const) {
    const ref = post[key];
    if (ref !== undefined && ref.length > 300) return `field ${key}: over 300 characters`;
  }
  return undefined;
}

/** Turn a mapping result into the item a source yields, applying the shared limits. */
export function itemOf(mapped: Mapped, line: number, input: string | (() => string), next: Cursor, where = ''): SourceItem {
  const text = () => (typeof input === 'string' ? input : input());
  if ('error' in mapped) return badItem(line, where + mapped.error, text(), next);
  const violation = limitViolation(mapped);
  if (violation) return badItem(line, where + violation, text(), next);
  const item: GoodRecord = { kind: 'post', line, post: mapped, next };
  return item;
}

/** Drop properties whose value is undefined so posts compare and serialise cleanly. */
export function compact<T extends object>(value: T): T {
  const out = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** The reason for the first schema issue, naming the field; "missing" for absent ones. */
export function issueReason(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  const field = issue.path.join('.') || '(record)';
  const message = issue.code === 'invalid_type' && / received undefined$/.test(issue.message) ? 'missing' : issue.message;
  return `${prefix}field ${field}: ${message}`;
}
