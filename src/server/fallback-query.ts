import { fold, tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';
import { ftsQuote } from '../store/sqlite/sqlite-store.js';
import type { CompiledSqlite, QueryDiagnostic, QueryLanguage } from './deps.js';

/**
 * A stand-in for the watch query language (src/query) so the server runs before it lands:
 *
 *   query  := group+                 groups are ANDed
 *   group  := item (OR item)*
 *   item   := [NOT | -] atom
 *   atom   := word | word* | "phrase" | #tag | field:value
 *   field  := lang | platform | source | domain | has (has:link)
 *
 * No parentheses and no NEAR: the real language replaces this through ServerDeps.query.
 */

type Atom =
  | { kind: 'text'; tokens: string[]; prefix: boolean }
  | { kind: 'tag'; value: string }
  | { kind: 'field'; field: 'lang' | 'platform' | 'source' | 'domain' | 'has'; value: string };

interface Item {
  atom: Atom;
  negated: boolean;
}

const FIELDS = new Set(['lang', 'platform', 'source', 'domain', 'has']);
const LEXEME = /"([^"]*)"?|\S+/g;

export class FallbackQueryError extends Error {
  override name = 'FallbackQueryError';
  constructor(readonly diagnostics: QueryDiagnostic[]) {
    super(diagnostics.map((d) => `column ${d.start + 1}: ${d.message}`).join('; '));
  }
}

function parse(query: string): { groups: Item[][]; diagnostics: QueryDiagnostic[] } {
  const diagnostics: QueryDiagnostic[] = [];
  const groups: Item[][] = [];
  let pendingOr = false;
  let negateNext = false;
  let negStart = 0;
  if (!query.trim()) diagnostics.push({ severity: 'error', message: 'empty query', start: 0, end: Math.max(query.length, 1) });
  for (const m of query.matchAll(LEXEME)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const end = start + raw.length;
    if (raw === 'OR') {
      if (groups.length === 0 || pendingOr) diagnostics.push({ severity: 'error', message: 'OR needs a term on each side', start, end });
      pendingOr = true;
      continue;
    }
    if (raw === 'AND') continue;
    if (raw === 'NOT') {
      negateNext = true;
      negStart = start;
      continue;
    }
    let text = raw;
    let negated = negateNext;
    negateNext = false;
    if (text.startsWith('-') && text.length > 1) {
      negated = true;
      text = text.slice(1);
    }
    let atom: Atom | undefined;
    if (text.startsWith('"')) {
      if (!raw.endsWith('"') || raw.length < 2) diagnostics.push({ severity: 'error', message: 'unclosed quote', start, end });
      const tokens = tokenize(m[1] ?? '');
      if (tokens.length === 0) diagnostics.push({ severity: 'error', message: 'empty phrase', start, end });
      else atom = { kind: 'text', tokens, prefix: false };
    } else if (text.startsWith('#') && text.length > 1) {
      atom = { kind: 'tag', value: fold(text.slice(1)) };
    } else if (/^[a-z]+:/i.test(text)) {
      const colon = text.indexOf(':');
      const field = text.slice(0, colon).toLowerCase();
      const value = text.slice(colon + 1);
      if (!FIELDS.has(field)) {
        diagnostics.push({ severity: 'error', message: `unknown field "${field}" (lang, platform, source, domain, has)`, start, end: start + colon });
      } else if (!value) {
        diagnostics.push({ severity: 'error', message: `${field}: needs a value`, start, end });
      } else if (field === 'has' && value !== 'link') {
        diagnostics.push({ severity: 'error', message: 'has: supports only has:link', start: start + colon + 1, end });
      } else {
        atom = { kind: 'field', field: field as 'lang', value: field === 'domain' ? value.toLowerCase().replace(/^www\./, '') : value.toLowerCase() };
      }
    } else {
      const prefix = text.endsWith('*');
      const tokens = tokenize(prefix ? text.slice(0, -1) : text);
      if (tokens.length === 0) diagnostics.push({ severity: 'warning', message: `"${text}" has no searchable word`, start, end });
      else atom = { kind: 'text', tokens, prefix };
    }
    if (!atom) {
      pendingOr = false;
      continue;
    }
    const item = { atom, negated };
    if (pendingOr && groups.length > 0) groups[groups.length - 1].push(item);
    else groups.push([item]);
    pendingOr = false;
  }
  if (pendingOr) diagnostics.push({ severity: 'error', message: 'OR at the end of the query', start: Math.max(0, query.trimEnd().length - 2), end: query.trimEnd().length });
  if (negateNext) diagnostics.push({ severity: 'error', message: 'NOT needs a term after it', start: negStart, end: negStart + 3 });
  if (diagnostics.length === 0 && groups.length > 0 && groups.every((g) => g.every((i) => i.negated))) {
    diagnostics.push({ severity: 'error', message: 'a query needs at least one term that is not negated', start: 0, end: query.length });
  }
  return { groups, diagnostics };
}

function atomSql(atom: Atom, params: unknown[]): string {
  switch (atom.kind) {
    case 'text': {
      const phrase = atom.tokens.map(ftsQuote).join(' + ');
      params.push(atom.prefix ? `${phrase} *` : phrase);
      return 'p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)';
    }
    case 'tag':
      params.push(atom.value);
      return "EXISTS (SELECT 1 FROM post_entities e WHERE e.kind = 'h' AND e.value = ? AND e.post = p.rowid)";
    case 'field':
      if (atom.field === 'has') return "p.links <> '[]'";
      if (atom.field === 'domain') {
        params.push(atom.value);
        return "EXISTS (SELECT 1 FROM post_entities e WHERE e.kind = 'd' AND e.value = ? AND e.post = p.rowid)";
      }
      params.push(atom.value);
      return `p.${atom.field} = ?`;
  }
}

function atomMatches(atom: Atom, post: Post): boolean {
  switch (atom.kind) {
    case 'text': {
      const t = post.tokens;
      const n = atom.tokens.length;
      for (let i = 0; i + n <= t.length; i++) {
        let ok = true;
        for (let j = 0; j < n && ok; j++) {
          const last = j === n - 1;
          ok = last && atom.prefix ? t[i + j].startsWith(atom.tokens[j]) : t[i + j] === atom.tokens[j];
        }
        if (ok) return true;
      }
      return false;
    }
    case 'tag':
      return post.hashtags.includes(atom.value);
    case 'field':
      if (atom.field === 'has') return post.links.length > 0;
      if (atom.field === 'domain') return post.domains.includes(atom.value);
      return post[atom.field].toLowerCase() === atom.value;
  }
}

export const fallbackQueryLanguage: QueryLanguage = {
  lint(query: string): QueryDiagnostic[] {
    return parse(query).diagnostics;
  },
  compileSqlite(query: string): CompiledSqlite {
    const { groups, diagnostics } = parse(query);
    if (diagnostics.some((d) => d.severity === 'error')) throw new FallbackQueryError(diagnostics.filter((d) => d.severity === 'error'));
    const params: unknown[] = [];
    const parts = groups.map((g) => `(${g.map((i) => (i.negated ? `NOT (${atomSql(i.atom, params)})` : atomSql(i.atom, params))).join(' OR ')})`);
    return { where: parts.length ? parts.join(' AND ') : '1', params };
  },
  matches(query: string, post: Post): boolean {
    const { groups, diagnostics } = parse(query);
    if (diagnostics.some((d) => d.severity === 'error')) return false;
    return groups.every((g) => g.some((i) => atomMatches(i.atom, post) !== i.negated));
  },
};
