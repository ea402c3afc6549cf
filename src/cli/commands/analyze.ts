import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createTextAnalyzer } from '../../enrich/create-enricher.js';
import { analyzeText, withGivenLanguage, type TextAnalysis } from '../../enrich/enrich.js';
import { createAnalysisPool } from '../../pipeline/enrich-pool.js';
import { UsageError } from '../context.js';

/** Lines per job sent to the workers, and jobs in flight before reading pauses. */
const BATCH = 2000;
const IN_FLIGHT = 4;

function outputLine(a: TextAnalysis): string {
  const s = a.sentiment!;
  return JSON.stringify({ lang: a.lang, langConfidence: Number(a.langConfidence.toFixed(4)), sentiment: { label: s.label, score: s.score } });
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('read one text per line on stdin; print one JSON line per input: language and sentiment')
    .option('--lang <code>', 'the texts\' language (skips detection)')
    .option('--workers <n>', 'analysis worker threads (0 = in this thread)')
    .option('--json', 'JSON lines (the default and only output)')
    .action(async (opts: { lang?: string; workers?: string }) => {
      if (opts.lang !== undefined && !/^([a-z]{2,3}|und)$/.test(opts.lang)) {
        throw new UsageError(`--lang must be a language code like en, zh or ug, not ${opts.lang}`);
      }
      const workers = opts.workers === undefined ? Math.min(2, availableParallelism()) : Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers must be a whole number ≥ 0, not ${opts.workers}`);
      const lang = opts.lang;

      let analyze: (texts: string[]) => Promise<TextAnalysis[]>;
      let close = async (): Promise<void> => {};
      if (workers === 0) {
        const analyzer = await createTextAnalyzer();
        const given = lang === undefined ? analyzer : withGivenLanguage(analyzer, lang);
        analyze = async (texts) => texts.map((t) => analyzeText(t, given));
      } else {
        const pool = createAnalysisPool(workers);
        analyze = (texts) => pool.analyze(texts, lang);
        close = () => pool.close();
      }

      // Batches go out as they fill and are printed in input order.
      const inFlight: Promise<string>[] = [];
      const printOldest = async (): Promise<void> => {
        const text = await inFlight.shift()!;
        if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once('drain', r));
      };
      const send = (batch: string[]): void => {
        inFlight.push(analyze(batch).then((analyses) => `${analyses.map(outputLine).join('\n')}\n`));
      };
      try {
        let batch: string[] = [];
        for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
          batch.push(line);
          if (batch.length < BATCH) continue;
          send(batch);
          batch = [];
          if (inFlight.length >= IN_FLIGHT) await printOldest();
        }
        if (batch.length > 0) send(batch);
        while (inFlight.length > 0) await printOldest();
      } finally {
        await Promise.allSettled(inFlight);
        await close();
      }
    });
}
