import { z } from 'zod';
import { MetricsSchema, type RawPost } from '../model/post.js';

/**
 * tidewatch's own JSONL interchange format: one post per line, what `tidewatch simulate` writes
 * and `tidewatch ingest` reads back. Times are ISO 8601 strings so files stay readable.
 *
 * {"platform":"sim","id":"123","createdAt":"2026-01-01T00:00:00.000Z","author":"user42",
 *  "text":"…","source":"sim","url":…,"replyTo":…,"quoteOf":…,"repostOf":…,
 *  "hashtags":[…],"links":[…],"metrics":{…},"lang":"en"}
 */
export const InterchangeSchema = z.object({
  platform: z.string().min(1).max(64),
  id: z.union([z.string().min(1).max(256), z.number().int().nonnegative()]).transform(String),
  createdAt: z.union([z.string().min(1), z.number()]),
  author: z.union([z.string().max(512), z.number()]).transform(String),
  text: z.string(),
  source: z.string().max(512).optional(),
  url: z.string().max(4096).optional(),
  replyTo: z.string().max(300).optional(),
  quoteOf: z.string().max(300).optional(),
  repostOf: z.string().max(300).optional(),
  hashtags: z.array(z.string()).optional(),
  mentions: z.array(z.string()).optional(),
  links: z.array(z.string()).optional(),
  metrics: MetricsSchema.optional(),
  lang: z.string().optional(),
});
export type InterchangeRecord = z.input<typeof InterchangeSchema>;

/** Parse a time given as ISO 8601, epoch seconds or epoch milliseconds; NaN when it is none of these. */
export function parseTime(value: string | number): number {
  if (typeof value === 'number') return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
  if (/^\d+(\.\d+)?$/.test(value)) return parseTime(Number(value));
  return Date.parse(value);
}

export function toInterchange(post: RawPost): string {
  const record: InterchangeRecord = {
    platform: post.platform,
    id: post.nativeId,
    createdAt: new Date(post.createdAt).toISOString(),
    author: post.author,
    text: post.text,
    source: post.source,
  };
  if (post.url) record.url = post.url;
  if (post.replyTo) record.replyTo = post.replyTo;
  if (post.quoteOf) record.quoteOf = post.quoteOf;
  if (post.repostOf) record.repostOf = post.repostOf;
  if (post.hashtags?.length) record.hashtags = post.hashtags;
  if (post.mentions?.length) record.mentions = post.mentions;
  if (post.links?.length) record.links = post.links;
  if (post.metrics) record.metrics = post.metrics;
  if (post.langHint) record.lang = post.langHint;
  return JSON.stringify(record);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const OPTIONAL_STRINGS: readonly [string, number][] = [
  ['source', 512],
  ['url', 4096],
  ['replyTo', 300],
  ['quoteOf', 300],
  ['repostOf', 300],
  ['lang', 64],
];

/** Fields the fast path checks by hand; anything unusual falls back to the schema for its message. */
function fastInterchange(v: Record<string, unknown>): InterchangeRecord | undefined {
  const { platform, id, createdAt, author, text } = v;
  if (typeof platform !== 'string' || platform.length === 0 || platform.length > 64) return undefined;
  if (typeof id !== 'string' || id.length === 0 || id.length > 256) return undefined;
  if (typeof createdAt !== 'string' && typeof createdAt !== 'number') return undefined;
  if (typeof author !== 'string' || author.length > 512) return undefined;
  if (typeof text !== 'string') return undefined;
  for (const [k, max] of OPTIONAL_STRINGS) {
    const f = v[k];
    if (f !== undefined && (typeof f !== 'string' || f.length > max)) return undefined;
  }
  for (const k of ['hashtags', 'mentions', 'links'] as const) {
    const f = v[k];
    if (f !== undefined && !(Array.isArray(f) && f.every((x) => typeof x === 'string'))) return undefined;
  }
  if (v.metrics !== undefined) return undefined;
  return v as InterchangeRecord;
}

/** Validate one parsed interchange object; returns the RawPost or a reason naming the field. */
export function fromInterchange(value: unknown, defaultSource: string): RawPost | { error: string } {
  let r: z.output<typeof InterchangeSchema>;
  const fast = isRecord(value) ? fastInterchange(value) : undefined;
  if (fast) {
    r = fast as z.output<typeof InterchangeSchema>;
  } else {
    const parsed = InterchangeSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `field ${issue.path.join('.') || '(record)'}: ${issue.message}` };
    }
    r = parsed.data;
  }
  const createdAt = parseTime(r.createdAt);
  if (!Number.isFinite(createdAt)) return { error: `field createdAt: not a time: ${JSON.stringify(r.createdAt).slice(0, 60)}` };
  return {
    platform: r.platform,
    nativeId: r.id,
    source: r.source ?? defaultSource,
    url: r.url,
    createdAt,
    author: r.author,
    text: r.text,
    replyTo: r.replyTo,
    quoteOf: r.quoteOf,
    repostOf: r.repostOf,
    hashtags: r.hashtags,
    mentions: r.mentions,
    links: r.links,
    metrics: r.metrics,
    langHint: r.lang,
  };
}
