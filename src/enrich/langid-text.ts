/**
 * Text preparation for language identification: strip what carries no language (URLs, @mentions,
 * the `#` of hashtags, retweet markers, emoji, digits, punctuation runs) and profile the writing
 * systems of what is left, so that scripts which decide the language alone skip the model.
 */

/** Writing systems tidewatch tells apart; letters of any other script count as `Other`. */
export enum Script {
  None = 0,
  Latin,
  Greek,
  Cyrillic,
  Armenian,
  Hebrew,
  Arabic,
  Syriac,
  Thaana,
  Devanagari,
  Bengali,
  Gurmukhi,
  Gujarati,
  Oriya,
  Tamil,
  Telugu,
  Kannada,
  Malayalam,
  Sinhala,
  Thai,
  Lao,
  Tibetan,
  Myanmar,
  Georgian,
  Hangul,
  Ethiopic,
  Khmer,
  Mongolian,
  Kana,
  Han,
  Other,
}
export const SCRIPT_COUNT = Script.Other + 1;

/** [first, last, script] over UTF-16 code units; supplementary Han via its high surrogates. */
const RANGES: ReadonlyArray<readonly [number, number, Script]> = [
  [0x41, 0x5a, Script.Latin], [0x61, 0x7a, Script.Latin], [0xaa, 0xaa, Script.Latin], [0xba, 0xba, Script.Latin],
  [0xc0, 0xd6, Script.Latin], [0xd8, 0xf6, Script.Latin], [0xf8, 0x2af, Script.Latin], [0x1e00, 0x1eff, Script.Latin],
  [0x2c60, 0x2c7f, Script.Latin], [0xa720, 0xa7ff, Script.Latin], [0xff21, 0xff3a, Script.Latin], [0xff41, 0xff5a, Script.Latin],
  [0x370, 0x3ff, Script.Greek], [0x1f00, 0x1fff, Script.Greek],
  [0x400, 0x52f, Script.Cyrillic], [0x1c80, 0x1c8f, Script.Cyrillic], [0x2de0, 0x2dff, Script.Cyrillic], [0xa640, 0xa69f, Script.Cyrillic],
  [0x531, 0x58f, Script.Armenian], [0xfb13, 0xfb17, Script.Armenian],
  [0x591, 0x5ff, Script.Hebrew], [0xfb1d, 0xfb4f, Script.Hebrew],
  [0x610, 0x61a, Script.Arabic], [0x620, 0x65f, Script.Arabic], [0x66e, 0x6d3, Script.Arabic], [0x6d5, 0x6ff, Script.Arabic],
  [0x750, 0x77f, Script.Arabic], [0x8a0, 0x8ff, Script.Arabic], [0xfb50, 0xfdff, Script.Arabic], [0xfe70, 0xfeff, Script.Arabic],
  [0x700, 0x74f, Script.Syriac], [0x780, 0x7bf, Script.Thaana],
  [0x900, 0x963, Script.Devanagari], [0x966, 0x97f, Script.Devanagari], [0xa8e0, 0xa8ff, Script.Devanagari],
  [0x980, 0x9ff, Script.Bengali], [0xa00, 0xa7f, Script.Gurmukhi], [0xa80, 0xaff, Script.Gujarati], [0xb00, 0xb7f, Script.Oriya],
  [0xb80, 0xbff, Script.Tamil], [0xc00, 0xc7f, Script.Telugu], [0xc80, 0xcff, Script.Kannada], [0xd00, 0xd7f, Script.Malayalam],
  [0xd80, 0xdff, Script.Sinhala], [0xe00, 0xe7f, Script.Thai], [0xe80, 0xeff, Script.Lao], [0xf00, 0xfff, Script.Tibetan],
  [0x1000, 0x109f, Script.Myanmar], [0x10a0, 0x10ff, Script.Georgian], [0x1c90, 0x1cbf, Script.Georgian], [0x2d00, 0x2d2f, Script.Georgian],
  [0x1100, 0x11ff, Script.Hangul], [0x3130, 0x318f, Script.Hangul], [0xa960, 0xa97f, Script.Hangul], [0xac00, 0xd7af, Script.Hangul],
  [0xd7b0, 0xd7ff, Script.Hangul], [0xffa0, 0xffdc, Script.Hangul],
  [0x1200, 0x139f, Script.Ethiopic], [0x2d80, 0x2ddf, Script.Ethiopic], [0xab00, 0xab2f, Script.Ethiopic],
  [0x1780, 0x17ff, Script.Khmer], [0x19e0, 0x19ff, Script.Khmer], [0x1800, 0x18af, Script.Mongolian],
  [0x3041, 0x3096, Script.Kana], [0x309d, 0x309f, Script.Kana], [0x30a1, 0x30fa, Script.Kana], [0x30fc, 0x30ff, Script.Kana],
  [0x31f0, 0x31ff, Script.Kana], [0xff66, 0xff9d, Script.Kana],
  [0x3400, 0x4dbf, Script.Han], [0x4e00, 0x9fff, Script.Han], [0xf900, 0xfaff, Script.Han], [0xd840, 0xd8bf, Script.Han],
  [0x3005, 0x3007, Script.Han],
];

/** Script of each BMP code unit (letters only; digits, punctuation, symbols and spaces are None). */
const SCRIPT_OF = buildScriptTable();

function buildScriptTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  // Letters of scripts not listed above are `Other`.
  const letter = /\p{L}/u;
  for (let cu = 0x80; cu < 0x10000; cu++) {
    if (cu >= 0xd800 && cu <= 0xdfff) continue;
    if (letter.test(String.fromCharCode(cu))) table[cu] = Script.Other;
  }
  for (const [first, last, script] of RANGES) table.fill(script, first, last + 1);
  table[0xd7] = Script.None; // ×
  table[0xf7] = Script.None; // ÷
  return table;
}

export function scriptOfCodeUnit(cu: number): Script {
  return SCRIPT_OF[cu];
}

export interface ScriptProfile {
  /** Letters per Script (index = Script). */
  counts: Uint16Array;
  /** All letters counted. */
  letters: number;
  /**
   * The script with most letters. Han, Kana and Hangul count triple (one sign ≈ one word); other
   * non-Latin letters double, because Latin names and brands inside Greek, Cyrillic or Arabic
   * posts are common and the reverse is rare.
   */
  dominant: Script;
}

/** Count letters per script in (cleaned) text. */
export function profileScripts(text: string): ScriptProfile {
  const counts = new Uint16Array(SCRIPT_COUNT);
  let letters = 0;
  const n = Math.min(text.length, 60_000);
  for (let i = 0; i < n; i++) {
    const s = SCRIPT_OF[text.charCodeAt(i)];
    if (s !== Script.None) {
      counts[s]++;
      letters++;
    }
  }
  let dominant = Script.None;
  let best = 0;
  for (let s = 1; s < SCRIPT_COUNT; s++) {
    const weight = s === Script.Han || s === Script.Kana || s === Script.Hangul ? 3 * counts[s] : s === Script.Latin ? counts[s] : 2 * counts[s];
    if (weight > best) {
      best = weight;
      dominant = s;
    }
  }
  return { counts, letters, dominant };
}

const URL = /(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ly|me|io|gl|be|gd|fm|tv|info|es|pt|br|cat|eus|gal)\/\S*/giu;
const MENTION = /(?<![\p{L}\p{N}_])[@＠][\p{L}\p{N}_.]+/gu;
const RETWEET = /(?<![\p{L}\p{N}])(?:RT|MT|rt)(?:\s*:)?(?![\p{L}\p{N}])/gu;
const HTML_ENTITY = /&(?:[a-z]+|#\d+);/gi;
const MAX_CHARS = 4000;

/** What cleaning does with each BMP code unit. */
const enum Keep {
  Drop = 0,
  Letter = 1,
  Mark = 2,
  Space = 3,
  Joiner = 4,
  Surrogate = 5,
}

const KEEP = buildKeepTable();

function buildKeepTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /[\p{M}\u200c\u200d]/u;
  const space = /\s/u;
  for (let cu = 0; cu < 0x10000; cu++) {
    if (cu >= 0xd800 && cu <= 0xdfff) {
      table[cu] = Keep.Surrogate;
      continue;
    }
    const ch = String.fromCharCode(cu);
    if (letter.test(ch)) table[cu] = Keep.Letter;
    else if (mark.test(ch)) table[cu] = Keep.Mark;
    else if (space.test(ch)) table[cu] = Keep.Space;
  }
  for (const j of "'’-") table[j.charCodeAt(0)] = Keep.Joiner;
  return table;
}

/** Letters of supplementary planes worth keeping: CJK extensions B–H (U+20000–U+323AF). */
function keepSupplementary(cp: number): boolean {
  return cp >= 0x20000 && cp <= 0x323af;
}

/**
 * Text with only its language left: URLs, @mentions, RT markers, `#` (the hashtag's word stays),
 * emoji, digits and punctuation removed; apostrophes and hyphens kept only between letters;
 * letters repeated three or more times squeezed to two (`siiiii` → `sii`); whitespace collapsed.
 */
export function cleanForLanguageId(text: string): string {
  let t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  if (t.includes('/') || t.includes('www.')) t = t.replace(URL, ' ');
  if (t.includes('@') || t.includes('＠')) t = t.replace(MENTION, ' ');
  if (t.includes('&')) t = t.replace(HTML_ENTITY, ' ');
  if (t.includes('RT') || t.includes('MT') || t.includes('rt')) t = t.replace(RETWEET, ' ');
  let out = '';
  let pendingSpace = false;
  let prev = -1;
  let repeats = 0;
  let prevWasLetter = false;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const cu = t.charCodeAt(i);
    let kind = KEEP[cu];
    let width = 1;
    if (kind === Keep.Surrogate) {
      const next = i + 1 < n ? t.charCodeAt(i + 1) : 0;
      if (cu <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        width = 2;
        kind = keepSupplementary(((cu - 0xd800) << 10) + (next - 0xdc00) + 0x10000) ? Keep.Letter : Keep.Drop;
      } else kind = Keep.Drop;
    }
    if (kind === Keep.Joiner) {
      const next = i + 1 < n ? KEEP[t.charCodeAt(i + 1)] : Keep.Drop;
      kind = prevWasLetter && (next === Keep.Letter || next === Keep.Surrogate) ? Keep.Letter : Keep.Drop;
    }
    if (kind === Keep.Letter || kind === Keep.Mark) {
      if (cu === prev && kind === Keep.Letter) {
        if (++repeats >= 2) continue;
      } else repeats = 0;
      prev = cu;
      if (pendingSpace && out.length > 0) out += ' ';
      pendingSpace = false;
      out += width === 1 ? t[i] : t.slice(i, i + 2);
      i += width - 1;
      prevWasLetter = true;
    } else {
      // Digits, punctuation, symbols, emoji and spaces all separate words.
      pendingSpace = true;
      prevWasLetter = false;
      prev = -1;
      i += width - 1;
    }
  }
  return out;
}
