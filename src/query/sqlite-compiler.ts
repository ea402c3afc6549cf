/**
 * Compiles a query AST to a WHERE expression over the SQLite store's `posts` table (alias `p`):
 * text parts become one FTS5 MATCH expression where possible, fields become SQL predicates, and
 * every user value is a bound parameter (an FTS5 expression is itself one bound string).
 *
 * Where FTS5 cannot say exactly what the query means — ordered NEAR, `?` wildcards without the
 * store's vocabulary at hand, very large wildcard products — the compiler emits a superset and ANDs
 * it with `tidewatch_match(...)`, a SQLite function that re-checks each candidate with the
 * streaming matcher over the re-tokenised stored text, so `where` is always exact. Supersets are
 * kept sound under negation: a node compiled under an odd number of NOTs must yield a subset, so
 * an inexact node there compiles to FALSE (everything becomes a candidate for the re-check).
 *
 * FTS5 `NEAR(a b, n)` holds when at most n tokens lie between the end of the phrase that starts
 * first and the start of the other (overlap allowed) — the definition the matcher implements.
 */
import type Database from 'better-sqlite3';
import { tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';
import type { FieldNode, NearNode, QueryNode, TextNode, WordPattern } from './ast.js';
import { wordMatches } from './ast.js';
import { DiagnosticSink, type Diagnostic } from './diagnostics.js';
import { compileMatcher, prepareForMatching, urlPrefixes, type Matcher } from './matcher.js';

export const DEFAULT_MAX_EXPANSIONS = 500;
/** Above this many phrase variants (wildcard products), compile to a superset and re-check. */
const MAX_VARIANTS = 256;
/** FTS5's parser overflows on deep expressions; deeper parts are combined in SQL instead. */
const MAX_FTS_DEPTH = 8;

export interface SqliteCompileOptions {
  /** Most distinct words one wildcard may stand for in the store's vocabulary. */
  maxExpansions?: number;
  /** The query text, so diagnostics get lines and columns. */
  text?: string;
}

export interface CompiledSqliteQuery {
  /** Exact SQL boolean expression over `p`, a row of `posts` (`FROM posts p`). */
  where: string;
  params: unknown[];
  /**
   * True when `where` calls `tidewatch_match` to re-check FTS candidates; the connection running it
   * needs `registerMatchFunction` (done by compileSqlite when given the database).
   */
  rechecked: boolean;
  matcher: Matcher;
  ast: QueryNode;
}

export interface SqliteCompileResult {
  compiled?: CompiledSqliteQuery;
  diagnostics: Diagnostic[];
}

type Part =
  | { kind: 'fts'; expr: string; depth: number }
  | { kind: 'notfts'; expr: string; depth: number }
  | { kind: 'sql'; sql: string; params: unknown[] }
  | { kind: 'const'; value: boolean };

const TRUE: Part = { kind: 'const', value: true };
const FALSE: Part = { kind: 'const', value: false };

/** Quote a folded token as an FTS5 string. */
export function ftsString(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/** Escape GLOB metacharacters so a value matches literally. */
export function globEscape(s: string): string {
  return s.replace(/[*?[]/g, (c) => `[${c}]`);
}

const MAX_CHAR = String.fromCodePoint(0x10ffff);

class Compiler {
  exact = true;
  private readonly expansions = new Map<string, string[] | null>();
  constructor(
    private readonly db: Database.Database | undefined,
    private readonly maxExpansions: number,
    private readonly sink: DiagnosticSink,
  ) {}

  private vocabulary(prefix: string, limit?: number): string[] {
    const db = this.db as Database.Database;
    const sql = `SELECT term FROM posts_vocab WHERE term >= ? AND term < ?${limit === undefined ? '' : ' LIMIT ?'}`;
    const params: unknown[] = [prefix, prefix + MAX_CHAR];
    if (limit !== undefined) params.push(limit);
    return (db.prepare(sql).pluck().all(...params) as string[]).filter((t) => t.startsWith(prefix));
  }

  /** Words of the store's vocabulary a wildcard stands for; null after reporting too many. */
  private expand(word: Exclude<WordPattern, { kind: 'exact' }>, node: TextNode): string[] | null {
    const key = word.kind === 'prefix' ? `${word.prefix}*` : word.pattern;
    const cached = this.expansions.get(key);
    if (cached !== undefined) return cached;
    let terms: string[];
    if (word.kind === 'prefix') terms = this.vocabulary(word.prefix, this.maxExpansions + 1);
    else terms = this.vocabulary(word.prefix).filter((t) => wordMatches(word, t));
    let result: string[] | null = terms;
    if (terms.length > this.maxExpansions) {
      const shown = word.kind === 'prefix' ? `${word.prefix}*` : word.pattern;
      this.sink.error(
        'wildcard-expansion',
        node.span.start,
        node.span.end,
        `\`${shown}\` stands for more than ${this.maxExpansions} different words in the store`,
        'make the wildcard longer, or list the words you mean with OR',
      );
      result = null;
    }
    this.expansions.set(key, result);
    return result;
  }

  /**
   * FTS5 phrase strings for a term/phrase, one per variant, or undefined when it can match nothing.
   * `superset` is set when the phrases over-approximate.
   */
  private phrases(node: TextNode): { phrases: string[]; superset: boolean } | undefined {
    const slots: string[][] = [];
    let superset = false;
    for (const w of node.words) {
      if (w.kind === 'exact') slots.push([ftsString(w.token)]);
      else if (w.kind === 'prefix') {
        if (this.db) {
          const terms = this.expand(w, node);
          if (terms === null) return undefined;
          if (terms.length === 0) return undefined;
        }
        slots.push([`${ftsString(w.prefix)} *`]);
      } else if (this.db) {
        const terms = this.expand(w, node);
        if (terms === null || terms.length === 0) return undefined;
        slots.push(terms.map(ftsString));
      } else {
        slots.push([`${ftsString(w.prefix)} *`]);
        superset = true;
      }
    }
    let variants = 1;
    for (const s of slots) variants *= s.length;
    if (variants > MAX_VARIANTS && slots.length > 1) {
      // Too many phrase variants: require each word somewhere (a superset) and re-check.
      return { phrases: [slots.map((s) => (s.length === 1 ? s[0] : `(${s.join(' OR ')})`)).join(' AND ')], superset: true };
    }
    let phrases = [''];
    for (const s of slots) phrases = phrases.flatMap((p) => s.map((alt) => (p ? `${p} + ${alt}` : alt)));
    return { phrases, superset };
  }

  private inexact(part: Part, positive: boolean): Part {
    this.exact = false;
    return positive ? part : FALSE;
  }

  compile(node: QueryNode, positive: boolean): Part {
    switch (node.type) {
      case 'text':
        return this.text(node, positive);
      case 'near':
        return this.near(node, positive);
      case 'field':
        return this.field(node);
      case 'not':
        return negate(this.compile(node.child, !positive));
      case 'and':
        return this.and(node.children.map((c) => this.compile(c, positive)));
      case 'or':
        return this.or(node.children.map((c) => this.compile(c, positive)));
    }
  }

  private text(node: TextNode, positive: boolean): Part {
    const v = this.phrases(node);
    if (!v) return FALSE;
    const expr = v.phrases.length === 1 ? v.phrases[0] : v.phrases.join(' OR ');
    const part: Part = { kind: 'fts', expr: v.phrases.length === 1 && !expr.includes(' AND ') ? expr : `(${expr})`, depth: 1 };
    return v.superset ? this.inexact(part, positive) : part;
  }

  private near(node: NearNode, positive: boolean): Part {
    const side = (alts: TextNode[]) => {
      const phrases: string[] = [];
      let superset = false;
      for (const a of alts) {
        const v = this.phrases(a);
        if (!v) continue;
        superset ||= v.superset;
        // A phrase variant that is an AND of words cannot sit inside NEAR(); use it as a bare condition.
        if (v.phrases.some((p) => p.includes(' AND '))) return { phrases, superset: true, loose: v.phrases };
        phrases.push(...v.phrases);
      }
      return { phrases, superset, loose: undefined as string[] | undefined };
    };
    const l = side(node.left);
    const r = side(node.right);
    if ((l.phrases.length === 0 && !l.loose) || (r.phrases.length === 0 && !r.loose)) return FALSE;
    let superset = l.superset || r.superset || node.ordered;
    let expr: string;
    if (l.loose || r.loose || l.phrases.length * r.phrases.length > MAX_VARIANTS) {
      const any = (s: typeof l) => `(${[...s.phrases, ...(s.loose ?? []).map((p) => `(${p})`)].join(' OR ')})`;
      expr = `${any(l)} AND ${any(r)}`;
      superset = true;
    } else {
      const nears: string[] = [];
      for (const a of l.phrases) for (const b of r.phrases) nears.push(`NEAR(${a} ${b}, ${node.distance})`);
      expr = nears.join(' OR ');
    }
    const part: Part = { kind: 'fts', expr: `(${expr})`, depth: 2 };
    return superset ? this.inexact(part, positive) : part;
  }

  private field(node: FieldNode): Part {
    const v = node.value;
    const entity = (kind: string, cond: string, params: unknown[]): Part => ({
      kind: 'sql',
      sql: `p.rowid IN (SELECT post FROM post_entities WHERE kind = '${kind}' AND ${cond})`,
      params,
    });
    switch (node.field) {
      case 'lang':
        return { kind: 'sql', sql: 'p.lang = ?', params: [v] };
      case 'platform':
        return { kind: 'sql', sql: 'p.platform = ?', params: [v] };
      case 'source':
        return { kind: 'sql', sql: 'p.source = ? COLLATE NOCASE', params: [v] };
      case 'domain':
        return entity('d', '(value = ? OR substr(value, ?) = ?)', [v, -(v.length + 1), `.${v}`]);
      case 'url': {
        const prefixes = urlPrefixes(v);
        return entity('u', `(${prefixes.map(() => 'value GLOB ?').join(' OR ')})`, prefixes.map((p) => `${globEscape(p)}*`));
      }
      case 'hashtag':
        return entity('h', 'value = ?', [v]);
      case 'mention':
        return entity('m', 'value = ?', [v]);
      case 'has':
        return { kind: 'sql', sql: v === 'link' ? "p.links <> '[]'" : v === 'hashtag' ? "p.hashtags <> '[]'" : "p.mentions <> '[]'", params: [] };
      case 'is': {
        const column = v === 'repost' ? 'p.repost_of' : v === 'reply' ? 'p.reply_to' : 'p.quote_of';
        return { kind: 'sql', sql: `coalesce(${column}, '') <> ''`, params: [] };
      }
      case 'sentiment':
        return { kind: 'sql', sql: 'p.sentiment_label IS ?', params: [v] };
    }
  }

  private and(parts: Part[]): Part {
    if (parts.some((p) => p.kind === 'const' && !p.value)) return FALSE;
    const live = parts.filter((p) => p.kind !== 'const').map(spillDeep);
    const fts = live.filter((p): p is Extract<Part, { kind: 'fts' }> => p.kind === 'fts');
    const notfts = live.filter((p): p is Extract<Part, { kind: 'notfts' }> => p.kind === 'notfts');
    const sql = live.filter((p): p is Extract<Part, { kind: 'sql' }> => p.kind === 'sql');
    const sqlParts: Extract<Part, { kind: 'sql' }>[] = [...sql];
    if (fts.length > 0) {
      let expr = fts.length === 1 ? fts[0].expr : fts.map((f) => `(${f.expr})`).join(' AND ');
      let depth = Math.max(...fts.map((f) => f.depth)) + (fts.length > 1 ? 1 : 0);
      for (const n of notfts) {
        expr = `(${expr}) NOT (${n.expr})`;
        depth = Math.max(depth, n.depth) + 1;
      }
      const combined: Part = { kind: 'fts', expr, depth };
      if (sqlParts.length === 0) return combined;
      sqlParts.unshift(toSql(combined));
    } else if (notfts.length > 0) {
      // NOT a AND NOT b = NOT (a OR b): one full-text look-up instead of several.
      const merged: Part =
        notfts.length === 1
          ? notfts[0]
          : { kind: 'notfts', expr: notfts.map((n) => `(${n.expr})`).join(' OR '), depth: Math.max(...notfts.map((n) => n.depth)) + 1 };
      const spilled = spillDeep(merged);
      if (sqlParts.length === 0) return spilled;
      sqlParts.push(toSql(spilled));
    }
    if (sqlParts.length === 0) return TRUE;
    if (sqlParts.length === 1) return sqlParts[0];
    return { kind: 'sql', sql: sqlParts.map((s) => `(${s.sql})`).join(' AND '), params: sqlParts.flatMap((s) => s.params) };
  }

  private or(parts: Part[]): Part {
    if (parts.some((p) => p.kind === 'const' && p.value)) return TRUE;
    const live = parts.filter((p) => p.kind !== 'const').map(spillDeep);
    if (live.length === 0) return FALSE;
    if (live.length === 1) return live[0];
    if (live.every((p) => p.kind === 'fts')) {
      const fts = live as Extract<Part, { kind: 'fts' }>[];
      return { kind: 'fts', expr: fts.map((f) => `(${f.expr})`).join(' OR '), depth: Math.max(...fts.map((f) => f.depth)) + 1 };
    }
    const sqlParts = live.map(toSql);
    return { kind: 'sql', sql: sqlParts.map((s) => `(${s.sql})`).join(' OR '), params: sqlParts.flatMap((s) => s.params) };
  }
}

function negate(part: Part): Part {
  switch (part.kind) {
    case 'const':
      return part.value ? FALSE : TRUE;
    case 'fts':
      return { kind: 'notfts', expr: part.expr, depth: part.depth };
    case 'notfts':
      return { kind: 'fts', expr: part.expr, depth: part.depth };
    case 'sql':
      return { kind: 'sql', sql: `NOT (${part.sql})`, params: part.params };
  }
}

function spillDeep(part: Part): Part {
  return (part.kind === 'fts' || part.kind === 'notfts') && part.depth > MAX_FTS_DEPTH ? toSql(part) : part;
}

function toSql(part: Part): Extract<Part, { kind: 'sql' }> {
  switch (part.kind) {
    case 'sql':
      return part;
    case 'const':
      return { kind: 'sql', sql: part.value ? '1' : '0', params: [] };
    case 'fts':
      return { kind: 'sql', sql: 'p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)', params: [part.expr] };
    case 'notfts':
      return { kind: 'sql', sql: 'p.rowid NOT IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)', params: [part.expr] };
  }
}

const MATCH_COLUMNS = 'p.text, p.lang, p.platform, p.source, p.hashtags, p.mentions, p.links, p.domains, p.reply_to, p.quote_of, p.repost_of, p.sentiment_label';
const registered = new WeakSet<Database.Database>();
const matchers = new Map<string, Matcher>();

/** A stable text for an AST without its spans: the key `tidewatch_match` finds the matcher by. */
export function astKey(ast: QueryNode): string {
  return JSON.stringify(ast, (k, v: unknown) => (k === 'span' ? undefined : v));
}

function remember(key: string, m: Matcher): void {
  if (matchers.size >= 1000) matchers.delete(matchers.keys().next().value as string);
  matchers.set(key, m);
}

function matcherFor(key: string): Matcher {
  let m = matchers.get(key);
  if (!m) {
    m = compileMatcher(JSON.parse(key) as QueryNode);
    remember(key, m);
  }
  return m;
}

/** A stored row, as the matcher sees it (tokens re-derived from the text, as at ingest). */
function rowPost(text: string, lang: string, platform: string, source: string, hashtags: string, mentions: string, links: string, domains: string, replyTo: string | null, quoteOf: string | null, repostOf: string | null, sentiment: string | null): Post {
  const post: Post = {
    id: '', platform, source, createdAt: 0, ingestedAt: 0, authorKey: '0'.repeat(32), text, lang, langConfidence: 1,
    tokens: tokenize(text), hashtags: JSON.parse(hashtags), mentions: JSON.parse(mentions), links: JSON.parse(links), domains: JSON.parse(domains),
  };
  if (replyTo) post.replyTo = replyTo;
  if (quoteOf) post.quoteOf = quoteOf;
  if (repostOf) post.repostOf = repostOf;
  if (sentiment) post.sentiment = { label: sentiment as 'negative' | 'neutral' | 'positive', score: 0 };
  return post;
}

/**
 * Registers `tidewatch_match(key, <post columns>)` on a connection: 1 when the stored post matches
 * the query whose AST key is `key`. Idempotent.
 */
export function registerMatchFunction(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function(
    'tidewatch_match',
    { deterministic: true },
    (key: unknown, text: unknown, lang: unknown, platform: unknown, source: unknown, hashtags: unknown, mentions: unknown, links: unknown, domains: unknown, replyTo: unknown, quoteOf: unknown, repostOf: unknown, sentiment: unknown) => {
      const post = rowPost(text as string, lang as string, platform as string, source as string, hashtags as string, mentions as string, links as string, domains as string, replyTo as string | null, quoteOf as string | null, repostOf as string | null, sentiment as string | null);
      return matcherFor(key as string).matches(prepareForMatching(post)) ? 1 : 0;
    },
  );
  registered.add(db);
}

/**
 * Compiles a parsed query for the SQLite store. With `db`, wildcards are expanded through the
 * store's vocabulary (`posts_vocab`), exactly and within `maxExpansions`, and the re-check function
 * is registered; without it, `?` patterns compile to their literal prefix plus the re-check.
 */
export function compileSqlite(ast: QueryNode, db?: Database.Database, options: SqliteCompileOptions = {}): SqliteCompileResult {
  const sink = new DiagnosticSink(options.text ?? '');
  const compiler = new Compiler(db, options.maxExpansions ?? DEFAULT_MAX_EXPANSIONS, sink);
  const part = compiler.compile(ast, true);
  if (sink.hasErrors) return { diagnostics: sink.diagnostics };
  const matcher = compileMatcher(ast);
  const sql = toSql(part);
  if (compiler.exact) return { compiled: { where: sql.sql, params: sql.params, rechecked: false, matcher, ast }, diagnostics: sink.diagnostics };
  if (db) registerMatchFunction(db);
  const key = astKey(ast);
  if (!matchers.has(key)) remember(key, matcher);
  const where = sql.sql === '1' ? `tidewatch_match(?, ${MATCH_COLUMNS})` : `(${sql.sql}) AND tidewatch_match(?, ${MATCH_COLUMNS})`;
  return { compiled: { where, params: [...sql.params, key], rechecked: true, matcher, ast }, diagnostics: sink.diagnostics };
}
