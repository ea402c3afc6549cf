import type { Command } from 'commander';
import { parseDeletionLine, readDeletions, type DeletionItem } from '../../sources/deletions.js';
import type { DeleteResult, Store } from '../../store/store.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';

/** Bad lines printed one by one before the rest are only counted. */
const SHOWN_BAD_LINES = 20;

/** The store's DeleteResult summed over every call, and what the notices themselves came to. */
export interface ForgetSummary extends DeleteResult {
  /** Notices read (one a line). */
  notices: number;
  /** Notices that change nothing tidewatch keeps (e.g. an X scrub_geo). */
  skipped: number;
  /** Lines that could not be read; each is reported with its line number. */
  bad: number;
}

/**
 * Applies deletion notices batch by batch; each batch is one transaction, so an interrupted run
 * leaves every applied batch applied, and running it again is harmless.
 */
export async function applyDeletions(store: Store, batches: AsyncIterable<DeletionItem[]> | Iterable<DeletionItem[]>, onBad: (item: Extract<DeletionItem, { kind: 'bad' }>) => void): Promise<ForgetSummary> {
  const summary: ForgetSummary = { notices: 0, deleted: 0, notStored: 0, skipped: 0, bad: 0, alertsRedacted: 0 };
  for await (const batch of batches) {
    const byReason = new Map<string, string[]>();
    for (const item of batch) {
      summary.notices++;
      if (item.kind === 'bad') {
        summary.bad++;
        onBad(item);
      } else if (item.kind === 'skip') summary.skipped++;
      else {
        const ids = byReason.get(item.reason);
        if (ids) ids.push(item.id);
        else byReason.set(item.reason, [item.id]);
      }
    }
    for (const [reason, ids] of byReason) {
      const r = await store.deletePosts(ids, { reason });
      summary.deleted += r.deleted;
      summary.notStored += r.notStored;
      summary.alertsRedacted += r.alertsRedacted;
    }
  }
  return summary;
}

export function registerForget(program: Command, globals: GlobalOptions): void {
  program
    .command('forget')
    .description('apply deletions a platform announced: remove the posts and all counted from them, and never store them again')
    .argument('[file]', 'deletion notices, one a line: platform:id, or X compliance results/events (- for stdin)')
    .option('--id <ids...>', 'post ids (platform:id) instead of a file')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string | undefined, opts: { id?: string[]; json?: boolean }) => {
      if ((file === undefined) === (opts.id === undefined)) throw new UsageError('forget takes a file of deletion notices or --id, one of the two');
      const where = file ?? '--id';
      const batches: AsyncIterable<DeletionItem[]> | Iterable<DeletionItem[]> =
        file !== undefined ? readDeletions(file) : [opts.id!.map((id, i) => parseDeletionLine(id, i + 1) ?? { kind: 'bad' as const, line: i + 1, reason: 'empty id', excerpt: '' })];
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      let shown = 0;
      try {
        const summary = await applyDeletions(store, batches, (bad) => {
          if (shown++ < SHOWN_BAD_LINES) process.stderr.write(`${where}:${bad.line}: ${bad.reason}${bad.excerpt ? `: ${bad.excerpt}` : ''}\n`);
        });
        if (summary.bad > SHOWN_BAD_LINES) process.stderr.write(`${where}: ${summary.bad - SHOWN_BAD_LINES} more bad lines not shown\n`);
        if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else {
          process.stdout.write(
            `${summary.notices} notices: deleted ${summary.deleted} stored posts, ${summary.notStored} not stored (remembered, never to be stored), ` +
              `${summary.skipped} skipped, ${summary.bad} unreadable; ${summary.alertsRedacted} alerts lost representative posts\n`,
          );
        }
        // Unreadable notices may be deletions not applied: say so in the exit code.
        if (summary.bad > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
