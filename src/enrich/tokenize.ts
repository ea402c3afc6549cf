/**
 * tidewatch's tokenizer: the one definition of "a word" shared by the full-text index, the query
 * matcher and the trend detectors, so that a query matches the same posts live and in the store.
 *
 * - Folding: NFKC (full-width → ASCII, ligatures), lower case, Latin/Greek/Cyrillic diacritics
 *   removed (é → e), Arabic short vowels and tatweel removed, ’ → '. Marks that carry letters in
 *   Indic, Thai and similar scripts are kept.
 * - Space-separated scripts: a Unicode regex (letters, marks, digits, inner ' and _).
 * - Han, Kana, Thai, Lao, Khmer, Myanmar runs: Intl.Segmenter word boundaries (Node ships full
 *   ICU), so `天气` is one token in `今天天气很好`.
 * - URLs and @mentions are not tokens (they are entities); `#tag` contributes `tag`.
 */

const SEGMENTED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/u;
const SEGMENTED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Word = letters/marks/digits (with inner apostrophes or underscores) or a run needing segmentation. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['_][\p{L}\p{M}\p{N}]+)*/gu;
const URL_OR_MENTION = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.-]+/gu;
/** Combining diacritics, Arabic short vowels and tatweel; the breve of Cyrillic й stays (й is its own letter). */
const STRIP_DIACRITICS = /(?<!\u0438)\u0306|[\u0300-\u0305\u0307-\u036f\u064b-\u065f\u0670\u0640]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** NFKC splits Thai/Lao SARA AM (ำ, ຳ) into two marks that the word segmenter then cuts apart; put it back. */
const SARA_AM_SPLIT = /\u0e4d\u0e32|\u0ecd\u0eb2/g;

let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Case, width and diacritic folding of one string (no tokenising). */
export function fold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(STRIP_DIACRITICS, '')
    .normalize('NFC')
    .replace(/[’ʼ‘`]/g, "'")
    .replace(SARA_AM_SPLIT, (m) => (m === '\u0e4d\u0e32' ? '\u0e33' : '\u0eb3'));
}

function pushSegmented(run: string, out: string[]): void {
  for (const seg of wordSegmenter().segment(run)) {
    if (seg.isWordLike) out.push(seg.segment);
  }
}

/** Tokens of already-folded text with URLs and mentions still in it. */
function tokenizeFolded(folded: string, out: string[]): void {
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    if (!SEGMENTED_CHAR.test(word)) {
      out.push(word);
      continue;
    }
    // Mixed words such as `iphone手机`: split the segmented runs from the rest.
    let rest = word;
    while (rest.length > 0) {
      const run = SEGMENTED_RUN.exec(rest);
      if (!run) {
        out.push(rest);
        break;
      }
      if (run.index > 0) out.push(rest.slice(0, run.index));
      pushSegmented(run[0], out);
      rest = rest.slice(run.index + run[0].length);
    }
  }
}

/** The folded word tokens of a post's text, in order. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const folded = fold(text.replace(URL_OR_MENTION, ' '));
  tokenizeFolded(folded, out);
  return out;
}

/** Whether a token contains characters from a script that is segmented rather than split on spaces. */
export function isSegmentedScript(token: string): boolean {
  return SEGMENTED_CHAR.test(token);
}
