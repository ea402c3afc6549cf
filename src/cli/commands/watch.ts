import type { Command } from 'commander';
import { formatDiagnostics, lintQuery } from '../../query/index.js';
import { testQuery } from '../../store/sqlite/watches.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';
import { explainQueryError, formatPostLine, publicPost } from './search.js';

export function registerWatch(program: Command, globals: GlobalOptions): void {
  const watch = program.command('watch').description('saved queries: every new post is matched against them at ingest');
  const withStore = async <T>(fn: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> => {
    const store = openStore(dataFolder(resolveDataDir(globals.data)));
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  watch
    .command('add')
    .argument('<name>')
    .argument('<query>')
    .option('--description <text>')
    .option('--json')
    .description('save a watch; its volume is backfilled from the posts already stored')
    .action((name: string, query: string, opts: { description?: string; json?: boolean }) =>
      withStore(async (store) => {
        if (await store.getWatch(name)) throw new UsageError(`a watch named ${JSON.stringify(name)} exists; remove it first or pick another name`);
        const w = await store.addWatch(name, query, { description: opts.description }).catch((err) => explainQueryError(err, query));
        process.stdout.write(opts.json ? `${JSON.stringify(w)}\n` : `added watch ${w.name} (#${w.id})${w.backfilling ? ', backfilling' : ''}\n`);
      }),
    );

  watch
    .command('list')
    .option('--json')
    .description('list watches')
    .action((opts: { json?: boolean }) =>
      withStore(async (store) => {
        for (const w of await store.listWatches()) {
          process.stdout.write(opts.json ? `${JSON.stringify(w)}\n` : `${String(w.id).padStart(4)}  ${w.name.padEnd(24)} ${w.query}\n`);
        }
      }),
    );

  watch
    .command('show')
    .argument('<name>')
    .option('--json')
    .description('a watch and its last 24 hours')
    .action((name: string, opts: { json?: boolean }) =>
      withStore(async (store) => {
        const w = await store.getWatch(name);
        if (!w) throw new UsageError(`no watch named ${JSON.stringify(name)}`);
        const now = Date.now();
        const day = await store.watchVolume(w.id, 'hour', now - 86_400_000, now);
        const total = day.reduce((n, p) => n + p.count, 0);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...w, last24h: total })}\n`);
          return;
        }
        process.stdout.write(`watch ${w.name} (#${w.id})\nquery   ${w.query}\n${w.description ? `about   ${w.description}\n` : ''}created ${new Date(w.createdAt).toISOString()}\nlast 24 h ${total} posts\n`);
      }),
    );

  watch
    .command('rm')
    .argument('<name>')
    .description('remove a watch and its rollups')
    .action((name: string) =>
      withStore(async (store) => {
        if (!(await store.removeWatch(name))) throw new UsageError(`no watch named ${JSON.stringify(name)}`);
        process.stdout.write(`removed watch ${name}\n`);
      }),
    );

  watch
    .command('lint')
    .argument('<query>')
    .option('--json', 'diagnostics as a JSON array')
    .description('check a query: errors and warnings with line, column and a hint')
    .action((query: string, opts: { json?: boolean }) =>
      withStore(async (store) => {
        const diagnostics = lintQuery(query, store.db);
        if (opts.json) process.stdout.write(`${JSON.stringify(diagnostics)}\n`);
        else process.stdout.write(diagnostics.length ? `${formatDiagnostics(query, diagnostics)}\n` : 'ok\n');
        if (diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;
      }),
    );

  watch
    .command('test')
    .argument('<query>')
    .option('--json')
    .description('lint a query, count its matches in the store and show 10 of them')
    .action((query: string, opts: { json?: boolean }) =>
      withStore(async (store) => {
        const result = testQuery(store.db, query, { samples: 10 });
        const samples = (result.samples ?? []).map(publicPost);
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...result, samples })}\n`);
        else if (result.diagnostics.length) process.stderr.write(`${formatDiagnostics(query, result.diagnostics)}\n`);
        if (result.count === undefined) {
          process.exitCode = 1;
          return;
        }
        if (opts.json) return;
        process.stdout.write(`${result.count} matching posts\n`);
        for (const p of result.samples ?? []) process.stdout.write(`${formatPostLine(p)}\n`);
      }),
    );
}
