/**
 * All watches' matchers behind one prefilter. Each watch gets an anchor set — tokens (or 2-character
 * prefixes, for wildcards) such that a matching post must contain at least one of them — computed
 * from its AST. Per post, only the watches whose anchors occur in it are evaluated, plus those that
 * have no anchor (pure field filters, negations).
 */
import type { Post } from '../model/post.js';
import type { QueryNode, TextNode, WordPattern } from './ast.js';
import { QueryError } from './diagnostics.js';
import { compileMatcher, prepareForMatching, type Matcher, type PreparedPost } from './matcher.js';
import { parseQuery } from './parser.js';

/** A token, or (`prefix: true`) the first two characters of any token a wildcard matches. */
interface Anchor {
  key: string;
  prefix: boolean;
}

const PREFIX_CHARS = 2;

function firstChars(s: string, n: number): string {
  let out = '';
  let count = 0;
  for (const ch of s) {
    if (count++ === n) break;
    out += ch;
  }
  return out;
}

function wordAnchor(w: WordPattern): Anchor {
  if (w.kind === 'exact') return { key: w.token, prefix: false };
  return { key: firstChars(w.kind === 'prefix' ? w.prefix : w.prefix, PREFIX_CHARS), prefix: true };
}

function textAnchor(node: TextNode): Anchor {
  // Prefer the longest exact word (a cheap stand-in for the rarest).
  let best: WordPattern | undefined;
  for (const w of node.words) {
    if (w.kind !== 'exact') continue;
    if (!best || (best.kind === 'exact' && w.token.length > best.token.length)) best = w;
  }
  return wordAnchor(best ?? node.words[0]);
}

/** Anchors of a node, or undefined when a match needs none of the post's tokens. */
export function anchorsOf(node: QueryNode): Anchor[] | undefined {
  switch (node.type) {
    case 'text':
      return [textAnchor(node)];
    case 'near': {
      const l = node.left.map(textAnchor);
      const r = node.right.map(textAnchor);
      return l.length <= r.length ? l : r;
    }
    case 'field':
    case 'not':
      return undefined;
    case 'and': {
      let best: Anchor[] | undefined;
      for (const c of node.children) {
        const a = anchorsOf(c);
        if (a && (!best || a.length < best.length)) best = a;
      }
      return best;
    }
    case 'or': {
      const all: Anchor[] = [];
      for (const c of node.children) {
        const a = anchorsOf(c);
        if (!a) return undefined;
        all.push(...a);
      }
      return all;
    }
  }
}

interface Entry {
  id: number;
  rev: number;
  matcher: Matcher;
  anchors: Anchor[] | undefined;
  stamp: number;
}

/**
 * Holds the compiled matchers of all watches and tells which watches a post matches. Add, replace
 * and remove watches at any time; `match` is safe to call between them.
 */
export class WatchMatcher {
  private readonly entries = new Map<number, Entry>();
  private readonly byToken = new Map<string, Entry[]>();
  private readonly byPrefix = new Map<string, Entry[]>();
  private unanchored: Entry[] = [];
  private stamp = 0;

  /**
   * Adds or replaces watch `id`. `query` is query text or a parsed AST; text with errors throws a
   * QueryError carrying the diagnostics. `rev` is the watch's revision in the store (see
   * store/sqlite/watches.ts), echoed by `revisions()`.
   */
  add(id: number, query: string | QueryNode, rev = 1): void {
    let ast: QueryNode;
    if (typeof query === 'string') {
      const parsed = parseQuery(query);
      if (!parsed.ast) throw new QueryError(parsed.diagnostics, query);
      ast = parsed.ast;
    } else ast = query;
    this.remove(id);
    const entry: Entry = { id, rev, matcher: compileMatcher(ast), anchors: anchorsOf(ast), stamp: 0 };
    this.entries.set(id, entry);
    if (!entry.anchors) {
      this.unanchored.push(entry);
      return;
    }
    const seen = new Set<string>();
    for (const a of entry.anchors) {
      const key = (a.prefix ? 'p' : 't') + a.key;
      if (seen.has(key)) continue;
      seen.add(key);
      const index = a.prefix ? this.byPrefix : this.byToken;
      const list = index.get(a.key);
      if (list) list.push(entry);
      else index.set(a.key, [entry]);
    }
  }

  remove(id: number): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    if (!entry.anchors) {
      this.unanchored = this.unanchored.filter((e) => e !== entry);
      return true;
    }
    for (const a of entry.anchors) {
      const index = a.prefix ? this.byPrefix : this.byToken;
      const list = index.get(a.key);
      if (!list) continue;
      const rest = list.filter((e) => e !== entry);
      if (rest.length) index.set(a.key, rest);
      else index.delete(a.key);
    }
    return true;
  }

  has(id: number): boolean {
    return this.entries.has(id);
  }

  get size(): number {
    return this.entries.size;
  }

  ids(): number[] {
    return [...this.entries.keys()];
  }

  /** Watch id → the revision this matcher compiled (what recordMatches needs to know). */
  revisions(): Map<number, number> {
    const out = new Map<number, number>();
    for (const e of this.entries.values()) out.set(e.id, e.rev);
    return out;
  }

  /** Ids of the watches a prepared post matches, ascending. */
  match(post: PreparedPost): number[] {
    const stamp = ++this.stamp;
    const out: number[] = [];
    const consider = (e: Entry): void => {
      if (e.stamp === stamp) return;
      e.stamp = stamp;
      if (e.matcher.matches(post)) out.push(e.id);
    };
    for (const e of this.unanchored) consider(e);
    const usePrefixes = this.byPrefix.size > 0;
    for (const token of post.distinct) {
      const list = this.byToken.get(token);
      if (list) for (const e of list) consider(e);
      if (usePrefixes) {
        const plist = this.byPrefix.get(firstChars(token, PREFIX_CHARS));
        if (plist) for (const e of plist) consider(e);
      }
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    return out;
  }

  /** Convenience for one post: prepares it and matches. */
  matchPost(post: Post): number[] {
    return this.match(prepareForMatching(post));
  }
}
