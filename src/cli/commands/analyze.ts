import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createLanguageIdentifier } from '../../enrich/langid.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('read one text per line on stdin; print one JSON line per input with its language')
    .option('--json', 'JSON lines (the default and only output)')
    .action(async () => {
      const langid = await createLanguageIdentifier();
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let out: string[] = [];
      for await (const line of lines) {
        const guess = langid.identify(line);
        out.push(JSON.stringify({ lang: guess.lang, langConfidence: Number(guess.confidence.toFixed(4)) }));
        if (out.length >= 1000) {
          process.stdout.write(`${out.join('\n')}\n`);
          out = [];
        }
      }
      if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    });
}
