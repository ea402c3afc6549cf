/**
 * Language codes as tidewatch stores them: the BCP 47 primary subtag, i.e. ISO 639-1 where one
 * exists, else ISO 639-3; `und` when unknown.
 *
 * Decisions (also in docs/models/langid.md):
 * - Norwegian: lid.176's `no` (Wikipedia's Bokmål) and legacy `no` hints become `nb`; `nn` stays.
 * - Macrolanguage members collapse to the macrolanguage's ISO 639-1 code when one exists
 *   (`cmn`→`zh`, `arb`/`arz`→`ar`, `pes`/`prs`→`fa`, `zlm`→`ms`, `azj`/`azb`→`az`, `gaz`→`om`…),
 *   because people filter posts by the language they read, not by the variety.
 * - Distinct written standards without an ISO 639-1 code keep their ISO 639-3 code
 *   (`ckb` Sorani, `yue` Cantonese, `pnb` Western Punjabi, `ceb`, `war`, `ast`…).
 * - lid.176's Wikipedia codes that are not ISO codes are mapped: `als` (Alemannic Wikipedia) → `gsw`,
 *   `diq` → `zza`, `eml` → `egl`, `bh` → `bh` (ISO 639-1 collective code, kept), `sh` →
 *   Serbo-Croatian is resolved to `bs`/`hr`/`sr` by the second stage, and is `hr` only as fallback.
 * - Deprecated ISO 639-1 codes are renamed: `iw`→`he`, `in`→`id`, `ji`→`yi`, `jw`→`jv`, `mo`→`ro`,
 *   and `fil` (ISO 639-2/3 Filipino) → `tl`, which is what lid.176 and the lingua data call it.
 */

/** ISO 639-3 (and 639-2/T) codes of languages with an ISO 639-1 code, plus macrolanguage members. */
const ISO3_TO_1: Readonly<Record<string, string>> = {
  aar: 'aa', abk: 'ab', afr: 'af', aka: 'ak', fat: 'ak', twi: 'ak', amh: 'am', arg: 'an', ara: 'ar', arb: 'ar', arz: 'ar',
  apc: 'ar', ajp: 'ar', acm: 'ar', ary: 'ar', aeb: 'ar', afb: 'ar', ayl: 'ar', asm: 'as', ava: 'av', aym: 'ay', ayr: 'ay',
  aze: 'az', azj: 'az', azb: 'az', bak: 'ba', bel: 'be', bul: 'bg', bis: 'bi', bam: 'bm', ben: 'bn', bod: 'bo', tib: 'bo',
  bre: 'br', bos: 'bs', cat: 'ca', che: 'ce', cha: 'ch', cos: 'co', cre: 'cr', ces: 'cs', cze: 'cs', chu: 'cu', chv: 'cv',
  cym: 'cy', wel: 'cy', dan: 'da', deu: 'de', ger: 'de', div: 'dv', dzo: 'dz', ewe: 'ee', ell: 'el', gre: 'el', eng: 'en',
  epo: 'eo', spa: 'es', est: 'et', ekk: 'et', eus: 'eu', baq: 'eu', fas: 'fa', per: 'fa', pes: 'fa', prs: 'fa', ful: 'ff',
  fin: 'fi', fij: 'fj', fao: 'fo', fra: 'fr', fre: 'fr', fry: 'fy', gle: 'ga', gla: 'gd', glg: 'gl', grn: 'gn', gug: 'gn',
  guj: 'gu', glv: 'gv', hau: 'ha', heb: 'he', hin: 'hi', hmo: 'ho', hrv: 'hr', hat: 'ht', hun: 'hu', hye: 'hy', arm: 'hy',
  her: 'hz', ina: 'ia', ind: 'id', ile: 'ie', ibo: 'ig', iii: 'ii', ipk: 'ik', ido: 'io', isl: 'is', ice: 'is', ita: 'it',
  iku: 'iu', ike: 'iu', jpn: 'ja', jav: 'jv', kat: 'ka', geo: 'ka', kon: 'kg', kng: 'kg', kik: 'ki', kua: 'kj', kaz: 'kk',
  kal: 'kl', khm: 'km', kan: 'kn', kor: 'ko', kau: 'kr', knc: 'kr', kas: 'ks', kur: 'ku', kmr: 'ku', kom: 'kv', kpv: 'kv',
  cor: 'kw', kir: 'ky', lat: 'la', ltz: 'lb', lug: 'lg', lim: 'li', lin: 'ln', lao: 'lo', lit: 'lt', lub: 'lu', lav: 'lv',
  lvs: 'lv', mlg: 'mg', plt: 'mg', mah: 'mh', mri: 'mi', mao: 'mi', mkd: 'mk', mac: 'mk', mal: 'ml', mon: 'mn', khk: 'mn',
  mar: 'mr', msa: 'ms', may: 'ms', zlm: 'ms', zsm: 'ms', mlt: 'mt', mya: 'my', bur: 'my', nau: 'na', nob: 'nb', nor: 'nb',
  nde: 'nd', nep: 'ne', npi: 'ne', ndo: 'ng', nld: 'nl', dut: 'nl', nno: 'nn', nbl: 'nr', nav: 'nv', nya: 'ny', oci: 'oc',
  oji: 'oj', ojb: 'oj', orm: 'om', gaz: 'om', ori: 'or', ory: 'or', oss: 'os', pan: 'pa', pli: 'pi', pol: 'pl', pus: 'ps',
  pbu: 'ps', pbt: 'ps', por: 'pt', que: 'qu', quz: 'qu', quy: 'qu', roh: 'rm', run: 'rn', ron: 'ro', rum: 'ro', rus: 'ru',
  kin: 'rw', san: 'sa', srd: 'sc', src: 'sc', snd: 'sd', sme: 'se', sag: 'sg', sin: 'si', slk: 'sk', slo: 'sk', slv: 'sl',
  smo: 'sm', sna: 'sn', som: 'so', sqi: 'sq', alb: 'sq', als: 'sq', aln: 'sq', srp: 'sr', ssw: 'ss', sot: 'st', sun: 'su',
  swe: 'sv', swa: 'sw', swh: 'sw', tam: 'ta', tel: 'te', tgk: 'tg', tha: 'th', tir: 'ti', tuk: 'tk', tgl: 'tl', fil: 'tl',
  tsn: 'tn', ton: 'to', tur: 'tr', tso: 'ts', tat: 'tt', tah: 'ty', uig: 'ug', ukr: 'uk', urd: 'ur', uzb: 'uz', uzn: 'uz',
  ven: 've', vie: 'vi', vol: 'vo', wln: 'wa', wol: 'wo', xho: 'xh', yid: 'yi', ydd: 'yi', yor: 'yo', zha: 'za', zyb: 'za',
  zho: 'zh', chi: 'zh', cmn: 'zh', zul: 'zu',
};

/** Two-letter codes that are deprecated, collective in a way tidewatch resolves, or not ISO 639-1. */
const ALIASES: Readonly<Record<string, string>> = {
  iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro', no: 'nb', sh: 'hr',
};

/** lid.176's Wikipedia language codes that are neither ISO 639-1 nor the ISO 639-3 code we keep. */
const FASTTEXT_LABELS: Readonly<Record<string, string>> = {
  no: 'nb', als: 'gsw', arz: 'ar', azb: 'az', diq: 'zza', eml: 'egl', sh: 'hr', wuu: 'zh',
};

/**
 * Normalise a language tag from any source (a platform hint, a detector, a data set) to
 * tidewatch's code: `pt-BR` → `pt`, `iw` → `he`, `zh-Hant` → `zh`, `spa` → `es`, `nob` → `nb`.
 * Anything that is not a plausible language subtag becomes `und`.
 */
export function normalizeLanguageCode(tag: string | undefined | null): string {
  if (!tag) return 'und';
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0];
  if (!/^[a-z]{2,3}$/.test(primary)) return 'und';
  if (primary.length === 2) return ALIASES[primary] ?? primary;
  if (primary === 'und' || primary === 'zxx' || primary === 'mul' || primary === 'mis') return 'und';
  return ISO3_TO_1[primary] ?? primary;
}

/** The tidewatch code of a lid.176 label (without `__label__`). */
export function fastTextLabelToCode(label: string): string {
  return FASTTEXT_LABELS[label] ?? normalizeLanguageCode(label);
}
