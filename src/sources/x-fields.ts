/** Field conventions shared by X's API v2 and its account archives. */

/** X escapes these three in tweet text (v1.1 and v2 alike). */
export function unescapeXText(text: string): string {
  return text.includes('&') ? text.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>')) : text;
}

/** X's `lang` code as a hint: its pseudo-codes (und, qme, qht, zxx…) dropped, legacy ISO 639 codes (in, iw) updated. */
export function xLangHint(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const l = lang.toLowerCase();
  if (l === 'und' || l === 'zxx' || l === 'art' || /^q[a-z]{2}$/.test(l)) return undefined;
  return ({ in: 'id', iw: 'he', ji: 'yi' } as Record<string, string>)[l] ?? l;
}

export const xStatusUrl = (id: string) => `https://x.com/i/web/status/${id}`;
