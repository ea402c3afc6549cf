import { type Post, type RawPost, postId, postRef } from '../model/post.js';
import { type Entities, textEntities, withSourceEntities } from './entities.js';
import type { LanguageGuess } from './langid.js';
import type { Memo } from './memo.js';
import { tokenize } from './tokenize.js';

/** What enrichment needs, built once per thread. */
export interface Enricher {
  identify(text: string): LanguageGuess;
  classify?: (text: string, lang: string, tokens: string[]) => Post['sentiment'];
  /** Keyed pseudonym of a platform author id (see pseudonymize.ts). */
  pseudonym: (platform: string, author: string) => string;
  /**
   * Analyses of recently seen texts. Streams repeat texts heavily (reposts, copied narratives:
   * ~40 % of ma2016's tweets and ~47 % of the simulator's posts are a text seen among the last
   * 16k), and language, tokens and sentiment depend on the text alone.
   */
  memo?: Memo<string, TextAnalysis>;
}

/** Everything enrichment derives from a post's text alone. Shared between posts: never mutate. */
export interface TextAnalysis {
  lang: string;
  langConfidence: number;
  tokens: readonly string[];
  sentiment?: Post['sentiment'];
  /** Hashtags, mentions and links written in the text. */
  entities: Readonly<Entities>;
}

/** Language, tokens, sentiment and entities of a text (from the memo when the text was seen recently). */
export function analyzeText(text: string, enricher: Enricher): TextAnalysis {
  const known = enricher.memo?.get(text);
  if (known) return known;
  const { lang, confidence } = enricher.identify(text);
  const tokens = tokenize(text);
  const analysis: TextAnalysis = { lang, langConfidence: confidence, tokens, entities: textEntities(text) };
  if (enricher.classify) analysis.sentiment = enricher.classify(text, lang, tokens);
  enricher.memo?.set(text, analysis);
  return analysis;
}

/** Turn a source's RawPost into the stored Post: stable ids, pseudonym, language, tokens, entities. */
export function enrichPost(raw: RawPost, enricher: Enricher, ingestedAt: number): Post {
  const { lang, langConfidence, tokens, sentiment, entities: found } = analyzeText(raw.text, enricher);
  const entities = withSourceEntities(found, raw);
  const post: Post = {
    id: postId(raw.platform, raw.nativeId),
    platform: raw.platform,
    source: raw.source,
    createdAt: raw.createdAt,
    ingestedAt,
    authorKey: enricher.pseudonym(raw.platform, raw.author),
    text: raw.text,
    lang,
    langConfidence,
    // Each post owns its array: analyses are shared between posts with the same text.
    tokens: tokens.slice(),
    hashtags: entities.hashtags.slice(),
    mentions: entities.mentions.slice(),
    links: entities.links.slice(),
    domains: entities.domains.slice(),
  };
  if (raw.url) post.url = raw.url;
  const replyTo = postRef(raw.platform, raw.replyTo);
  const quoteOf = postRef(raw.platform, raw.quoteOf);
  const repostOf = postRef(raw.platform, raw.repostOf);
  if (replyTo) post.replyTo = replyTo;
  if (quoteOf) post.quoteOf = quoteOf;
  if (repostOf) post.repostOf = repostOf;
  if (raw.metrics) post.metrics = raw.metrics;
  if (sentiment) post.sentiment = { ...sentiment };
  return post;
}
