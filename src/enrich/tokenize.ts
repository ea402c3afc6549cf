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

/** Longest run of a segmented script handed to Intl.Segmenter at once. */
export const MAX_SEGMENTED_RUN = 1000;

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

/**
 * Tokens of already-folded text with URLs and mentions still in it. Runs of segmented scripts are
 * gathered and segmented in one Intl.Segmenter pass over all of them joined by spaces (a space is
 * always a word boundary, so each run segments as it would alone): one pass per post instead of
 * one per run makes Chinese and Japanese posts much cheaper.
 */
function tokenizeFolded(folded: string): string[] {
  const out: string[] = [];
  // Segmented runs in order, and where each goes in `out` (filled in after segmentation).
  let runs: string[] | undefined;
  let slots: number[] | undefined;
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    if (!SEGMENTED_CHAR.test(word)) {
      out.push(word);
      continue;
    }
    runs ??= [];
    slots ??= [];
    // Mixed words such as `iphone手机`: split the segmented runs from the rest.
    let rest = word;
    while (rest.length > 0) {
      const run = SEGMENTED_RUN.exec(rest);
      if (!run) {
        out.push(rest);
        break;
      }
      if (run.index > 0) out.push(rest.slice(0, run.index));
      // Intl.Segmenter slows down superlinearly on long inputs (20k Han characters: ~0.2 s,
      // 100k: ~20 s), so a hostile post is cut into runs of at most MAX_SEGMENTED_RUN characters;
      // a word across a cut is split, which real text never hits.
      for (let at = 0; at < run[0].length; at += MAX_SEGMENTED_RUN) {
        runs.push(run[0].slice(at, at + MAX_SEGMENTED_RUN));
        slots.push(out.length);
        out.push('');
      }
      rest = rest.slice(run.index + run[0].length);
    }
  }
  if (!runs || !slots) return out;
  // Segment the runs in groups joined by spaces, each group at most MAX_SEGMENTED_RUN characters
  // long (Intl.Segmenter slows down superlinearly on long inputs, spaces or not).
  const words: string[][] = runs.map(() => []);
  for (let first = 0; first < runs.length; ) {
    let last = first;
    let length = runs[first].length;
    while (last + 1 < runs.length && length + 1 + runs[last + 1].length <= MAX_SEGMENTED_RUN) length += 1 + runs[++last].length;
    let run = first;
    let runEnd = runs[first].length;
    for (const seg of wordSegmenter().segment(runs.slice(first, last + 1).join(' '))) {
      while (seg.index >= runEnd) runEnd += 1 + runs[++run].length;
      if (seg.isWordLike) words[run].push(seg.segment);
    }
    first = last + 1;
  }
  // Each run's placeholder becomes its words.
  const tokens: string[] = [];
  for (let i = 0, next = 0; i < out.length; i++) {
    if (next < slots.length && slots[next] === i) {
      for (const w of words[next++]) tokens.push(w);
    } else {
      tokens.push(out[i]);
    }
  }
  return tokens;
}

/** The folded word tokens of a post's text, in order. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(fold(text.replace(URL_OR_MENTION, ' ')));
}

/** Whether a token contains characters from a script that is segmented rather than split on spaces. */
export function isSegmentedScript(token: string): boolean {
  return SEGMENTED_CHAR.test(token);
}
