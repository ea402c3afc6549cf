/**
 * First stage of language identification: the script profile either decides the language alone
 * (Hangul → ko, Kana → ja, Han only → zh, Thai, Greek, Georgian, Armenian, the Indic scripts that
 * serve one language…) or names the group of lid.176 labels the model may choose from (Arabic
 * script: ar, fa, ur, ug, ps, ckb…; Devanagari: hi, mr, ne, sa…), so that a Latin-script post
 * is never called Japanese and an Arabic-script one never Latvian.
 */
import { Script, type ScriptProfile } from './langid-text.js';

export type ModelGroup = 'latin' | 'cyrillic' | 'arabic' | 'devanagari' | 'bengali' | 'hebrew' | 'ethiopic' | 'other';

export type Route = { kind: 'decided'; lang: string; confidence: number } | { kind: 'model'; group: ModelGroup };

/** Scripts whose letters name one language (for the purposes of a monitoring platform). */
const SINGLE_LANGUAGE: Partial<Record<Script, string>> = {
  [Script.Greek]: 'el',
  [Script.Armenian]: 'hy',
  [Script.Georgian]: 'ka',
  [Script.Thai]: 'th',
  [Script.Lao]: 'lo',
  [Script.Khmer]: 'km',
  [Script.Myanmar]: 'my',
  [Script.Sinhala]: 'si',
  [Script.Tamil]: 'ta',
  [Script.Telugu]: 'te',
  [Script.Kannada]: 'kn',
  [Script.Malayalam]: 'ml',
  [Script.Gujarati]: 'gu',
  [Script.Gurmukhi]: 'pa',
  [Script.Oriya]: 'or',
  [Script.Tibetan]: 'bo',
  [Script.Thaana]: 'dv',
  [Script.Mongolian]: 'mn',
  [Script.Syriac]: 'syr',
};

const MODEL_GROUP: Partial<Record<Script, ModelGroup>> = {
  [Script.Latin]: 'latin',
  [Script.Cyrillic]: 'cyrillic',
  [Script.Arabic]: 'arabic',
  [Script.Devanagari]: 'devanagari',
  [Script.Bengali]: 'bengali',
  [Script.Hebrew]: 'hebrew',
  [Script.Ethiopic]: 'ethiopic',
};

export function routeByScript(profile: ScriptProfile): Route {
  const { counts, letters, dominant } = profile;
  if (letters === 0) return { kind: 'decided', lang: 'und', confidence: 0 };
  if (dominant === Script.Han || dominant === Script.Kana || dominant === Script.Hangul) {
    const han = counts[Script.Han];
    const kana = counts[Script.Kana];
    const hangul = counts[Script.Hangul];
    const cjk = han + kana + hangul;
    const share = Math.min(1, (3 * cjk) / (letters + 2 * cjk));
    if (hangul > kana) return { kind: 'decided', lang: 'ko', confidence: share };
    // One stray の in a Chinese post does not make it Japanese.
    if (kana >= 2 || (kana > 0 && kana * 10 >= han)) return { kind: 'decided', lang: 'ja', confidence: share };
    return { kind: 'decided', lang: 'zh', confidence: share };
  }
  const single = SINGLE_LANGUAGE[dominant];
  if (single) return { kind: 'decided', lang: single, confidence: counts[dominant] / letters };
  return { kind: 'model', group: MODEL_GROUP[dominant] ?? 'other' };
}

const LATIN = `af als an ast az bar bcl br bs ca cbk ceb co cs cy da de diq dsb en eo es et eu fi fr frr fy ga gd gl gn gv hif hr
  hsb ht hu ia id ie ilo io is it jbo jv kw ku la lb li lmo lt lv mg min ms mt mwl nah nap nds nl nn no oc pam pfl pl pms pt qu rm
  ro sc scn sco sh sk sl so sq su sv sw tk tl tr uz vec vep vi vls vo wa war yo`;
const CYRILLIC = 'av ba be bg bxr ce cv kk kv krc ky lez mhr mk mn mrj myv os ru rue sah sr tg tt tyv uk xal';
const ARABIC = 'ar arz azb ckb fa lrc mzn pnb ps sd ug ur';
const DEVANAGARI = 'bh dty gom hi mai mr ne new sa';
const BENGALI = 'as bn bpy';
const HEBREW = 'he yi';
const ETHIOPIC = 'am';

function labelSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** lid.176 labels allowed per group; `other` allows all. */
export const GROUP_LABELS: Readonly<Record<Exclude<ModelGroup, 'other'>, ReadonlySet<string>>> = {
  latin: labelSet(LATIN),
  cyrillic: labelSet(CYRILLIC),
  arabic: labelSet(ARABIC),
  devanagari: labelSet(DEVANAGARI),
  bengali: labelSet(BENGALI),
  hebrew: labelSet(HEBREW),
  ethiopic: labelSet(ETHIOPIC),
};
