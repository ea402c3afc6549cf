import type { Command } from 'commander';
import type { Bucket } from '../../store/store.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';
import { parseTimeFlag } from '../time-flags.js';

const BUCKETS: Bucket[] = ['minute', 'hour', 'day'];
const DEFAULT_SPAN: Record<Bucket, number> = { minute: 3_600_000, hour: 7 * 86_400_000, day: 90 * 86_400_000 };

export function registerVolume(program: Command, globals: GlobalOptions): void {
  program
    .command('volume')
    .argument('<watch>', 'watch name')
    .description("a watch's volume series from its rollups")
    .option('--by <bucket>', 'minute | hour | day', 'hour')
    .option('--from <time>', 'start (ISO 8601 or an age like 24h, 7d); default: the last hour/week/90 days by bucket')
    .option('--to <time>', 'end (exclusive), default now')
    .option('--lang <code>', 'one language only')
    .option('--json', 'JSON lines {"t","count",…}')
    .action(async (name: string, opts: { by: string; from?: string; to?: string; lang?: string; json?: boolean }) => {
      const bucket = opts.by as Bucket;
      if (!BUCKETS.includes(bucket)) throw new UsageError(`--by must be one of ${BUCKETS.join(', ')}, not ${opts.by}`);
      const to = parseTimeFlag(opts.to, '--to') ?? Date.now();
      const from = parseTimeFlag(opts.from, '--from') ?? to - DEFAULT_SPAN[bucket];
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const watch = await store.getWatch(name);
        if (!watch) throw new UsageError(`no watch named ${JSON.stringify(name)}`);
        const series = await store.watchVolume(watch.id, bucket, from, to, { lang: opts.lang });
        for (const p of series) {
          process.stdout.write(opts.json ? `${JSON.stringify({ ...p, time: new Date(p.t).toISOString() })}\n` : `${new Date(p.t).toISOString()}  ${String(p.count).padStart(7)}\n`);
        }
      } finally {
        await store.close();
      }
    });

  program
    .command('share')
    .argument('<watches...>', 'two or more watch names')
    .description('share of voice between watches over a period')
    .option('--from <time>', 'start (ISO 8601 or an age like 7d)', '7d')
    .option('--to <time>', 'end (exclusive), default now')
    .option('--json')
    .action(async (names: string[], opts: { from: string; to?: string; json?: boolean }) => {
      const to = parseTimeFlag(opts.to, '--to') ?? Date.now();
      const from = parseTimeFlag(opts.from, '--from')!;
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const ids: number[] = [];
        for (const n of names) {
          const w = await store.getWatch(n);
          if (!w) throw new UsageError(`no watch named ${JSON.stringify(n)}`);
          ids.push(w.id);
        }
        const sov = await store.shareOfVoice(ids, from, to);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(sov)}\n`);
          return;
        }
        for (const w of sov.watches) process.stdout.write(`${w.name.padEnd(24)} ${String(w.count).padStart(8)}  ${(w.share * 100).toFixed(1).padStart(5)}%\n`);
      } finally {
        await store.close();
      }
    });
}
