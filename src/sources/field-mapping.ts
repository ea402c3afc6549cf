import { z } from 'zod';
import type { Metrics, RawPost } from '../model/post.js';
import { SourceError } from './source.js';
import { compact, type Mapped } from './source-items.js';
import { parseTimestamp } from './timestamps.js';

/**
 * Which key of a foreign record holds each RawPost field, for generic JSONL and CSV input.
 * Keys are CSV header names or JSON keys; in JSON a dotted path (`user.id`) reaches into nested
 * objects when no key has that literal name.
 */
export const FieldMappingSchema = z
  .object({
    id: z.string().min(1),
    createdAt: z.string().min(1),
    author: z.string().min(1),
    text: z.string().min(1),
    platform: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    lang: z.string().min(1).optional(),
    replyTo: z.string().min(1).optional(),
    quoteOf: z.string().min(1).optional(),
    repostOf: z.string().min(1).optional(),
    hashtags: z.string().min(1).optional(),
    mentions: z.string().min(1).optional(),
    links: z.string().min(1).optional(),
    likes: z.string().min(1).optional(),
    reposts: z.string().min(1).optional(),
    replies: z.string().min(1).optional(),
    quotes: z.string().min(1).optional(),
    views: z.string().min(1).optional(),
  })
  .strict();
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

export const MAPPABLE_FIELDS = Object.keys(FieldMappingSchema.shape) as (keyof FieldMapping)[];

/**
 * A mapping from CLI flags or a config file: a JSON object (`{"id":"tweet_id",…}`) or
 * comma-separated pairs (`id=tweet_id,createdAt=date,author=user.id,text=content`).
 */
export function parseFieldMapping(spec: string | Record<string, unknown>): FieldMapping {
  let value: unknown = spec;
  if (typeof spec === 'string') {
    const trimmed = spec.trim();
    if (trimmed.startsWith('{')) {
      try {
        value = JSON.parse(trimmed);
      } catch (error) {
        throw new SourceError(`mapping: not valid JSON: ${(error as Error).message}`);
      }
    } else {
      const pairs: Record<string, string> = {};
      for (const part of trimmed.split(',')) {
        if (!part.trim()) continue;
        const eq = part.indexOf('=');
        if (eq <= 0) throw new SourceError(`mapping: expected field=key, got "${part.trim()}"`);
        pairs[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
      }
      value = pairs;
    }
  }
  const parsed = FieldMappingSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === 'unrecognized_keys') {
      throw new SourceError(`mapping: unknown field ${issue.keys.join(', ')} (known: ${MAPPABLE_FIELDS.join(', ')})`);
    }
    const field = issue.path.join('.');
    throw new SourceError(field ? `mapping: field ${field} needs a key name` : `mapping: ${issue.message}`);
  }
  return parsed.data;
}

export type Lookup = (key: string) => unknown;

/** Read a JSON record by exact key, falling back to a dotted path into nested objects. */
export function jsonLookup(record: Record<string, unknown>): Lookup {
  return (key) => {
    if (key in record) return record[key];
    if (!key.includes('.')) return undefined;
    let value: unknown = record;
    for (const part of key.split('.')) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

export interface MapContext {
  /** Platform when the mapping names none (or the record's value is empty). */
  platform: string;
  /** The RawPost `source` label. */
  source: string;
  /** Offset for times written without a zone, minutes east of UTC (default 0 = UTC). */
  defaultOffsetMinutes?: number;
}

class FieldError extends Error {
  override name = 'FieldError';
}

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

function fail(field: string, key: string, problem: string): never {
  throw new FieldError(`field ${field} (${JSON.stringify(key)}): ${problem}`);
}

function idString(field: string, key: string, v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v) && v >= 0) return String(v);
    fail(field, key, 'number too large to be exact (ids must be strings)');
  }
  fail(field, key, `expected a string, got ${Array.isArray(v) ? 'array' : typeof v}`);
}

function optionalString(field: string, key: string | undefined, get: Lookup): string | undefined {
  if (!key) return undefined;
  const v = get(key);
  if (isMissing(v)) return undefined;
  return idString(field, key, v) || undefined;
}

/** Entities as an array of strings or one string separated by spaces, commas, semicolons or bars. */
function stringList(field: string, key: string | undefined, get: Lookup, strip: RegExp): string[] | undefined {
  if (!key) return undefined;
  const v = get(key);
  if (isMissing(v)) return undefined;
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else if (typeof v === 'string') items = v.split(/[\s,;|]+/);
  else fail(field, key, `expected a list, got ${typeof v}`);
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') fail(field, key, 'expected a list of strings');
    const cleaned = item.trim().replace(strip, '');
    if (cleaned) out.push(cleaned);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * A non-negative count, as a number or a string with optional thousands separators; undefined when
 * empty or "N/A", NaN when present but not a count.
 */
export function parseCount(v: unknown): number | undefined {
  if (isMissing(v)) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : Number.NaN;
  if (typeof v !== 'string') return Number.NaN;
  const s = v.trim().replace(/[,_\s]/g, '');
  if (s === '' || /^(n\/a|na|null|none|-)$/i.test(s)) return undefined;
  return /^\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : Number.NaN;
}

function metrics(mapping: FieldMapping, get: Lookup): Metrics | undefined {
  const out: Metrics = {};
  let any = false;
  for (const field of ['likes', 'reposts', 'replies', 'quotes', 'views'] as const) {
    const key = mapping[field];
    if (!key) continue;
    const n = parseCount(get(key));
    if (Number.isNaN(n)) fail(field, key, `not a count: ${JSON.stringify(get(key)).slice(0, 40)}`);
    if (n !== undefined) {
      out[field] = n;
      any = true;
    }
  }
  return any ? out : undefined;
}

/** Map one foreign record to a RawPost, or a reason naming the field and the key it came from. */
export function mapFields(get: Lookup, mapping: FieldMapping, context: MapContext): Mapped {
  try {
    const rawId = get(mapping.id);
    if (isMissing(rawId)) fail('id', mapping.id, 'missing');
    const nativeId = idString('id', mapping.id, rawId);
    if (!nativeId) fail('id', mapping.id, 'missing');
    const rawTime = get(mapping.createdAt);
    if (isMissing(rawTime)) fail('createdAt', mapping.createdAt, 'missing');
    const createdAt = parseTimestamp(rawTime, context.defaultOffsetMinutes);
    if (Number.isNaN(createdAt)) fail('createdAt', mapping.createdAt, `not a time: ${JSON.stringify(rawTime).slice(0, 60)}`);
    const rawAuthor = get(mapping.author);
    if (isMissing(rawAuthor)) fail('author', mapping.author, 'missing');
    const author = idString('author', mapping.author, rawAuthor);
    const rawText = get(mapping.text);
    if (rawText === undefined || rawText === null) fail('text', mapping.text, 'missing');
    if (typeof rawText !== 'string') fail('text', mapping.text, `expected a string, got ${typeof rawText}`);
    const post: RawPost = {
      platform: optionalString('platform', mapping.platform, get) ?? context.platform,
      nativeId,
      source: context.source,
      url: optionalString('url', mapping.url, get),
      createdAt,
      author,
      text: rawText,
      replyTo: optionalString('replyTo', mapping.replyTo, get),
      quoteOf: optionalString('quoteOf', mapping.quoteOf, get),
      repostOf: optionalString('repostOf', mapping.repostOf, get),
      hashtags: stringList('hashtags', mapping.hashtags, get, /^[#＃]/),
      mentions: stringList('mentions', mapping.mentions, get, /^@/),
      links: stringList('links', mapping.links, get, /^$/),
      metrics: metrics(mapping, get),
      langHint: optionalString('lang', mapping.lang, get),
    };
    return compact(post);
  } catch (error) {
    if (error instanceof FieldError) return { error: error.message };
    throw error;
  }
}
