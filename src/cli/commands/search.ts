import type { Command } from 'commander';
import { tokenize } from '../../enrich/tokenize.js';
import type { Post } from '../../model/post.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';

export function formatPostLine(p: Post): string {
  const text = p.text.replace(/\s+/g, ' ');
  return `${new Date(p.createdAt).toISOString()}  ${p.lang.padEnd(3)} ${p.platform.padEnd(8)} ${text.length > 140 ? `${text.slice(0, 139)}…` : text}`;
}

export function registerSearch(program: Command, globals: GlobalOptions): void {
  program
    .command('search')
    .argument('<words>', 'words that must all occur')
    .description('full-text search of stored posts, newest first')
    .option('--limit <n>', 'how many posts', '20')
    .option('--json', 'one JSON post per line')
    .action(async (words: string, opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, not ${opts.limit}`);
      const terms = tokenize(words);
      if (terms.length === 0) throw new UsageError(`nothing to search for in ${JSON.stringify(words)}`);
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const posts = await store.searchTerms(terms, { limit });
        for (const p of posts) {
          const { tokens: _tokens, ...shown } = p;
          process.stdout.write(opts.json ? `${JSON.stringify(shown)}\n` : `${formatPostLine(p)}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
