/**
 * Feature extraction for tidewatch's sentiment model: one pure function shared by training and
 * inference, so that the two can never drift apart.
 *
 * Features (after the feature-hashing trick of Weinberger et al. 2009, "Feature Hashing for Large
 * Scale Multitask Learning"):
 * - dense cues at fixed indices: negation-aware lexicon scores per lexicon (after VADER, Hutto &
 *   Gilbert 2014: a negator within three words flips and damps a polar word), emoji and emoticon
 *   polarity, punctuation and casing, and the language;
 * - hashed word unigrams and bigrams from tidewatch's tokenizer, with words inside a negation
 *   scope marked (Das & Chen 2001); the same unigrams again crossed with the language, so a word
 *   can mean one thing in Italian and another in English ("frustratingly easy" domain adaptation,
 *   Daumé III 2007);
 * - optionally, hashed character n-grams of each word with boundary marks, as in fastText
 *   (Bojanowski et al. 2017) — off in the shipped model: no gain measured, four times the cost;
 * - each emoji and emoticon as its own feature;
 * - in the languages `stemLangs` names, each word's Snowball stem (Porter 2001), so a word's
 *   inflections share a weight.
 */
import { stemmerFor } from './stem.js';
import { fold, tokenize } from './tokenize.js';
import {
  INTENSIFIERS,
  NEGATIVE_EMOJI,
  NEGATIVE_EMOTICONS,
  NEGATORS,
  POSITIVE_EMOJI,
  POSITIVE_EMOTICONS,
} from './sentiment-lexicon.js';

/** Everything that decides which features a text yields; stored with the model's weights. */
export interface FeatureConfig {
  /** log2 of the number of hashed buckets. */
  hashBits: number;
  /** Character n-gram lengths (inclusive), over `<word>`; 0 disables. */
  charMin: number;
  charMax: number;
  /** Whether word bigrams are features. */
  bigrams: boolean;
  /** Whether unigrams are repeated crossed with the language. */
  langCross: boolean;
  /**
   * Whether each emoji and emoticon, and the emoji/emoticon polarity counts, are repeated crossed
   * with the language (a laughing face reads as mockery more often in some languages' tweets).
   * Absent in older model files: off.
   */
  emojiLangCross?: boolean;
  /**
   * Whether a word with a letter said three times or more (`sooo`, `plzzzz`) also counts as its
   * squeezed form (`so`, `plz`), and is looked up in the lexicons squeezed to two and to one.
   * Absent in older model files: off.
   */
  squeeze?: boolean;
  /**
   * Whether romanised Hindi words also count as their consonant skeleton (`nahi`, `nhi` → `nh`;
   * `bahut`, `bohot` → `bht`), which evens out the free spelling of Hinglish. Absent: off.
   */
  hindiSkeleton?: boolean;
  /**
   * Languages read only through features that survive translation and transliteration — lexicons,
   * emoji, emoticons, punctuation — without hashed words (an experiment for Hindi's noisy labels).
   * Absent: none.
   */
  invariantLangs?: readonly string[];
  /** Whether the surface cues (!, ?, link, mention, elongation, capitals) are repeated crossed with the language. Absent: off. */
  surfaceLangCross?: boolean;
  /**
   * Languages whose words also count as their word cluster (fine and coarse id, from the model
   * file's `wordClusters`; negation-marked inside a negator's scope). Absent: none.
   */
  clusterLangs?: readonly string[];
  /**
   * Languages whose words (four letters or more) also count as their Snowball stem (`stem.ts`),
   * crossed with the language and negation-marked inside a negator's scope. Absent: none.
   */
  stemLangs?: readonly string[];
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { hashBits: 19, charMin: 0, charMax: 0, bigrams: true, langCross: true };

/** A polarity lexicon: folded word or two-word phrase → valence in roughly [-4, 4]. */
export type PolarityLexicon = ReadonlyMap<string, number>;

/**
 * Several lexicons merged for one lookup per token, in an open-addressing table keyed by the same
 * FNV hash the word features use (so a token is hashed once): `valences` has one row per key and
 * one column per lexicon (0 where a lexicon lacks the key). Negators and intensifiers live in the
 * same table. Two-word keys are looked up only after a word that starts one.
 */
export interface CompiledLexicons {
  count: number;
  /** Key of each row, for the equality check after a hash match. */
  keys: string[];
  valences: Float32Array;
  /** Per row: FLAG_NEGATOR, FLAG_PHRASE_HEAD (starts a two-word key), FLAG_POLAR; intensifier multiplier in `boost` (1 when none). */
  flags: Uint8Array;
  boost: Float32Array;
  /** Row of each slot + 1 (0 empty), and the slot's full hash. */
  slots: Int32Array;
  slotHash: Int32Array;
  mask: number;
  /** Whether some key is an emoji (a lexicon of emoji, looked up one code point at a time); old model files have none. */
  emojiKeys: boolean;
  /** Word → fine cluster × 4096 + coarse cluster, when the model has word clusters. */
  clusters?: ReadonlyMap<string, number>;
}

const FLAG_NEGATOR = 1;
const FLAG_PHRASE_HEAD = 2;
const FLAG_POLAR = 4;

export function compileLexicons(lexicons: readonly PolarityLexicon[], wordClusters?: ReadonlyArray<readonly [string, number, number]>): CompiledLexicons {
  const rows = new Map<string, number>();
  const row = (k: string): number => {
    let r = rows.get(k);
    if (r === undefined) rows.set(k, (r = rows.size));
    return r;
  };
  for (const lex of lexicons) for (const k of lex.keys()) row(k);
  for (const w of NEGATOR_SET) row(w);
  for (const w of INTENSIFIER_MAP.keys()) row(w);
  for (const lex of lexicons) for (const k of lex.keys()) if (k.includes(' ')) row(k.slice(0, k.indexOf(' ')));
  const n = rows.size;
  const valences = new Float32Array(n * lexicons.length);
  const flags = new Uint8Array(n);
  const boost = new Float32Array(n).fill(1);
  lexicons.forEach((lex, l) => {
    for (const [k, v] of lex) {
      const r = rows.get(k)!;
      valences[r * lexicons.length + l] = v;
      if (v !== 0) flags[r] |= FLAG_POLAR;
      if (k.includes(' ')) flags[rows.get(k.slice(0, k.indexOf(' ')))!] |= FLAG_PHRASE_HEAD;
    }
  });
  for (const w of NEGATOR_SET) flags[rows.get(w)!] |= FLAG_NEGATOR;
  for (const [w, k] of INTENSIFIER_MAP) boost[rows.get(w)!] = k;
  let size = 16;
  while (size < n * 2) size *= 2;
  const slots = new Int32Array(size);
  const slotHash = new Int32Array(size);
  const keys = [...rows.keys()];
  keys.forEach((k, r) => {
    const h = hashString(k, 0);
    let i = mix(h) & (size - 1);
    while (slots[i] !== 0) i = (i + 1) & (size - 1);
    slots[i] = r + 1;
    slotHash[i] = h | 0;
  });
  const emojiKeys = keys.some((k) => EMOJI_KEY.test(k));
  const clusters = wordClusters ? new Map(wordClusters.map(([w, fine, coarse]) => [w, fine * 4096 + coarse])) : undefined;
  return { count: lexicons.length, keys, valences, flags, boost, slots, slotHash, mask: size - 1, emojiKeys, clusters };
}

/** Row of `key` (whose FNV hash is `h`), or -1. */
function lookup(lex: CompiledLexicons, key: string, h: number): number {
  const hi = h | 0;
  for (let i = mix(h) & lex.mask; ; i = (i + 1) & lex.mask) {
    const r = lex.slots[i];
    if (r === 0) return -1;
    if (lex.slotHash[i] === hi && lex.keys[r - 1] === key) return r - 1;
  }
}

/** Languages with their own bias feature; others share `xx`. */
export const SENTIMENT_LANGS = ['en', 'es', 'pt', 'fr', 'de', 'it', 'ar', 'hi', 'zh', 'xx'] as const;

const LEX_FEATURES = 6;
/** Dense features: bias, per lexicon block, emoji/emoticon block, surface block, languages. */
export function denseFeatureCount(lexiconCount: number): number {
  return 1 + LEX_FEATURES * lexiconCount + 6 + 8 + SENTIMENT_LANGS.length;
}

/** Index of the dense feature that marks a text's language (its per-language class bias). */
export function languageFeatureIndex(lang: (typeof SENTIMENT_LANGS)[number], lexiconCount: number): number {
  return 1 + LEX_FEATURES * lexiconCount + 6 + 8 + SENTIMENT_LANGS.indexOf(lang);
}

/** Number of weights rows: the dense features, then 2^hashBits hashed buckets. */
export function featureDimension(config: FeatureConfig, lexiconCount: number): number {
  return denseFeatureCount(lexiconCount) + (1 << config.hashBits);
}

/** A sparse feature vector in reusable buffers: the first `length` entries are valid. */
export interface FeatureVector {
  index: Int32Array;
  value: Float32Array;
  length: number;
}

export function createFeatureVector(capacity = 4096): FeatureVector {
  return { index: new Int32Array(capacity), value: new Float32Array(capacity), length: 0 };
}

function push(v: FeatureVector, index: number, value: number): void {
  if (v.length === v.index.length) {
    const index2 = new Int32Array(v.index.length * 2);
    index2.set(v.index);
    const value2 = new Float32Array(v.value.length * 2);
    value2.set(v.value);
    v.index = index2;
    v.value = value2;
  }
  v.index[v.length] = index;
  v.value[v.length] = value;
  v.length++;
}

/** FNV-1a over UTF-16 code units. */
function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: spreads a combined hash over all bits before it is masked. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const NS_WORD = 0x1001;
const NS_NEGWORD = 0x2002;
const NS_BIGRAM = 0x3003;
const NS_LANGWORD = 0x4004;
const NS_CHAR = 0x5005;
const NS_EMOJI = 0x6006;
const NS_LANGEMOJI = 0x7007;
const NS_SKELETON = 0x8008;
const NS_LANGSURFACE = 0x9009;
const NS_CLUSTER = 0xa00a;
const NS_NEGCLUSTER = 0xb00b;
const NS_STEM = 0xc00c;
const NS_NEGSTEM = 0xd00d;

const EMOJI = /\p{Extended_Pictographic}/gu;
const EMOJI_KEY = /^\p{Extended_Pictographic}$/u;
/** Cheap tests that rule out most texts before the full scans: symbols and surrogate pairs; emoticon characters. */
const MAYBE_EMOJI = /[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83e]/;
const MAYBE_EMOTICON = /[:;=<^_]|[8b]\)|x[dp]|\\o|\(y\)|>\./i;
const EMOTICON_SOURCE = [...POSITIVE_EMOTICONS, ...NEGATIVE_EMOTICONS]
  .sort((a, b) => b.length - a.length)
  .map((e) => e.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
  .join('|');
/** Emoticons stand alone: not inside a word or a URL (`http://` holds `:/`). */
const EMOTICON = new RegExp(`(?<![\\p{L}\\p{N}:/])(?:${EMOTICON_SOURCE})(?![\\p{L}\\p{N}/])`, 'giu');
const EMOTICON_POLARITY = new Map<string, number>([
  ...POSITIVE_EMOTICONS.map((e) => [e.toLowerCase(), 1] as const),
  ...NEGATIVE_EMOTICONS.map((e) => [e.toLowerCase(), -1] as const),
]);
const EMOJI_POLARITY = new Map<number, number>([
  ...[...POSITIVE_EMOJI].map((e) => [e.codePointAt(0)!, 1] as const),
  ...[...NEGATIVE_EMOJI].map((e) => [e.codePointAt(0)!, -1] as const),
]);
const NEGATOR_SET = new Set(Object.values(NEGATORS).flat().map((w) => fold(w)));
const INTENSIFIER_MAP = new Map(Object.entries(INTENSIFIERS).map(([w, k]) => [fold(w), k]));

/** `t` with every run of one letter three or more long cut to `keep` letters; `t` itself when it has none. */
export function squeezeRuns(t: string, keep: 1 | 2): string {
  let run = 1;
  let has = false;
  for (let i = 1; i < t.length; i++) {
    if (t.charCodeAt(i) === t.charCodeAt(i - 1)) {
      if (++run >= 3) {
        has = true;
        break;
      }
    } else run = 1;
  }
  if (!has) return t;
  let out = '';
  run = 0;
  for (let i = 0; i < t.length; i++) {
    run = i > 0 && t.charCodeAt(i) === t.charCodeAt(i - 1) ? run + 1 : 1;
    if (run <= keep) out += t[i];
  }
  return out;
}

/** Consonant skeleton of an ASCII word: the first letter, then the letters that are not vowels, runs cut to one. */
export function consonantSkeleton(t: string): string {
  let out = t[0];
  for (let i = 1; i < t.length; i++) {
    const c = t[i];
    if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y') continue;
    if (c === out[out.length - 1]) continue;
    out += c;
  }
  return out;
}

const ASCII_WORD = /^[a-z]+$/;

/** Scratch for the per-lexicon sums of one text (extraction is synchronous, so one buffer serves a thread). */
let lexStats = new Float64Array(18);

/** How many words after a negator are in its scope. */
const NEGATION_WINDOW = 3;

/** Language code used by the model: the primary subtag when the model knows it, else `xx`. */
export function modelLang(lang: string | undefined): (typeof SENTIMENT_LANGS)[number] {
  if (!lang) return 'xx';
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return (SENTIMENT_LANGS as readonly string[]).includes(primary) ? (primary as (typeof SENTIMENT_LANGS)[number]) : 'xx';
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c > 0xbf && c !== 0x3000 && !(c >= 0x2000 && c <= 0x206f));
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0xbf && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0xd800 && c <= 0xdfff) && c !== 0x3000);
}

/** Adds lexicon row `id`, times `k`, to each lexicon's sums in `stats`. */
function addLexiconHit(lexicons: CompiledLexicons, id: number, k: number, negated: boolean, stats: Float64Array): void {
  const nl = lexicons.count;
  for (let l = 0; l < nl; l++) {
    const v = lexicons.valences[id * nl + l] * k;
    if (v === 0) continue;
    const o = l * 6;
    if (v > 0) {
      stats[o] += v;
      stats[o + 2]++;
    } else {
      stats[o + 1] -= v;
      stats[o + 3]++;
    }
    stats[o + 4] = v;
    if (negated) stats[o + 5]++;
  }
}

function scaled(x: number, cap: number): number {
  return Math.min(x, cap) / cap;
}

/**
 * Fill `out` with the features of one text. `tokens` are `tokenize(text)` when the caller has
 * them already; `lexicons` are the model's polarity lexicons in its stored order.
 */
export function extractFeatures(
  text: string,
  lang: string | undefined,
  tokens: readonly string[] | undefined,
  lexicons: CompiledLexicons,
  config: FeatureConfig,
  out: FeatureVector,
): void {
  out.length = 0;
  const toks = tokens ?? tokenize(text);
  const dense = denseFeatureCount(lexicons.count);
  const mask = (1 << config.hashBits) - 1;
  const bucket = (h: number): number => dense + (mix(h) & mask);
  const ml = modelLang(lang);
  const langSeed = hashString(ml, 0x7777);
  const emojiCross = config.emojiLangCross === true;
  const hiSkeleton = config.hindiSkeleton === true && ml === 'hi';
  const words = config.invariantLangs === undefined || !config.invariantLangs.includes(ml);
  const stem = config.stemLangs !== undefined && config.stemLangs.includes(ml) ? stemmerFor(ml) : undefined;
  const clusters = config.clusterLangs !== undefined && config.clusterLangs.includes(ml) ? lexicons.clusters : undefined;

  push(out, 0, 1);

  // Per lexicon: positive sum, negative sum, their counts, the last polar value, negated count
  // (filled by emoji found in a lexicon of emoji, then by the words below).
  const nl = lexicons.count;
  const stats = lexStats.length >= nl * 6 ? lexStats : (lexStats = new Float64Array(nl * 6));
  stats.fill(0, 0, nl * 6);

  // Emoji and emoticons: polarity counts, and each one as a hashed feature.
  let emoPos = 0;
  let emoNeg = 0;
  let emoAny = 0;
  for (const m of MAYBE_EMOJI.test(text) ? text.matchAll(EMOJI) : []) {
    const cp = m[0].codePointAt(0)!;
    const p = EMOJI_POLARITY.get(cp) ?? 0;
    if (p > 0) emoPos++;
    else if (p < 0) emoNeg++;
    emoAny++;
    push(out, bucket(Math.imul(cp, 0x9e3779b1) ^ NS_EMOJI), 1);
    if (emojiCross) push(out, bucket(Math.imul(cp, 0x9e3779b1) ^ langSeed ^ NS_LANGEMOJI), 1);
    if (lexicons.emojiKeys) {
      const r = lookup(lexicons, m[0], hashString(m[0], 0));
      if (r >= 0) addLexiconHit(lexicons, r, 1, false, stats);
    }
    if (emoAny >= 64) break;
  }
  let ticPos = 0;
  let ticNeg = 0;
  let emoticons = 0;
  if (MAYBE_EMOTICON.test(text)) {
    for (const m of text.matchAll(EMOTICON)) {
      const e = m[0].toLowerCase();
      const p = EMOTICON_POLARITY.get(e) ?? 0;
      if (p > 0) ticPos++;
      else if (p < 0) ticNeg++;
      push(out, bucket(hashString(e, NS_EMOJI)), 1);
      if (emojiCross) push(out, bucket(hashString(e, NS_EMOJI) ^ langSeed ^ NS_LANGEMOJI), 1);
      if (++emoticons >= 64) break;
    }
  }
  const eb = 1 + LEX_FEATURES * lexicons.count;
  if (emoPos) push(out, eb, scaled(emoPos, 3));
  if (emoNeg) push(out, eb + 1, scaled(emoNeg, 3));
  if (emoAny) push(out, eb + 2, scaled(emoAny, 3));
  if (ticPos) push(out, eb + 3, scaled(ticPos, 2));
  if (ticNeg) push(out, eb + 4, scaled(ticNeg, 2));
  if (emoPos + ticPos > 0 && emoNeg + ticNeg > 0) push(out, eb + 5, 1);
  if (emojiCross) {
    if (emoPos + ticPos) push(out, bucket(langSeed ^ NS_LANGEMOJI ^ 0x0001), scaled(emoPos + ticPos, 3));
    if (emoNeg + ticNeg) push(out, bucket(langSeed ^ NS_LANGEMOJI ^ 0x0002), scaled(emoNeg + ticNeg, 3));
  }

  // Surface cues, in one scan of the first 4 kB: ! and ?, an @mention, a letter said three times
  // (sooo), words in capitals (ASCII, only when the text has lower case too), a link.
  const sb = eb + 6;
  let excl = 0;
  let quest = 0;
  let mention = false;
  let elongated = false;
  let lower = false;
  let upperWords = 0;
  let upperRun = 0;
  const scanEnd = Math.min(text.length, 4096);
  let c1 = 0;
  let c2 = 0;
  for (let i = 0; i < scanEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 0xff01) excl++;
    else if (c === 63 || c === 0xff1f || c === 0x061f) quest++;
    else if (c === 64 && !mention && i + 1 < scanEnd && isWordChar(text.charCodeAt(i + 1)) && (i === 0 || !isWordChar(c1))) mention = true;
    if (c >= 65 && c <= 90) {
      if (upperRun > 0 || !isWordChar(c1)) upperRun++; // a run counts only from a word's start
    } else {
      if (upperRun >= 3 && !isWordChar(c)) upperWords++;
      upperRun = 0;
      if (c >= 97 && c <= 122) lower = true;
    }
    if (c === c1 && c === c2 && isLetter(c)) elongated = true;
    c2 = c1;
    c1 = c;
  }
  if (upperRun >= 3) upperWords++;
  if (excl) push(out, sb, scaled(excl, 3));
  if (quest) push(out, sb + 1, scaled(quest, 3));
  if (text.includes('http://') || text.includes('https://') || text.includes('www.')) push(out, sb + 2, 1);
  if (mention) push(out, sb + 3, 1);
  if (elongated) push(out, sb + 4, 1);
  if (lower && upperWords > 0) push(out, sb + 5, scaled(upperWords, 3));
  if (config.surfaceLangCross) {
    const sx = (k: number, x: number): void => push(out, bucket(Math.imul(langSeed ^ NS_LANGSURFACE, 0x01000193) ^ k), x);
    if (excl) sx(1, scaled(excl, 3));
    if (quest) sx(2, scaled(quest, 3));
    if (text.includes('http://') || text.includes('https://') || text.includes('www.')) sx(3, 1);
    if (mention) sx(4, 1);
    if (elongated) sx(5, 1);
    if (lower && upperWords > 0) sx(6, scaled(upperWords, 3));
  }
  push(out, sb + 6, scaled(Math.log1p(toks.length), 4));
  if (toks.length === 0) push(out, sb + 7, 1);
  push(out, sb + 8 + SENTIMENT_LANGS.indexOf(ml), 1);

  // One pass over the words: hashed unigrams (negation-marked inside a negator's scope),
  // language-crossed unigrams and bigrams; and the negation- and intensifier-aware lexicon sums.
  let negUntil = -1;
  let prevRow = -1;
  let prev = 0x51ed;
  const wordValue = 1 / Math.sqrt(Math.max(1, toks.length));
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const h = hashString(t, 0);
    const negated = i <= negUntil;
    if (words) {
      push(out, dense + (mix(h ^ (negated ? NS_NEGWORD : NS_WORD)) & mask), wordValue);
      if (config.langCross) push(out, dense + (mix(Math.imul(h, 31) ^ langSeed ^ NS_LANGWORD) & mask), wordValue);
      if (config.bigrams) push(out, dense + (mix(Math.imul(prev, 0x01000193) ^ h ^ NS_BIGRAM) & mask), wordValue);
    }
    prev = h;
    if (stem !== undefined && words && t.length >= 4) {
      const st = stem(t);
      push(out, dense + (mix(Math.imul(hashString(st, 0), 31) ^ langSeed ^ (negated ? NS_NEGSTEM : NS_STEM)) & mask), wordValue);
    }
    if (clusters !== undefined) {
      const c = clusters.get(t);
      if (c !== undefined) {
        const ns = negated ? NS_NEGCLUSTER : NS_CLUSTER;
        push(out, bucket(Math.imul((c >>> 12) + 1, 0x9e3779b1) ^ ns), wordValue);
        push(out, bucket(Math.imul((c & 4095) + 1, 0x85ebca6b) ^ ns ^ 0x0c0c), wordValue);
      }
    }
    let r = lookup(lexicons, t, h);
    if (config.squeeze && t.length >= 3) {
      const s1 = squeezeRuns(t, 1);
      if (s1 !== t) {
        const h1 = hashString(s1, 0);
        push(out, dense + (mix(h1 ^ (negated ? NS_NEGWORD : NS_WORD)) & mask), wordValue);
        if (r < 0) {
          const s2 = squeezeRuns(t, 2);
          r = lookup(lexicons, s2, hashString(s2, 0));
          if (r < 0) r = lookup(lexicons, s1, h1);
        }
      }
    }
    if (hiSkeleton && t.length >= 3 && ASCII_WORD.test(t)) push(out, dense + (mix(hashString(consonantSkeleton(t), NS_SKELETON)) & mask), wordValue);
    if (r < 0 ? t.endsWith("n't") : (lexicons.flags[r] & FLAG_NEGATOR) !== 0) {
      negUntil = i + NEGATION_WINDOW;
      prevRow = r;
      continue;
    }
    let id = r >= 0 && (lexicons.flags[r] & FLAG_POLAR) !== 0 ? r : -1;
    if (r >= 0 && i + 1 < toks.length && (lexicons.flags[r] & FLAG_PHRASE_HEAD) !== 0) {
      const phrase = t + ' ' + toks[i + 1];
      const pr = lookup(lexicons, phrase, hashString(phrase, 0));
      if (pr >= 0) id = pr;
    }
    const intensity = prevRow >= 0 ? lexicons.boost[prevRow] : 1;
    prevRow = r;
    if (id >= 0) addLexiconHit(lexicons, id, negated ? intensity * -0.74 : intensity, negated, stats);

    if (config.charMax > 0 && t.length < 40) {
      // Character n-grams of `<t>`, hashed incrementally.
      const n = t.length + 2;
      const charValue = wordValue * 0.5;
      for (let s = 0; s < n; s++) {
        let ch = 0x811c9dc5 ^ NS_CHAR;
        for (let k = 0; k < config.charMax && s + k < n; k++) {
          const p = s + k;
          const c = p === 0 ? 60 : p === n - 1 ? 62 : t.charCodeAt(p - 1);
          ch = Math.imul(ch ^ c, 0x01000193);
          if (k + 1 >= config.charMin && !(k + 1 === n)) push(out, bucket(ch ^ (k + 1)), charValue);
        }
      }
    }
  }
  if (words && config.bigrams && toks.length > 0) push(out, bucket(Math.imul(prev, 0x01000193) ^ 0x0e0d ^ NS_BIGRAM), wordValue);
  for (let l = 0; l < nl; l++) {
    const o = l * 6;
    const pos = stats[o];
    const neg = stats[o + 1];
    if (stats[o + 2] + stats[o + 3] === 0) continue;
    const base = 1 + l * LEX_FEATURES;
    push(out, base, scaled(pos, 8));
    push(out, base + 1, scaled(neg, 8));
    push(out, base + 2, Math.tanh((pos - neg) / 4));
    push(out, base + 3, Math.max(-1, Math.min(1, stats[o + 4] / 4)));
    push(out, base + 4, stats[o + 2] > 0 && stats[o + 3] > 0 ? 1 : 0);
    push(out, base + 5, scaled(stats[o + 5], 2));
  }
}
