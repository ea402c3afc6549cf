import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { openSource } from '../../sources/detect-format.js';
import { createBatchEnricher } from '../../pipeline/enrich-pool.js';
import { ingest } from '../../pipeline/ingest.js';
import { AlertRuntime } from '../../pipeline/alert-runtime.js';
import { UsageError, dataFolder, openStore, resolveDataDir, secretOf } from '../context.js';
import type { GlobalOptions } from '../main.js';
import { applyRetention, parseRetentionDays } from './purge.js';

interface IngestFlags {
  format?: string;
  mapping?: string;
  workers?: string;
  batch: string;
  json?: boolean;
  fromStart?: boolean;
  retentionDays?: string;
}

/**
 * Files are read as fast as the pipeline takes them: bigger transactions than a live stream's
 * (fewer full-text segments to merge, fewer worker round trips), three in flight so that the posts
 * held in memory stay near what 4 × 2,000 held. bench:ingest (1M posts, idle machine): 20,559,
 * 22,461 and 24,389 posts/s, against 19,341–20,989 in four runs with 2,000 × 4.
 */
const FILE_BATCH = 4000;
const FILE_IN_FLIGHT = 3;

function positiveInt(value: string, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, not ${value}`);
  return n;
}

export function registerIngest(program: Command, globals: GlobalOptions): void {
  program
    .command('ingest')
    .argument('<file>', 'a file to ingest, or - for stdin')
    .description('ingest posts from a file (tidewatch JSONL, generic JSONL/CSV, X API v2, X archive, CrowdTangle/Meta CSV)')
    .option('--format <format>', 'override format detection')
    .option('--mapping <json>', 'column mapping for generic JSONL/CSV, as JSON or @file.json')
    .option('--workers <n>', 'enrichment worker threads (0 = in this thread)')
    .option('--batch <n>', 'records per transaction', String(FILE_BATCH))
    .option('--from-start', 'ignore the checkpoint and read the file from its start (duplicates are still skipped)')
    .option('--retention-days <n>', 'afterwards, purge posts older than this many days')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: IngestFlags) => {
      const folder = dataFolder(resolveDataDir(globals.data));
      const source = await openSource(file, { format: opts.format, mapping: opts.mapping });
      const workers = opts.workers === undefined ? Math.min(2, availableParallelism()) : positiveInt(opts.workers, '--workers', 0);
      const store = openStore(folder);
      const enricher = createBatchEnricher(secretOf(folder), workers);
      const alerting = await AlertRuntime.open({ store, dataDir: folder.dir });
      await alerting.refreshWatchNames();
      const bar = process.stderr.isTTY && !opts.json ? new SingleBar({ format: 'ingest {value} records | {stored} stored | {duplicates} dup | {quarantined} quarantined | {rate}/s', stream: process.stderr }) : undefined;
      const started = performance.now();
      bar?.start(0, 0, { stored: 0, duplicates: 0, quarantined: 0, rate: 0 });
      const abort = new AbortController();
      const onSignal = (): void => abort.abort();
      process.once('SIGINT', onSignal);
      try {
        const summary = await ingest({
          source,
          store,
          enricher,
          batchSize: positiveInt(opts.batch, '--batch'),
          maxInFlight: FILE_IN_FLIGHT,
          resume: !opts.fromStart,
          quarantineFile: folder.quarantinePath,
          signal: abort.signal,
          onCommit: (posts, result) => alerting.committed(posts, result),
          onProgress: (p) => {
            const rate = Math.round(p.read / ((performance.now() - started) / 1000));
            bar?.setTotal(p.read);
            bar?.update(p.read, { stored: p.stored, duplicates: p.duplicates, quarantined: p.quarantined, rate });
          },
        });
        bar?.stop();
        const retention = parseRetentionDays(opts.retentionDays);
        const purged = retention === undefined ? undefined : await applyRetention(store, retention);
        if (purged !== undefined) Object.assign(summary, { purged });
        await alerting.close({ flush: !abort.signal.aborted });
        Object.assign(summary, { alerts: alerting.fired.length });
        if (opts.json) {
          const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
          process.stdout.write(`${JSON.stringify({ ...summary, peakRssMB })}\n`);
        } else {
          process.stdout.write(
            `read ${summary.read}, stored ${summary.stored}, duplicates ${summary.duplicates},` +
              `${summary.withdrawn ? ` withdrawn ${summary.withdrawn} (deleted by their platform),` : ''} quarantined ${summary.quarantined}` +
              ` in ${summary.seconds}s${summary.quarantined ? ` (see ${folder.quarantinePath})` : ''}; ${alerting.fired.length} alerts\n`,
          );
        }
      } finally {
        process.off('SIGINT', onSignal);
        bar?.stop();
        await alerting.close();
        await enricher.close();
        await store.close();
      }
    });
}
