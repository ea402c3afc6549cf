import type { Metrics, RawPost } from '../model/post.js';
import { toInput, type ByteInput } from './byte-input.js';
import { csvRowSource, type CsvReadOptions, type CsvRow } from './csv.js';
import { parseCount } from './field-mapping.js';
import { SourceError, type Source } from './source.js';
import { compact, type Mapped } from './source-items.js';
import { parseTimestamp } from './timestamps.js';

/**
 * Meta's research exports as CSV:
 *
 * CrowdTangle (Facebook: "Page Name","User Name","Facebook Id","Page Category",…,"Post Created",
 * "Post Created Date","Post Created Time","Type","Total Interactions","Likes","Comments","Shares",
 * …,"URL","Message","Link","Final Link",…; Instagram: "Account","User Name","Followers at Posting",
 * "Post Created",…,"URL","Link","Photo","Title","Description"). Rows carry no post id, so the id
 * is taken from the post URL, prefixed on Facebook with the page id as Graph API post ids are
 * (`pageid_postid`). The author is the page's Facebook Id; Instagram exports carry no account id,
 * so there it is the account's handle (User Name) — never the display name.
 *
 * Meta Content Library (successor of CrowdTangle; dotted API field names as headers: id,
 * creation_time, text, lang, post_owner.id, post_owner.name, statistics.reaction_count, …,
 * mcl_url). The author is post_owner.id.
 */

const has = (header: string[], ...names: string[]) => names.every((n) => header.includes(n));

export function isCrowdTangleHeader(header: string[]): boolean {
  return header.includes('Post Created') && (header.includes('Facebook Id') || has(header, 'Account', 'User Name'));
}

export function isMetaContentLibraryHeader(header: string[]): boolean {
  return has(header, 'id', 'creation_time') && header.some((h) => h.startsWith('post_owner.'));
}

class RowError extends Error {
  override name = 'RowError';
}

function fail(column: string, problem: string): never {
  throw new RowError(`field ${column}: ${problem}`);
}

function counts(row: CsvRow, columns: Partial<Record<keyof Metrics, string[]>>): Metrics | undefined {
  const metrics: Metrics = {};
  for (const [field, names] of Object.entries(columns) as [keyof Metrics, string[]][]) {
    const name = names.find((n) => row.header.includes(n));
    if (!name) continue;
    const n = parseCount(row.get(name));
    if (Number.isNaN(n)) fail(name, `not a count: ${JSON.stringify(row.get(name)).slice(0, 40)}`);
    if (n !== undefined) metrics[field] = n;
  }
  return Object.keys(metrics).length > 0 ? metrics : undefined;
}

const text = (row: CsvRow, name: string) => {
  const v = row.get(name);
  return typeof v === 'string' ? v : '';
};

/** The post's own id from a Facebook or Instagram post URL. */
export function postIdFromUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const param = parsed.searchParams.get('story_fbid') ?? parsed.searchParams.get('fbid');
  if (param) return param;
  const segments = parsed.pathname.split('/').filter(Boolean);
  const marker = segments.findIndex((s) => s === 'p' || s === 'reel' || s === 'tv');
  if (marker >= 0 && segments[marker + 1]) return segments[marker + 1];
  return segments.at(-1);
}

function withRowErrors(convert: (row: CsvRow) => RawPost): (row: CsvRow) => Mapped {
  return (row) => {
    try {
      return convert(row);
    } catch (error) {
      if (error instanceof RowError) return { error: error.message };
      throw error;
    }
  };
}

function time(row: CsvRow, names: string[], defaultOffsetMinutes: number): number {
  const name = names.find((n) => row.header.includes(n)) as string;
  const raw = text(row, name).trim();
  if (!raw) fail(name, 'missing');
  const t = parseTimestamp(raw, defaultOffsetMinutes);
  if (Number.isNaN(t)) fail(name, `not a time: ${JSON.stringify(raw).slice(0, 60)}`);
  return t;
}

export interface MetaExportOptions extends CsvReadOptions {
  /** Offset for times written without a zone, minutes east of UTC. Default 0 (UTC). */
  defaultOffsetMinutes?: number;
}

export function crowdtangleSource(input: ByteInput | string, options: MetaExportOptions = {}): Source {
  const bytes = toInput(input);
  const offset = options.defaultOffsetMinutes ?? 0;
  return csvRowSource(
    bytes,
    'crowdtangle',
    (header) => {
      const facebook = header.includes('Facebook Id');
      if (!facebook && !has(header, 'Account', 'User Name')) {
        throw new SourceError(`${bytes.path}: not a CrowdTangle export (no "Facebook Id" or "Account" column)`);
      }
      const timeColumns = ['Post Created', 'Created'].filter((n) => header.includes(n));
      if (timeColumns.length === 0) throw new SourceError(`${bytes.path}: CrowdTangle export without a "Post Created" column`);
      if (!header.includes('URL')) throw new SourceError(`${bytes.path}: CrowdTangle export without a "URL" column`);
      const authorColumn = facebook ? 'Facebook Id' : 'User Name';
      return withRowErrors((row) => {
        const url = text(row, 'URL').trim();
        if (!url) fail('URL', 'missing (CrowdTangle rows are identified by their post URL)');
        const postId = postIdFromUrl(url);
        if (!postId) fail('URL', `no post id in ${JSON.stringify(url).slice(0, 80)}`);
        const author = text(row, authorColumn).trim();
        if (!author) fail(authorColumn, 'missing');
        const link = text(row, 'Final Link').trim() || text(row, 'Link').trim();
        const post: RawPost = {
          platform: facebook ? 'facebook' : 'instagram',
          nativeId: facebook ? `${author}_${postId}` : postId,
          source: bytes.name,
          url,
          createdAt: time(row, timeColumns, offset),
          author,
          text: facebook ? text(row, 'Message') : text(row, 'Description') || text(row, 'Title'),
          links: facebook && link && link !== url ? [link] : undefined,
          metrics: counts(row, { likes: ['Likes'], replies: ['Comments'], reposts: ['Shares'], views: facebook ? ['Post Views'] : ['Views'] }),
        };
        return compact(post);
      });
    },
    options,
  );
}

export interface MetaContentLibraryOptions extends MetaExportOptions {
  /** Which platform the export is from; default: guessed from its columns. */
  platform?: 'facebook' | 'instagram';
}

export function metaContentLibrarySource(input: ByteInput | string, options: MetaContentLibraryOptions = {}): Source {
  const bytes = toInput(input);
  const offset = options.defaultOffsetMinutes ?? 0;
  return csvRowSource(
    bytes,
    'meta-content-library',
    (header) => {
      for (const required of ['id', 'creation_time', 'post_owner.id']) {
        if (!header.includes(required)) throw new SourceError(`${bytes.path}: Meta Content Library export without a "${required}" column`);
      }
      // Reactions, shares and surfaces exist only on Facebook; usernames only on Instagram.
      const facebookOnly = ['surface.id', 'statistics.reaction_count', 'statistics.share_count'];
      const platform =
        options.platform ?? (header.some((h) => facebookOnly.includes(h)) ? 'facebook' : header.includes('post_owner.username') ? 'instagram' : 'facebook');
      return withRowErrors((row) => {
        const id = text(row, 'id').trim();
        if (!id) fail('id', 'missing');
        const author = text(row, 'post_owner.id').trim();
        if (!author) fail('post_owner.id', 'missing');
        const link = text(row, 'link_attachment.link').trim();
        const post: RawPost = {
          platform,
          nativeId: id,
          source: bytes.name,
          url: text(row, 'mcl_url').trim() || undefined,
          createdAt: time(row, ['creation_time'], offset),
          author,
          text: text(row, 'text'),
          links: link ? [link] : undefined,
          metrics: counts(row, {
            likes: ['statistics.reaction_count', 'statistics.like_count'],
            replies: ['statistics.comment_count'],
            reposts: ['statistics.share_count'],
            views: ['statistics.views'],
          }),
          langHint: text(row, 'lang').trim() || undefined,
        };
        return compact(post);
      });
    },
    options,
  );
}
