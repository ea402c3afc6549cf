import type { Alert } from '../model/alert.js';
import { termWords } from './term-keys.js';

/**
 * Scoring emerging-topic alerts against labelled events (evaluations on real event streams and
 * on the simulator's ground truth). Definitions, stated once:
 *
 * - An event's characteristic terms: its top-k tokens by TF-IDF, where TF is the share of the
 *   event's posts containing the token and IDF is log(events / events containing it).
 * - An event's onset: the first post that starts `onsetPosts` posts within `onsetWindowMs`
 *   (by default 5 within 30 minutes: the start of the event's first burst; stray early posts,
 *   often days before, do not make an onset). Delays from the very first post are reported too.
 * - An alert matches an event when one of its top `alertTerms` terms (hashtags and pairs read
 *   as their words, links as themselves) is among the event's characteristic terms, and the event was active when the
 *   alert fired: at least `activePosts` of its posts in the `activeWindowMs` before firing.
 * - An event is detected when some alert matches it; its delay is from onset to the first match.
 *   Recall counts the events marked `inRecall`; every event can make an alert a true one.
 * - A false alarm is an alert that matches no event.
 */

export interface LabelledEvent {
  name: string;
  /** Stream times of the event's posts, ascending. */
  times: number[];
  /** Characteristic terms (folded tokens). */
  terms: ReadonlySet<string>;
  /**
   * Whether the event counts for recall (default true). Events that do not (too small to
   * expect an alert) still absorb matching alerts: an alert about a real event is no false alarm.
   */
  inRecall?: boolean;
}

export interface TrendScoringOptions {
  alertTerms: number;
  activePosts: number;
  activeWindowMs: number;
  onsetPosts: number;
  onsetWindowMs: number;
}

export const DEFAULT_TREND_SCORING: TrendScoringOptions = {
  alertTerms: 5,
  activePosts: 3,
  activeWindowMs: 3_600_000,
  onsetPosts: 5,
  onsetWindowMs: 1_800_000,
};

export interface EventScore {
  name: string;
  inRecall: boolean;
  posts: number;
  firstPost: number;
  onset: number;
  detected: boolean;
  firstMatchAt: number | null;
  /** Minutes from onset to the first matching alert (0 when it came earlier). */
  delayMin: number | null;
  /** Minutes from the very first post to the first matching alert. */
  delayFromFirstPostMin: number | null;
  matchingAlerts: number;
  /** The first matching alert's terms, for the report. */
  matchedTerms: string[];
}

export interface TrendScore {
  /** The events counted for recall. */
  events: EventScore[];
  alerts: number;
  matchedAlerts: number;
  falseAlarms: number;
  /** Alerts that matched no event. */
  falseAlarmAlerts: Alert[];
  recall: number;
  medianDelayMin: number | null;
}

/** Index of the first time ≥ t in an ascending array. */
function lowerBound(a: number[], t: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function eventOnset(times: number[], posts: number, windowMs: number): number {
  for (let i = 0; i + posts - 1 < times.length; i++) if (times[i + posts - 1] - times[i] <= windowMs) return times[i];
  return times[0];
}

/** Posts of the event in (t − windowMs, t]. */
export function postsInWindow(times: number[], t: number, windowMs: number): number {
  return lowerBound(times, t + 1) - lowerBound(times, t - windowMs + 1);
}

/**
 * The words an alert stands for, from its top `n` terms: hashtags and pairs as their words, a
 * link as itself (normalised), a domain as nothing (a domain is shared by unrelated stories).
 */
export function alertWords(alert: Alert, n: number): string[] {
  const out: string[] = [];
  for (const term of alert.terms.slice(0, n)) {
    if (term.kind === 'domain') continue;
    for (const w of termWords(term.term, term.kind)) if (!out.includes(w)) out.push(w);
  }
  return out;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function scoreTrendAlerts(alerts: readonly Alert[], events: readonly LabelledEvent[], options: Partial<TrendScoringOptions> = {}): TrendScore {
  const o = { ...DEFAULT_TREND_SCORING, ...options };
  const byTerm = new Map<string, LabelledEvent[]>();
  for (const e of events) for (const term of e.terms) (byTerm.get(term) ?? byTerm.set(term, []).get(term)!).push(e);
  const scores = new Map<LabelledEvent, EventScore>();
  for (const e of events) {
    scores.set(e, {
      name: e.name,
      inRecall: e.inRecall ?? true,
      posts: e.times.length,
      firstPost: e.times[0],
      onset: eventOnset(e.times, o.onsetPosts, o.onsetWindowMs),
      detected: false,
      firstMatchAt: null,
      delayMin: null,
      delayFromFirstPostMin: null,
      matchingAlerts: 0,
      matchedTerms: [],
    });
  }
  const sorted = [...alerts].sort((a, b) => a.firedAt - b.firedAt || (a.id < b.id ? -1 : 1));
  const falseAlarmAlerts: Alert[] = [];
  let matchedAlerts = 0;
  for (const alert of sorted) {
    const candidates = new Set<LabelledEvent>();
    for (const w of alertWords(alert, o.alertTerms)) for (const e of byTerm.get(w) ?? []) candidates.add(e);
    let matched = false;
    for (const e of candidates) {
      if (postsInWindow(e.times, alert.firedAt, o.activeWindowMs) < o.activePosts) continue;
      matched = true;
      const s = scores.get(e)!;
      s.matchingAlerts++;
      if (!s.detected) {
        s.detected = true;
        s.firstMatchAt = alert.firedAt;
        s.delayMin = Math.max(0, alert.firedAt - s.onset) / 60_000;
        s.delayFromFirstPostMin = Math.max(0, alert.firedAt - s.firstPost) / 60_000;
        s.matchedTerms = alert.terms.slice(0, o.alertTerms).map((t) => t.term);
      }
    }
    if (matched) matchedAlerts++;
    else falseAlarmAlerts.push(alert);
  }
  const eventScores = [...scores.values()].filter((s) => s.inRecall);
  const detected = eventScores.filter((s) => s.detected);
  return {
    events: eventScores,
    alerts: alerts.length,
    matchedAlerts,
    falseAlarms: falseAlarmAlerts.length,
    falseAlarmAlerts,
    recall: eventScores.length ? detected.length / eventScores.length : 0,
    medianDelayMin: median(detected.map((s) => s.delayMin!)),
  };
}

/**
 * Top-k characteristic tokens per event by TF-IDF. `docs` maps an event to its posts' token
 * lists; tokens shorter than 2 characters are ignored.
 */
export function topTfIdfTerms(docs: ReadonlyMap<string, readonly (readonly string[])[]>, k = 20): Map<string, string[]> {
  const df = new Map<string, number>();
  const tfs = new Map<string, Map<string, number>>();
  for (const [name, posts] of docs) {
    const tf = new Map<string, number>();
    for (const tokens of posts) for (const tok of new Set(tokens)) if (tok.length >= 2) tf.set(tok, (tf.get(tok) ?? 0) + 1);
    tfs.set(name, tf);
    for (const tok of tf.keys()) df.set(tok, (df.get(tok) ?? 0) + 1);
  }
  const n = docs.size;
  const out = new Map<string, string[]>();
  for (const [name, tf] of tfs) {
    const posts = docs.get(name)!.length;
    const ranked = [...tf]
      .map(([tok, c]) => [tok, (c / posts) * Math.log(n / df.get(tok)!)] as const)
      .filter(([, s]) => s > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.set(name, ranked.slice(0, k).map(([tok]) => tok));
  }
  return out;
}
