import type { Command } from 'commander';
import { formatDiagnostics, translateQuery, type Dialect } from '../../query/index.js';
import { UsageError } from '../context.js';

const DIALECTS: Dialect[] = ['brandwatch', 'meltwater'];

export function registerQuery(program: Command): void {
  const query = program.command('query').description('work with query text');
  query
    .command('translate')
    .argument('<query>', 'a query in the other suite\'s syntax')
    .requiredOption('--from <suite>', 'brandwatch | meltwater')
    .option('--json')
    .description("translate a Brandwatch or Meltwater query into tidewatch's language")
    .action((text: string, opts: { from: string; json?: boolean }) => {
      const from = opts.from.toLowerCase() as Dialect;
      if (!DIALECTS.includes(from)) throw new UsageError(`--from must be one of ${DIALECTS.join(', ')}, not ${opts.from}`);
      const result = translateQuery(from, text);
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (result.query !== undefined) process.stdout.write(`${result.query}\n`);
      if (!opts.json && result.diagnostics.length) process.stderr.write(`${formatDiagnostics(text, result.diagnostics)}\n`);
      if (result.query === undefined) process.exitCode = 1;
    });
}
