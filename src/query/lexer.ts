import type { DiagnosticSink } from './diagnostics.js';

export type LexKind =
  | 'word'
  | 'phrase'
  | 'lparen'
  | 'rparen'
  | 'and'
  | 'or'
  | 'not'
  | 'minus'
  | 'near'
  | 'field'
  | 'hashtag'
  | 'mention'
  | 'bad'
  | 'eof';

export interface LexToken {
  kind: LexKind;
  /** UTF-16 offsets of the whole token in the query. */
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** phrase: the text between the quotes; field: the value (unquoted); hashtag/mention: the name. */
  value?: string;
  /** Offset where `value` starts. */
  valueStart?: number;
  /** field: the name as written. */
  field?: string;
  /** field: the value was quoted. */
  quoted?: boolean;
  /** near: the distance, undefined when missing or malformed. */
  distance?: number;
  ordered?: boolean;
}

const SPACE = /\s/u;
const OPEN_QUOTES = new Set(['"', '“', '„', '＂', '”']);
const CLOSE_QUOTES = new Set(['"', '”', '“', '＂']);
const OPEN_PARENS = new Set(['(', '（']);
const CLOSE_PARENS = new Set([')', '）']);
const FIELD_PREFIX = /^([A-Za-z][A-Za-z_]*):/;
const NEAR_OPERATOR = /^NEAR(?:\/(.*))?$/;

function isDelimiter(ch: string): boolean {
  return SPACE.test(ch) || OPEN_QUOTES.has(ch) || OPEN_PARENS.has(ch) || CLOSE_PARENS.has(ch) || ch === '~';
}

/** Splits a query into tokens; malformed input becomes diagnostics, never an exception. */
export function lex(text: string, sink: DiagnosticSink): LexToken[] {
  const tokens: LexToken[] = [];
  let i = 0;
  let spaceBefore = true;
  const n = text.length;

  const readQuoted = (openAt: number): { value: string; end: number; closed: boolean } => {
    let j = openAt + 1;
    while (j < n && !CLOSE_QUOTES.has(text[j])) j++;
    if (j >= n) {
      sink.error('unterminated-quote', openAt, openAt + 1, 'this quote is never closed', 'add a closing " at the end of the phrase');
      return { value: text.slice(openAt + 1), end: n, closed: false };
    }
    return { value: text.slice(openAt + 1, j), end: j + 1, closed: true };
  };

  while (i < n) {
    const ch = text[i];
    if (SPACE.test(ch)) {
      i++;
      spaceBefore = true;
      continue;
    }
    const start = i;
    if (OPEN_PARENS.has(ch) || CLOSE_PARENS.has(ch)) {
      tokens.push({ kind: OPEN_PARENS.has(ch) ? 'lparen' : 'rparen', start, end: i + 1, text: ch, spaceBefore });
      i++;
      spaceBefore = false;
      continue;
    }
    if (OPEN_QUOTES.has(ch)) {
      const q = readQuoted(i);
      tokens.push({ kind: 'phrase', start, end: q.end, text: text.slice(start, q.end), spaceBefore, value: q.value, valueStart: start + 1 });
      i = q.end;
      spaceBefore = false;
      continue;
    }
    if (ch === '~') {
      let j = i + 1;
      while (j < n && /[0-9]/.test(text[j])) j++;
      sink.error('unexpected-character', i, j, '`~` is not an operator in tidewatch', 'for words close to each other write: word1 NEAR/5 word2');
      tokens.push({ kind: 'bad', start, end: j, text: text.slice(start, j), spaceBefore });
      i = j;
      spaceBefore = false;
      continue;
    }
    if (ch === '-' || ch === '－') {
      // At a token boundary `-` negates (`-word`, `-"phrase"`, `-(group)`); inside a word (e-mail)
      // it is part of the word, which the tokenizer splits.
      tokens.push({ kind: 'minus', start, end: i + 1, text: ch, spaceBefore });
      i++;
      spaceBefore = false;
      continue;
    }
    // A chunk: up to whitespace, a parenthesis or a quote.
    let j = i;
    while (j < n && !isDelimiter(text[j])) j++;
    let chunk = text.slice(i, j);
    const fieldMatch = FIELD_PREFIX.exec(chunk);
    if (fieldMatch) {
      const name = fieldMatch[1];
      const valueStart = i + fieldMatch[0].length;
      if (valueStart === j && j < n && OPEN_QUOTES.has(text[j])) {
        const q = readQuoted(j);
        tokens.push({ kind: 'field', start, end: q.end, text: text.slice(start, q.end), spaceBefore, field: name, value: q.value, valueStart: j + 1, quoted: true });
        i = q.end;
        spaceBefore = false;
        continue;
      }
      if (name.toLowerCase() === 'url') {
        // URLs may hold parentheses (Wikipedia); take them while they balance.
        let depth = 0;
        let k = valueStart;
        while (k < n && !SPACE.test(text[k]) && !OPEN_QUOTES.has(text[k])) {
          if (OPEN_PARENS.has(text[k])) depth++;
          else if (CLOSE_PARENS.has(text[k])) {
            if (depth === 0) break;
            depth--;
          }
          k++;
        }
        j = k;
        chunk = text.slice(i, j);
      }
      tokens.push({ kind: 'field', start, end: j, text: chunk, spaceBefore, field: name, value: text.slice(valueStart, j), valueStart, quoted: false });
      i = j;
      spaceBefore = false;
      continue;
    }
    let kind: LexKind = 'word';
    const token: LexToken = { kind, start, end: j, text: chunk, spaceBefore };
    if (chunk === 'AND') kind = 'and';
    else if (chunk === 'OR') kind = 'or';
    else if (chunk === 'NOT') kind = 'not';
    else if (chunk[0] === '#' || chunk[0] === '＃') {
      kind = 'hashtag';
      token.value = chunk.slice(1);
      token.valueStart = start + 1;
    } else if (chunk[0] === '@' || chunk[0] === '＠') {
      kind = 'mention';
      token.value = chunk.slice(1);
      token.valueStart = start + 1;
    } else {
      const near = NEAR_OPERATOR.exec(chunk);
      if (near) {
        kind = 'near';
        const arg = near[1];
        const m = arg === undefined ? null : /^([0-9]{1,6})(f?)$/.exec(arg);
        if (m) {
          token.distance = Number(m[1]);
          token.ordered = m[2] === 'f';
        } else if (arg !== undefined) {
          sink.error('near-distance', start, j, `\`${chunk}\` is not a valid distance`, 'write NEAR/n with a number of words, e.g. NEAR/5, or NEAR/5f for "in this order"');
          token.distance = -1;
        }
      }
    }
    token.kind = kind;
    tokens.push(token);
    i = j;
    spaceBefore = false;
  }
  tokens.push({ kind: 'eof', start: n, end: n, text: '', spaceBefore: true });
  return tokens;
}
