/**
 * The streaming matcher: an AST compiled once into closures, run against a post prepared once
 * (token → positions) and shared by every watch. Its semantics are the reference the store
 * compilers must reproduce exactly; see ast.ts for NEAR.
 */
import type { Post } from '../model/post.js';
import type { FieldNode, NearNode, QueryNode, TextNode, WordPattern } from './ast.js';
import { patternRegExp } from './ast.js';

/** A post with the per-post index the matchers need, built once and shared by all watches. */
export interface PreparedPost {
  readonly post: Post;
  readonly tokens: readonly string[];
  /** Token → its first position in `tokens`. */
  readonly first: ReadonlyMap<string, number>;
  /** Position → the next position of the same token, or -1. */
  readonly next: Int32Array;
  /** The distinct tokens (the keys of `first`). */
  readonly distinct: readonly string[];
}

export interface Matcher {
  matches(post: PreparedPost): boolean;
}

type Predicate = (p: PreparedPost) => boolean;
type TokenTest = (token: string) => boolean;

/**
 * Index a post for matching. `tokens` defaults to `post.tokens` (the tokenizer's output, which the
 * full-text index also holds); pass `tokenize(post.text)` for a post read back from the store.
 * One Map and one typed array per post: positions of a token are a chain through `next`.
 */
export function prepareForMatching(post: Post, tokens: readonly string[] = post.tokens): PreparedPost {
  // Walk backwards: the position seen last for a token is its first, and the one seen before it
  // is the next occurrence.
  const first = new Map<string, number>();
  const next = new Int32Array(tokens.length);
  const distinct: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    const later = first.get(t);
    if (later === undefined) {
      next[i] = -1;
      distinct.push(t);
    } else next[i] = later;
    first.set(t, i);
  }
  return { post, tokens, first, next, distinct };
}

/** Positions of a token in a prepared post, ascending. */
export function positionsOf(p: PreparedPost, token: string): number[] {
  const out: number[] = [];
  for (let i = p.first.get(token) ?? -1; i !== -1; i = p.next[i]) out.push(i);
  return out;
}

function tokenTest(word: WordPattern): TokenTest {
  switch (word.kind) {
    case 'exact': {
      const t = word.token;
      return (token) => token === t;
    }
    case 'prefix': {
      const prefix = word.prefix;
      return (token) => token.startsWith(prefix);
    }
    case 'pattern': {
      const re = patternRegExp(word.pattern);
      const prefix = word.prefix;
      return (token) => token.startsWith(prefix) && re.test(token);
    }
  }
}

/** Start positions of a term or phrase in a prepared post (ascending). */
function compileOccurrences(node: TextNode): (p: PreparedPost) => number[] {
  const words = node.words;
  const tests = words.map(tokenTest);
  const first = words[0];
  const rest = tests.slice(1);
  const len = words.length;
  const firstStarts =
    first.kind === 'exact'
      ? (p: PreparedPost): readonly number[] => positionsOf(p, first.token)
      : (p: PreparedPost): readonly number[] => {
          const out: number[] = [];
          const test = tests[0];
          for (let i = 0; i < p.tokens.length; i++) if (test(p.tokens[i])) out.push(i);
          return out;
        };
  return (p) => {
    const starts = firstStarts(p);
    if (len === 1) return starts as number[];
    const out: number[] = [];
    const toks = p.tokens;
    for (const s of starts) {
      if (s + len > toks.length) break;
      let ok = true;
      for (let k = 0; k < rest.length; k++) {
        if (!rest[k](toks[s + 1 + k])) {
          ok = false;
          break;
        }
      }
      if (ok) out.push(s);
    }
    return out;
  };
}

function compileText(node: TextNode): Predicate {
  const words = node.words;
  if (words.length === 1) {
    const w = words[0];
    if (w.kind === 'exact') {
      const t = w.token;
      return (p) => p.first.has(t);
    }
    const test = tokenTest(w);
    return (p) => {
      for (const t of p.distinct) if (test(t)) return true;
      return false;
    };
  }
  const occurrences = compileOccurrences(node);
  // Quick reject: every exact word of the phrase must be present.
  const required = words.filter((w): w is { kind: 'exact'; token: string } => w.kind === 'exact').map((w) => w.token);
  return (p) => {
    for (const t of required) if (!p.first.has(t)) return false;
    return occurrences(p).length > 0;
  };
}

function compileNear(node: NearNode): Predicate {
  const side = (alts: TextNode[]) => alts.map((a) => ({ occurrences: compileOccurrences(a), len: a.words.length }));
  const left = side(node.left);
  const right = side(node.right);
  const n = node.distance;
  const ordered = node.ordered;
  return (p) => {
    const rs: { starts: number[]; len: number }[] = [];
    for (const r of right) {
      const starts = r.occurrences(p);
      if (starts.length) rs.push({ starts, len: r.len });
    }
    if (rs.length === 0) return false;
    for (const l of left) {
      const ls = l.occurrences(p);
      for (const a of ls) {
        const aEnd = a + l.len;
        for (const r of rs) {
          for (const b of r.starts) {
            if (ordered) {
              if (b >= aEnd && b - aEnd <= n) return true;
            } else if (a <= b ? b - aEnd <= n : a - (b + r.len) <= n) {
              return true;
            }
          }
        }
      }
    }
    return false;
  };
}

/** ASCII-only lower case: the comparison SQLite's NOCASE collation makes. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Link prefixes a `url:` value stands for: as written when it has a scheme, else http(s) with and without www. */
export function urlPrefixes(value: string): string[] {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return [value];
  const bare = value.replace(/^\/\//, '');
  return [`http://${bare}`, `https://${bare}`, `http://www.${bare}`, `https://www.${bare}`];
}

function compileField(node: FieldNode): Predicate {
  const v = node.value;
  switch (node.field) {
    case 'lang':
      return (p) => p.post.lang === v;
    case 'platform':
      return (p) => p.post.platform === v;
    case 'source': {
      const lower = asciiLower(v);
      return (p) => asciiLower(p.post.source) === lower;
    }
    case 'domain': {
      const suffix = `.${v}`;
      return (p) => p.post.domains.some((d) => d === v || d.endsWith(suffix));
    }
    case 'url': {
      const prefixes = urlPrefixes(v);
      return (p) => p.post.links.some((l) => prefixes.some((pre) => l.startsWith(pre)));
    }
    case 'hashtag':
      return (p) => p.post.hashtags.includes(v);
    case 'mention':
      return (p) => p.post.mentions.includes(v);
    case 'has':
      if (v === 'link') return (p) => p.post.links.length > 0;
      if (v === 'hashtag') return (p) => p.post.hashtags.length > 0;
      return (p) => p.post.mentions.length > 0;
    case 'is':
      if (v === 'repost') return (p) => !!p.post.repostOf;
      if (v === 'reply') return (p) => !!p.post.replyTo;
      return (p) => !!p.post.quoteOf;
    case 'sentiment':
      return (p) => p.post.sentiment?.label === v;
  }
}

/** Rough cost of evaluating a node, to test cheap conditions first inside AND/OR. */
function cost(node: QueryNode): number {
  switch (node.type) {
    case 'field':
      return node.field === 'url' || node.field === 'domain' ? 2 : 1;
    case 'text':
      return node.words.length === 1 && node.words[0].kind === 'exact' ? 1 : node.words.every((w) => w.kind === 'exact') ? 3 : 6;
    case 'near':
      return 10;
    case 'not':
      return cost(node.child);
    case 'and':
    case 'or':
      return node.children.reduce((s, c) => s + cost(c), 0);
  }
}

function compileNode(node: QueryNode): Predicate {
  switch (node.type) {
    case 'text':
      return compileText(node);
    case 'near':
      return compileNear(node);
    case 'field':
      return compileField(node);
    case 'not': {
      const child = compileNode(node.child);
      return (p) => !child(p);
    }
    case 'and': {
      const preds = [...node.children].sort((a, b) => cost(a) - cost(b)).map(compileNode);
      if (preds.length === 2) {
        const [a, b] = preds;
        return (p) => a(p) && b(p);
      }
      return (p) => {
        for (const f of preds) if (!f(p)) return false;
        return true;
      };
    }
    case 'or': {
      const preds = [...node.children].sort((a, b) => cost(a) - cost(b)).map(compileNode);
      if (preds.length === 2) {
        const [a, b] = preds;
        return (p) => a(p) || b(p);
      }
      return (p) => {
        for (const f of preds) if (f(p)) return true;
        return false;
      };
    }
  }
}

/** Compiles a query AST into a matcher for prepared posts. */
export function compileMatcher(ast: QueryNode): Matcher {
  const pred = compileNode(ast);
  return { matches: pred };
}
