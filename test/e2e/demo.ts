import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

/**
 * The real `tidewatch demo` as a child process, for the dashboard's end-to-end tests: the built
 * CLI (`bin/tidewatch.js` over dist/), a free port, its own data folder. Its stdout is kept line by
 * line so a test can wait for the dashboard URL and count the `ALERT …` lines.
 */

const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(ROOT, 'bin/tidewatch.js');
const BUILT = resolve(ROOT, 'dist/src/cli/main.js');

const run = promisify(execFile);

export interface DemoOptions {
  dataDir: string;
  seed: number;
  /** Minutes of simulated history to backfill before going live. */
  history: number;
  rate?: number;
  /** How long to wait for the URL line. */
  startTimeoutMs?: number;
  /** `--duration`: a demo orphaned by a killed test run still stops on its own. */
  maxSeconds?: number;
}

export interface Demo {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** The `ALERT …` lines so far. */
  alertLines(): string[];
  /** Resolves with the first stdout line (already printed or still to come) that matches. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Why the demo cannot start: the CLI is run from dist/, which `npm run build` writes. */
export function assertBuilt(): void {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` before the end-to-end tests (\`npm test\` does)`);
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const children = new Set<ChildProcess>();
// A test run that dies without its afterAll still takes its demo with it.
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function spawnDemo(options: DemoOptions, port: number): Promise<Demo> {
  const args = [CLI, 'demo', '--port', String(port), '--host', '127.0.0.1', '--data', options.dataDir, '--seed', String(options.seed), '--history', String(options.history)];
  if (options.rate !== undefined) args.push('--rate', String(options.rate));
  args.push('--duration', String(options.maxSeconds ?? 1800));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  children.add(child);
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<{ pattern: RegExp; done: (line: string) => void }>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters) if (w.pattern.test(line)) w.done(line);
  });
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.once('exit', () => children.delete(child));

  const waitForLine = (pattern: RegExp, timeoutMs: number): Promise<string> => {
    const seen = lines.find((l) => pattern.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolveLine, reject) => {
      const waiter = {
        pattern,
        done: (line: string) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolveLine(line);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`tidewatch demo printed no line matching ${pattern} within ${timeoutMs} ms; stdout:\n${lines.slice(-20).join('\n')}\nstderr:\n${stderr.join('\n')}`));
      }, timeoutMs);
      waiters.add(waiter);
      void exited.then(() => {
        if (!waiters.has(waiter)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        reject(new Error(`tidewatch demo exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}; stdout:\n${lines.slice(-20).join('\n')}\nstderr:\n${stderr.join('\n')}`));
      });
    });
  };

  const stop = async (graceMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(killer);
  };

  return waitForLine(/^dashboard and API: http:\/\/\S+$/, options.startTimeoutMs ?? 60_000).then(
    (line) => ({
      url: line.slice(line.indexOf('http')),
      port,
      child,
      lines,
      alertLines: () => lines.filter((l) => l.startsWith('ALERT ')),
      waitForLine,
      stop,
    }),
    async (err: Error) => {
      await stop(2000);
      throw Object.assign(err, { stderr: stderr.join('\n') });
    },
  );
}

/**
 * `node bin/tidewatch.js demo --port <free> --data <dir> --seed <seed> --history <min>`, resolved
 * once it prints the dashboard's URL. Another process can take the port between the probe and the
 * bind: then it tries another one.
 */
export async function startDemo(options: DemoOptions): Promise<Demo> {
  assertBuilt();
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnDemo(options, await freePort());
    } catch (err) {
      if (attempt >= 3 || !/EADDRINUSE/.test(`${(err as Error).message}`)) throw err;
    }
  }
}

/** `node bin/tidewatch.js ingest <file> --data <dir> --json`: a second writer next to the running demo. */
export async function ingestFile(dataDir: string, file: string): Promise<{ read: number; stored: number; quarantined: number }> {
  const { stdout } = await run(process.execPath, [CLI, 'ingest', file, '--data', dataDir, '--json', '--workers', '0'], { timeout: 60_000 });
  return JSON.parse(stdout) as { read: number; stored: number; quarantined: number };
}
