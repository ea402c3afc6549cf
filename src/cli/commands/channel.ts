import { join } from 'node:path';
import type { Command } from 'commander';
import { CHANNEL_KINDS, describeChannel } from '../../model/channel.js';
import { AlertDispatcher, CHANNELS_FILE_NAME, addChannelToFile, readChannelsFile, removeChannelFromFile } from '../../notify/index.js';
import { sampleAlert } from '../../notify/sample-alerts.js';
import { UsageError, resolveDataDir } from '../context.js';
import type { GlobalOptions } from '../main.js';

interface AddFlags {
  kind: string;
  url?: string;
  secret?: string;
  watch?: string[];
  alertKind?: string[];
  minSignificance?: string;
  quiet?: string;
  tz?: string;
  cooldown?: string;
  smtpHost?: string;
  smtpPort?: string;
  smtpSecure?: boolean;
  smtpUser?: string;
  smtpPass?: string;
  from?: string;
  to?: string[];
  replace?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerChannel(program: Command, globals: GlobalOptions): void {
  const channel = program.command('channel').description('where alerts are delivered: webhook, slack (or Mattermost), email, sse');
  const file = () => join(resolveDataDir(globals.data), CHANNELS_FILE_NAME);

  channel
    .command('add')
    .argument('<name>')
    .requiredOption('--kind <kind>', CHANNEL_KINDS.join(' | '))
    .option('--url <url>', 'webhook or incoming-webhook URL')
    .option('--secret <secret>', 'HMAC key for X-Tidewatch-Signature (webhook, ≥ 16 characters)')
    .option('--watch <name>', 'only alerts of this watch (repeatable; default all)', collect)
    .option('--alert-kind <kind>', 'spike | emerging (repeatable; default both)', collect)
    .option('--min-significance <z>', 'only alerts at least this significant')
    .option('--quiet <HH:MM-HH:MM>', 'quiet hours: no delivery between these times')
    .option('--tz <zone>', 'time zone of the quiet hours (IANA)', 'UTC')
    .option('--cooldown <seconds>', 'no repeat alert for the same surge within this time')
    .option('--smtp-host <host>')
    .option('--smtp-port <port>')
    .option('--smtp-secure', 'implicit TLS')
    .option('--smtp-user <user>')
    .option('--smtp-pass <pass>')
    .option('--from <address>')
    .option('--to <address>', 'recipient (repeatable)', collect)
    .option('--replace', 'replace a channel of the same name')
    .description('add a delivery channel (kept in channels.json in the data folder)')
    .action(async (name: string, o: AddFlags) => {
      const input: Record<string, unknown> = { name, kind: o.kind };
      if (o.url) input.url = o.url;
      if (o.secret) input.secret = o.secret;
      if (o.watch) input.watches = o.watch;
      if (o.alertKind) input.kinds = o.alertKind;
      if (o.minSignificance !== undefined) input.minSignificance = Number(o.minSignificance);
      if (o.cooldown !== undefined) input.cooldownSeconds = Number(o.cooldown);
      if (o.quiet) {
        const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(o.quiet);
        if (!m) throw new UsageError(`--quiet must look like 22:00-07:00, not ${o.quiet}`);
        input.quietHours = { start: m[1], end: m[2], tz: o.tz };
      }
      if (o.kind === 'email') {
        input.smtp = {
          host: o.smtpHost,
          port: o.smtpPort === undefined ? undefined : Number(o.smtpPort),
          secure: o.smtpSecure ?? false,
          user: o.smtpUser,
          pass: o.smtpPass,
          from: o.from,
          to: o.to ?? [],
        };
      }
      try {
        await addChannelToFile(file(), input, o.replace ?? false);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      process.stdout.write(`added channel ${name} (${o.kind})\n`);
    });

  channel
    .command('list')
    .option('--json')
    .description('list channels (secrets redacted)')
    .action(async (o: { json?: boolean }) => {
      for (const c of await readChannelsFile(file())) {
        const shown = describeChannel(c);
        process.stdout.write(o.json ? `${JSON.stringify(shown)}\n` : `${c.name.padEnd(20)} ${c.kind.padEnd(8)} ${String(shown.url ?? (c.smtp ? `smtp ${c.smtp.host}` : ''))}\n`);
      }
    });

  channel
    .command('rm')
    .argument('<name>')
    .description('remove a channel')
    .action(async (name: string) => {
      if (!(await removeChannelFromFile(file(), name))) throw new UsageError(`no channel named ${JSON.stringify(name)}`);
      process.stdout.write(`removed channel ${name}\n`);
    });

  channel
    .command('test')
    .argument('<name>')
    .description('send a sample alert through one channel and report what happened')
    .action(async (name: string) => {
      const c = (await readChannelsFile(file())).find((x) => x.name === name);
      if (!c) throw new UsageError(`no channel named ${JSON.stringify(name)}`);
      let outcome = 'no answer';
      const dispatcher = new AlertDispatcher({
        channels: [{ ...c, enabled: true, quietHours: undefined }],
        onOutcome: (_ch, _a, o) => {
          outcome = o.ok ? `delivered in ${o.attempts} attempt(s)` : `failed: ${o.reason ?? ''} ${o.detail ?? ''}`.trim();
          if (!o.ok) process.exitCode = 1;
        },
      });
      dispatcher.dispatch(sampleAlert());
      await dispatcher.whenIdle();
      await dispatcher.shutdown({ timeoutMs: 1000 });
      process.stdout.write(`${name}: ${outcome}\n`);
    });
}
