import { z } from 'zod';

/** Platforms tidewatch knows by name; anything else is carried as a free string. */
export const KNOWN_PLATFORMS = ['x', 'bluesky', 'mastodon', 'facebook', 'instagram', 'rss', 'weibo', 'sim', 'file'] as const;

/** Upper bound on a post's text (UTF-8 bytes). Longer records are quarantined, not truncated. */
export const MAX_TEXT_BYTES = 100_000;

export const MetricsSchema = z
  .object({
    likes: z.number().int().nonnegative().optional(),
    reposts: z.number().int().nonnegative().optional(),
    replies: z.number().int().nonnegative().optional(),
    quotes: z.number().int().nonnegative().optional(),
    views: z.number().int().nonnegative().optional(),
  })
  .strict();
export type Metrics = z.infer<typeof MetricsSchema>;

/**
 * What a source yields: a post as the platform described it, normalised to one shape but not yet
 * pseudonymised or enriched. `author` is the platform's author id or handle; it lives only in
 * memory between the source and the enrichment stage and is never stored.
 */
export const RawPostSchema = z.object({
  platform: z.string().min(1).max(64),
  nativeId: z.string().min(1).max(256),
  source: z.string().max(512),
  url: z.string().max(4096).optional(),
  createdAt: z.number().int(), // epoch milliseconds
  author: z.string().max(512),
  text: z.string(),
  replyTo: z.string().max(300).optional(),
  quoteOf: z.string().max(300).optional(),
  repostOf: z.string().max(300).optional(),
  /** Hashtags, mentions and links a platform delivered as entities; merged with what enrichment finds. */
  hashtags: z.array(z.string()).optional(),
  mentions: z.array(z.string()).optional(),
  links: z.array(z.string()).optional(),
  metrics: MetricsSchema.optional(),
  /** A language the platform declared; a hint, checked by enrichment. */
  langHint: z.string().optional(),
});
export type RawPost = z.infer<typeof RawPostSchema>;

/** The normalised, pseudonymised, enriched post: what the store keeps. */
export const PostSchema = z.object({
  /** Stable id: `${platform}:${nativeId}`. */
  id: z.string().min(3),
  platform: z.string(),
  source: z.string(),
  url: z.string().optional(),
  createdAt: z.number().int(),
  ingestedAt: z.number().int(),
  /** HMAC-SHA256 pseudonym of the platform author id (hex, 32 chars). */
  authorKey: z.string().regex(/^[0-9a-f]{32}$/),
  text: z.string(),
  /** BCP 47 primary subtag: ISO 639-1 where one exists, else ISO 639-3; `und` when unknown. */
  lang: z.string().regex(/^([a-z]{2,3}|und)$/),
  langConfidence: z.number().min(0).max(1),
  /** Folded tokens from tidewatch's tokenizer, in order (FTS and query matching use these). */
  tokens: z.array(z.string()),
  hashtags: z.array(z.string()),
  mentions: z.array(z.string()),
  links: z.array(z.string()),
  domains: z.array(z.string()),
  replyTo: z.string().optional(),
  quoteOf: z.string().optional(),
  repostOf: z.string().optional(),
  metrics: MetricsSchema.optional(),
  sentiment: z
    .object({ label: z.enum(['negative', 'neutral', 'positive']), score: z.number().min(-1).max(1) })
    .optional(),
});
export type Post = z.infer<typeof PostSchema>;

export function postId(platform: string, nativeId: string): string {
  return `${platform}:${nativeId}`;
}

/** Reference to another post by its platform-native id, made stable like a post id. */
export function postRef(platform: string, nativeId: string | undefined): string | undefined {
  return nativeId ? postId(platform, nativeId) : undefined;
}
