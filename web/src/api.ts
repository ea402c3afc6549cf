/** The dashboard's view of the HTTP API (docs/api.md): typed fetch helpers and the API token. */

const TOKEN_KEY = 'tidewatch.token';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined | null>;

export function apiUrl(path: string, params: Params = {}, withToken = false): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const token = getToken();
  if (withToken && token) q.set('access_token', token);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(path: string, options: { params?: Params; method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(apiUrl(path, options.params), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    if (res.status === 401) window.dispatchEvent(new CustomEvent('tidewatch:unauthorized'));
    throw new ApiError(res.status, typeof body.message === 'string' ? body.message : res.statusText, body);
  }
  return body as T;
}

export interface Point {
  t: number;
  count: number;
}

export interface WatchSummary {
  name: string;
  query: string;
  description?: string;
  createdAt: number;
  updatedAt: number;
  sparkline: Point[];
  lastHour: number;
  change: number | null;
  openAlerts: number;
  error?: string;
}

export interface Suppressed {
  k: number;
  rows: number;
  posts: number;
}

export interface PublicPost {
  id: string;
  platform: string;
  source: string;
  url: string | null;
  createdAt: number;
  author: string;
  text: string;
  lang: string;
  hashtags: string[];
  links: string[];
  domains: string[];
  sentiment: { label: string; score: number } | null;
}

export interface AlertTerm {
  term: string;
  kind: string;
  observed: number;
  baseline: number;
  significance: number;
}

export interface Alert {
  id: string;
  kind: string;
  watch: string | null;
  startedAt: number;
  firedAt: number;
  windowMs: number;
  terms: AlertTerm[];
  observed: number;
  baseline: number;
  significance: number;
  languages: Record<string, number>;
  platforms: Record<string, number>;
  representative: { id: string; text: string; createdAt: number; lang?: string; platform?: string }[];
  /** Emerging topics: other words most of their posts share. */
  context?: string[];
  series: { t: number; observed: number; baseline: number; upper: number }[];
  status: 'open' | 'acknowledged' | 'resolved';
  acknowledgedAt: number | null;
  suppressed?: { languages: Suppressed; platforms: Suppressed };
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

export interface SourceHealth {
  name: string;
  rate: number;
  lastPostAt: number | null;
  lastIngestAt: number | null;
  lagMs: number | null;
  errors: number;
  quarantined: { line: number; reason: string; excerpt: string }[];
  status: 'live' | 'idle' | 'stalled';
}

export interface TopList {
  items: { value: string; posts: number; authors: number }[];
  suppressed: Suppressed;
  sampled: boolean;
  sampledPosts: number;
}

export interface KeyedSeries {
  points: { t: number; key: string; posts: number }[];
  totals: Record<string, number>;
  suppressed: Suppressed;
}

export interface SentimentSeries {
  points: { t: number; posts: number; mean: number | null; suppressed: boolean }[];
  suppressed: Suppressed;
}

export interface SearchPage {
  posts: PublicPost[];
  next: string | null;
}
