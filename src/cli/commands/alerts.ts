import type { Command } from 'commander';
import { ALERT_STATUS_VALUES, alertContextPhrase, type Alert, type AlertStatus } from '../../model/alert.js';
import { SqliteAlertRepository } from '../../server/sqlite-alerts.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';
import { parseTimeFlag, positiveInt } from '../time-flags.js';

export function formatAlertLine(a: Alert): string {
  const where = a.kind === 'spike' ? `spike    ${a.watch}` : 'emerging';
  const terms = a.terms.slice(0, 6).map((t) => t.term).join(', ');
  const context = alertContextPhrase(a);
  const about = context ? `  (${context})` : '';
  return `${new Date(a.firedAt).toISOString()}  ${where.padEnd(24)} ${String(a.observed).padStart(5)} vs ${a.baseline.toFixed(1).padStart(6)}  z=${a.significance.toFixed(1).padStart(5)}  ${terms}${about}  [${a.id}]`;
}

export function registerAlerts(program: Command, globals: GlobalOptions): void {
  program
    .command('alerts')
    .description('alerts fired by the detectors, newest first')
    .option('--since <time>', 'fired at or after (ISO 8601 or an age like 24h, 7d)')
    .option('--watch <name>', "one watch's spikes only")
    .option('--status <status>', ALERT_STATUS_VALUES.join(' | '))
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { since?: string; watch?: string; status?: string; limit: string; json?: boolean }) => {
      if (opts.status !== undefined && !ALERT_STATUS_VALUES.includes(opts.status as AlertStatus)) {
        throw new UsageError(`--status must be one of ${ALERT_STATUS_VALUES.join(', ')}, not ${opts.status}`);
      }
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const repo = new SqliteAlertRepository(store.db);
        const alerts = await repo.list({
          since: parseTimeFlag(opts.since, '--since'),
          watch: opts.watch,
          status: opts.status as AlertStatus | undefined,
          limit: positiveInt(opts.limit, '--limit'),
        });
        for (const a of alerts) process.stdout.write(opts.json ? `${JSON.stringify(a)}\n` : `${formatAlertLine(a)}\n`);
      } finally {
        await store.close();
      }
    });
}
