import { type Post, type RawPost, postId, postRef } from '../model/post.js';
import { extractEntities } from './entities.js';
import type { LanguageGuess } from './langid.js';
import { tokenize } from './tokenize.js';

/** What enrichment needs, built once per thread. */
export interface Enricher {
  identify(text: string): LanguageGuess;
  classify?: (text: string, lang: string, tokens: string[]) => Post['sentiment'];
  /** Keyed pseudonym of a platform author id (see pseudonymize.ts). */
  pseudonym: (platform: string, author: string) => string;
}

/** Turn a source's RawPost into the stored Post: stable ids, pseudonym, language, tokens, entities. */
export function enrichPost(raw: RawPost, enricher: Enricher, ingestedAt: number): Post {
  const { lang, confidence } = enricher.identify(raw.text);
  const tokens = tokenize(raw.text);
  const entities = extractEntities(raw.text, raw);
  const post: Post = {
    id: postId(raw.platform, raw.nativeId),
    platform: raw.platform,
    source: raw.source,
    createdAt: raw.createdAt,
    ingestedAt,
    authorKey: enricher.pseudonym(raw.platform, raw.author),
    text: raw.text,
    lang,
    langConfidence: confidence,
    tokens,
    ...entities,
  };
  if (raw.url) post.url = raw.url;
  const replyTo = postRef(raw.platform, raw.replyTo);
  const quoteOf = postRef(raw.platform, raw.quoteOf);
  const repostOf = postRef(raw.platform, raw.repostOf);
  if (replyTo) post.replyTo = replyTo;
  if (quoteOf) post.quoteOf = quoteOf;
  if (repostOf) post.repostOf = repostOf;
  if (raw.metrics) post.metrics = raw.metrics;
  if (enricher.classify) post.sentiment = enricher.classify(raw.text, lang, tokens);
  return post;
}
