/**
 * Readers for the language-identification data in ../shared/data/langid (see its README), split
 * into halves the same way everywhere: items at even 0-based positions of a file (after its
 * header, if any) are the training half, items at odd positions the held-out half.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeLanguageCode } from '../src/enrich/langid-codes.js';

export type Half = 'train' | 'heldout';

export interface LabelledText {
  /** tidewatch language code of the gold label. */
  lang: string;
  text: string;
}

export const LINGUA_KINDS = ['sentences', 'word-pairs', 'single-words'] as const;
export type LinguaKind = (typeof LINGUA_KINDS)[number];

/** The six single-language labels of TweetLID 2014. */
export const TWEETLID_LANGUAGES = ['es', 'pt', 'ca', 'en', 'gl', 'eu'] as const;

/**
 * Where the shared langid data is: $TIDEWATCH_DATA/langid, else ../shared/data/langid beside the
 * repository (found from this file, whether it runs from src or dist). Undefined when absent.
 */
export function findLangidData(): string | undefined {
  const candidates: string[] = [];
  if (process.env.TIDEWATCH_DATA) candidates.push(join(process.env.TIDEWATCH_DATA, 'langid'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    candidates.push(resolve(dir, '../shared/data/langid'));
    dir = dirname(dir);
  }
  return candidates.find((c) => existsSync(join(c, 'lingua')));
}

function inHalf(index: number, half: Half): boolean {
  return (index % 2 === 0) === (half === 'train');
}

function nonEmptyLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim().length > 0);
}

/** lingua test data: one file per language (ISO 639-1 file name), one item per line. */
export function readLingua(root: string, kind: LinguaKind, half: Half): LabelledText[] {
  const dir = join(root, 'lingua', kind);
  const out: LabelledText[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const lang = normalizeLanguageCode(file.slice(0, -4));
    nonEmptyLines(join(dir, file)).forEach((text, i) => {
      if (inHalf(i, half)) out.push({ lang, text });
    });
  }
  return out;
}

/** Placeholder text of tweets deleted before the corpus was crawled: no language to find in it. */
export const TWEETLID_DELETED = 'Not Available';

/**
 * TweetLID rows whose label is one of the six single languages (no und/other/mixed/ambiguous),
 * without the rows of deleted tweets (their text is the placeholder `Not Available`).
 */
export function readTweetLid(root: string, half: Half): LabelledText[] {
  const six = new Set<string>(TWEETLID_LANGUAGES);
  const out: LabelledText[] = [];
  let i = 0;
  for (const line of nonEmptyLines(join(root, 'tweetlid', 'train.tsv'))) {
    const cols = line.split('\t');
    if (cols.length < 4 || !six.has(cols[2]) || cols[3].trim() === TWEETLID_DELETED) continue;
    if (inHalf(i++, half)) out.push({ lang: cols[2], text: cols.slice(3).join('\t') });
  }
  return out;
}

export interface UdhrParagraph extends LabelledText {
  /** ISO 639-3 code as in the file. */
  iso6393: string;
  /** The file's BCP 47 tag, e.g. `ug-Arab`. */
  bcp47: string;
}

/**
 * UDHR paragraphs; `lang` is the normalised ISO 639-3 code (`pnb` stays Western Punjabi where the
 * file's BCP 47 tag says `lah`; `gaz` → `om`, `zlm` → `ms`).
 */
export function readUdhr(root: string, half: Half): UdhrParagraph[] {
  const lines = nonEmptyLines(join(root, 'udhr', 'udhr_paragraphs.tsv')).slice(1);
  const out: UdhrParagraph[] = [];
  lines.forEach((line, i) => {
    if (!inHalf(i, half)) return;
    const [iso6393, , bcp47, , ...rest] = line.split('\t');
    out.push({ iso6393, bcp47, lang: normalizeLanguageCode(iso6393), text: rest.join('\t') });
  });
  return out;
}

/**
 * The data root, or undefined after printing why the caller should skip. With CI=true a missing
 * data set is an error: evaluations must run there.
 */
export function requireLangidData(what: string): string | undefined {
  const root = findLangidData();
  if (root) return root;
  const message = `${what}: ../shared/data/langid not found (set TIDEWATCH_DATA to the data folder)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.log(`${message}; skipping.`);
  return undefined;
}

/** UMSAB collections whose tweets are (nearly all) in the collection's language; Hindi's are not. */
export const UMSAB_LANGUAGES: Readonly<Record<string, string>> = {
  arabic: 'ar',
  english: 'en',
  french: 'fr',
  german: 'de',
  italian: 'it',
  portuguese: 'pt',
  spanish: 'es',
};

/**
 * Tweets of the UMSAB sentiment collections, labelled with the collection's language (a few
 * tweets in each are in another language). Each of train_text.txt and val_text.txt is halved.
 * Undefined when the sentiment data is absent.
 */
export function readUmsab(root: string, half: Half): LabelledText[] | undefined {
  const dir = join(root, '..', 'sentiment', 'umsab');
  if (!existsSync(dir)) return undefined;
  const out: LabelledText[] = [];
  for (const [folder, lang] of Object.entries(UMSAB_LANGUAGES)) {
    for (const file of ['train_text.txt', 'val_text.txt']) {
      const path = join(dir, folder, file);
      if (!existsSync(path)) continue;
      nonEmptyLines(path).forEach((text, i) => {
        if (inHalf(i, half)) out.push({ lang, text });
      });
    }
  }
  return out;
}
