import type { Command } from 'commander';
import type { Store } from '../../store/store.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';

const DAY = 86_400_000;

export function parseRetentionDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!(days > 0)) throw new UsageError(`--retention-days must be a positive number of days, not ${value}`);
  return days;
}

/** Delete posts older than the retention window (by post time); returns how many. */
export async function applyRetention(store: Store, days: number, now = Date.now()): Promise<number> {
  return store.purge(now - days * DAY);
}

export function registerPurge(program: Command, globals: GlobalOptions): void {
  program
    .command('purge')
    .description('delete posts older than the retention window, with their index entries and rollups')
    .requiredOption('--retention-days <n>', 'keep this many days of posts')
    .option('--json')
    .action(async (opts: { retentionDays: string; json?: boolean }) => {
      const days = parseRetentionDays(opts.retentionDays)!;
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const purged = await applyRetention(store, days);
        process.stdout.write(opts.json ? `${JSON.stringify({ purged })}\n` : `purged ${purged} posts older than ${days} days\n`);
      } finally {
        await store.close();
      }
    });
}
