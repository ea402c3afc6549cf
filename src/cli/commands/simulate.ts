import type { Command } from 'commander';
import { writeSimulation } from '../../sources/simulator/index.js';
import { UsageError } from '../context.js';

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('write a seeded multilingual simulated stream as tidewatch JSONL, with its ground truth beside it')
    .requiredOption('--posts <n>', 'how many posts')
    .option('--seed <s>', 'random seed', '1')
    .option('--start <iso>', 'stream start time (ISO 8601)')
    .option('--out <file>', 'output file (FILE.truth.json is written beside it)', 'simulated.jsonl')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { posts: string; seed: string; start?: string; out: string; json?: boolean }) => {
      const posts = Number(opts.posts);
      const seed = Number(opts.seed);
      if (!Number.isInteger(posts) || posts < 1) throw new UsageError(`--posts must be a positive whole number, not ${opts.posts}`);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not ${opts.seed}`);
      const start = opts.start === undefined ? undefined : Date.parse(opts.start);
      if (start !== undefined && !Number.isFinite(start)) throw new UsageError(`--start is not an ISO 8601 time: ${opts.start}`);
      const result = await writeSimulation({ seed, posts, start }, opts.out);
      const summary = { posts: result.posts, out: opts.out, truth: result.truthPath };
      process.stdout.write(opts.json ? `${JSON.stringify(summary)}\n` : `wrote ${result.posts} posts to ${opts.out} (ground truth: ${result.truthPath})\n`);
    });
}
