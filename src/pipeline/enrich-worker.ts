import { parentPort } from 'node:worker_threads';
import { createTextAnalyzer } from '../enrich/create-enricher.js';
import { analyzeText, withGivenLanguage } from '../enrich/enrich.js';

/**
 * Worker side of the enrichment pool: analyses texts (language, tokens, sentiment, written
 * entities) and answers each job with its id. It sees texts only — no authors, no pseudonym key.
 */
interface Job {
  id: number;
  texts: string[];
  /** The texts' language when the caller knows it (no identification). */
  lang?: string;
}

const port = parentPort;
if (!port) throw new Error('enrich-worker must run in a worker thread');

// The pool keeps the memo of whole texts; here only the language memo (keyed by cleaned text) runs.
const ready = createTextAnalyzer().then((analyzer) => ({ ...analyzer, memo: undefined }));

port.on('message', (job: Job) => {
  ready.then(
    (analyzer) => {
      try {
        const given = job.lang === undefined ? analyzer : withGivenLanguage(analyzer, job.lang);
        port.postMessage({ id: job.id, analyses: job.texts.map((text) => analyzeText(text, given)) });
      } catch (err) {
        port.postMessage({ id: job.id, error: (err as Error).stack ?? String(err) });
      }
    },
    (err: Error) => port.postMessage({ id: job.id, error: `enricher failed to start: ${err.message}` }),
  );
});
