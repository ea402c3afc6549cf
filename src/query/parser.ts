/*
 * tidewatch query language — grammar (EBNF; operators are upper case, fields are case-insensitive)
 *
 *   query    = or EOF ;
 *   or       = and { "OR" and } ;
 *   and      = unary { [ "AND" ] unary } ;            (* juxtaposition is AND *)
 *   unary    = ( "NOT" | "-" ) unary | near ;
 *   near     = primary [ NEAR primary ] ;             (* NEAR/n or NEAR/nf, n = 0..100 *)
 *   primary  = "(" or ")" | PHRASE | WORD | FIELD | HASHTAG | MENTION ;
 *
 *   PHRASE   = '"' { any but '"' } '"' ;              (* also “…” „…“ ＂…＂ *)
 *   WORD     = { any but space ( ) " ~ } ;            (* may hold ? and a final * *)
 *   FIELD    = name ":" ( WORD | PHRASE ) ;           (* lang: platform: source: domain: url: has: is: sentiment: *)
 *   HASHTAG  = "#" name ;  MENTION = "@" name ;
 *
 * Precedence, tightest first: NEAR, NOT/-, AND (explicit or implicit), OR. So
 * `a b OR c` is `(a AND b) OR c`, `NOT a NEAR/3 b` is `NOT (a NEAR/3 b)`, and `a -b` is
 * `a AND NOT b`. A NEAR operand is a term, a phrase, or a parenthesised OR of those.
 *
 * Words are tokenised and folded by the same tokenizer as posts: a word the tokenizer splits
 * (`e-mail`, `北京天气`) becomes a phrase. Lower-case `and`/`or`/`not` are words (with a warning).
 * The parser never throws: every problem becomes a diagnostic with its position, and the AST is
 * returned only when there is no error.
 */
import { KNOWN_PLATFORMS } from '../model/post.js';
import { fold, tokenize } from '../enrich/tokenize.js';
import { domainToASCII } from 'node:url';
import type { FieldName, FieldNode, NearNode, QueryNode, Span, TextNode, WordPattern } from './ast.js';
import { FIELD_NAMES } from './ast.js';
import { DiagnosticSink, type Diagnostic } from './diagnostics.js';
import { lex, type LexToken } from './lexer.js';

export interface ParseResult {
  /** Present when there is no error (warnings allowed). */
  ast?: QueryNode;
  diagnostics: Diagnostic[];
}

/** Deepest nesting of groups and negations; FTS5's own parser gives up not far above this. */
export const MAX_DEPTH = 16;
export const MAX_NEAR_DISTANCE = 100;
export const MAX_QUERY_LENGTH = 20_000;

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', spanish: 'es', french: 'fr', german: 'de', arabic: 'ar', persian: 'fa', farsi: 'fa', uyghur: 'ug',
  uighur: 'ug', russian: 'ru', chinese: 'zh', mandarin: 'zh', japanese: 'ja', thai: 'th', hindi: 'hi', portuguese: 'pt',
  italian: 'it', korean: 'ko', turkish: 'tr', ukrainian: 'uk', dutch: 'nl', polish: 'pl', urdu: 'ur', bengali: 'bn',
  indonesian: 'id', vietnamese: 'vi', hebrew: 'he', greek: 'el', swedish: 'sv',
};
const PEOPLE_FIELDS = new Set(['author', 'authors', 'from', 'by', 'user', 'username', 'handle', 'screen_name', 'authorgender', 'gender', 'followers', 'authorfollowers', 'verified', 'authorverified', 'profile', 'bio', 'name']);
const LOCATION_FIELDS = new Set(['country', 'region', 'city', 'continent', 'location', 'geo', 'near_place', 'place']);
const TITLE_FIELDS = new Set(['title', 'headline', 'ingress', 'subject']);
const FIELD_HINTS: Record<string, string> = {
  language: 'lang', lng: 'lang', site: 'domain', host: 'domain', links: 'url', link: 'url', tag: 'hashtag', hashtags: 'hashtag',
  mentions: 'mention', feed: 'source', network: 'platform', pagetype: 'platform', sentiments: 'sentiment', tone: 'sentiment',
};
const HASHTAG_BODY = /^[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*$/u;
const MENTION_BODY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.@-]*[\p{L}\p{N}_])?$/u;

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

function closest(word: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestD = maxDistance + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const grouped = new WeakSet<QueryNode>();

class Parser {
  private pos = 0;
  private depth = 0;
  private abandoned = false;

  constructor(
    private readonly text: string,
    private readonly tokens: LexToken[],
    private readonly sink: DiagnosticSink,
  ) {}

  private peek(): LexToken {
    return this.tokens[this.pos];
  }
  private next(): LexToken {
    const t = this.tokens[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  private startsOperand(t: LexToken): boolean {
    return t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'not' || t.kind === 'minus' || t.kind === 'field' || t.kind === 'hashtag' || t.kind === 'mention';
  }
  private placeholder(span: Span): QueryNode {
    return { type: 'and', children: [], span };
  }

  parseQuery(): QueryNode {
    let node = this.parseOr();
    for (;;) {
      while (this.peek().kind === 'rparen' || this.peek().kind === 'bad') {
        const t = this.next();
        if (t.kind === 'rparen') this.sink.error('unbalanced-paren', t.start, t.end, '`)` has no matching `(`', 'remove it, or add `(` where the group starts');
      }
      if (this.peek().kind === 'eof' || this.abandoned) return node;
      const before = this.pos;
      const more = this.parseOr();
      if (this.pos === before) this.next(); // cannot happen, but never loop forever
      node = { type: 'and', children: [node, more], span: { start: node.span.start, end: more.span.end } };
    }
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek().kind === 'or' && !this.abandoned) {
      const op = this.next();
      if (!this.startsOperand(this.peek())) {
        this.danglingRight(op);
        break;
      }
      children.push(this.parseAnd());
    }
    if (children.length === 1) return children[0];
    const ambiguous = children.find((c) => c.type === 'and' && c.children.length > 1 && !grouped.has(c));
    if (ambiguous) {
      const shown = children.map((c) => (c.type === 'and' && !grouped.has(c) ? `(${this.text.slice(c.span.start, c.span.end)})` : this.text.slice(c.span.start, c.span.end)));
      this.sink.warn(
        'mixed-and-or',
        ambiguous.span.start,
        ambiguous.span.end,
        `AND binds tighter than OR: this reads as ${shown.join(' OR ')}`,
        'add parentheses to say which you mean, or quotes for an exact phrase',
      );
    }
    return { type: 'or', children, span: { start: children[0].span.start, end: children[children.length - 1].span.end } };
  }

  private danglingRight(op: LexToken): void {
    const name = op.kind === 'minus' ? '`-`' : op.text;
    this.sink.error('dangling-operator', op.start, op.end, `${name} needs a query on its right`, `remove ${name}, or add what it should combine`);
  }

  /** Skips binary operators that have nothing on their left (`AND x`, `x AND OR y`). */
  private skipDanglingLeft(): void {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'and' || t.kind === 'or' || t.kind === 'near') {
        this.sink.error('dangling-operator', t.start, t.end, `${t.text} needs a query on its left`, `remove ${t.text}, or add what it should combine`);
        this.next();
      } else if (t.kind === 'bad') {
        this.next();
      } else return;
    }
  }

  private parseAnd(): QueryNode {
    this.skipDanglingLeft();
    const children = [this.parseUnary()];
    for (;;) {
      if (this.abandoned) break;
      const t = this.peek();
      if (t.kind === 'and') {
        this.next();
        if (!this.startsOperand(this.peek())) {
          if (this.peek().kind === 'and' || this.peek().kind === 'near') {
            this.skipDanglingLeft();
            if (!this.startsOperand(this.peek())) break;
          } else {
            this.danglingRight(t);
            break;
          }
        }
        children.push(this.parseUnary());
      } else if (this.startsOperand(t)) {
        children.push(this.parseUnary());
      } else if (t.kind === 'bad') {
        this.next();
      } else if (t.kind === 'near') {
        this.sink.error('near-operand', t.start, t.end, `${t.text} joins two words or phrases, but the word before it is already part of something else`, 'write (a NEAR/5 b) with a word or phrase on each side');
        this.next();
      } else break;
    }
    if (children.length === 1) return children[0];
    return { type: 'and', children, span: { start: children[0].span.start, end: children[children.length - 1].span.end } };
  }

  private enter(t: LexToken): boolean {
    if (this.depth >= MAX_DEPTH) {
      this.sink.error('too-deep', t.start, t.end, `the query nests deeper than ${MAX_DEPTH} levels`, 'flatten it: a OR b OR c needs no parentheses');
      this.abandoned = true;
      this.pos = this.tokens.length - 1;
      return false;
    }
    this.depth++;
    return true;
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t.kind === 'not' || t.kind === 'minus') {
      this.next();
      const operand = this.peek();
      if (!this.startsOperand(operand)) {
        this.danglingRight(t);
        return this.placeholder({ start: t.start, end: t.end });
      }
      if (t.kind === 'minus' && operand.spaceBefore) {
        this.sink.error('dangling-operator', t.start, t.end, '`-` must touch the word it excludes', `write -${operand.text} without a space, or NOT ${operand.text}`);
      }
      if (!this.enter(t)) return this.placeholder({ start: t.start, end: t.end });
      const child = this.parseUnary();
      this.depth--;
      return { type: 'not', child, span: { start: t.start, end: child.span.end } };
    }
    return this.parseNear();
  }

  private parseNear(): QueryNode {
    const left = this.parsePrimary();
    const op = this.peek();
    if (op.kind !== 'near' || this.abandoned) return left;
    this.next();
    if (op.distance === undefined) {
      this.sink.error('near-distance', op.start, op.end, 'NEAR needs a distance', 'write NEAR/5 for at most 5 words apart, or NEAR/5f to also keep the order');
    } else if (op.distance > MAX_NEAR_DISTANCE) {
      this.sink.error('near-distance', op.start, op.end, `NEAR/${op.distance} is too far: the largest distance is ${MAX_NEAR_DISTANCE}`, 'for words anywhere in the same post use AND');
    }
    if (!this.startsOperand(this.peek())) {
      this.danglingRight(op);
      return left;
    }
    const right = this.peek().kind === 'not' || this.peek().kind === 'minus' ? this.parseUnary() : this.parsePrimary();
    const leftAlts = this.nearOperand(left, op);
    const rightAlts = this.nearOperand(right, op);
    let node: QueryNode = this.placeholder({ start: left.span.start, end: right.span.end });
    if (leftAlts && rightAlts && op.distance !== undefined && op.distance >= 0) {
      const near: NearNode = { type: 'near', left: leftAlts, right: rightAlts, distance: op.distance, ordered: op.ordered ?? false, span: { start: left.span.start, end: right.span.end } };
      node = near;
    }
    while (this.peek().kind === 'near') {
      const chained = this.next();
      this.sink.error('near-chain', chained.start, chained.end, 'NEAR joins exactly two operands', 'combine pairs instead: (a NEAR/5 b) AND (b NEAR/5 c)');
      if (this.startsOperand(this.peek())) this.parsePrimary();
    }
    return node;
  }

  /** The alternatives of a NEAR operand: a term/phrase, or an OR of them. */
  private nearOperand(node: QueryNode, op: LexToken): TextNode[] | undefined {
    const alts: TextNode[] = [];
    const collect = (n: QueryNode): boolean => {
      if (n.type === 'text') {
        alts.push(n);
        return true;
      }
      if (n.type === 'or') return n.children.every(collect);
      return false;
    };
    if (node.type === 'and' && node.children.length === 0) return undefined; // already reported
    if (collect(node)) return alts;
    const what = node.type === 'field' ? 'a field filter' : node.type === 'not' ? 'a negation' : node.type === 'near' ? 'another NEAR' : node.type === 'and' ? 'an AND group' : 'this';
    this.sink.error('near-operand', node.span.start, node.span.end, `${op.text} cannot take ${what}: its operands are words, phrases or (a OR b) groups of them`, 'move filters and AND outside: (a OR b) NEAR/5 c AND lang:en');
    return undefined;
  }

  private parsePrimary(): QueryNode {
    const t = this.next();
    const span = { start: t.start, end: t.end };
    switch (t.kind) {
      case 'word':
        return this.word(t) ?? this.placeholder(span);
      case 'phrase':
        return this.phrase(t) ?? this.placeholder(span);
      case 'field':
        return this.field(t) ?? this.placeholder(span);
      case 'hashtag':
        return this.hashtag(t) ?? this.placeholder(span);
      case 'mention':
        return this.mention(t) ?? this.placeholder(span);
      case 'not':
      case 'minus':
        this.pos--;
        return this.parseUnary();
      case 'lparen': {
        if (this.peek().kind === 'rparen') {
          const close = this.next();
          this.sink.error('empty-group', t.start, close.end, '`()` is empty', 'put a query inside the parentheses or remove them');
          return this.placeholder({ start: t.start, end: close.end });
        }
        if (!this.enter(t)) return this.placeholder(span);
        const inner = this.parseOr();
        this.depth--;
        if (this.peek().kind === 'rparen') {
          this.next();
          // A group is its content; remember it was parenthesised (for the AND/OR warning).
          grouped.add(inner);
        } else if (!this.abandoned) {
          this.sink.error('unbalanced-paren', t.start, t.end, '`(` is never closed', 'add `)` where the group ends');
        }
        return inner;
      }
      default:
        this.sink.error('dangling-operator', t.start, t.end, `unexpected ${t.text || 'end of query'}`);
        return this.placeholder(span);
    }
  }

  private word(t: LexToken): TextNode | undefined {
    const raw = t.text;
    const span = { start: t.start, end: t.end };
    if (/^(and|or|not)$/i.test(raw) || /^near(\/\S*)?$/i.test(raw)) {
      const upper = raw.toUpperCase();
      this.sink.warn('lowercase-operator', t.start, t.end, `\`${raw}\` is searched as a word; operators are upper case`, `write ${upper} for the operator, or "${raw}" to search the word without this warning`);
    }
    if (/[*?＊？]/.test(raw)) {
      const w = this.wildcard(raw, t.start);
      return w ? { type: 'text', words: [w], quoted: false, span } : undefined;
    }
    const tokens = tokenize(raw);
    if (tokens.length === 0) {
      let hint = 'search words, "phrases", #hashtags, @mentions or a field such as domain:';
      if (raw === '&&' || raw === '&') hint = 'write AND';
      else if (raw === '||' || raw === '|') hint = 'write OR';
      else if (raw === '!') hint = 'write NOT';
      else if (/^(https?:\/\/|www\.)/i.test(raw)) hint = `to match a link write url:${raw.replace(/^https?:\/\//i, '')}`;
      this.sink.error('no-words', t.start, t.end, `\`${raw}\` has nothing to search: no letters or digits`, hint);
      return undefined;
    }
    return { type: 'text', words: tokens.map((token) => ({ kind: 'exact', token })), quoted: false, span };
  }

  private wildcard(raw: string, start: number): WordPattern | undefined {
    const end = start + raw.length;
    const folded = fold(raw);
    const star = folded.indexOf('*');
    if (star !== -1 && star !== folded.length - 1) {
      this.sink.error('wildcard-position', start, end, `\`*\` stands for the rest of a word and goes at its end, not inside \`${raw}\``, 'use ? for exactly one character, e.g. wom?n');
      return undefined;
    }
    const body = star === -1 ? folded : folded.slice(0, -1);
    const firstWild = body.search(/[?*]/);
    const literal = firstWild === -1 ? body : body.slice(0, firstWild);
    const needed = star !== -1 ? 3 : 2;
    if (codePointLength(literal) < needed) {
      const mark = star !== -1 ? '*' : '?';
      this.sink.error(
        'wildcard-too-short',
        start,
        end,
        `\`${raw}\` is too short: a wildcard needs at least ${needed} characters before the first ${mark === '*' ? 'wildcard' : '?'}`,
        star !== -1 ? 'write more of the word (climat* rather than cl*), or list the words with OR' : 'write more of the word, e.g. wom?n',
      );
      return undefined;
    }
    const probe = body.replace(/\?/g, 'x');
    const toks = tokenize(probe);
    if (toks.length !== 1 || toks[0] !== probe) {
      this.sink.error('wildcard-word', start, end, `a wildcard stands for part of one word, but \`${raw}\` is not a single word`, 'put the other words in a phrase: "anti vax*"');
      return undefined;
    }
    if (body.endsWith('?') && star === -1) {
      this.sink.warn('wildcard-position', start, end, `\`?\` stands for exactly one more character: \`${raw}\` matches \`${body.slice(0, -1)}s\` but not \`${body.slice(0, -1)}\``, `drop the ? to search \`${body.slice(0, -1)}\` itself`);
    }
    if (!body.includes('?')) return { kind: 'prefix', prefix: body };
    return { kind: 'pattern', pattern: folded, prefix: literal };
  }

  private phrase(t: LexToken): TextNode | undefined {
    const content = t.value ?? '';
    const base = t.valueStart ?? t.start + 1;
    const span = { start: t.start, end: t.end };
    if (content.trim() === '') {
      this.sink.error('empty-phrase', t.start, t.end, 'the phrase is empty', 'put words between the quotes or remove them');
      return undefined;
    }
    const words: WordPattern[] = [];
    let ok = true;
    for (const m of content.matchAll(/\S+/gu)) {
      const chunk = m[0];
      if (/[*?＊？]/.test(chunk)) {
        const w = this.wildcard(chunk, base + (m.index ?? 0));
        if (w) words.push(w);
        else ok = false;
      } else {
        for (const token of tokenize(chunk)) words.push({ kind: 'exact', token });
      }
    }
    if (!ok) return undefined;
    if (words.length === 0) {
      this.sink.error('no-words', t.start, t.end, `${t.text} has nothing to search: no letters or digits`);
      return undefined;
    }
    return { type: 'text', words, quoted: true, span };
  }

  private hashtag(t: LexToken): FieldNode | undefined {
    const body = t.value ?? '';
    if (/[*?]/.test(body)) {
      this.sink.error('field-value', t.start, t.end, 'wildcards are not supported in hashtags', `list the hashtags with OR, e.g. (#${body.replace(/[*?]/g, '')} OR #…)`);
      return undefined;
    }
    if (!HASHTAG_BODY.test(body)) {
      this.sink.error('field-value', t.start, t.end, body === '' ? '`#` needs a hashtag after it' : `\`${t.text}\` is not a hashtag: hashtags hold letters, digits and _ only`, body === '' ? 'write #climate' : 'a hashtag ends at the first other character');
      return undefined;
    }
    return { type: 'field', field: 'hashtag', value: fold(body), span: { start: t.start, end: t.end } };
  }

  private mention(t: LexToken): FieldNode | undefined {
    const body = t.value ?? '';
    if (!MENTION_BODY.test(body)) {
      this.sink.error('field-value', t.start, t.end, body === '' ? '`@` needs an account name after it' : `\`${t.text}\` is not a mention`, 'write @name with letters, digits, _ . or -');
      return undefined;
    }
    return { type: 'field', field: 'mention', value: body.toLowerCase(), span: { start: t.start, end: t.end } };
  }

  private field(t: LexToken): FieldNode | undefined {
    const written = t.field ?? '';
    const name = written.toLowerCase();
    const nameEnd = t.start + written.length + 1;
    const value = (t.value ?? '').trim();
    const span = { start: t.start, end: t.end };
    if (PEOPLE_FIELDS.has(name)) {
      this.sink.error('no-people', t.start, nameEnd, `tidewatch does not watch people: there is no \`${written}:\` operator`, 'watch topics instead — words, #hashtags, domain:, source:');
      return undefined;
    }
    if (LOCATION_FIELDS.has(name)) {
      this.sink.error('unsupported', t.start, nameEnd, `tidewatch does not infer where posts come from: there is no \`${written}:\` operator`, 'filter by language with lang:, or by outlet with domain: or source:');
      return undefined;
    }
    if (TITLE_FIELDS.has(name)) {
      this.sink.error('unsupported', t.start, nameEnd, `posts have no separate title: there is no \`${written}:\` operator`, 'search the words themselves');
      return undefined;
    }
    if (!(FIELD_NAMES as readonly string[]).includes(name)) {
      const near = closest(name, [...FIELD_NAMES, ...Object.keys(FIELD_HINTS)]);
      const guess = FIELD_HINTS[name] ?? (near === undefined ? undefined : (FIELD_HINTS[near] ?? near));
      let hint = guess ? `did you mean ${guess}:${t.value ?? ''}?` : `fields are ${FIELD_NAMES.map((f) => `${f}:`).join(' ')}`;
      if (name === 'http' || name === 'https') hint = `to match a link write url:${t.text.replace(/^https?:\/\//i, '')}`;
      else if (!guess) hint += `; to search the text, quote it: "${t.text}"`;
      this.sink.error('unknown-field', t.start, nameEnd, `unknown field \`${written}:\``, hint);
      return undefined;
    }
    const field = name as FieldName;
    if (value === '') {
      this.sink.error('field-value', t.start, t.end, `\`${written}:\` needs a value`, `e.g. ${EXAMPLES[field]}`);
      return undefined;
    }
    const vStart = t.valueStart ?? nameEnd;
    const bad = (message: string, hint?: string): undefined => {
      this.sink.error('field-value', vStart, t.end, message, hint ?? `e.g. ${EXAMPLES[field]}`);
      return undefined;
    };
    const node = (v: string): FieldNode => ({ type: 'field', field, value: v, span });
    switch (field) {
      case 'lang': {
        let v = value.toLowerCase();
        if (/^[a-z]{2,3}[-_][a-z0-9]+$/.test(v)) {
          const primary = v.split(/[-_]/)[0];
          this.sink.warn('field-value', vStart, t.end, `posts carry only the language, not the region: \`${value}\` is read as lang:${primary}`);
          v = primary;
        }
        if (/^([a-z]{2,3}|und)$/.test(v)) return node(v);
        const code = LANGUAGE_NAMES[v];
        return bad(`\`${value}\` is not a language code`, code ? `write lang:${code}` : 'use an ISO 639 code such as lang:en, lang:zh, lang:ug');
      }
      case 'platform': {
        let v = value.toLowerCase();
        if (v === 'twitter') {
          this.sink.warn('field-value', vStart, t.end, 'X/Twitter posts carry platform:x; read as platform:x');
          v = 'x';
        } else if (!(KNOWN_PLATFORMS as readonly string[]).includes(v)) {
          const guess = closest(v, KNOWN_PLATFORMS);
          this.sink.warn('field-value', vStart, t.end, `\`${value}\` is not a platform tidewatch collects from`, guess ? `did you mean platform:${guess}?` : `known platforms: ${KNOWN_PLATFORMS.join(', ')}`);
        }
        return node(v);
      }
      case 'source':
        return node(value);
      case 'domain': {
        const host = normaliseDomain(value);
        if (!host) return bad(`\`${value}\` is not a domain name`, 'write a host name such as domain:example.org (it also matches news.example.org)');
        return node(host);
      }
      case 'url': {
        if (!/[./]/.test(value)) return bad(`\`${value}\` is not a URL`, 'write url:example.org/path (a link starting with it matches)');
        return node(value);
      }
      case 'has': {
        const v = value.toLowerCase().replace(/s$/, '');
        if (v === 'link' || v === 'hashtag' || v === 'mention') return node(v);
        return bad(`\`has:${value}\` is not a filter`, 'use has:link, has:hashtag or has:mention');
      }
      case 'is': {
        let v = value.toLowerCase();
        if (v === 'retweet' || v === 'boost' || v === 'reblog') v = 'repost';
        if (v === 'repost' || v === 'reply' || v === 'quote') return node(v);
        return bad(`\`is:${value}\` is not a filter`, 'use is:repost, is:reply or is:quote');
      }
      case 'sentiment': {
        const v = value.toLowerCase();
        const full = v === 'neg' ? 'negative' : v === 'pos' ? 'positive' : v === 'neu' ? 'neutral' : v;
        if (full === 'negative' || full === 'neutral' || full === 'positive') return node(full);
        return bad(`\`sentiment:${value}\` is not a sentiment label`, 'use sentiment:negative, sentiment:neutral or sentiment:positive');
      }
      case 'hashtag': {
        const body = value.replace(/^[#＃]/, '');
        if (!HASHTAG_BODY.test(body)) return bad(`\`${value}\` is not a hashtag`);
        return node(fold(body));
      }
      case 'mention': {
        const body = value.replace(/^[@＠]/, '');
        if (!MENTION_BODY.test(body)) return bad(`\`${value}\` is not a mention`);
        return node(body.toLowerCase());
      }
    }
  }
}

const EXAMPLES: Record<FieldName, string> = {
  lang: 'lang:en',
  platform: 'platform:bluesky',
  source: 'source:"Le Monde"',
  domain: 'domain:example.org',
  url: 'url:example.org/news',
  hashtag: 'hashtag:climate or #climate',
  mention: 'mention:who or @who',
  has: 'has:link',
  is: 'is:reply',
  sentiment: 'sentiment:negative',
};

/** Host name as posts store it: lower case, ASCII (punycode), without scheme, path, port or `www.`. */
export function normaliseDomain(value: string): string | undefined {
  let v = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  v = v.split(/[/?#]/)[0].replace(/:\d+$/, '').replace(/\.$/, '').replace(/^\*\./, '');
  v = v.toLowerCase();
  if (v.startsWith('www.')) v = v.slice(4);
  const ascii = domainToASCII(v);
  if (!ascii || !ascii.includes('.') || !/^[a-z0-9.-]+$/.test(ascii) || ascii.startsWith('.') || ascii.includes('..')) return undefined;
  return ascii;
}

/** Parses a query. Never throws: problems come back as diagnostics, and `ast` only without errors. */
export function parseQuery(text: string): ParseResult {
  const sink = new DiagnosticSink(text);
  try {
    if (text.length > MAX_QUERY_LENGTH) {
      sink.error('too-long', MAX_QUERY_LENGTH, text.length, `the query is longer than ${MAX_QUERY_LENGTH} characters`, 'split it into several watches');
      return { diagnostics: sink.diagnostics };
    }
    if (text.trim() === '') {
      sink.error('empty-query', 0, text.length, 'the query is empty', 'write words to search, e.g. climate OR "global warming"');
      return { diagnostics: sink.diagnostics };
    }
    const tokens = lex(text, sink);
    if (tokens.every((t) => t.kind === 'eof' || t.kind === 'bad')) {
      if (!sink.hasErrors) sink.error('empty-query', 0, text.length, 'the query is empty');
      return { diagnostics: sink.diagnostics };
    }
    const ast = new Parser(text, tokens, sink).parseQuery();
    if (!sink.hasErrors && isNegativeOnly(ast)) {
      sink.warn('negative-only', ast.span.start, ast.span.end, 'this query matches every post without the excluded terms', 'add a word, phrase or filter to say what the watch is about');
    }
    sortDiagnostics(sink.diagnostics);
    return sink.hasErrors ? { diagnostics: sink.diagnostics } : { ast, diagnostics: sink.diagnostics };
  } catch (err) {
    // A bug, not the user's fault — but the contract is diagnostics, never an exception.
    sink.error('unsupported', 0, text.length, `internal error while reading the query: ${(err as Error).message}`);
    return { diagnostics: sink.diagnostics };
  }
}

function sortDiagnostics(d: Diagnostic[]): void {
  d.sort((a, b) => a.start - b.start || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Whether a query can match posts only through negations (`NOT x`, `-a -b`, `a OR NOT b`). */
export function isNegativeOnly(node: QueryNode): boolean {
  switch (node.type) {
    case 'not':
      return true;
    case 'and':
      return node.children.length > 0 && node.children.every(isNegativeOnly);
    case 'or':
      return node.children.some(isNegativeOnly);
    default:
      return false;
  }
}
