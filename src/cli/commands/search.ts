import type { Command } from 'commander';
import type { Post } from '../../model/post.js';
import { QueryError, formatDiagnostics, lintQuery } from '../../query/index.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';
import { parseTimeFlag, positiveInt } from '../time-flags.js';

export function formatPostLine(p: Post): string {
  const text = p.text.replace(/\s+/g, ' ');
  return `${new Date(p.createdAt).toISOString()}  ${p.lang.padEnd(3)} ${p.platform.padEnd(8)} ${text.length > 140 ? `${text.slice(0, 139)}…` : text}`;
}

/** A post as printed by --json: everything stored, without the internal token list. */
export function publicPost(p: Post): Omit<Post, 'tokens'> {
  const { tokens: _tokens, ...shown } = p;
  return shown;
}

/** Turn a QueryError into a UsageError whose message shows the caret diagnostics. */
export function explainQueryError(err: unknown, query: string): never {
  if (err instanceof QueryError) throw new UsageError(`invalid query\n${formatDiagnostics(query, err.diagnostics)}`);
  throw err;
}

export function registerSearch(program: Command, globals: GlobalOptions): void {
  program
    .command('search')
    .argument('<query>', 'a query in the watch language, e.g. \'flood* AND (valencia OR "comunidad valenciana") -#sport\'')
    .description('search stored posts, newest first')
    .option('--from <time>', 'oldest post time (ISO 8601 or an age like 24h, 7d)')
    .option('--to <time>', 'newest post time (exclusive)')
    .option('--limit <n>', 'how many posts', '20')
    .option('--json', 'one JSON post per line')
    .action(async (query: string, opts: { from?: string; to?: string; limit: string; json?: boolean }) => {
      const limit = positiveInt(opts.limit, '--limit');
      const from = parseTimeFlag(opts.from, '--from');
      const to = parseTimeFlag(opts.to, '--to');
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const diagnostics = lintQuery(query, store.db);
        if (diagnostics.some((d) => d.severity === 'error')) throw new UsageError(`invalid query\n${formatDiagnostics(query, diagnostics)}`);
        if (diagnostics.length > 0 && !opts.json) process.stderr.write(`${formatDiagnostics(query, diagnostics)}\n`);
        const page = await store.searchQuery(query, { from, to, limit }).catch((err) => explainQueryError(err, query));
        for (const p of page.posts) process.stdout.write(opts.json ? `${JSON.stringify(publicPost(p))}\n` : `${formatPostLine(p)}\n`);
      } finally {
        await store.close();
      }
    });
}
