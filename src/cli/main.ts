import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerDemo } from './commands/demo.js';
import { registerIngest } from './commands/ingest.js';
import { registerSearch } from './commands/search.js';
import { registerSimulate } from './commands/simulate.js';
import { registerStats } from './commands/stats.js';
import { registerWatch } from './commands/watch.js';
import { registerVolume } from './commands/volume.js';
import { registerQuery } from './commands/query.js';
import { registerPurge } from './commands/purge.js';
import { registerForget } from './commands/forget.js';
import { registerAlerts } from './commands/alerts.js';
import { registerChannel } from './commands/channel.js';
import { registerServe } from './commands/serve.js';
import { UsageError } from './context.js';

/** Global options every command accepts before or after its name. */
export interface GlobalOptions {
  data?: string;
}

/** Pull `--data DIR` / `--data=DIR` out of argv wherever it stands. */
export function extractDataFlag(args: string[]): { args: string[]; data?: string } {
  const rest: string[] = [];
  let data: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--data') {
      data = args[++i];
      if (data === undefined) throw new UsageError('--data needs a folder');
    } else if (a.startsWith('--data=')) {
      data = a.slice('--data='.length);
    } else {
      rest.push(a);
    }
  }
  return { args: rest, data };
}

export function buildProgram(globals: GlobalOptions): Command {
  const program = new Command('tidewatch')
    .description('Real-time public-opinion and narrative monitoring')
    .option('--data <dir>', 'data folder (default ./tidewatch-data, env TIDEWATCH_DATA)')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ outputError: (str, write) => write(str.split('\n')[0] + '\n') });
  registerSimulate(program);
  registerIngest(program, globals);
  registerSearch(program, globals);
  registerStats(program, globals);
  registerWatch(program, globals);
  registerVolume(program, globals);
  registerQuery(program);
  registerPurge(program, globals);
  registerForget(program, globals);
  registerAlerts(program, globals);
  registerChannel(program, globals);
  registerServe(program, globals);
  registerAnalyze(program);
  registerDemo(program, globals);
  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { args, data } = extractDataFlag(argv.slice(2));
    const program = buildProgram({ data });
    await program.parseAsync(args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const e = err as Error;
    const detail = process.env.TIDEWATCH_DEBUG ? `\n${e.stack}` : '';
    process.stderr.write(`tidewatch: ${e.message}${detail}\n`);
    return e instanceof UsageError || e.name.endsWith('Error') ? 1 : 1;
  }
}
