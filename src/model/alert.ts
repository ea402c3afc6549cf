import { z } from 'zod';

/**
 * An early-warning alert: a volume spike in one watch, or an emerging topic across the stream.
 * Every figure an alert shows is carried in it (baseline, observed value, significance, driving
 * terms, posts), so an alert explains itself without going back to the detector. Times are the
 * posts' own (event) times in epoch milliseconds, so a replayed file yields the same alerts.
 */

export const ALERT_KIND_VALUES = ['spike', 'emerging'] as const;
export const AlertKindSchema = z.enum(ALERT_KIND_VALUES);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const TERM_KIND_VALUES = ['word', 'hashtag', 'link', 'domain', 'pair'] as const;
export const TermKindSchema = z.enum(TERM_KIND_VALUES);
export type TermKind = z.infer<typeof TermKindSchema>;

/** A term that drives an alert, with its own rise over the same window as the alert. */
export const AlertTermSchema = z.object({
  /** Display form: a folded word, `#tag`, a link, a domain, or `a + b` for a pair. */
  term: z.string().min(1),
  kind: TermKindSchema,
  /** Posts containing the term in the alert's window. */
  observed: z.number().nonnegative(),
  /** What the term's own history predicts for that window. */
  baseline: z.number().nonnegative(),
  significance: z.number(),
});
export type AlertTerm = z.infer<typeof AlertTermSchema>;

export const RepresentativePostSchema = z.object({
  id: z.string(),
  /** The start of the text (at most ~280 characters). */
  text: z.string(),
  createdAt: z.number().int(),
  lang: z.string().optional(),
  platform: z.string().optional(),
});
export type RepresentativePost = z.infer<typeof RepresentativePostSchema>;

/** One minute of the series around an alert, with the band the detector considered normal. */
export const SeriesPointSchema = z.object({
  t: z.number().int(),
  observed: z.number().nonnegative(),
  baseline: z.number().nonnegative(),
  /** Baseline + threshold × spread: above this the minute alone would have fired. */
  upper: z.number().nonnegative(),
});
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export const ALERT_STATUS_VALUES = ['open', 'acknowledged', 'resolved'] as const;
export const AlertStatusSchema = z.enum(ALERT_STATUS_VALUES);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;

export const AlertSchema = z.object({
  /** Deterministic from kind, watch, firing time and topic: a replay yields the same ids. */
  id: z.string().min(1),
  kind: AlertKindSchema,
  /** The watch's name; null for stream-wide emerging-topic alerts. */
  watch: z.string().nullable(),
  /** Identifies "the same surge" for cool-down and de-duplication downstream. */
  topicKey: z.string(),
  /** When the rise began (stream time). */
  startedAt: z.number().int(),
  /** The stream time of the post (or minute end) that made the rise significant. */
  firedAt: z.number().int(),
  /** Width of the window `observed` and `baseline` count over. */
  windowMs: z.number().int().positive(),
  terms: z.array(AlertTermSchema),
  observed: z.number().nonnegative(),
  baseline: z.number().nonnegative(),
  /** A z-like score: standard deviations above the baseline, noise floor included. */
  significance: z.number(),
  /** Posts behind the alert by language code / platform, over the posts the detector kept. */
  languages: z.record(z.string(), z.number().int().nonnegative()),
  platforms: z.record(z.string(), z.number().int().nonnegative()),
  /** A few of the most typical posts (largest overlap with the alert's terms), not the most extreme. */
  representative: z.array(RepresentativePostSchema),
  /**
   * Emerging topics: other words most of the topic's posts share (at least 60% of them), such as
   * the place when the rising terms are generic. Absent when there are none.
   */
  context: z.array(z.string()).optional(),
  /** Minute counts and baseline band before the alert (spikes; empty for emerging topics). */
  series: z.array(SeriesPointSchema),
  status: AlertStatusSchema.default('open'),
  acknowledgedAt: z.number().int().nullable().default(null),
});
export type Alert = z.infer<typeof AlertSchema>;

/** What an emerging alert's context is called wherever it is shown. */
export const ALERT_CONTEXT_TITLE = 'Its posts also mention';

/** `its posts also mention a, b` for an alert with context; empty without. */
export function alertContextPhrase(alert: { context?: readonly string[] }): string {
  return alert.context?.length ? `${ALERT_CONTEXT_TITLE.toLowerCase()} ${alert.context.join(', ')}` : '';
}

/** The short line `tidewatch alerts --json` prints per alert (the full alert is a superset). */
export function alertSummary(alert: Alert): Pick<
  Alert,
  'id' | 'kind' | 'watch' | 'startedAt' | 'firedAt' | 'observed' | 'baseline' | 'significance'
> & { terms: string[] } {
  return {
    id: alert.id,
    kind: alert.kind,
    watch: alert.watch,
    startedAt: alert.startedAt,
    firedAt: alert.firedAt,
    terms: alert.terms.map((t) => t.term),
    observed: alert.observed,
    baseline: alert.baseline,
    significance: alert.significance,
  };
}
