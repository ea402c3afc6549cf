import { z } from 'zod';
import type { Metrics, RawPost } from '../model/post.js';
import { toInput, type ByteInput } from './byte-input.js';
import { scanArrayElements } from './json-array-scanner.js';
import { isPlainObject, jsonLines } from './jsonl.js';
import { SourceError, START, type Cursor, type Source, type SourceItem } from './source.js';
import { badItem, compact, issueReason, itemOf, type Mapped } from './source-items.js';
import { unescapeXText, xLangHint, xStatusUrl } from './x-fields.js';

/**
 * X (Twitter) API v2 responses as researchers save them:
 *   - pages `{data:[tweets], includes:{users,tweets,…}, meta}`, one per line (twarc2, most scripts),
 *     one pretty-printed page per file, or a JSON array of pages;
 *   - one tweet per line, bare or as a filtered-stream message `{data:{tweet}, matching_rules}`,
 *     optionally flattened with expansions (twarc2 flatten: `author`, full `referenced_tweets`).
 * Only the tweets in `data` become posts: `includes.tweets` are context (the originals replied to
 * or quoted), collected under someone else's query.
 *
 * Cursors: `offset`/`line` locate the line or array element of a page, `item` the tweet inside it.
 * A single pretty-printed page is parsed whole, so there `item` alone moves and bad tweets carry
 * line 1 with their index in the reason.
 */

const XEntitiesSchema = z.object({
  hashtags: z.array(z.object({ tag: z.string() })).optional(),
  mentions: z.array(z.object({ username: z.string() })).optional(),
  urls: z.array(z.object({ url: z.string().optional(), expanded_url: z.string().optional(), unwound_url: z.string().optional() })).optional(),
});

const count = z.number().int().nonnegative().optional();

export const XTweetSchema = z.object({
  id: z.string().min(1).max(256),
  created_at: z.string(),
  text: z.string(),
  author_id: z.string().min(1).optional(),
  author: z.object({ id: z.string().min(1) }).optional(),
  note_tweet: z.object({ text: z.string(), entities: XEntitiesSchema.optional() }).optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string().min(1) })).optional(),
  entities: XEntitiesSchema.optional(),
  public_metrics: z
    .object({ like_count: count, retweet_count: count, reply_count: count, quote_count: count, impression_count: count })
    .optional(),
  lang: z.string().optional(),
});

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

/** One v2 tweet object to a RawPost; author is the numeric author_id, never the @username. */
export function xTweetToPost(value: unknown, source: string): Mapped {
  if (isPlainObject(value) && typeof value.id === 'number') return { error: 'field id: a JSON number, which loses precision; X ids must be strings' };
  const parsed = XTweetSchema.safeParse(value);
  if (!parsed.success) return { error: issueReason(parsed.error) };
  const t = parsed.data;
  const createdAt = Date.parse(t.created_at);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(t.created_at) || Number.isNaN(createdAt)) return { error: `field created_at: not an ISO 8601 time: ${JSON.stringify(t.created_at).slice(0, 40)}` };
  const author = t.author_id ?? t.author?.id;
  if (!author) return { error: 'field author_id: missing' };
  const ref = (type: string) => t.referenced_tweets?.find((r) => r.type === type)?.id;
  const entities = t.note_tweet?.entities ?? t.entities;
  const m = t.public_metrics;
  const metrics: Metrics | undefined = m
    ? compact({ likes: m.like_count, reposts: m.retweet_count, replies: m.reply_count, quotes: m.quote_count, views: m.impression_count })
    : undefined;
  const post: RawPost = {
    platform: 'x',
    nativeId: t.id,
    source,
    url: xStatusUrl(t.id),
    createdAt,
    author,
    text: unescapeXText(t.note_tweet?.text ?? t.text),
    replyTo: ref('replied_to'),
    quoteOf: ref('quoted'),
    repostOf: ref('retweeted'),
    hashtags: nonEmpty(entities?.hashtags?.map((h) => h.tag)),
    mentions: nonEmpty(entities?.mentions?.map((h) => h.username)),
    links: nonEmpty(entities?.urls?.map((u) => u.expanded_url ?? u.url).filter((u): u is string => !!u)),
    metrics: metrics && Object.keys(metrics).length > 0 ? metrics : undefined,
    langHint: xLangHint(t.lang),
  };
  return compact(post);
}

/** The tweets of a page, a stream message or a bare tweet. */
function tweetsOf(value: unknown): unknown[] | { error: string } {
  if (!isPlainObject(value)) return { error: 'record: not a JSON object' };
  const isEnvelope = 'data' in value || ('meta' in value && !('id' in value));
  if (!isEnvelope) return [value];
  const { data } = value;
  if (data === undefined || data === null) return [];
  if (Array.isArray(data)) return data;
  if (isPlainObject(data)) return [data];
  return { error: 'field data: expected a tweet or an array of tweets' };
}

type Layout = 'lines' | 'array' | 'document';

/** How the file is laid out, from its first bytes: the same answer on every read, so cursors stay valid. */
function layoutOf(head: Buffer): Layout {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart();
  if (first.startsWith('[')) return 'array';
  if (!first.startsWith('{')) return 'lines';
  const firstLine = first.split('\n', 1)[0].trimEnd();
  if (firstLine.length === first.trimEnd().length) return 'lines'; // one line, or longer than the head
  // Pretty-printed JSON opens with a line like `{`, `{"data": [` or `{ "id": "1",`.
  return /[{[,]$/.test(firstLine) ? 'document' : 'lines';
}

const MAX_DOCUMENT_BYTES = 512 << 20;

async function readAll(input: ByteInput): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input.chunks(0)) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) throw new SourceError(`${input.path}: a single JSON document over ${MAX_DOCUMENT_BYTES >> 20} MiB; write one page per line instead`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export function xV2Source(input: ByteInput | string): Source {
  const bytes = toInput(input);
  const name = bytes.name;

  /** Items of one page (or tweet) found at `at`, skipping the first `skip` tweets. */
  function* pageItems(value: unknown, line: number, text: string, at: Cursor, after: Cursor, skip: number): Generator<SourceItem> {
    const tweets = tweetsOf(value);
    if (!Array.isArray(tweets)) {
      yield badItem(line, tweets.error, text, after);
      return;
    }
    const isPage = !(tweets.length === 1 && tweets[0] === value);
    for (let j = skip; j < tweets.length; j++) {
      const next = j < tweets.length - 1 ? { ...at, item: j + 1 } : after;
      const where = isPage ? `data[${j}]: ` : '';
      const excerpt = isPage ? JSON.stringify(tweets[j]) ?? '' : text;
      yield itemOf(xTweetToPost(tweets[j], name), line, excerpt, next, where);
    }
  }

  async function* readLines(from: Cursor): AsyncGenerator<SourceItem> {
    for await (const line of jsonLines(bytes, { offset: from.offset, line: from.line })) {
      if (line.error !== undefined) {
        yield badItem(line.line, line.error, line.text, line.next);
        continue;
      }
      const skip = line.start === from.offset ? (from.item ?? 0) : 0;
      yield* pageItems(line.value, line.line, line.text, { offset: line.start, line: line.line }, line.next, skip);
    }
  }

  async function* readArray(from: Cursor): AsyncGenerator<SourceItem> {
    for await (const el of scanArrayElements(bytes, { offset: from.offset, line: from.line })) {
      if (el.error) {
        yield badItem(el.line, el.error, el.text, el.next);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(el.text);
      } catch (error) {
        yield badItem(el.line, `invalid JSON: ${(error as Error).message.slice(0, 120)}`, el.text, el.next);
        continue;
      }
      const skip = el.start === from.offset ? (from.item ?? 0) : 0;
      yield* pageItems(value, el.line, el.text, { offset: el.start, line: el.line }, el.next, skip);
    }
  }

  async function* readDocument(from: Cursor): AsyncGenerator<SourceItem> {
    const all = await readAll(bytes);
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(all));
    } catch {
      // Not one document after all: JSON lines whose first line is broken.
      yield* readLines(from);
      return;
    }
    const at = { offset: 0, line: 1 };
    const tweets = tweetsOf(value);
    const total = Array.isArray(tweets) ? tweets.length : 1;
    yield* pageItems(value, 1, '', at, { ...at, item: total }, from.item ?? 0);
  }

  return {
    name,
    format: 'x-v2',
    read(from: Cursor = START): AsyncIterable<SourceItem> {
      const layout = layoutOf(bytes.head());
      if (layout === 'array') return readArray(from);
      if (layout === 'document') return readDocument(from);
      return readLines(from);
    },
  };
}
