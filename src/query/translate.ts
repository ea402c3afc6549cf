/**
 * Translation of the common query syntax of Brandwatch and Meltwater into tidewatch's language,
 * token by token so the structure (parentheses, operators) is kept as written. What has no
 * equivalent is rejected with the reason — notably author operators: tidewatch does not watch
 * people — and what only affects ranking or case is dropped with a warning.
 *
 * Mapped: AND/OR/NOT/-, "phrases", ( ), * and ? wildcards, NEAR/n and NEAR/nf, Meltwater NEAR
 * (= NEAR/4), ONEAR and ONEAR/n (ordered), "a b"~n (two words within n), site:/links:/url:,
 * language:, engagementType:, pageType:, #hashtags, @mentions, {case-sensitive} and raw:.
 */
import { DiagnosticSink, type Diagnostic } from './diagnostics.js';
import { parseQuery } from './parser.js';

export type Dialect = 'brandwatch' | 'meltwater';

export interface TranslateResult {
  /** The tidewatch query; absent when something could not be translated. */
  query?: string;
  /** Problems in the source query (positions refer to it). */
  diagnostics: Diagnostic[];
  /** Diagnostics of the translated query as tidewatch parses it (positions refer to `query`). */
  queryDiagnostics: Diagnostic[];
}

const PEOPLE = /^(author|authorgender|authorverified|authorfollowers|authorlocation|authorname|author\.name|authorid|from|by|username|user|profile|bio|influencer|gender|followers|verified)$/i;
const LOCATION = /^(country|region|city|continent|location|geo|state|place)$/i;
const TITLE = /^(title|headline|ingress|subject|heading)$/i;
const PLATFORMS: Record<string, string> = {
  twitter: 'x', x: 'x', facebook: 'facebook', instagram: 'instagram', bluesky: 'bluesky', mastodon: 'mastodon', weibo: 'weibo',
  news: 'rss', rss: 'rss', blogs: 'rss', blog: 'rss',
};
const SITE_PLATFORMS: Record<string, string> = { 'twitter.com': 'x', 'x.com': 'x', 'bsky.app': 'bluesky', 'facebook.com': 'facebook', 'instagram.com': 'instagram', 'weibo.com': 'weibo' };
const ENGAGEMENT: Record<string, string> = { retweet: 'is:repost', repost: 'is:repost', reply: 'is:reply', comment: 'is:reply', quote: 'is:quote' };

interface Piece {
  text: string;
  start: number;
  end: number;
}

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

export function translateQuery(from: Dialect, text: string): TranslateResult {
  const sink = new DiagnosticSink(text);
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  const unsupported = (start: number, end: number, message: string, hint?: string) => sink.error('unsupported', start, end, message, hint);

  // Reads `~N` right after position j; returns the number and where it ends.
  const tilde = (j: number): { n?: number; end: number } | undefined => {
    if (text[j] !== '~') return undefined;
    let k = j + 1;
    while (k < n && /[0-9]/.test(text[k])) k++;
    return { n: k > j + 1 ? Number(text.slice(j + 1, k)) : undefined, end: k };
  };
  // Meltwater boosts (`^9`) only rank results; they change nothing about which posts match.
  const boost = (j: number): number => {
    if (text[j] !== '^') return j;
    let k = j + 1;
    while (k < n && /[0-9.]/.test(text[k])) k++;
    sink.warn('unsupported', j, k, `the boost \`${text.slice(j, k)}\` only ranks results; dropped`);
    return k;
  };

  while (i < n) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (text.startsWith('<<<', i)) {
      const close = text.indexOf('>>>', i + 3);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push(ch);
      i = boost(i + 1);
      continue;
    }
    if (ch === '"' || ch === '“' || ch === '”') {
      let j = i + 1;
      while (j < n && !'"“”'.includes(text[j])) j++;
      const inner = text.slice(i + 1, j);
      const end = Math.min(j + 1, n);
      if (j >= n) sink.error('unterminated-quote', i, i + 1, 'this quote is never closed', 'add a closing "');
      const t = tilde(end);
      if (t) {
        const words = inner.trim().split(/\s+/).filter(Boolean);
        if (t.n === undefined) unsupported(end, t.end, '`~` needs a distance here, e.g. "a b"~5');
        else if (words.length === 2) out.push(`(${words[0]} NEAR/${t.n} ${words[1]})`);
        else unsupported(i, t.end, `\`${text.slice(i, t.end)}\` (all words within one window) has no exact equivalent`, `write pairs: ${words.length > 1 ? `(${words[0]} NEAR/${t.n} ${words[1]}) AND …` : 'word1 NEAR/5 word2'}`);
        i = boost(t.end);
        continue;
      }
      out.push(`"${inner}"`);
      i = boost(end);
      continue;
    }
    if (ch === '{') {
      const close = text.indexOf('}', i);
      const end = close === -1 ? n : close + 1;
      const inner = text.slice(i + 1, close === -1 ? n : close).trim();
      sink.warn('unsupported', i, end, 'tidewatch matches case-insensitively; the case-sensitive `{…}` becomes a plain word');
      if (inner) out.push(/\s/.test(inner) ? `"${inner}"` : inner);
      i = boost(end);
      continue;
    }
    // A chunk up to whitespace, a parenthesis, a quote, `~`, `^` or `{`.
    let j = i;
    while (j < n && !isSpace(text[j]) && !'()"“”~^{'.includes(text[j])) j++;
    // Field values may be quoted: site:"example.org".
    let chunk: Piece = { text: text.slice(i, j), start: i, end: j };
    if (chunk.text.endsWith(':') && (text[j] === '"' || text[j] === '(')) {
      const close = text[j] === '"' ? text.indexOf('"', j + 1) : text.indexOf(')', j + 1);
      const end = close === -1 ? n : close + 1;
      chunk = { text: text.slice(i, end), start: i, end };
      j = end;
    }
    const t = tilde(j);
    if (t) {
      unsupported(i, t.end, `\`${text.slice(i, t.end)}\`: \`~\` after a word (fuzzy or variant matching) has no equivalent`, 'list the spellings you mean with OR');
      i = boost(t.end);
      continue;
    }
    const mapped = mapChunk(from, chunk, sink);
    if (mapped !== undefined) out.push(mapped);
    i = boost(j);
  }

  // `-` before a phrase or group was read on its own: attach it again.
  const glued: string[] = [];
  for (let k = 0; k < out.length; k++) {
    if (out[k] === '-' && k + 1 < out.length) glued.push(`-${out[++k]}`);
    else glued.push(out[k]);
  }
  const query = glued.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
  const diagnostics = sink.diagnostics.sort((a, b) => a.start - b.start);
  if (sink.hasErrors) return { diagnostics, queryDiagnostics: [] };
  const parsed = parseQuery(query);
  if (!parsed.ast) {
    sink.error('unsupported', 0, text.length, `the translation \`${query}\` is not a valid tidewatch query: ${parsed.diagnostics.find((d) => d.severity === 'error')?.message ?? ''}`);
    return { diagnostics: sink.diagnostics, queryDiagnostics: parsed.diagnostics };
  }
  return { query, diagnostics, queryDiagnostics: parsed.diagnostics };
}

function unquote(v: string): string {
  return v.replace(/^["“]|["”]$/g, '');
}

function mapChunk(from: Dialect, chunk: Piece, sink: DiagnosticSink): string | undefined {
  const t = chunk.text;
  if (t === 'AND' || t === 'OR' || t === 'NOT') return t;
  if (from === 'meltwater') {
    if (t === 'NEAR') return 'NEAR/4';
    if (t === 'ONEAR') return 'NEAR/4f';
    const onear = /^ONEAR\/(\d+)$/.exec(t);
    if (onear) return `NEAR/${onear[1]}f`;
  }
  if (/^NEAR(\/\d+f?)?$/.test(t)) return t;
  if (t.startsWith('-') && t.length > 1) {
    const rest = mapChunk(from, { text: t.slice(1), start: chunk.start + 1, end: chunk.end }, sink);
    return rest === undefined ? undefined : `-${rest}`;
  }
  const field = /^([A-Za-z][A-Za-z_.]*):(.*)$/s.exec(t);
  if (!field || field[2] === '') return t; // words, wildcards, #tags, @mentions
  const name = field[1];
  const lower = name.toLowerCase();
  const value = field[2];
  const bare = unquote(value);
  const nameEnd = chunk.start + name.length + 1;
  if (PEOPLE.test(name)) {
    sink.error('no-people', chunk.start, nameEnd, `\`${name}:\` has no equivalent: tidewatch does not watch people, so there is no author operator`, 'watch the topic instead — its words, #hashtags, links or domains');
    return undefined;
  }
  if (LOCATION.test(name)) {
    sink.error('unsupported', chunk.start, nameEnd, `\`${name}:\` has no equivalent: tidewatch does not infer where posts or authors are`, 'filter by language (lang:) or outlet (domain:, source:) instead');
    return undefined;
  }
  if (TITLE.test(name)) {
    sink.error('unsupported', chunk.start, nameEnd, `\`${name}:\` has no equivalent: posts have no separate title or lead`, 'search the words in the whole post');
    return undefined;
  }
  switch (lower) {
    case 'site': {
      const host = bare.toLowerCase().replace(/^www\./, '');
      const platform = SITE_PLATFORMS[host];
      return platform ? `platform:${platform}` : `domain:${bare}`;
    }
    case 'domain':
      return `domain:${bare}`;
    case 'url':
    case 'links':
    case 'link':
      return `url:${bare}`;
    case 'language':
    case 'lang':
      return `lang:${bare}`;
    case 'raw':
      sink.warn('unsupported', chunk.start, nameEnd, 'tidewatch matches words case- and punctuation-insensitively; `raw:` is dropped');
      return /\s/.test(bare) ? `"${bare}"` : bare;
    case 'case':
      sink.warn('unsupported', chunk.start, nameEnd, 'tidewatch matches case-insensitively; `case:` is dropped');
      return /\s/.test(bare) ? `"${bare}"` : bare;
    case 'engagementtype': {
      const m = ENGAGEMENT[bare.toLowerCase()];
      if (m) return m;
      break;
    }
    case 'pagetype':
    case 'sourcetype':
    case 'platform': {
      const p = PLATFORMS[bare.toLowerCase()];
      if (p) return `platform:${p}`;
      break;
    }
    case 'hashtag':
    case 'hashtags':
      return `#${bare.replace(/^#/, '')}`;
    case 'mention':
    case 'mentions':
      return `@${bare.replace(/^@/, '')}`;
    case 'sentiment':
    case 'tone':
      return `sentiment:${bare.toLowerCase()}`;
    default:
      sink.error('unknown-field', chunk.start, nameEnd, `\`${name}:\` has no tidewatch equivalent`, 'tidewatch fields are lang: platform: source: domain: url: has: is: sentiment: #tag @mention');
      return undefined;
  }
  sink.error('field-value', nameEnd, chunk.end, `\`${t}\` has no tidewatch equivalent`);
  return undefined;
}
