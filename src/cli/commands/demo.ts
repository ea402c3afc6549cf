import type { Command } from 'commander';
import type { Post } from '../../model/post.js';
import { createBatchEnricher } from '../../pipeline/enrich-pool.js';
import { ingest } from '../../pipeline/ingest.js';
import { paced } from '../../sources/live.js';
import { createSimulator } from '../../sources/simulator/index.js';
import { UsageError, dataFolder, openStore, resolveDataDir, secretOf } from '../context.js';
import type { GlobalOptions } from '../main.js';

interface DemoFlags {
  rate: string;
  history: string;
  duration?: string;
  seed?: string;
}

/** Rolling counts of the last minute of stream time, for the live summary. */
class LiveSummary {
  private total = 0;
  private recent: Post[] = [];
  add(posts: Post[]): void {
    this.total += posts.length;
    this.recent.push(...posts);
    const newest = this.recent.reduce((m, p) => Math.max(m, p.createdAt), 0);
    this.recent = this.recent.filter((p) => p.createdAt > newest - 60_000);
  }
  line(stored: number): string {
    const langs = new Map<string, number>();
    const tags = new Map<string, number>();
    for (const p of this.recent) {
      langs.set(p.lang, (langs.get(p.lang) ?? 0) + 1);
      for (const h of p.hashtags) tags.set(h, (tags.get(h) ?? 0) + 1);
    }
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v}`).join(', ');
    return `${new Date().toISOString().slice(11, 19)}  stored ${stored}  last minute ${this.recent.length} posts | ${top(langs, 6)} | #${top(tags, 3)}`;
  }
  get stored(): number {
    return this.total;
  }
}

export function registerDemo(program: Command, globals: GlobalOptions): void {
  program
    .command('demo')
    .description('simulate a live multilingual stream, ingest it and show a live summary')
    .option('--rate <n>', 'simulated posts per second', '20')
    .option('--history <minutes>', 'minutes of past stream to backfill at start', '120')
    .option('--duration <seconds>', 'stop after this many seconds (default: until Ctrl-C)')
    .option('--seed <s>', 'simulator seed (default: a new one each run)')
    .action(async (opts: DemoFlags) => {
      const rate = Number(opts.rate);
      const history = Number(opts.history);
      if (!(rate > 0)) throw new UsageError(`--rate must be a positive number, not ${opts.rate}`);
      if (!(history >= 0)) throw new UsageError(`--history must be a number of minutes ≥ 0, not ${opts.history}`);
      const folder = dataFolder(resolveDataDir(globals.data));
      const store = openStore(folder);
      const enricher = createBatchEnricher(secretOf(folder), 1);
      const seed = opts.seed === undefined ? Date.now() % 2_147_483_647 : Number(opts.seed);
      const start = Date.now() - history * 60_000;
      const simulator = createSimulator({ seed, posts: Infinity, start, ratePerSecond: rate });
      const abort = new AbortController();
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const duration = opts.duration === undefined ? undefined : Number(opts.duration);
      const timer = duration === undefined ? undefined : setTimeout(stop, duration * 1000);
      const summary = new LiveSummary();
      process.stdout.write(`tidewatch demo: simulated stream (seed ${seed}, ${rate} posts/s, ${history} min of history) into ${folder.dir}\n`);
      const ticker = setInterval(() => process.stdout.write(`${summary.line(summary.stored)}\n`), 2000);
      try {
        const result = await ingest({
          source: paced(simulator),
          store,
          enricher,
          maxLatencyMs: 500,
          signal: abort.signal,
          quarantineFile: folder.quarantinePath,
          onCommit: (posts) => summary.add(posts),
        });
        process.stdout.write(`${summary.line(summary.stored)}\nstopped: read ${result.read}, stored ${result.stored}, duplicates ${result.duplicates}, quarantined ${result.quarantined}\n`);
      } finally {
        clearInterval(ticker);
        if (timer) clearTimeout(timer);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await enricher.close();
        await store.close();
      }
    });
}
