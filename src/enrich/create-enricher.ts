import type { Enricher } from './enrich.js';
import { createLanguageIdentifier } from './langid.js';

/** Build the per-thread enrichment context: language identifier (and sentiment once wired). */
export async function createEnricher(secret: Buffer): Promise<Enricher> {
  const langid = await createLanguageIdentifier();
  return {
    identify: (text) => langid.identify(text),
    secret,
  };
}
