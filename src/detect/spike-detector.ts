import type { Alert, AlertTerm, SeriesPoint, TermKind } from '../model/alert.js';
import type { DetectablePost } from './detectable-post.js';
import { EventTimeBuffer, type EventTimeBufferSnapshot } from './event-time-buffer.js';
import { pickRepresentative, samplePost, tally, type PostSample } from './explain.js';
import { SeasonalBaseline, type SeasonalBaselineSnapshot } from './seasonal-baseline.js';
import { shortDigest } from './term-hash.js';
import { TermKeyBuffer } from './term-keys.js';

/**
 * Volume spikes in one watch's per-minute post counts, judged against a baseline that knows the
 * daily rhythm (seasonal-baseline.ts). A window of w minutes (1 and 10 by default) is significant
 * when
 *
 *     z = (Σ observed − Σ expected) / sqrt(Σ max(variance, expected) + 1) ≥ threshold
 *
 * and it holds at least `minCount` posts and `minRatio` times the expected count — so 3 posts
 * where 1 is usual is never an alert. The test runs on each post as it is processed (the open
 * minute's partial count can only grow), so an alert fires on the post that makes the surge
 * significant. Until the baseline has a day of history (`minSlotSamples` per slot) nothing fires
 * and `status()` says why. After an alert the watch stays "in surge" until every window has been
 * below `resetSignificance` for `calmMinutes`, and no new alert comes before `cooldownMinutes`.
 *
 * Posts pass an event-time buffer (`latenessMs`), so shuffled arrival within that tolerance gives
 * the same alerts; all times are the posts' own.
 */

export interface SpikeOptions {
  watch: string;
  latenessMs: number;
  slotMinutes: number;
  halfLifeDays: number;
  minSlotSamples: number;
  threshold: number;
  minCount: number;
  minRatio: number;
  /** Window lengths in minutes. */
  windows: number[];
  resetSignificance: number;
  calmMinutes: number;
  cooldownMinutes: number;
  /** A jump in stream time longer than this is an outage: its empty minutes are not learned. */
  maxGapMinutes: number;
  /** Minutes of series kept for the alert's excerpt. */
  seriesMinutes: number;
  /** Recent posts kept to explain an alert (terms, languages, representative posts). */
  recentPosts: number;
  /** Terms remembered with their usual share of the watch's posts. */
  profileTerms: number;
  profileHalfLifeMs: number;
  maxAlertTerms: number;
  representativePosts: number;
}

export const DEFAULT_SPIKE_OPTIONS: Omit<SpikeOptions, 'watch'> = {
  latenessMs: 5_000,
  slotMinutes: 60,
  halfLifeDays: 7,
  minSlotSamples: 60,
  threshold: 5,
  minCount: 10,
  minRatio: 2,
  windows: [1, 10],
  resetSignificance: 2,
  calmMinutes: 10,
  cooldownMinutes: 60,
  maxGapMinutes: 360,
  seriesMinutes: 60,
  recentPosts: 256,
  profileTerms: 1_000,
  profileHalfLifeMs: 86_400_000,
  maxAlertTerms: 8,
  representativePosts: 3,
};

export interface SpikeStatus {
  watch: string;
  warm: boolean;
  reason?: string;
  inSurge: boolean;
  lastFiredAt: number | null;
  latePosts: number;
  /** Stream time up to which minutes are closed. */
  closedUntil: number | null;
}

interface ClosedMinute {
  t: number;
  count: number;
  mean: number;
  variance: number;
}

interface ProfileTerm {
  text: string;
  kind: TermKind;
  /** Decayed number of posts with the term, as of `at`. */
  weight: number;
  at: number;
}

/** A post or a bare timestamp (count-only feeds). */
type SpikeItem = DetectablePost;

export interface SpikeSnapshot {
  version: 1;
  options: SpikeOptions;
  baseline: SeasonalBaselineSnapshot;
  closed: ClosedMinute[];
  openMinute: number | null;
  openCount: number;
  inSurge: boolean;
  calm: number;
  lastFiredAt: number | null;
  recent: DetectablePost[];
  profile: [number, ProfileTerm][];
  profileTotal: number;
  profileAt: number;
  closedUntil: number | null;
  buffer: EventTimeBufferSnapshot<SpikeItem>;
}

const MINUTE = 60_000;
const NO_ALERTS: Alert[] = [];

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export class SpikeDetector {
  readonly options: SpikeOptions;
  private baseline: SeasonalBaseline;
  private buffer: EventTimeBuffer<SpikeItem>;
  /** Closed minutes, oldest first, at most max(window, series) long. */
  private closed: ClosedMinute[] = [];
  private openMinute: number | null = null;
  private openCount = 0;
  /** The first minute not yet closed. */
  private closedUntil: number | null = null;
  private inSurge = false;
  private calm = 0;
  private lastFiredAt: number | null = null;
  /** The watch's latest posts (a ring), kept whole: explaining an alert reads them. */
  private recent: DetectablePost[] = [];
  private recentNext = 0;
  private profile = new Map<number, ProfileTerm>();
  private profileTotal = 0;
  private profileAt = 0;
  private readonly keep: number;
  private readonly keys = new TermKeyBuffer();
  private readonly profileDecay: number;

  constructor(options: Partial<SpikeOptions> & { watch: string }) {
    this.options = { ...DEFAULT_SPIKE_OPTIONS, ...options };
    const o = this.options;
    if (o.windows.length === 0 || o.windows.some((w) => !Number.isInteger(w) || w < 1)) throw new RangeError('windows must be whole minutes >= 1');
    this.baseline = new SeasonalBaseline({ slotMinutes: o.slotMinutes, halfLifeDays: o.halfLifeDays, minSlotSamples: o.minSlotSamples });
    this.buffer = new EventTimeBuffer<SpikeItem>(o.latenessMs);
    this.keep = Math.max(o.seriesMinutes, ...o.windows, 120);
    this.profileDecay = Math.LN2 / o.profileHalfLifeMs;
  }

  /** Feeds one post of the watch; returns alerts fired by the posts now due. */
  observe(post: DetectablePost): Alert[] {
    return this.processAll(this.buffer.push(post));
  }

  /** Counts a post by its time alone (no explanation beyond counts). */
  observeTime(createdAt: number, id = `t${createdAt}`): Alert[] {
    return this.observe({ id, createdAt, tokens: [] });
  }

  /**
   * Moves stream time to t (the stream's newest event time, not the wall clock, for replay-equal
   * results): releases held posts and closes every minute the watermark has passed, empty ones
   * included. Call it for every watch at least once per batch.
   */
  advanceTo(t: number): Alert[] {
    const alerts = this.processAll(this.buffer.advanceTo(t));
    const watermark = this.buffer.watermark;
    if (Number.isFinite(watermark)) this.closeBefore(Math.floor(watermark / MINUTE) * MINUTE);
    return alerts;
  }

  /** Releases everything held back (end of a replay). */
  flush(): Alert[] {
    return this.processAll(this.buffer.flush());
  }

  /**
   * Feeds a whole minute's count directly (rollups, tests). Minutes must increase; do not mix
   * with `observe` on the same detector. An alert fires at the minute's last millisecond.
   */
  observeMinute(minute: number, count: number): Alert[] {
    const m = Math.floor(minute / MINUTE) * MINUTE;
    if (this.closedUntil !== null && m < this.closedUntil) throw new RangeError('observeMinute: minutes must increase');
    this.closeBefore(m);
    if (this.openMinute === null || this.openMinute < m) {
      this.openMinute = m;
      this.openCount = 0;
    }
    this.openCount += count;
    const alert = this.check(m + MINUTE - 1);
    this.closeBefore(m + MINUTE);
    return alert ? [alert] : NO_ALERTS;
  }

  status(): SpikeStatus {
    const now = this.openMinute ?? this.closedUntil;
    const warm = now !== null && this.baseline.expect(now).warm;
    const s: SpikeStatus = {
      watch: this.options.watch,
      warm,
      inSurge: this.inSurge,
      lastFiredAt: this.lastFiredAt,
      latePosts: this.buffer.late,
      closedUntil: this.closedUntil,
    };
    if (!warm) {
      s.reason = `cold start: the daily baseline needs ${this.options.minSlotSamples} minutes of history in each ${this.options.slotMinutes}-minute slot of the day (about ${Math.ceil(this.options.minSlotSamples / this.options.slotMinutes)} day(s)); no alerts until then`;
    }
    return s;
  }

  private processAll(items: readonly SpikeItem[]): Alert[] {
    if (items.length === 0) return NO_ALERTS;
    let alerts: Alert[] | undefined;
    for (const item of items) {
      const alert = this.process(item);
      if (alert) (alerts ??= []).push(alert);
    }
    return alerts ?? NO_ALERTS;
  }

  private process(post: SpikeItem): Alert | undefined {
    let m = Math.floor(post.createdAt / MINUTE) * MINUTE;
    // A late post whose minute is closed counts in the first open minute: nothing is lost.
    const firstOpen = this.openMinute ?? this.closedUntil;
    if (firstOpen !== null && m < firstOpen) m = firstOpen;
    if (this.openMinute === null || m > this.openMinute) {
      this.closeBefore(m);
      this.openMinute = m;
      this.openCount = 0;
    }
    this.openCount++;
    if (post.tokens.length > 0 || post.hashtags?.length || post.links?.length) this.remember(post);
    return this.check(post.createdAt);
  }

  /** Closes the open minute and the empty minutes after it, up to (not including) `before`. */
  private closeBefore(before: number): void {
    if (this.openMinute === null) {
      if (this.closedUntil === null) return;
      this.openMinute = this.closedUntil;
      this.openCount = 0;
    }
    if (this.openMinute >= before) {
      if (this.openCount === 0 && this.openMinute === this.closedUntil) this.openMinute = null;
      return;
    }
    this.closeMinute(this.openMinute, this.openCount);
    let m = this.openMinute + MINUTE;
    if (before - m > this.options.maxGapMinutes * MINUTE) {
      // An outage: its minutes teach nothing and the surge state starts afresh.
      this.closed = [];
      this.inSurge = false;
      this.calm = 0;
      m = before;
    }
    for (; m < before; m += MINUTE) this.closeMinute(m, 0);
    this.closedUntil = before;
    this.openMinute = null;
    this.openCount = 0;
  }

  private closeMinute(t: number, count: number): void {
    const e = this.baseline.expect(t);
    this.closed.push({ t, count, mean: e.mean, variance: e.variance });
    if (this.closed.length > this.keep) this.closed.splice(0, this.closed.length - this.keep);
    this.baseline.learn(t, count);
    if (this.inSurge) {
      const stillHigh = this.options.windows.some((w) => this.windowSignificance(w, false).z >= this.options.resetSignificance);
      this.calm = stillHigh ? 0 : this.calm + 1;
      if (this.calm >= this.options.calmMinutes) {
        this.inSurge = false;
        this.calm = 0;
      }
    }
  }

  /** Significance of the last w minutes: the open minute and w−1 closed ones, or w closed ones. */
  private windowSignificance(w: number, includeOpen: boolean): { z: number; observed: number; expected: number } {
    let observed = 0;
    let expected = 0;
    let variance = 0;
    let need = w;
    if (includeOpen && this.openMinute !== null) {
      const e = this.baseline.expect(this.openMinute);
      observed += this.openCount;
      expected += e.mean;
      variance += Math.max(e.variance, e.mean);
      need--;
    }
    for (let i = this.closed.length - 1; i >= 0 && need > 0; i--, need--) {
      const c = this.closed[i];
      observed += c.count;
      expected += c.mean;
      variance += Math.max(c.variance, c.mean);
    }
    return { z: (observed - expected) / Math.sqrt(variance + 1), observed, expected };
  }

  private check(t: number): Alert | undefined {
    const o = this.options;
    if (this.openMinute === null || this.openCount < o.minCount) return undefined;
    if (this.inSurge || (this.lastFiredAt !== null && t - this.lastFiredAt < o.cooldownMinutes * MINUTE)) return undefined;
    if (!this.baseline.expect(this.openMinute).warm) return undefined;
    for (const w of o.windows) {
      const s = this.windowSignificance(w, true);
      if (s.z >= o.threshold && s.observed >= o.minCount && s.observed >= o.minRatio * s.expected) {
        this.inSurge = true;
        this.calm = 0;
        this.lastFiredAt = t;
        return this.explain(t, w, s);
      }
    }
    return undefined;
  }

  /** Where the surge began: the earliest of the contiguous elevated minutes before now. */
  private surgeStart(): number {
    let start = this.openMinute!;
    for (let i = this.closed.length - 1; i >= 0; i--) {
      const c = this.closed[i];
      if (c.t !== start - MINUTE) break;
      if (c.count - c.mean <= Math.sqrt(Math.max(c.variance, c.mean) + 1)) break;
      start = c.t;
    }
    return start;
  }

  private series(): SeriesPoint[] {
    const o = this.options;
    const band = (mean: number, variance: number) => round(mean + o.threshold * Math.sqrt(Math.max(variance, mean) + 1));
    const points: SeriesPoint[] = this.closed
      .slice(-o.seriesMinutes)
      .map((c) => ({ t: c.t, observed: c.count, baseline: round(c.mean), upper: band(c.mean, c.variance) }));
    if (this.openMinute !== null) {
      const e = this.baseline.expect(this.openMinute);
      points.push({ t: this.openMinute, observed: this.openCount, baseline: round(e.mean), upper: band(e.mean, e.variance) });
    }
    return points;
  }

  // --- explanation: which terms drive the surge, compared with the watch's usual term shares ---

  private remember(post: DetectablePost): void {
    if (this.recent.length < this.options.recentPosts) this.recent.push(post);
    else {
      // The post leaving the recent ring joins the long-run profile.
      this.learnProfile(this.recent[this.recentNext]);
      this.recent[this.recentNext] = post;
    }
    this.recentNext = (this.recentNext + 1) % this.options.recentPosts;
  }

  /** Entries decay lazily from their own `at`; the total decays here. */
  private decayProfileTo(t: number): void {
    if (t <= this.profileAt) return;
    this.profileTotal *= Math.exp(-this.profileDecay * (t - this.profileAt));
    this.profileAt = t;
  }

  private learnProfile(post: DetectablePost): void {
    const t = post.createdAt;
    this.decayProfileTo(t);
    this.profileTotal += 1;
    const keys = this.keys.collect(post);
    for (let i = 0; i < keys.length; i++) {
      const h = keys.hashes[i];
      const p = this.profile.get(h);
      if (p) {
        p.weight = p.weight * Math.exp(-this.profileDecay * Math.max(0, t - p.at)) + 1;
        p.at = Math.max(p.at, t);
      } else this.profile.set(h, { text: keys.text(i), kind: keys.kinds[i], weight: 1, at: t });
    }
    if (this.profile.size > 2 * this.options.profileTerms) this.pruneProfile(t);
  }

  private profileShare(h: number): number {
    const p = this.profile.get(h);
    if (!p || this.profileTotal <= 0) return 0;
    const w = p.weight * Math.exp(-this.profileDecay * Math.max(0, this.profileAt - p.at));
    return Math.min(1, w / this.profileTotal);
  }

  /** Keeps the `profileTerms` heaviest terms (ties: lower hash first), without sorting entries. */
  private pruneProfile(t: number): void {
    const keep = this.options.profileTerms;
    const size = this.profile.size;
    if (size <= keep) return;
    const weights = new Float64Array(size);
    let i = 0;
    for (const p of this.profile.values()) weights[i++] = p.weight * Math.exp(-this.profileDecay * Math.max(0, t - p.at));
    const sorted = weights.slice().sort();
    const threshold = sorted[size - keep];
    let above = 0;
    for (let j = size - keep + 1; j < size; j++) if (sorted[j] > threshold) above++;
    // Of the terms at the threshold weight, keep those with the lowest hashes.
    const ties: number[] = [];
    i = 0;
    for (const h of this.profile.keys()) if (weights[i++] === threshold) ties.push(h);
    ties.sort((a, b) => a - b);
    const keptTies = new Set(ties.slice(0, keep - above));
    i = 0;
    for (const h of [...this.profile.keys()]) {
      const w = weights[i++];
      if (w < threshold || (w === threshold && !keptTies.has(h))) this.profile.delete(h);
    }
  }

  private explain(t: number, w: number, s: { z: number; observed: number; expected: number }): Alert {
    const o = this.options;
    const startedAt = this.surgeStart();
    const windowStart = Math.min(startedAt, this.openMinute! - (w - 1) * MINUTE);
    const names = new Map<number, { text: string; kind: TermKind }>();
    const inWindow: PostSample[] = [];
    for (const post of this.recent) {
      if (post.createdAt < windowStart || post.createdAt > t) continue;
      const keys = this.keys.collect(post);
      for (let i = 0; i < keys.length; i++) if (!names.has(keys.hashes[i])) names.set(keys.hashes[i], { text: keys.text(i), kind: keys.kinds[i] });
      inWindow.push(samplePost(post, keys.hashList()));
    }
    const counts = new Map<number, number>();
    for (const p of inWindow) for (const h of p.keys) counts.set(h, (counts.get(h) ?? 0) + 1);
    const n = inWindow.length;
    const terms: (AlertTerm & { hash: number })[] = [];
    for (const [h, observed] of counts) {
      if (observed < 3) continue;
      const name = names.get(h)!;
      const expected = this.profileShare(h) * n;
      const z = (observed - expected) / (Math.sqrt(expected) + 1);
      if (z <= 0) continue;
      terms.push({ term: name.text, kind: name.kind, observed, baseline: round(expected), significance: round(z), hash: h });
    }
    terms.sort((a, b) => b.significance - a.significance || b.observed - a.observed || (a.term < b.term ? -1 : 1));
    const top = terms.slice(0, o.maxAlertTerms);
    const topicKey = `spike:${o.watch}`;
    return {
      id: `sp-${t.toString(36)}-${shortDigest(topicKey)}`,
      kind: 'spike',
      watch: o.watch,
      topicKey,
      startedAt,
      firedAt: t,
      windowMs: w * MINUTE,
      terms: top.map(({ hash: _hash, ...term }) => term),
      observed: round(s.observed),
      baseline: round(s.expected),
      significance: round(s.z),
      languages: tally(inWindow, 'lang'),
      platforms: tally(inWindow, 'platform'),
      representative: pickRepresentative(inWindow, new Set(top.map((x) => x.hash)), o.representativePosts),
      series: this.series(),
      status: 'open',
      acknowledgedAt: null,
    };
  }

  snapshot(): SpikeSnapshot {
    return {
      version: 1,
      options: { ...this.options, windows: [...this.options.windows] },
      baseline: this.baseline.snapshot(),
      closed: this.closed.map((c) => ({ ...c })),
      openMinute: this.openMinute,
      openCount: this.openCount,
      inSurge: this.inSurge,
      calm: this.calm,
      lastFiredAt: this.lastFiredAt,
      recent: [...this.recent.slice(this.recentNext), ...this.recent.slice(0, this.recentNext)],
      profile: [...this.profile].map(([h, p]) => [h, { ...p }]),
      profileTotal: this.profileTotal,
      profileAt: this.profileAt,
      closedUntil: this.closedUntil,
      buffer: this.buffer.snapshot(),
    };
  }

  static restore(s: SpikeSnapshot): SpikeDetector {
    if (s.version !== 1) throw new RangeError(`unsupported spike snapshot version ${String(s.version)}`);
    const d = new SpikeDetector(s.options);
    d.baseline = SeasonalBaseline.restore(s.baseline);
    d.closed = s.closed.map((c) => ({ ...c }));
    d.openMinute = s.openMinute;
    d.openCount = s.openCount;
    d.inSurge = s.inSurge;
    d.calm = s.calm;
    d.lastFiredAt = s.lastFiredAt;
    d.recent = s.recent.map((p) => ({ ...p }));
    d.recentNext = d.recent.length % d.options.recentPosts;
    d.profile = new Map(s.profile.map(([h, p]) => [h, { ...p }]));
    d.profileTotal = s.profileTotal;
    d.profileAt = s.profileAt;
    d.closedUntil = s.closedUntil;
    d.buffer = EventTimeBuffer.restore(s.buffer);
    return d;
  }
}
