/**
 * Watches in the SQLite store: saved queries, their per-minute rollups, and query search.
 *
 * Exactness of the rollups. `watches.synced_rowid` says which posts a watch's rollups cover:
 * exactly the matching posts with rowid <= synced_rowid. Backfill advances it batch by batch (each
 * batch one transaction); the ingest transaction advances it over the batch it just wrote, but only
 * for watches that were caught up before the batch and whose revision the ingest matcher compiled.
 * A watch the ingest loop does not know yet simply falls behind and is caught up by backfill, so a
 * post is never counted twice nor missed, whichever process adds the watch.
 */
import type Database from 'better-sqlite3';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { tokenize } from '../../enrich/tokenize.js';
import type { Post } from '../../model/post.js';
import type { QueryNode } from '../../query/ast.js';
import { QueryError, type Diagnostic } from '../../query/diagnostics.js';
import { prepareForMatching } from '../../query/matcher.js';
import { parseQuery } from '../../query/parser.js';
import { compileSqlite, type CompiledSqliteQuery } from '../../query/sqlite-compiler.js';
import { WatchMatcher } from '../../query/watch-matcher.js';
import type { Bucket, QueryPage, QuerySearchOptions, ShareOfVoice, Watch, WatchSeriesPoint } from '../store.js';
import { StoreError } from '../store.js';
import { rowToPost, type PostRow } from './sqlite-store.js';

const MINUTE = 60_000;
const BUCKET_MS: Record<Bucket, number> = { minute: MINUTE, hour: 60 * MINUTE, day: 1440 * MINUTE };
/** Rowids per backfill transaction: long enough to be efficient, short enough not to stall ingest. */
export const BACKFILL_BATCH = 100_000;
const MAX_NAME = 100;

interface WatchRow {
  id: number;
  name: string;
  query: string;
  description: string | null;
  created_at: number;
  updated_at: number;
  rev: number;
  synced_rowid: number;
}

function toWatch(row: WatchRow, maxRowid: number): Watch {
  const w: Watch = { id: row.id, name: row.name, query: row.query, createdAt: row.created_at, updatedAt: row.updated_at, rev: row.rev, backfilling: row.synced_rowid < maxRowid };
  if (row.description) w.description = row.description;
  return w;
}

function maxRowid(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(max(rowid), 0) FROM posts').pluck().get() as number) ?? 0;
}

function validateName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > MAX_NAME || /[\u0000-\u001f\u007f]/.test(n)) {
    throw new StoreError(`a watch name must be 1–${MAX_NAME} printable characters, got ${JSON.stringify(name)}`);
  }
  return n;
}

/** Parses and compiles a query against this store; throws QueryError with every diagnostic. */
export function compileQuery(db: Database.Database, query: string | QueryNode | CompiledSqliteQuery): CompiledSqliteQuery {
  if (typeof query === 'object' && 'where' in query) return query;
  let ast: QueryNode;
  let text: string | undefined;
  let warnings: Diagnostic[] = [];
  if (typeof query === 'string') {
    const parsed = parseQuery(query);
    if (!parsed.ast) throw new QueryError(parsed.diagnostics, query);
    ast = parsed.ast;
    text = query;
    warnings = parsed.diagnostics;
  } else ast = query;
  const c = compileSqlite(ast, db, { text });
  if (!c.compiled) throw new QueryError([...warnings, ...c.diagnostics], text);
  return c.compiled;
}

function resolve(db: Database.Database, nameOrId: string | number): WatchRow | undefined {
  const byId = db.prepare('SELECT * FROM watches WHERE id = ?');
  if (typeof nameOrId === 'number') return byId.get(nameOrId) as WatchRow | undefined;
  const row = db.prepare('SELECT * FROM watches WHERE name = ?').get(nameOrId.trim()) as WatchRow | undefined;
  if (row || !/^\d+$/.test(nameOrId.trim())) return row;
  return byId.get(Number(nameOrId)) as WatchRow | undefined;
}

export function getWatch(db: Database.Database, nameOrId: string | number): Watch | undefined {
  const row = resolve(db, nameOrId);
  return row ? toWatch(row, maxRowid(db)) : undefined;
}

export function listWatches(db: Database.Database): Watch[] {
  const max = maxRowid(db);
  return (db.prepare('SELECT * FROM watches ORDER BY name').all() as WatchRow[]).map((r) => toWatch(r, max));
}

export interface AddWatchOptions {
  description?: string;
  /** Count the stored posts now (default true); false leaves it to backfillWatch. */
  backfill?: boolean;
  batchSize?: number;
  now?: number;
}

/**
 * Saves a watch after checking its query (parse errors and wildcard limits throw QueryError) and,
 * unless told otherwise, backfills its rollups from the stored posts, one transaction per batch.
 */
export function addWatch(db: Database.Database, name: string, query: string, options: AddWatchOptions = {}): Watch {
  const n = validateName(name);
  compileQuery(db, query);
  const now = options.now ?? Date.now();
  let id: number;
  try {
    id = Number(
      db.prepare('INSERT INTO watches (name, query, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(n, query, options.description ?? null, now, now).lastInsertRowid,
    );
  } catch (err) {
    if (/UNIQUE/.test((err as Error).message)) throw new StoreError(`a watch named "${n}" already exists`);
    throw err;
  }
  if (options.backfill !== false) backfillWatch(db, id, { batchSize: options.batchSize });
  return getWatch(db, id) as Watch;
}

export interface WatchChanges {
  name?: string;
  query?: string;
  description?: string | null;
}

/**
 * Renames a watch, changes its description, or replaces its query. A new query bumps the revision,
 * drops the old rollups and backfills them again.
 */
export function updateWatch(db: Database.Database, nameOrId: string | number, changes: WatchChanges, options: Omit<AddWatchOptions, 'description'> = {}): Watch {
  const row = resolve(db, nameOrId);
  if (!row) throw new StoreError(`no watch named "${nameOrId}"`);
  const now = options.now ?? Date.now();
  const newQuery = changes.query !== undefined && changes.query !== row.query ? changes.query : undefined;
  if (newQuery !== undefined) compileQuery(db, newQuery);
  const name = changes.name !== undefined ? validateName(changes.name) : row.name;
  db.transaction(() => {
    try {
      db.prepare('UPDATE watches SET name = ?, updated_at = ? WHERE id = ?').run(name, now, row.id);
    } catch (err) {
      if (/UNIQUE/.test((err as Error).message)) throw new StoreError(`a watch named "${name}" already exists`);
      throw err;
    }
    if (changes.description !== undefined) db.prepare('UPDATE watches SET description = ? WHERE id = ?').run(changes.description, row.id);
    if (newQuery !== undefined) {
      db.prepare('UPDATE watches SET query = ?, rev = rev + 1, synced_rowid = 0 WHERE id = ?').run(newQuery, row.id);
      db.prepare('DELETE FROM watch_rollup_minute WHERE watch_id = ?').run(row.id);
    }
  })();
  if (newQuery !== undefined && options.backfill !== false) backfillWatch(db, row.id, { batchSize: options.batchSize });
  return getWatch(db, row.id) as Watch;
}

/** Creates the watch, or replaces the query/description of the one with that name. */
export function putWatch(db: Database.Database, input: { name: string; query: string; description?: string }, options: Omit<AddWatchOptions, 'description'> = {}): Watch {
  const existing = resolve(db, input.name);
  if (existing && existing.name.toLowerCase() === input.name.trim().toLowerCase()) {
    return updateWatch(db, existing.id, { query: input.query, description: input.description ?? null }, options);
  }
  return addWatch(db, input.name, input.query, { ...options, description: input.description });
}

/** Deletes a watch and its rollups; false when there is no such watch. */
export function removeWatch(db: Database.Database, nameOrId: string | number): boolean {
  const row = resolve(db, nameOrId);
  if (!row) return false;
  db.transaction(() => {
    db.prepare('DELETE FROM watch_rollup_minute WHERE watch_id = ?').run(row.id);
    db.prepare('DELETE FROM watches WHERE id = ?').run(row.id);
  })();
  return true;
}

/** SQL for the start of the minute of an epoch-ms column (floored, negative times included). */
export const MINUTE_OF = (column: string) => `(${column} - (((${column} % ${MINUTE}) + ${MINUTE}) % ${MINUTE}))`;

interface RollupCell {
  minute: number;
  lang: string;
  n: number;
  neg: number;
  neu: number;
  pos: number;
}

/** A watch's rollup cells over the stored posts that `rows` (SQL over `posts AS p`) selects and its query matches. */
function matchedCells(db: Database.Database, q: CompiledSqliteQuery, rows: string, rowParams: unknown[]): RollupCell[] {
  return db
    .prepare(
      `SELECT ${MINUTE_OF('p.created_at')} AS minute, p.lang AS lang, count(*) AS n,
              sum(p.sentiment_label IS 'negative') AS neg, sum(p.sentiment_label IS 'neutral') AS neu, sum(p.sentiment_label IS 'positive') AS pos
       FROM posts p WHERE ${rows} AND (${q.where})
       GROUP BY 1, 2`,
    )
    .all(...rowParams, ...q.params) as RollupCell[];
}

export interface BackfillProgress {
  /** The rollups cover every stored post. */
  done: boolean;
  /** Matching posts counted by this call. */
  counted: number;
  syncedRowid: number;
  maxRowid: number;
}

/**
 * Counts stored posts not yet covered into a watch's rollups, `batchSize` rowids per transaction,
 * for at most `maxBatches` batches. Safe to run from several processes at once and alongside ingest.
 */
export function backfillWatch(db: Database.Database, watchId: number, options: { batchSize?: number; maxBatches?: number } = {}): BackfillProgress {
  const batchSize = options.batchSize ?? BACKFILL_BATCH;
  const maxBatches = options.maxBatches ?? Infinity;
  let counted = 0;
  const step = db.transaction((): BackfillProgress => {
    const w = db.prepare('SELECT query, rev, synced_rowid FROM watches WHERE id = ?').get(watchId) as Pick<WatchRow, 'query' | 'rev' | 'synced_rowid'> | undefined;
    const max = maxRowid(db);
    if (!w) return { done: true, counted, syncedRowid: 0, maxRowid: max };
    if (w.synced_rowid >= max) return { done: true, counted, syncedRowid: w.synced_rowid, maxRowid: max };
    const hi = Math.min(w.synced_rowid + batchSize, max);
    // Compiled per batch: a `?` wildcard expands over the vocabulary as it is now.
    const cells = matchedCells(db, compileQuery(db, w.query), 'p.rowid > ? AND p.rowid <= ?', [w.synced_rowid, hi]);
    const bump = statements(db).bump;
    for (const c of cells) {
      bump.run(watchId, c.minute, c.lang, c.n, c.neg, c.neu, c.pos);
      counted += c.n;
    }
    db.prepare('UPDATE watches SET synced_rowid = ? WHERE id = ?').run(hi, watchId);
    return { done: hi >= max, counted, syncedRowid: hi, maxRowid: max };
  });
  let progress: BackfillProgress = { done: false, counted: 0, syncedRowid: 0, maxRowid: 0 };
  for (let b = 0; b < maxBatches; b++) {
    progress = step.immediate();
    if (progress.done) break;
  }
  return progress;
}

/** Like backfillWatch to the end, yielding to the event loop between batches. */
export async function backfillWatchAsync(db: Database.Database, watchId: number, options: { batchSize?: number; onProgress?: (p: BackfillProgress) => void } = {}): Promise<BackfillProgress> {
  let counted = 0;
  for (;;) {
    const p = backfillWatch(db, watchId, { batchSize: options.batchSize, maxBatches: 1 });
    counted += p.counted;
    const total = { ...p, counted };
    options.onProgress?.(total);
    if (p.done) return total;
    await yieldToEventLoop();
  }
}

/** Watches whose rollups do not yet cover every stored post (backfill pending or interrupted). */
export function laggingWatches(db: Database.Database): number[] {
  return db.prepare('SELECT id FROM watches WHERE synced_rowid < ? ORDER BY id').pluck().all(maxRowid(db)) as number[];
}

export interface MatchedPost {
  watchId: number;
  post: Pick<Post, 'createdAt' | 'lang' | 'sentiment'>;
}

export interface RecordContext {
  /** The ids the batch stored (WriteResult.storedIds), in the order written. */
  storedIds: readonly string[];
  /** Watch id → revision the matcher evaluated the batch with (WatchMatcher.revisions()). */
  evaluated: ReadonlyMap<number, number>;
}

interface RollupStatements {
  rowidOf: Database.Statement;
  advance: Database.Statement;
  bump: Database.Statement;
}
const statementCache = new WeakMap<Database.Database, RollupStatements>();

function statements(db: Database.Database): RollupStatements {
  let s = statementCache.get(db);
  if (!s) {
    s = {
      rowidOf: db.prepare('SELECT rowid FROM posts WHERE id = ?').pluck(),
      advance: db.prepare('UPDATE watches SET synced_rowid = ? WHERE id = ? AND rev = ? AND synced_rowid >= ? AND synced_rowid < ?'),
      bump: db.prepare(
        `INSERT INTO watch_rollup_minute (watch_id, minute, lang, n, neg, neu, pos) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (watch_id, minute, lang) DO UPDATE SET
           n = n + excluded.n, neg = neg + excluded.neg, neu = neu + excluded.neu, pos = pos + excluded.pos`,
      ),
    };
    statementCache.set(db, s);
  }
  return s;
}

/**
 * Counts a written batch's matches into the watches' rollups. Call it inside the ingest
 * transaction, after the batch's posts are inserted. Only watches caught up to the batch and
 * evaluated at their current revision are counted (and advanced); the others are left to backfill.
 * Returns how many matches were counted.
 */
export function recordMatches(db: Database.Database, matches: readonly MatchedPost[], context: RecordContext): number {
  if (context.storedIds.length === 0) return 0;
  const s = statements(db);
  const a = s.rowidOf.get(context.storedIds[0]) as number | undefined;
  const b = s.rowidOf.get(context.storedIds[context.storedIds.length - 1]) as number | undefined;
  if (a === undefined || b === undefined) throw new StoreError('recordMatches: the batch must be written (in this transaction) before its matches are recorded');
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const counting = new Set<number>();
  for (const [id, rev] of context.evaluated) {
    if (s.advance.run(hi, id, rev, lo - 1, hi).changes === 1) counting.add(id);
  }
  if (counting.size === 0) return 0;
  const cells = new Map<string, { watchId: number; minute: number; lang: string; n: number; neg: number; neu: number; pos: number }>();
  let counted = 0;
  for (const m of matches) {
    if (!counting.has(m.watchId)) continue;
    const minute = Math.floor(m.post.createdAt / MINUTE) * MINUTE;
    const key = `${m.watchId}\u0000${minute}\u0000${m.post.lang}`;
    let c = cells.get(key);
    if (!c) {
      c = { watchId: m.watchId, minute, lang: m.post.lang, n: 0, neg: 0, neu: 0, pos: 0 };
      cells.set(key, c);
    }
    c.n++;
    const label = m.post.sentiment?.label;
    if (label === 'negative') c.neg++;
    else if (label === 'neutral') c.neu++;
    else if (label === 'positive') c.pos++;
    counted++;
  }
  for (const c of cells.values()) s.bump.run(c.watchId, c.minute, c.lang, c.n, c.neg, c.neu, c.pos);
  return counted;
}

/**
 * Matches the posts of a written batch against the watches and records them (recordMatches).
 * `storedIds` is the batch's WriteResult.storedIds: duplicates are neither matched nor counted.
 * Returns the matches, for the stages after the store (spike detection, live stream).
 */
export function recordBatch(db: Database.Database, matcher: WatchMatcher, posts: readonly Post[], storedIds: readonly string[]): { watchId: number; post: Post }[] {
  const pending = new Set(storedIds);
  const matches: { watchId: number; post: Post }[] = [];
  for (const post of posts) {
    if (!pending.delete(post.id)) continue;
    const prepared = prepareForMatching(post);
    for (const watchId of matcher.match(prepared)) matches.push({ watchId, post });
  }
  recordMatches(db, matches, { storedIds, evaluated: matcher.revisions() });
  return matches;
}

/** A WatchMatcher holding every stored watch. */
export function loadWatchMatcher(db: Database.Database): WatchMatcher {
  const matcher = new WatchMatcher();
  syncWatchMatcher(db, matcher);
  return matcher;
}

/**
 * Brings a WatchMatcher in line with the watches table: adds new watches, recompiles changed ones,
 * drops deleted ones. Cheap enough to call before every batch. A stored query that no longer
 * parses is left out and reported.
 */
export function syncWatchMatcher(db: Database.Database, matcher: WatchMatcher): { changed: boolean; failed: { id: number; name: string; diagnostics: Diagnostic[] }[] } {
  const rows = db.prepare('SELECT id, name, query, rev FROM watches').all() as Pick<WatchRow, 'id' | 'name' | 'query' | 'rev'>[];
  const revisions = matcher.revisions();
  const failed: { id: number; name: string; diagnostics: Diagnostic[] }[] = [];
  let changed = false;
  const present = new Set<number>();
  for (const r of rows) {
    present.add(r.id);
    if (revisions.get(r.id) === r.rev) continue;
    try {
      matcher.add(r.id, r.query, r.rev);
      changed = true;
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      if (matcher.remove(r.id)) changed = true;
      failed.push({ id: r.id, name: r.name, diagnostics: err.diagnostics });
    }
  }
  for (const id of revisions.keys()) {
    if (!present.has(id)) {
      matcher.remove(id);
      changed = true;
    }
  }
  return { changed, failed };
}

/**
 * Takes posts about to be deleted out of the watch rollups that counted them: for each watch whose
 * rollups cover a post (rowid <= synced_rowid), the post is matched the way backfill matches it,
 * by the watch's compiled query over the stored row. Call it inside the deleting transaction,
 * before the rows go. Returns how many (watch, post) matches were taken out.
 */
export function uncountPosts(db: Database.Database, rowids: readonly number[]): number {
  if (rowids.length === 0) return 0;
  const list = JSON.stringify(rowids);
  const lowest = Math.min(...rowids);
  const covering = db.prepare('SELECT id, query, synced_rowid FROM watches WHERE synced_rowid >= ?').all(lowest) as Pick<WatchRow, 'id' | 'query' | 'synced_rowid'>[];
  const bump = statements(db).bump;
  const dropEmpty = db.prepare('DELETE FROM watch_rollup_minute WHERE watch_id = ? AND minute = ? AND lang = ? AND n <= 0');
  let uncounted = 0;
  for (const w of covering) {
    let q: CompiledSqliteQuery;
    try {
      q = compileQuery(db, w.query);
    } catch (err) {
      // A stored query that no longer parses counted nothing since it stopped parsing; before that
      // its rollups were rebuilt (updateWatch), so there is nothing of it to take out.
      if (err instanceof QueryError) continue;
      throw err;
    }
    for (const c of matchedCells(db, q, 'p.rowid IN (SELECT value FROM json_each(?)) AND p.rowid <= ?', [list, w.synced_rowid])) {
      // The cell exists (it counted these posts): the upsert only subtracts.
      bump.run(w.id, c.minute, c.lang, -c.n, -c.neg, -c.neu, -c.pos);
      dropEmpty.run(w.id, c.minute, c.lang);
      uncounted += c.n;
    }
  }
  return uncounted;
}

/** Deletes watch rollups of minutes before `before` (the store's purge calls it with its cutoff). */
export function purgeWatchRollups(db: Database.Database, before: number): number {
  return db.prepare('DELETE FROM watch_rollup_minute WHERE minute < ?').run(before).changes;
}

function bucketStart(t: number, size: number): number {
  return Math.floor(t / size) * size;
}

/**
 * A watch's series from its rollups: buckets whose start lies in [from, to), counted by whole
 * minutes (a minute belongs to the range when its start does). `fill` adds the empty buckets.
 */
export function watchVolume(
  db: Database.Database,
  watchId: number,
  bucket: Bucket,
  from: number,
  to: number,
  options: { lang?: string; fill?: boolean } = {},
): WatchSeriesPoint[] {
  const size = BUCKET_MS[bucket];
  const rows = db
    .prepare(
      `SELECT (minute - (((minute % ?) + ?) % ?)) AS t, sum(n) AS count, sum(neg) AS negative, sum(neu) AS neutral, sum(pos) AS positive
       FROM watch_rollup_minute
       WHERE watch_id = ? AND minute >= ? AND minute < ?${options.lang ? ' AND lang = ?' : ''}
       GROUP BY t ORDER BY t`,
    )
    .all(size, size, size, watchId, from, to, ...(options.lang ? [options.lang] : [])) as WatchSeriesPoint[];
  if (!options.fill) return rows;
  const out: WatchSeriesPoint[] = [];
  let i = 0;
  for (let t = bucketStart(from, size); t < to; t += size) {
    if (i < rows.length && rows[i].t === t) out.push(rows[i++]);
    else out.push({ t, count: 0, negative: 0, neutral: 0, positive: 0 });
  }
  return out;
}

/** Posts per language of a watch over [from, to), from its rollups. */
export function watchLanguages(db: Database.Database, watchId: number, from: number, to: number): Record<string, number> {
  const out: Record<string, number> = {};
  const rows = db
    .prepare('SELECT lang, sum(n) AS n FROM watch_rollup_minute WHERE watch_id = ? AND minute >= ? AND minute < ? GROUP BY lang ORDER BY n DESC, lang')
    .all(watchId, from, to) as { lang: string; n: number }[];
  for (const r of rows) out[r.lang] = r.n;
  return out;
}

/**
 * Each watch's share of the posts the given watches matched over [from, to). A post matched by two
 * of them counts for both, so shares are of the summed volume.
 */
export function shareOfVoice(db: Database.Database, watchIds: readonly number[], from: number, to: number): ShareOfVoice {
  const watches = watchIds.map((id) => {
    const row = resolve(db, id);
    if (!row) throw new StoreError(`no watch with id ${id}`);
    const count = (db.prepare('SELECT coalesce(sum(n), 0) FROM watch_rollup_minute WHERE watch_id = ? AND minute >= ? AND minute < ?').pluck().get(id, from, to) as number) ?? 0;
    return { watchId: id, name: row.name, count, share: 0 };
  });
  const total = watches.reduce((s, w) => s + w.count, 0);
  for (const w of watches) w.share = total === 0 ? 0 : w.count / total;
  return { from, to, total, watches };
}

function encodeCursor(createdAt: number, rowid: number): string {
  return `${createdAt}.${rowid}`;
}

function decodeCursor(cursor: string): { createdAt: number; rowid: number } {
  const m = /^(-?\d+)\.(\d+)$/.exec(cursor);
  if (!m) throw new StoreError(`invalid cursor ${JSON.stringify(cursor)}`);
  return { createdAt: Number(m[1]), rowid: Number(m[2]) };
}

const FAR_PAST = -8.64e15;
const FAR_FUTURE = 8.64e15;

/** Newest posts of the window probed in index order before falling back to the full search. */
const PROBE_ROWS = 4096;

/**
 * Posts matching a query in [from, to), newest first, `limit` per page (default 50). Pass the
 * returned `next` as `cursor` for the following page. Posts come with their tokens.
 *
 * Two plans, both exact. A broad query finds a page among the newest few thousand posts of the
 * window, scanned in created_at order: any match outside them is older. A selective one does not,
 * and is driven by its candidates instead, sorting only (created_at, rowid) before reading rows.
 */
export function searchQuery(db: Database.Database, query: string | QueryNode | CompiledSqliteQuery, options: QuerySearchOptions = {}): QueryPage {
  const q = compileQuery(db, query);
  const limit = Math.max(1, Math.min(options.limit ?? 50, 10_000));
  const windowParams: unknown[] = [options.from ?? FAR_PAST, options.to ?? FAR_FUTURE];
  let after = '';
  if (options.cursor) {
    const c = decodeCursor(options.cursor);
    after = ' AND (created_at < ? OR (created_at = ? AND rowid < ?))';
    windowParams.push(c.createdAt, c.createdAt, c.rowid);
  }
  const window = `created_at >= ? AND created_at < ?${after}`;
  let rows = db
    .prepare(
      `SELECT p.rowid, p.* FROM (
         SELECT rowid AS r FROM posts INDEXED BY posts_created_at WHERE ${window} ORDER BY created_at DESC, rowid DESC LIMIT ${PROBE_ROWS}
       ) newest JOIN posts p ON p.rowid = newest.r
       WHERE (${q.where}) ORDER BY p.created_at DESC, p.rowid DESC LIMIT ?`,
    )
    .all(...windowParams, ...q.params, limit + 1) as PostRow[];
  if (rows.length <= limit) {
    rows = db
      .prepare(
        `SELECT p.rowid, p.* FROM (
           SELECT p.rowid AS r, p.created_at AS c FROM posts p
           WHERE (${q.where}) AND ${window.replace(/created_at|rowid/g, (c) => `p.${c}`)}
           ORDER BY c DESC, r DESC LIMIT ?
         ) hits JOIN posts p ON p.rowid = hits.r ORDER BY hits.c DESC, hits.r DESC`,
      )
      .all(...q.params, ...windowParams, limit + 1) as PostRow[];
  }
  const page: QueryPage = { posts: rows.slice(0, limit).map((r) => rowToPost(r, tokenize(r.text))) };
  if (rows.length > limit) {
    const last = rows[limit - 1];
    page.next = encodeCursor(last.created_at, last.rowid);
  }
  return page;
}

/** How many stored posts in [from, to) match a query. */
export function countQuery(db: Database.Database, query: string | QueryNode | CompiledSqliteQuery, options: { from?: number; to?: number } = {}): number {
  const q = compileQuery(db, query);
  return db
    .prepare(`SELECT count(*) FROM posts p WHERE (${q.where}) AND p.created_at >= ? AND p.created_at < ?`)
    .pluck()
    .get(...q.params, options.from ?? FAR_PAST, options.to ?? FAR_FUTURE) as number;
}

export interface QueryTest {
  diagnostics: Diagnostic[];
  /** Present when the query has no error. */
  count?: number;
  samples?: Post[];
}

/** What `watch test` shows: the diagnostics, and for a valid query its count and newest samples. */
export function testQuery(db: Database.Database, query: string, options: { from?: number; to?: number; samples?: number } = {}): QueryTest {
  const parsed = parseQuery(query);
  if (!parsed.ast) return { diagnostics: parsed.diagnostics };
  const c = compileSqlite(parsed.ast, db, { text: query });
  const diagnostics = [...parsed.diagnostics, ...c.diagnostics];
  if (!c.compiled) return { diagnostics };
  const count = countQuery(db, c.compiled, options);
  const samples = searchQuery(db, c.compiled, { from: options.from, to: options.to, limit: options.samples ?? 10 }).posts;
  return { diagnostics, count, samples };
}
