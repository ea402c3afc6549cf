/**
 * Times as export formats write them, to epoch milliseconds. Only explicit forms are accepted:
 * `Date.parse` alone would read a zone-less "2021-01-06 21:51:12" in the machine's local zone,
 * so such times are taken as UTC (or the caller's default offset) on purpose.
 *
 *   1700000000 / 1700000000000 / "1700000000.5"   epoch seconds or milliseconds
 *   2021-01-06T21:51:12.345Z, 2021-01-06 21:51:12+0100, 2021-01-06 21:51:12 EST, 2021-01-06
 *   Wed Oct 10 20:19:24 +0000 2018                 (Twitter API v1.1, X archives)
 *   Wed, 10 Oct 2018 20:19:24 GMT                  (RFC 2822, with an explicit zone)
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/**
 * Zone abbreviations with one common meaning, in minutes east of UTC. CrowdTangle exports stamp
 * times with the dashboard's zone abbreviation; US meanings are taken for CST/EST (a US tool).
 * Ambiguous ones (IST, BST outside the UK…) are left out so they fail loudly.
 */
const ZONES: Record<string, number> = {
  Z: 0, UT: 0, UTC: 0, GMT: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120,
  EET: 120, EEST: 180, MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, HKT: 480, SGT: 480,
  AEST: 600, AEDT: 660, ACST: 570, AWST: 480, NZST: 720, NZDT: 780, BRT: -180, ART: -180, WIB: 420,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5})?$/;
const V11 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
const EXPLICIT_ZONE = /(?:\b(?:GMT|UTC|UT)\b|[+-]\d{2}:?\d{2}\s*$|Z$)/;

/** A zone as "+05:30", "-0800", "+01" or an abbreviation, in minutes east of UTC; NaN if unknown. */
export function zoneOffsetMinutes(zone: string): number {
  const upper = zone.toUpperCase();
  if (upper in ZONES) return ZONES[upper];
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return Number.NaN;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function utc(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number, offset: number): number {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 23 || mi > 59 || s > 60) return Number.NaN;
  const t = Date.UTC(year, month, day, h, mi, s, ms);
  // Reject days past the month's end (Feb 30) rather than letting Date roll them over.
  if (new Date(t).getUTCDate() !== day) return Number.NaN;
  return t - offset * 60_000;
}

/** Epoch milliseconds for a time value; NaN when it is none of the accepted forms. */
export function parseTimestamp(value: unknown, defaultOffsetMinutes = 0): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.NaN;
    return value < 1e11 && value > -1e11 ? Math.round(value * 1000) : Math.round(value);
  }
  if (typeof value !== 'string') return Number.NaN;
  const s = value.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return parseTimestamp(Number(s));
  let m = ISO.exec(s);
  if (m) {
    const offset = m[8] === undefined ? defaultOffsetMinutes : zoneOffsetMinutes(m[8]);
    if (Number.isNaN(offset)) return Number.NaN;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
  }
  m = V11.exec(s);
  if (m) {
    return utc(Number(m[7]), MONTHS[m[1].toLowerCase()], Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), 0, zoneOffsetMinutes(m[6]));
  }
  return EXPLICIT_ZONE.test(s) ? Date.parse(s) : Number.NaN;
}
