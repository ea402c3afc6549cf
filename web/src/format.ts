const timeFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const clockFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const numFmt = new Intl.NumberFormat();

export function formatTime(t: number | null | undefined): string {
  return t === null || t === undefined ? '—' : timeFmt.format(t);
}

export function formatClock(t: number): string {
  return clockFmt.format(t);
}

export function formatNumber(n: number): string {
  return numFmt.format(Math.round(n * 10) / 10);
}

export function formatAgo(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

export function formatChange(c: number | null): string {
  if (c === null) return 'new';
  const pct = Math.round(c * 100);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

/** Only http(s) links are followed: a post's URL is untrusted input. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export const RANGES = [
  { label: '1 h', from: '-1h' },
  { label: '6 h', from: '-6h' },
  { label: '24 h', from: '-24h' },
  { label: '7 d', from: '-7d' },
] as const;
