import type { Command } from 'commander';
import { dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';

export function registerStats(program: Command, globals: GlobalOptions): void {
  program
    .command('stats')
    .description('what the store holds: posts, time range, languages, platforms, quarantined records')
    .option('--json', 'one JSON object on stdout')
    .action(async (opts: { json?: boolean }) => {
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const stats = await store.stats();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(stats)}\n`);
          return;
        }
        const langs = Object.entries(stats.languages).map(([k, v]) => `${k} ${v}`).join(', ');
        const platforms = Object.entries(stats.platforms).map(([k, v]) => `${k} ${v}`).join(', ');
        process.stdout.write(
          `posts        ${stats.posts}\nfrom         ${stats.from ?? '-'}\nto           ${stats.to ?? '-'}\n` +
            `languages    ${langs || '-'}\nplatforms    ${platforms || '-'}\nquarantined  ${stats.quarantined}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
