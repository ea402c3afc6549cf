import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { NotifiableAlert } from './notifiable-alert.js';

/**
 * Why an alert was not delivered. `http-status` (a 4xx other than 429, or 5xx/429 on the last
 * try), `timeout`, `network` (refused, reset, DNS), `smtp` (the server refused or failed),
 * `queue-full` (evicted from a full channel queue), `shutdown` (still pending when delivery
 * stopped), `error` (anything else, e.g. a bug in a sender).
 */
export type DeadLetterReason = 'http-status' | 'timeout' | 'network' | 'smtp' | 'queue-full' | 'shutdown' | 'error';

export interface DeadLetter {
  /** ISO time the alert was given up on. */
  at: string;
  channel: string;
  channelKind: string;
  deliveryId: string;
  alertId: string;
  reason: DeadLetterReason;
  /** Human-readable detail, e.g. `HTTP 503 after 5 attempts` or the socket error's message. */
  detail: string;
  attempts: number;
  /** The last HTTP status seen, if any. */
  status?: number;
  alert: NotifiableAlert;
}

/** Receives dead letters; must not throw or block (the integrator may wire it to the store). */
export type DeadLetterSink = (letter: DeadLetter) => void;

export interface JsonlDeadLetterFileOptions {
  /** Bytes waiting for the disk above which further letters are counted as lost, not buffered. */
  maxPendingBytes?: number;
  /** Called for each letter that could not be written. */
  onLost?: (letter: DeadLetter, why: string) => void;
}

/**
 * Appends dead letters as JSON lines (e.g. `<data>/dead-letters.jsonl`). Writes are queued on a
 * stream so recording never waits for the disk; memory is bounded by maxPendingBytes.
 */
export class JsonlDeadLetterFile {
  private stream: WriteStream | undefined;
  private failed: Error | undefined;
  private readonly maxPendingBytes: number;
  written = 0;
  lost = 0;

  constructor(
    readonly path: string,
    private readonly options: JsonlDeadLetterFileOptions = {},
  ) {
    this.maxPendingBytes = options.maxPendingBytes ?? 16 * 1024 * 1024;
  }

  /** A DeadLetterSink bound to this file. */
  readonly sink: DeadLetterSink = (letter) => this.append(letter);

  append(letter: DeadLetter): void {
    if (this.failed) return this.lose(letter, `dead-letter file unusable: ${this.failed.message}`);
    const stream = this.open();
    if (!stream) return this.lose(letter, `dead-letter file unusable: ${this.failed!.message}`);
    if (stream.writableLength > this.maxPendingBytes) return this.lose(letter, 'dead-letter file backlog full');
    stream.write(`${JSON.stringify(letter)}\n`);
    this.written++;
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    const s = this.stream;
    this.stream = undefined;
    if (!s || s.destroyed) return;
    await new Promise<void>((resolve) => s.end(resolve));
  }

  private open(): WriteStream | undefined {
    if (this.stream) return this.stream;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
    } catch (err) {
      this.failed = err as Error;
      return undefined;
    }
    const s = createWriteStream(this.path, { flags: 'a', mode: 0o600 });
    s.on('error', (err) => {
      this.failed = err;
    });
    this.stream = s;
    return s;
  }

  private lose(letter: DeadLetter, why: string): void {
    this.lost++;
    this.options.onLost?.(letter, why);
  }
}

/** Reads a dead-letter file; lines that do not parse are returned in `bad` with their line number. */
export async function readDeadLetters(path: string): Promise<{ letters: DeadLetter[]; bad: number[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { letters: [], bad: [] };
    throw err;
  }
  const letters: DeadLetter[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      letters.push(JSON.parse(line) as DeadLetter);
    } catch {
      bad.push(i + 1);
    }
  });
  return { letters, bad };
}
