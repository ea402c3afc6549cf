import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Metrics, RawPost } from '../model/post.js';
import { toInput, type ByteInput } from './byte-input.js';
import { parseCount } from './field-mapping.js';
import { scanArrayElements } from './json-array-scanner.js';
import { isPlainObject } from './jsonl.js';
import { START, type Cursor, type Source, type SourceItem } from './source.js';
import { badItem, compact, issueReason, itemOf, type Mapped } from './source-items.js';
import { parseTimestamp } from './timestamps.js';
import { unescapeXText, xLangHint, xStatusUrl } from './x-fields.js';

/**
 * The `tweets.js` file of an X account archive ("Download an archive of your data"):
 *
 *   window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "…", "created_at" : "Wed Oct 10 20:19:24
 *   +0000 2018", "full_text" : "…", "favorite_count" : "3", … } }, … ]
 *
 * v1.1 field names, counts as strings, HTML-escaped text. Every tweet is by the archive's owner,
 * whose id comes from the caller, else from the sibling `account.js`, else `archive-owner`.
 * The archive does not say which tweet a retweet repeats: retweets keep their "RT @user:" text and
 * get a `repostOf` only when `retweeted_status` is present. A quote is recognised by
 * `quoted_status_id_str`, or by the quoted tweet's permalink closing the text (how v1.1 wrote it).
 */

const count = z.union([z.string(), z.number()]).optional();

const ArchiveTweetSchema = z.object({
  id_str: z.string().min(1).max(256).optional(),
  id: z.union([z.string(), z.number()]).optional(),
  created_at: z.string(),
  full_text: z.string().optional(),
  text: z.string().optional(),
  in_reply_to_status_id_str: z.string().nullish(),
  quoted_status_id_str: z.string().nullish(),
  retweeted_status: z.object({ id_str: z.string() }).optional(),
  entities: z
    .object({
      hashtags: z.array(z.object({ text: z.string() })).optional(),
      user_mentions: z.array(z.object({ screen_name: z.string() })).optional(),
      urls: z.array(z.object({ url: z.string().optional(), expanded_url: z.string().optional() })).optional(),
    })
    .optional(),
  favorite_count: count,
  retweet_count: count,
  lang: z.string().optional(),
});

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status(?:es)?\/(\d+)/;

const nonEmpty = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);

/** One archive tweet (the object inside `{"tweet": …}`) to a RawPost by `author`. */
export function archiveTweetToPost(value: unknown, author: string, source: string): Mapped {
  const parsed = ArchiveTweetSchema.safeParse(value);
  if (!parsed.success) return { error: issueReason(parsed.error) };
  const t = parsed.data;
  const id = t.id_str ?? (typeof t.id === 'string' ? t.id : undefined);
  if (!id) return { error: 'field id_str: missing' };
  const createdAt = parseTimestamp(t.created_at);
  if (Number.isNaN(createdAt)) return { error: `field created_at: not a time: ${JSON.stringify(t.created_at).slice(0, 60)}` };
  const raw = t.full_text ?? t.text;
  if (raw === undefined) return { error: 'field full_text: missing' };
  const urls = t.entities?.urls ?? [];
  const trimmed = raw.trimEnd();
  const quotedLink = urls.find((u) => u.url && u.expanded_url && STATUS_URL.test(u.expanded_url) && trimmed.endsWith(u.url));
  const likes = parseCount(t.favorite_count);
  const reposts = parseCount(t.retweet_count);
  if (Number.isNaN(likes)) return { error: 'field favorite_count: not a count' };
  if (Number.isNaN(reposts)) return { error: 'field retweet_count: not a count' };
  const metrics: Metrics = compact({ likes, reposts });
  const post: RawPost = {
    platform: 'x',
    nativeId: id,
    source,
    url: xStatusUrl(id),
    createdAt,
    author,
    text: unescapeXText(raw),
    replyTo: t.in_reply_to_status_id_str || undefined,
    quoteOf: t.quoted_status_id_str || (quotedLink?.expanded_url ? STATUS_URL.exec(quotedLink.expanded_url)?.[1] : undefined),
    repostOf: t.retweeted_status?.id_str,
    hashtags: nonEmpty(t.entities?.hashtags?.map((h) => h.text)),
    mentions: nonEmpty(t.entities?.user_mentions?.map((m) => m.screen_name)),
    links: nonEmpty(urls.map((u) => u.expanded_url ?? u.url).filter((u): u is string => !!u)),
    metrics: Object.keys(metrics).length > 0 ? metrics : undefined,
    langHint: xLangHint(t.lang),
  };
  return compact(post);
}

/** The owner's account id from an archive's `account.js`, if it is there and readable. */
export function archiveAccountId(accountJsPath: string): string | undefined {
  if (!existsSync(accountJsPath)) return undefined;
  try {
    const text = readFileSync(accountJsPath, 'utf8');
    const value: unknown = JSON.parse(text.slice(text.indexOf('[')));
    const first = Array.isArray(value) ? value[0] : undefined;
    const account = isPlainObject(first) && isPlainObject(first.account) ? first.account : first;
    const id = isPlainObject(account) ? account.accountId : undefined;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

export interface XArchiveOptions {
  /** The archive owner's account id; default: from account.js beside the file, else `archive-owner`. */
  accountId?: string;
}

export function xArchiveSource(input: ByteInput | string, options: XArchiveOptions = {}): Source {
  const bytes = toInput(input);
  const name = bytes.name;
  let owner = options.accountId;
  const ownerId = () => {
    owner ??= (bytes.seekable && name.startsWith('file:') ? archiveAccountId(join(dirname(name.slice(5)), 'account.js')) : undefined) ?? 'archive-owner';
    return owner;
  };
  return {
    name,
    format: 'x-archive',
    async *read(from: Cursor = START): AsyncGenerator<SourceItem> {
      const author = ownerId();
      for await (const el of scanArrayElements(bytes, from)) {
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
        const tweet = isPlainObject(value) && 'tweet' in value ? value.tweet : value;
        if (!isPlainObject(tweet)) {
          yield badItem(el.line, 'record: not a tweet object', el.text, el.next);
          continue;
        }
        yield itemOf(archiveTweetToPost(tweet, author, name), el.line, el.text, el.next);
      }
    },
  };
}
