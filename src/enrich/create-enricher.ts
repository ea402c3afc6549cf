import type { Enricher, TextAnalysis, TextAnalyzer } from './enrich.js';
import { createLanguageIdentifier } from './langid.js';
import { Memo } from './memo.js';
import { createPseudonymizer } from './pseudonymize.js';
import { loadSentimentModel } from './sentiment.js';

/** Distinct texts per memo generation (the memo keeps between one and two generations). */
export const TEXT_MEMO_CAPACITY = 16_384;

export interface AnalyzerOptions {
  /** Keep a memo of recent texts' analyses (default true; the language memo follows it too). */
  memo?: boolean;
}

/** The per-thread text analyser: language identifier and sentiment model, with memos. */
export async function createTextAnalyzer(options: AnalyzerOptions = {}): Promise<TextAnalyzer> {
  const memo = options.memo ?? true;
  const langid = await createLanguageIdentifier({ memo: memo ? undefined : 0 });
  const sentiment = loadSentimentModel();
  return {
    identify: (text) => langid.identify(text),
    classify: (text, lang, tokens) => sentiment.classify(text, lang, tokens),
    memo: memo ? new Memo<string, TextAnalysis>(TEXT_MEMO_CAPACITY) : undefined,
  };
}

/**
 * Build the per-thread enrichment context: the text analyser and the pseudonym key
 * (`memo: false` turns the memos of recent texts off, for comparisons).
 */
export async function createEnricher(secret: Buffer, options: AnalyzerOptions = {}): Promise<Enricher> {
  return { ...(await createTextAnalyzer(options)), pseudonym: createPseudonymizer(secret) };
}
