import type Database from 'better-sqlite3';
import { tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';
import { compileMatcher, type Matcher, prepareForMatching } from '../query/matcher.js';
import { parseQuery } from '../query/parser.js';
import { compileQuery } from '../store/sqlite/watches.js';
import type { CompiledSqlite, QueryDiagnostic, QueryLanguage } from './deps.js';

/** The watch query language (src/query) as the server uses it, compiled against one SQLite store. */
export function sqliteQueryLanguage(db: Database.Database): QueryLanguage {
  const matchers = new Map<string, Matcher | null>();
  const matcherOf = (query: string): Matcher | null => {
    let m = matchers.get(query);
    if (m === undefined) {
      const parsed = parseQuery(query);
      m = parsed.ast ? compileMatcher(parsed.ast) : null;
      if (matchers.size > 1000) matchers.clear();
      matchers.set(query, m);
    }
    return m;
  };
  return {
    lint(query: string): QueryDiagnostic[] {
      return parseQuery(query).diagnostics.map((d) => ({
        severity: d.severity,
        message: d.hint ? `${d.message} (${d.hint})` : d.message,
        start: d.start,
        end: Math.max(d.end, d.start + 1),
      }));
    },
    compileSqlite(query: string): CompiledSqlite {
      const c = compileQuery(db, query);
      return { where: c.where, params: c.params };
    },
    matches(query: string, post: Post): boolean {
      const m = matcherOf(query);
      return m ? m.matches(prepareForMatching(post, post.tokens.length ? post.tokens : tokenize(post.text))) : false;
    },
  };
}
