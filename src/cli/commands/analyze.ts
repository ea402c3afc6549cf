import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createLanguageIdentifier } from '../../enrich/langid.js';
import { loadSentimentModel } from '../../enrich/sentiment.js';
import { tokenize } from '../../enrich/tokenize.js';
import { UsageError } from '../context.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('read one text per line on stdin; print one JSON line per input: language and sentiment')
    .option('--lang <code>', 'the texts\' language (skips detection)')
    .option('--json', 'JSON lines (the default and only output)')
    .action(async (opts: { lang?: string }) => {
      if (opts.lang !== undefined && !/^([a-z]{2,3}|und)$/.test(opts.lang)) {
        throw new UsageError(`--lang must be a language code like en, zh or ug, not ${opts.lang}`);
      }
      const langid = opts.lang === undefined ? await createLanguageIdentifier() : undefined;
      const sentiment = loadSentimentModel();
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let out: string[] = [];
      const flush = async (): Promise<void> => {
        if (out.length === 0) return;
        const ok = process.stdout.write(`${out.join('\n')}\n`);
        out = [];
        if (!ok) await new Promise((r) => process.stdout.once('drain', r));
      };
      for await (const line of lines) {
        const guess = langid ? langid.identify(line) : { lang: opts.lang!, confidence: 1 };
        const s = sentiment.classify(line, guess.lang, tokenize(line));
        out.push(JSON.stringify({ lang: guess.lang, langConfidence: Number(guess.confidence.toFixed(4)), sentiment: { label: s.label, score: s.score } }));
        if (out.length >= 1000) await flush();
      }
      await flush();
    });
}
