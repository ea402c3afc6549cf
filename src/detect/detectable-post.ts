/**
 * What the detectors read of a post: the enriched Post (src/model/post.ts) satisfies this
 * structurally, and evaluations can build it from any source without the store.
 */
export interface DetectablePost {
  readonly id: string;
  /** Event time, epoch milliseconds. */
  readonly createdAt: number;
  /** Folded tokens from src/enrich/tokenize.ts. */
  readonly tokens: readonly string[];
  readonly hashtags?: readonly string[];
  readonly links?: readonly string[];
  readonly domains?: readonly string[];
  readonly lang?: string;
  readonly platform?: string;
  readonly text?: string;
  /** Pseudonymous author key; when present, alerts need posts from several authors. */
  readonly authorKey?: string;
  /** Set on a repost (boost, retweet): it amplifies a post but does not originate a topic. */
  readonly repostOf?: string;
  /** Set on a reply / a quote: a reaction to another post. */
  readonly replyTo?: string;
  readonly quoteOf?: string;
}

/** The excerpt of a post an alert may quote. */
export function excerptText(text: string | undefined, max = 280): string {
  if (!text) return '';
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
