/**
 * The typed AST of tidewatch's query language. Values in it are already normalised the way posts
 * are (folded tokens, lower-case codes, ASCII domains), so the streaming matcher and the store
 * compilers compare like with like and never re-interpret user text.
 */

/** A range of the query text, as UTF-16 offsets (`end` exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * One word of a term or phrase.
 * - `exact`: a folded token.
 * - `prefix`: `climat*` — any token starting with `prefix`.
 * - `pattern`: `wom?n`, `colo?r*` — `?` stands for exactly one character (code point), a final `*`
 *   for any rest; `prefix` is the literal text before the first wildcard.
 */
export type WordPattern =
  | { kind: 'exact'; token: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'pattern'; pattern: string; prefix: string };

/**
 * Words that must occur as consecutive tokens: one word is a term, several a phrase. A bare term
 * that our tokenizer splits (`e-mail`, `北京天气`) is a phrase with `quoted: false`.
 */
export interface TextNode {
  type: 'text';
  words: WordPattern[];
  quoted: boolean;
  span: Span;
}

/**
 * `left NEAR/n right`: an occurrence of one of `left` and one of `right` with at most `distance`
 * tokens between the end of the one that starts first and the start of the other (overlap allowed).
 * Ordered (`NEAR/nf`): a `left` occurrence ends before a `right` one starts, at most `distance`
 * tokens between them.
 */
export interface NearNode {
  type: 'near';
  left: TextNode[];
  right: TextNode[];
  distance: number;
  ordered: boolean;
  span: Span;
}

export const FIELD_NAMES = ['lang', 'platform', 'source', 'domain', 'url', 'hashtag', 'mention', 'has', 'is', 'sentiment'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const HAS_VALUES = ['link', 'hashtag', 'mention'] as const;
export const IS_VALUES = ['repost', 'reply', 'quote'] as const;
export const SENTIMENT_VALUES = ['negative', 'neutral', 'positive'] as const;

/**
 * A filter on a post's metadata or entities. `value` is normalised: `lang`/`platform` lower case,
 * `domain` ASCII (punycode) without `www.`, `hashtag` folded, `mention` lower case, `has`/`is`/
 * `sentiment` one of the listed values; `source` and `url` as written.
 */
export interface FieldNode {
  type: 'field';
  field: FieldName;
  value: string;
  span: Span;
}

export interface NotNode {
  type: 'not';
  child: QueryNode;
  span: Span;
}

export interface AndNode {
  type: 'and';
  children: QueryNode[];
  span: Span;
}

export interface OrNode {
  type: 'or';
  children: QueryNode[];
  span: Span;
}

export type QueryNode = TextNode | NearNode | FieldNode | NotNode | AndNode | OrNode;

/** Whether a word of a term or phrase matches a folded token. The one definition both sides use. */
export function wordMatches(word: WordPattern, token: string): boolean {
  switch (word.kind) {
    case 'exact':
      return token === word.token;
    case 'prefix':
      return token.startsWith(word.prefix);
    case 'pattern':
      return patternRegExp(word.pattern).test(token);
  }
}

const patternCache = new Map<string, RegExp>();

/** The anchored regular expression of a `?`/`*` pattern (`?` = one code point). */
export function patternRegExp(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    let source = '^';
    for (const ch of pattern) {
      if (ch === '?') source += '[^]';
      else if (ch === '*') source += '[^]*';
      else source += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    }
    re = new RegExp(`${source}$`, 'u');
    if (patternCache.size > 10_000) patternCache.clear();
    patternCache.set(pattern, re);
  }
  return re;
}
