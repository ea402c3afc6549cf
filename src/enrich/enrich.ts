import { type Post, type RawPost, postId, postRef } from '../model/post.js';
import { type Entities, extractEntities, withSourceEntities } from './entities.js';
import type { LanguageGuess } from './langid.js';
import type { Memo } from './memo.js';
import { tokenize } from './tokenize.js';

/** What analysing a text needs, built once per thread (language identifier, sentiment model). */
export interface TextAnalyzer {
  identify(text: string): LanguageGuess;
  classify?: (text: string, lang: string, tokens: string[]) => Post['sentiment'];
  /**
   * Analyses of recently seen texts. Streams repeat texts heavily (reposts, copied narratives;
   * `npm run bench:analyze` counts the distinct ones among 200k real tweets), and language,
   * tokens, sentiment and written entities depend on the text alone.
   */
  memo?: Memo<string, TextAnalysis>;
}

/** What enrichment needs, built once per thread: the text analyser and the pseudonym key. */
export interface Enricher extends TextAnalyzer {
  /** Keyed pseudonym of a platform author id (see pseudonymize.ts). */
  pseudonym: (platform: string, author: string) => string;
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

/**
 * The analyser for texts whose language the caller knows: no identification (confidence 1), and
 * no memo of whole texts, whose entries carry identified languages.
 */
export function withGivenLanguage(analyzer: TextAnalyzer, lang: string): TextAnalyzer {
  return { ...analyzer, memo: undefined, identify: () => ({ lang, confidence: 1 }) };
}

/** Language, tokens, sentiment and entities of a text (from the memo when the text was seen recently). */
export function analyzeText(text: string, analyzer: TextAnalyzer): TextAnalysis {
  const known = analyzer.memo?.get(text);
  if (known) return known;
  const { lang, confidence } = analyzer.identify(text);
  const tokens = tokenize(text);
  const analysis: TextAnalysis = { lang, langConfidence: confidence, tokens, entities: extractEntities(text) };
  if (analyzer.classify) analysis.sentiment = analyzer.classify(text, lang, tokens);
  analyzer.memo?.set(text, analysis);
  return analysis;
}

/** The stored Post from a source's RawPost and the analysis of its text: stable ids, pseudonym, entities. */
export function assemblePost(raw: RawPost, analysis: TextAnalysis, authorKey: string, ingestedAt: number): Post {
  const entities = withSourceEntities(analysis.entities, raw);
  const post: Post = {
    id: postId(raw.platform, raw.nativeId),
    platform: raw.platform,
    source: raw.source,
    createdAt: raw.createdAt,
    ingestedAt,
    authorKey,
    text: raw.text,
    lang: analysis.lang,
    langConfidence: analysis.langConfidence,
    // Each post owns its arrays: analyses are shared between posts with the same text.
    tokens: analysis.tokens.slice(),
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
  if (analysis.sentiment) post.sentiment = { ...analysis.sentiment };
  return post;
}

/** Turn a source's RawPost into the stored Post: stable ids, pseudonym, language, tokens, entities. */
export function enrichPost(raw: RawPost, enricher: Enricher, ingestedAt: number): Post {
  return assemblePost(raw, analyzeText(raw.text, enricher), enricher.pseudonym(raw.platform, raw.author), ingestedAt);
}
