import type Database from 'better-sqlite3';
import { isEligibleWord } from '../detect/term-keys.js';
import { tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';
import { type PostRow, rowToPost } from '../store/sqlite/sqlite-store.js';
import type { Bucket, SeriesPoint } from '../store/store.js';
import type { CompiledSqlite } from './deps.js';

/**
 * The dashboard's and API's read queries over the embedded store, for posts selected by a
 * compiled query (or all posts). Whole-range aggregates use the minute rollups when no query
 * narrows them; breakdowns that need distinct authors (for k-suppression) and top lists read the
 * newest `sampleSize` matching posts, and say so, so their cost stays bounded on a large store.
 */

export const BUCKET_MS: Record<Bucket, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export interface SentimentPoint {
  t: number;
  posts: number;
  authors: number;
  /** Mean score in [-1, 1] over posts with a sentiment. */
  mean: number | null;
  positive: number;
  neutral: number;
  negative: number;
}

export interface KeyedPoint {
  t: number;
  key: string;
  posts: number;
  authors: number;
}

export interface TopRow {
  value: string;
  posts: number;
  authors: number;
}

export type TopKind = 'terms' | 'hashtags' | 'links' | 'domains';

export interface PageCursor {
  createdAt: number;
  rowid: number;
}

export interface SearchPage {
  posts: Post[];
  next: PageCursor | null;
}

const ENTITY_KIND: Record<Exclude<TopKind, 'terms'>, string> = { hashtags: 'h', links: 'u', domains: 'd' };

function filterOf(filter: CompiledSqlite | null): CompiledSqlite {
  return filter ?? { where: '1', params: [] };
}

export class SqliteAnalytics {
  private readonly statementCache = new Map<string, Database.Statement>();

  private readonly walk: SearchWalk;

  constructor(
    private readonly db: Database.Database,
    private readonly sampleSize = 20_000,
    walk: Partial<SearchWalk> = {},
  ) {
    this.walk = { ...DEFAULT_SEARCH_WALK, ...walk };
  }

  private prepare(sql: string): Database.Statement {
    let s = this.statementCache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statementCache.size > 500) this.statementCache.clear();
      this.statementCache.set(sql, s);
    }
    return s;
  }

  volume(filter: CompiledSqlite | null, bucket: Bucket, from: number, to: number): SeriesPoint[] {
    const size = BUCKET_MS[bucket];
    if (!filter) {
      return this.prepare(
        `SELECT (minute / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS t, SUM(n) AS count FROM rollup_minute
         WHERE minute >= ? AND minute < ? GROUP BY t ORDER BY t`,
      ).all(size, size, from, to) as SeriesPoint[];
    }
    return this.prepare(
      `SELECT (p.created_at / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS t, COUNT(*) AS count FROM posts p
       WHERE p.created_at >= ? AND p.created_at < ? AND (${filter.where}) GROUP BY t ORDER BY t`,
    ).all(size, size, from, to, ...filter.params) as SeriesPoint[];
  }

  /** Posts matching in [from, to): the total of `volume` without the buckets. */
  count(filter: CompiledSqlite | null, from: number, to: number): number {
    const f = filterOf(filter);
    if (!filter) {
      return (this.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM rollup_minute WHERE minute >= ? AND minute < ?').get(from, to) as { n: number }).n;
    }
    return (this.prepare(`SELECT COUNT(*) AS n FROM posts p WHERE p.created_at >= ? AND p.created_at < ? AND (${f.where})`).get(from, to, ...f.params) as {
      n: number;
    }).n;
  }

  sentiment(filter: CompiledSqlite | null, bucket: Bucket, from: number, to: number): SentimentPoint[] {
    const size = BUCKET_MS[bucket];
    const f = filterOf(filter);
    return this.prepare(
      `SELECT (p.created_at / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS t, COUNT(*) AS posts,
         COUNT(DISTINCT p.author_key) AS authors, AVG(p.sentiment_score) AS mean,
         SUM(p.sentiment_label = 'positive') AS positive, SUM(p.sentiment_label = 'neutral') AS neutral,
         SUM(p.sentiment_label = 'negative') AS negative
       FROM posts p WHERE p.created_at >= ? AND p.created_at < ? AND (${f.where}) GROUP BY t ORDER BY t`,
    ).all(size, size, from, to, ...f.params) as SentimentPoint[];
  }

  /** Posts and distinct authors per bucket and language (or platform). */
  breakdown(filter: CompiledSqlite | null, field: 'lang' | 'platform', bucket: Bucket, from: number, to: number): KeyedPoint[] {
    const size = BUCKET_MS[bucket];
    const f = filterOf(filter);
    return this.prepare(
      `SELECT (p.created_at / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS t, p.${field} AS key, COUNT(*) AS posts,
         COUNT(DISTINCT p.author_key) AS authors
       FROM posts p WHERE p.created_at >= ? AND p.created_at < ? AND (${f.where}) GROUP BY t, key ORDER BY t, posts DESC`,
    ).all(size, size, from, to, ...f.params) as KeyedPoint[];
  }

  /** The newest matching posts' rowids and authors, at most sampleSize. */
  private sampleSql(f: CompiledSqlite): string {
    return `SELECT p.rowid AS rowid, p.author_key AS author_key FROM posts p
            WHERE p.created_at >= ? AND p.created_at < ? AND (${f.where})
            ORDER BY p.created_at DESC LIMIT ${this.sampleSize}`;
  }

  /** Top values of a kind over the newest matching posts; `sampled` tells whether the sample was full. */
  top(filter: CompiledSqlite | null, kind: TopKind, from: number, to: number, limit: number): { rows: TopRow[]; sampledPosts: number; sampled: boolean } {
    const f = filterOf(filter);
    if (kind !== 'terms') {
      const sample = this.prepare(
        `WITH s AS (${this.sampleSql(f)})
         SELECT e.value AS value, COUNT(*) AS posts, COUNT(DISTINCT s.author_key) AS authors, (SELECT COUNT(*) FROM s) AS total
         FROM s JOIN post_entities e ON e.post = s.rowid AND e.kind = ?
         GROUP BY e.value ORDER BY posts DESC, value LIMIT ?`,
      ).all(from, to, ...f.params, ENTITY_KIND[kind], limit) as (TopRow & { total: number })[];
      const total = sample[0]?.total ?? 0;
      return { rows: sample.map(({ value, posts, authors }) => ({ value, posts, authors })), sampledPosts: total, sampled: total >= this.sampleSize };
    }
    // Terms are not stored per post (the index is contentless): tokenise the sample's texts.
    const rows = this.prepare(
      `SELECT p.text AS text, p.author_key AS author FROM posts p
       WHERE p.created_at >= ? AND p.created_at < ? AND (${f.where})
       ORDER BY p.created_at DESC LIMIT ${Math.min(this.sampleSize, 5000)}`,
    ).all(from, to, ...f.params) as { text: string; author: string }[];
    return { rows: countTerms(rows, limit), sampledPosts: rows.length, sampled: rows.length >= Math.min(this.sampleSize, 5000) };
  }

  /** Posts by rowid, in the order given (missing ones left out). */
  postsByRowid(rowids: readonly number[]): Post[] {
    if (rowids.length === 0) return [];
    const rows = this.prepare('SELECT p.rowid, p.* FROM posts p WHERE p.rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowids)) as PostRow[];
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    return rowids.flatMap((id) => {
      const r = byRowid.get(id);
      return r ? [rowToPost(r)] : [];
    });
  }

  /** Top words of the posts with these rowids. */
  termsOfRowids(rowids: readonly number[], limit: number): TopRow[] {
    if (rowids.length === 0) return [];
    const rows = this.prepare('SELECT p.text AS text, p.author_key AS author FROM posts p WHERE p.rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowids)) as {
      text: string;
      author: string;
    }[];
    return countTerms(rows, limit);
  }

  /**
   * Newest first, `limit` per page; `next` continues after the last post of this page. Walks the
   * created_at index from the newest post down in growing steps and stops once the page is full,
   * so a common word costs a few thousand index entries instead of every match in the store
   * (SQLite's own plan for `rowid IN (FTS matches) ORDER BY created_at` fetches and sorts them
   * all). A rare query that the walk has not filled within its budget falls back
   * to that plan over the rest of the range, where it is cheap: it costs what the matches do.
   */
  search(filter: CompiledSqlite | null, from: number, to: number, limit: number, after?: PageCursor): SearchPage {
    return this.db.transaction(() => this.searchInSnapshot(filterOf(filter), from, to, limit, after))();
  }

  private searchInSnapshot(f: CompiledSqlite, from: number, to: number, limit: number, after?: PageCursor): SearchPage {
    // Posts strictly below `upper` in (created_at, rowid) order; `created_at <= ?` lets the index bound
    // the range. CROSS JOIN keeps SQLite from driving the join from the query's matches instead.
    const below = 'created_at >= ? AND created_at < ? AND created_at <= ? AND (created_at < ? OR rowid < ?)';
    const probe = this.prepare(
      `SELECT p.rowid, p.* FROM (
         SELECT rowid AS r FROM posts INDEXED BY posts_created_at WHERE ${below}
         ORDER BY created_at DESC, rowid DESC LIMIT ?
       ) newest CROSS JOIN posts p ON p.rowid = newest.r
       WHERE (${f.where}) ORDER BY p.created_at DESC, p.rowid DESC LIMIT ?`,
    );
    const boundary = this.prepare(
      `SELECT created_at AS createdAt, rowid FROM posts INDEXED BY posts_created_at WHERE ${below}
       ORDER BY created_at DESC, rowid DESC LIMIT 1 OFFSET ?`,
    );
    let upper: PageCursor = after ?? { createdAt: to, rowid: Number.MIN_SAFE_INTEGER };
    const bound = () => [from, to, upper.createdAt, upper.createdAt, upper.rowid];
    const rows: PostRow[] = [];
    // Few full-text candidates in the whole store: collecting them all is cheaper than any walk.
    const rare =
      leadsWithFts(f.where) &&
      (this.prepare(`SELECT COUNT(*) AS n FROM (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ? LIMIT ${this.walk.rareCandidates + 1})`).get(f.params[0]) as { n: number })
        .n <= this.walk.rareCandidates;
    let step = this.walk.firstStep;
    for (let walked = 0; rows.length <= limit; walked += step, step *= 4) {
      if (rare || walked >= this.walk.budget) {
        rows.push(
          ...(this.prepare(
            `SELECT p.rowid, p.* FROM posts p
             WHERE p.created_at >= ? AND p.created_at < ? AND p.created_at <= ? AND (p.created_at < ? OR p.rowid < ?) AND (${f.where})
             ORDER BY p.created_at DESC, p.rowid DESC LIMIT ?`,
          ).all(...bound(), ...f.params, limit + 1 - rows.length) as PostRow[]),
        );
        break;
      }
      rows.push(...(probe.all(...bound(), step, ...f.params, limit + 1 - rows.length) as PostRow[]));
      if (rows.length > limit) break;
      const last = boundary.get(...bound(), step - 1) as PageCursor | undefined;
      if (!last) break;
      upper = last;
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      posts: page.map((r) => rowToPost(r)),
      next: rows.length > limit && last ? { createdAt: last.created_at, rowid: last.rowid } : null,
    };
  }
}

/** How the newest-first search walks the store (tests make the steps small). */
export interface SearchWalk {
  /** Index entries read in the first step; each next step reads 4× more. */
  firstStep: number;
  /** Index entries walked before a rare query lets SQLite collect its matches instead. */
  budget: number;
  /** Full-text candidates few enough to collect and sort outright, without a walk. */
  rareCandidates: number;
}

export const DEFAULT_SEARCH_WALK: SearchWalk = { firstStep: 2048, budget: 40_000, rareCandidates: 2000 };

const FTS_CANDIDATES = 'p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)';

/**
 * Whether a compiled `where` requires its leading full-text look-up (the query compiler puts the
 * one full-text part of an AND first, and parenthesises every operand): then the look-up's
 * matches, bound as the first parameter, are a superset of the query's.
 */
export function leadsWithFts(where: string): boolean {
  const sql = where.trim();
  if (sql === FTS_CANDIDATES) return true;
  if (!sql.startsWith('(')) return false;
  let depth = 0;
  let firstEnd = -1;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'") {
      i = sql.indexOf("'", i + 1);
      if (i < 0) return false;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && firstEnd < 0) firstEnd = i;
    } else if (depth === 0 && sql.startsWith(' OR ', i)) return false;
  }
  if (depth !== 0 || firstEnd < 0) return false;
  const rest = sql.slice(firstEnd + 1);
  if (rest !== '' && !rest.startsWith(' AND ')) return false;
  return leadsWithFts(sql.slice(1, firstEnd));
}

/** Posts and distinct authors per eligible word (the trend detectors' definition of a topic word). */
function countTerms(rows: readonly { text: string; author: string }[], limit: number): TopRow[] {
  const counts = new Map<string, { posts: number; authors: Set<string> }>();
  for (const r of rows) {
    for (const token of new Set(tokenize(r.text))) {
      if (!isEligibleWord(token)) continue;
      let c = counts.get(token);
      if (!c) counts.set(token, (c = { posts: 0, authors: new Set() }));
      c.posts++;
      c.authors.add(r.author);
    }
  }
  return [...counts]
    .map(([value, c]) => ({ value, posts: c.posts, authors: c.authors.size }))
    .sort((a, b) => b.posts - a.posts || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}
