import type { Command } from 'commander';
import { SseHub } from '../../notify/index.js';
import { startEmbeddedServer } from '../../server/embedded.js';
import { AuthStore, ROLES, type Role } from '../../server/auth-store.js';
import { UsageError, dataFolder, openStore, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';
import { positiveInt } from '../time-flags.js';

export function registerServe(program: Command, globals: GlobalOptions): void {
  program
    .command('serve')
    .description('serve the API and dashboard over the data folder (no ingest)')
    .option('--port <n>', 'HTTP port', '7420')
    .option('--host <host>', 'address to bind (anything but loopback needs --auth)', '127.0.0.1')
    .option('--auth', 'require API tokens (tidewatch token create)')
    .action(async (opts: { port: string; host: string; auth?: boolean }) => {
      const folder = dataFolder(resolveDataDir(globals.data));
      const store = openStore(folder);
      const hub = new SseHub();
      const server = await startEmbeddedServer({
        store,
        dataDir: folder.dir,
        live: hub,
        host: opts.host,
        port: positiveInt(opts.port, '--port', 0),
        auth: opts.auth ? { mode: 'tokens' } : undefined,
      }).catch(async (err: Error) => {
        await store.close();
        throw new UsageError(err.message);
      });
      process.stdout.write(`tidewatch serving ${folder.dir} at ${server.url}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      hub.close();
      await store.close();
    });

  const token = program.command('token').description('API tokens (stored hashed; shown once)');
  token
    .command('create')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--name <name>', 'who or what the token is for', 'cli')
    .description('create a token and print it once')
    .action(async (opts: { role: string; name: string }) => {
      if (!ROLES.includes(opts.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not ${opts.role}`);
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        const { token: secret, info } = new AuthStore(store.db).createToken(opts.role as Role, opts.name);
        process.stdout.write(`${secret}\n`);
        process.stderr.write(`token #${info.id} (${info.role}) for ${info.name}: keep it now, it is not shown again\n`);
      } finally {
        await store.close();
      }
    });
  token
    .command('list')
    .option('--json')
    .description('list tokens (never the secrets)')
    .action(async (opts: { json?: boolean }) => {
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        for (const t of new AuthStore(store.db).listTokens()) {
          process.stdout.write(opts.json ? `${JSON.stringify(t)}\n` : `#${t.id}  ${t.role.padEnd(8)} ${t.name}${t.revoked ? '  (revoked)' : ''}\n`);
        }
      } finally {
        await store.close();
      }
    });
  token
    .command('revoke')
    .argument('<id>')
    .description('revoke a token by its number')
    .action(async (id: string) => {
      const store = openStore(dataFolder(resolveDataDir(globals.data)));
      try {
        if (!new AuthStore(store.db).revokeToken(positiveInt(id, 'id'))) throw new UsageError(`no token #${id}`);
        process.stdout.write(`revoked token #${id}\n`);
      } finally {
        await store.close();
      }
    });
}
