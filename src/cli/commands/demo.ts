import type { Command } from 'commander';
import { alertContextPhrase, type Alert } from '../../model/alert.js';
import type { Post } from '../../model/post.js';
import { SseHub } from '../../notify/index.js';
import { AlertRuntime } from '../../pipeline/alert-runtime.js';
import { DEMO_TUNING } from '../../pipeline/alerting.js';
import { createBatchEnricher } from '../../pipeline/enrich-pool.js';
import { ingest } from '../../pipeline/ingest.js';
import { startEmbeddedServer } from '../../server/embedded.js';
import { startStoreWriter } from '../../server/writer-thread.js';
import { paced } from '../../sources/live.js';
import { createSimulator } from '../../sources/simulator/index.js';
import { UsageError, dataFolder, openStore, resolveDataDir, secretOf } from '../context.js';
import type { GlobalOptions } from '../main.js';
import { positiveInt } from '../time-flags.js';
import { applyRetention, parseRetentionDays } from './purge.js';

interface DemoFlags {
  rate: string;
  history: string;
  duration?: string;
  seed?: string;
  port: string;
  host: string;
  server: boolean;
  retentionDays?: string;
}

/** Watches the demo starts with, in several languages and scripts, over the simulator's topics. */
export const DEMO_WATCHES: { name: string; query: string; description: string }[] = [
  {
    name: 'weather',
    query: '#weather OR #rain OR #heatwave OR weather OR storm OR 天气 OR 下雨 OR clima OR lluvia OR météo OR pluie OR погода OR дождь OR الطقس OR هوا',
    description: 'Weather talk in English, Chinese, Spanish, French, Russian, Arabic and Persian',
  },
  {
    name: 'transport',
    query: 'strike OR huelga OR grève OR забастовка OR 罢工 OR metro OR métro OR #commute OR #traffic OR #publictransport',
    description: 'Public transport and strikes',
  },
  {
    name: 'elections',
    query: '#election OR #vote OR #debate OR election* OR elecciones OR élection* OR выборы OR 选举 OR انتخابات',
    description: 'Elections across languages',
  },
  {
    name: 'economy',
    query: '#economy OR #inflation OR #rent OR inflation OR inflación OR инфляция OR 通货膨胀 OR تورم OR تضخم',
    description: 'Prices, rent and the economy',
  },
];

/** Rolling counts of the last minute of stream time, for the terminal's live summary. */
class LiveSummary {
  stored = 0;
  private recent: Post[] = [];
  add(posts: readonly Post[]): void {
    this.stored += posts.length;
    this.recent.push(...posts);
    const newest = this.recent.reduce((m, p) => Math.max(m, p.createdAt), 0);
    this.recent = this.recent.filter((p) => p.createdAt > newest - 60_000);
  }
  line(alerts: number): string {
    const langs = new Map<string, number>();
    for (const p of this.recent) langs.set(p.lang, (langs.get(p.lang) ?? 0) + 1);
    const top = [...langs].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ');
    return `${new Date().toISOString().slice(11, 19)}  stored ${this.stored}  last minute ${this.recent.length} posts (${top})  alerts ${alerts}`;
  }
}

function describeAlert(a: Alert): string {
  const terms = a.terms.slice(0, 5).map((t) => t.term).join(', ');
  const where = a.kind === 'spike' ? `spike in watch "${a.watch}"` : 'emerging topic';
  const context = alertContextPhrase(a);
  const about = context ? ` (${context})` : '';
  return `ALERT ${where}: ${terms}${about} — ${a.observed} vs ${a.baseline.toFixed(1)} expected (significance ${a.significance.toFixed(1)}) at ${new Date(a.firedAt).toISOString()}`;
}

export function registerDemo(program: Command, globals: GlobalOptions): void {
  program
    .command('demo')
    .description('simulate a live multilingual stream, ingest it, detect surges and serve the dashboard')
    .option('--port <n>', 'HTTP port', '7420')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--no-server', 'no dashboard, only the terminal summary')
    .option('--rate <n>', 'simulated posts per second', '20')
    .option('--history <minutes>', 'minutes of past stream to backfill at start', '150')
    .option('--duration <seconds>', 'stop after this many seconds (default: until Ctrl-C)')
    .option('--seed <s>', 'simulator seed (default: a new one each run)')
    .option('--retention-days <n>', 'purge posts older than this every hour')
    .action(async (opts: DemoFlags) => {
      const rate = Number(opts.rate);
      const history = Number(opts.history);
      if (!(rate > 0)) throw new UsageError(`--rate must be a positive number, not ${opts.rate}`);
      if (!(history >= 0)) throw new UsageError(`--history must be a number of minutes ≥ 0, not ${opts.history}`);
      const port = positiveInt(opts.port, '--port', 0);
      const retention = parseRetentionDays(opts.retentionDays);
      const folder = dataFolder(resolveDataDir(globals.data));
      const store = openStore(folder);
      for (const w of DEMO_WATCHES) if (!(await store.getWatch(w.name))) await store.addWatch(w.name, w.query, { description: w.description });

      // Batches are written on the store's writer thread, so the server answers while ingest writes.
      const writer = await startStoreWriter(store);
      const hub = new SseHub();
      const server = opts.server ? await startEmbeddedServer({ store, dataDir: folder.dir, live: hub, host: opts.host, port }) : undefined;
      const summary = new LiveSummary();
      const alerting = await AlertRuntime.open({
        store,
        dataDir: folder.dir,
        tuning: DEMO_TUNING,
        hub,
        baseUrl: server?.url,
        onAlert: (a) => process.stdout.write(`${describeAlert(a)}\n`),
      });
      await alerting.refreshWatchNames();
      const enricher = createBatchEnricher(secretOf(folder), 1);
      const seed = opts.seed === undefined ? Date.now() % 2_147_483_647 : Number(opts.seed);
      const simulator = createSimulator({ seed, posts: Infinity, start: Date.now() - history * 60_000, ratePerSecond: rate });

      const abort = new AbortController();
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const timer = opts.duration === undefined ? undefined : setTimeout(stop, Number(opts.duration) * 1000);
      const ticker = setInterval(() => process.stdout.write(`${summary.line(alerting.fired.length)}\n`), 5000);
      const purger = retention === undefined ? undefined : setInterval(() => void applyRetention(writer, retention), 3_600_000);
      process.stdout.write(
        `tidewatch demo: simulated stream (seed ${seed}, ${rate} posts/s, ${history} min of history) into ${folder.dir}\n` +
          (server ? `dashboard and API: ${server.url}\n` : ''),
      );
      try {
        const result = await ingest({
          source: paced(simulator),
          store: writer,
          enricher,
          maxLatencyMs: 500,
          signal: abort.signal,
          quarantineFile: folder.quarantinePath,
          onCommit: async (posts, written) => {
            summary.add(posts);
            await alerting.committed(posts, written);
            if (server) {
              const perWatch: Record<string, number> = {};
              for (const m of written.matches) {
                const name = alerting.watchName(m.watchId);
                perWatch[name] = (perWatch[name] ?? 0) + 1;
              }
              server.committed(posts, perWatch);
            }
          },
        });
        process.stdout.write(`${summary.line(alerting.fired.length)}\nstopped: read ${result.read}, stored ${result.stored}, quarantined ${result.quarantined}\n`);
      } finally {
        clearInterval(ticker);
        if (purger) clearInterval(purger);
        if (timer) clearTimeout(timer);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        // Close everything even when one step fails (e.g. the data folder vanished), so the process exits.
        const steps: [string, () => Promise<void> | void][] = [
          ['detectors', () => alerting.close()],
          ['server', () => server?.close()],
          ['live feed', () => hub.close()],
          ['enrichment', () => enricher.close()],
          ['store writer', () => (writer === store ? undefined : writer.close())],
          ['store', () => store.close()],
        ];
        for (const [name, close] of steps) {
          try {
            await close();
          } catch (err) {
            process.stderr.write(`tidewatch: closing the ${name} failed: ${(err as Error).message}\n`);
          }
        }
      }
    });
}
