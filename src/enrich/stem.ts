/**
 * Word stems for the sentiment features: the Snowball stemmers (Porter 2001) as nlp.js ports them
 * (`@nlpjs/lang-*`), so `schrecklichen` and `schrecklicher` share `schrecklich` and a language's
 * 1,800 labelled tweets teach one weight for a word's inflections. Stemming costs far more than a
 * map lookup, so each language keeps a cache of the words it has seen (emptied when it fills);
 * `npm run eval:sentiment` times both a warm cache and a stream of words never seen.
 */
import { createRequire } from 'node:module';

interface NlpjsStemmer {
  stemWord(word: string): string;
}
type StemmerClass = new () => NlpjsStemmer;

const require = createRequire(import.meta.url);

/** tidewatch language code → the nlp.js stemmer, loaded on first use. */
const STEMMER_CLASSES: Readonly<Record<string, () => StemmerClass>> = {
  ar: () => (require('@nlpjs/lang-ar') as { StemmerAr: StemmerClass }).StemmerAr,
  de: () => (require('@nlpjs/lang-de') as { StemmerDe: StemmerClass }).StemmerDe,
  en: () => (require('@nlpjs/lang-en-min') as { StemmerEn: StemmerClass }).StemmerEn,
  it: () => (require('@nlpjs/lang-it') as { StemmerIt: StemmerClass }).StemmerIt,
};

/** Languages a stemmer exists for. */
export const STEMMED_LANGS: readonly string[] = Object.keys(STEMMER_CLASSES);

const CACHE_LIMIT = 100_000;

export type Stemmer = (word: string) => string;

const stemmers = new Map<string, Stemmer>();

/** A cached stemmer for a language code, or undefined when there is none for it. */
export function stemmerFor(lang: string): Stemmer | undefined {
  const existing = stemmers.get(lang);
  if (existing) return existing;
  const load = STEMMER_CLASSES[lang];
  if (!load) return undefined;
  const s = new (load())();
  const cache = new Map<string, string>();
  const stem: Stemmer = (word) => {
    let out = cache.get(word);
    if (out === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      out = s.stemWord(word);
      cache.set(word, out);
    }
    return out;
  };
  stemmers.set(lang, stem);
  return stem;
}
