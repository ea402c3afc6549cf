import type { Enricher } from './enrich.js';
import { createLanguageIdentifier } from './langid.js';
import { createPseudonymizer } from './pseudonymize.js';
import { loadSentimentModel } from './sentiment.js';

/** Build the per-thread enrichment context: language identifier, sentiment model, pseudonym key. */
export async function createEnricher(secret: Buffer): Promise<Enricher> {
  const langid = await createLanguageIdentifier();
  const sentiment = loadSentimentModel();
  return {
    identify: (text) => langid.identify(text),
    classify: (text, lang, tokens) => sentiment.classify(text, lang, tokens),
    pseudonym: createPseudonymizer(secret),
  };
}
