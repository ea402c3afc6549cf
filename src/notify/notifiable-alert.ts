/**
 * What delivery needs of an alert. The real Alert model (src/model/alert.ts) satisfies this
 * structurally; delivery treats everything else on the object as opaque JSON and forwards it.
 */
export interface NotifiableAlert {
  id: string;
  /** 'spike' | 'emerging' today; other kinds are carried through. */
  kind: string;
  /** The watch the alert belongs to; absent or null for stream-wide alerts (emerging terms). */
  watch?: string | null;
  /** Epoch milliseconds or an ISO 8601 string. */
  startedAt: number | string;
  firedAt: number | string;
  terms: ReadonlyArray<string | { term: string }>;
  observed: number;
  baseline: number;
  significance: number;
  /** Length of the window `observed`/`baseline` count over, for "120/min" style rates. */
  windowMs?: number;
  /** Refines what "the same surge" means for cool-down (e.g. the emerging term). */
  topicKey?: string;
  languages?: unknown;
  /** Other words most of an emerging topic's posts share (what it is about when its terms are generic). */
  context?: readonly string[];
  representative?: ReadonlyArray<RepresentativePost | string>;
}

export interface RepresentativePost {
  id?: string;
  text?: string;
  url?: string;
  lang?: string;
}

export function alertTerms(alert: NotifiableAlert): string[] {
  return (alert.terms ?? []).map((t) => (typeof t === 'string' ? t : t.term));
}

export function alertWatchLabel(alert: NotifiableAlert): string {
  return alert.watch ? alert.watch : 'all posts';
}

/**
 * The key that identifies "the same surge" for cool-down: the detector's topicKey when it gives
 * one, else the sorted terms for emerging-term alerts (distinct terms are distinct news), else
 * nothing (a spike is per watch).
 */
export function alertTopicKey(alert: NotifiableAlert): string {
  if (alert.topicKey) return alert.topicKey;
  if (alert.kind === 'emerging') return alertTerms(alert).slice().sort().join('\u0001');
  return '';
}

export function rateUnit(windowMs: number | undefined): string {
  switch (windowMs) {
    case undefined:
      return '';
    case 1_000:
      return '/s';
    case 60_000:
      return '/min';
    case 3_600_000:
      return '/h';
    case 86_400_000:
      return '/day';
    default:
      return windowMs % 60_000 === 0 ? ` per ${windowMs / 60_000} min` : ` per ${windowMs / 1000} s`;
  }
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 10 ? n.toFixed(0) : n.toFixed(1);
}

export function formatSignificance(s: number): string {
  return Number.isFinite(s) ? s.toFixed(1) : String(s);
}

export function alertTimeIso(t: number | string): string {
  const d = typeof t === 'number' ? new Date(t) : new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString();
}

/** One line, e.g. `spike in "vaccines": 120/min vs 14 baseline`. */
export function alertHeadline(alert: NotifiableAlert): string {
  const unit = rateUnit(alert.windowMs);
  const where = alert.watch ? `"${alert.watch}"` : 'all posts';
  return `${alert.kind} in ${where}: ${formatCount(alert.observed)}${unit} vs ${formatCount(alert.baseline)} baseline`;
}

export function representativePosts(alert: NotifiableAlert, max = 3): RepresentativePost[] {
  return (alert.representative ?? [])
    .slice(0, max)
    .map((p) => (typeof p === 'string' ? { text: p } : p))
    .filter((p) => p.text || p.url);
}

/** `${baseUrl}/alerts/${id}` without a doubled slash; undefined when no dashboard URL is known. */
export function alertPageUrl(baseUrl: string | undefined, alertId: string): string | undefined {
  if (!baseUrl) return undefined;
  return `${baseUrl.replace(/\/+$/, '')}/alerts/${encodeURIComponent(alertId)}`;
}

/**
 * Languages in whatever shape the detector gives — `{ en: 41, zh: 12 }` counts, `{ en: 0.6 }`
 * shares, `[{ lang, share }]` or plain codes — as display strings like `en 62%`, largest first.
 */
export function languageLabels(languages: unknown, max = 5): string[] {
  const entries: Array<[string, number | undefined]> = [];
  if (Array.isArray(languages)) {
    for (const l of languages) {
      if (typeof l === 'string') entries.push([l, undefined]);
      else if (l && typeof l === 'object') {
        const o = l as Record<string, unknown>;
        const code = o.lang ?? o.language ?? o.code;
        const v = o.share ?? o.count;
        if (typeof code === 'string') entries.push([code, typeof v === 'number' ? v : undefined]);
      }
    }
  } else if (languages && typeof languages === 'object') {
    for (const [k, v] of Object.entries(languages)) entries.push([k, typeof v === 'number' ? v : undefined]);
  }
  const values = entries.map(([, v]) => v).filter((v): v is number => v !== undefined && v >= 0);
  const total = values.reduce((a, b) => a + b, 0);
  // Shares already sum to about 1; anything else is counts.
  const asShares = values.length > 0 && total <= 1.0001;
  return entries
    .slice()
    .sort((a, b) => (b[1] ?? -1) - (a[1] ?? -1))
    .slice(0, max)
    .map(([code, v]) => {
      if (v === undefined || total <= 0) return code;
      return `${code} ${Math.round((asShares ? v : v / total) * 100)}%`;
    });
}
