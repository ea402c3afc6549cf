/**
 * tidewatch's query language: parse → typed AST → streaming matcher (live posts) and SQLite
 * compiler (stored posts), with the same results on both sides. See docs/query-language.md.
 */
import type Database from 'better-sqlite3';
import { tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';
import type { QueryNode } from './ast.js';
import { QueryError, type Diagnostic } from './diagnostics.js';
import { compileMatcher, prepareForMatching } from './matcher.js';
import { parseQuery } from './parser.js';
import { compileSqlite } from './sqlite-compiler.js';

export type { FieldName, FieldNode, NearNode, NotNode, AndNode, OrNode, QueryNode, Span, TextNode, WordPattern } from './ast.js';
export { wordMatches } from './ast.js';
export { QueryError, formatDiagnostics, hasErrors, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.js';
export { parseQuery, isNegativeOnly, normaliseDomain, MAX_DEPTH, MAX_NEAR_DISTANCE, type ParseResult } from './parser.js';
export { compileMatcher, prepareForMatching, type Matcher, type PreparedPost } from './matcher.js';
export { WatchMatcher } from './watch-matcher.js';
export {
  compileSqlite,
  registerMatchFunction,
  DEFAULT_MAX_EXPANSIONS,
  type CompiledSqliteQuery,
  type SqliteCompileOptions,
  type SqliteCompileResult,
} from './sqlite-compiler.js';
export { translateQuery, type Dialect, type TranslateResult } from './translate.js';

/**
 * Every diagnostic for a query: syntax and meaning, and — given the store's database — whether its
 * wildcards stay within the expansion limit there.
 */
export function lintQuery(text: string, db?: Database.Database): Diagnostic[] {
  const parsed = parseQuery(text);
  if (!parsed.ast || !db) return parsed.diagnostics;
  return [...parsed.diagnostics, ...compileSqlite(parsed.ast, db, { text }).diagnostics];
}

/** Parses or throws a QueryError with the diagnostics. */
export function parseQueryOrThrow(text: string): QueryNode {
  const parsed = parseQuery(text);
  if (!parsed.ast) throw new QueryError(parsed.diagnostics, text);
  return parsed.ast;
}

/** Whether one post matches a query (convenience; watches should use WatchMatcher). */
export function matchesPost(query: string | QueryNode, post: Post): boolean {
  const ast = typeof query === 'string' ? parseQueryOrThrow(query) : query;
  const tokens = post.tokens.length > 0 || post.text === '' ? post.tokens : tokenize(post.text);
  return compileMatcher(ast).matches(prepareForMatching(post, tokens));
}

/**
 * The query language bound to a store's database, in the shape the HTTP server takes
 * (src/server/deps.ts QueryLanguage): lint, an exact compiled WHERE over `posts p`, and matching.
 */
export function createQueryLanguage(db?: Database.Database): {
  lint(query: string): Diagnostic[];
  compileSqlite(query: string): { where: string; params: unknown[] };
  matches(query: string, post: Post): boolean;
} {
  return {
    lint: (query) => lintQuery(query, db),
    compileSqlite: (query) => {
      const ast = parseQueryOrThrow(query);
      const c = compileSqlite(ast, db, { text: query });
      if (!c.compiled) throw new QueryError(c.diagnostics, query);
      return { where: c.compiled.where, params: c.compiled.params };
    },
    matches: (query, post) => matchesPost(query, post),
  };
}
