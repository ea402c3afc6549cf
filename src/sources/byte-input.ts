import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SourceError } from './source.js';

/**
 * The bytes behind a file source: a regular file (seekable, so any cursor can be resumed by
 * reopening at its offset) or standard input (read once; a cursor offset there only skips bytes).
 */
export interface ByteInput {
  /** `file:/abs/path` or `stdin`; used as the Source name and checkpoint key. */
  readonly name: string;
  /** The path as given, or `-`. */
  readonly path: string;
  readonly seekable: boolean;
  /** Up to `max` bytes from the start of the input, without consuming them. */
  head(max?: number): Buffer;
  /** The input from byte `offset` to its end, in chunks. */
  chunks(offset: number): AsyncIterable<Buffer>;
}

export const CHUNK_BYTES = 1 << 20;
const HEAD_BYTES = 1 << 16;

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}

export function fileInput(path: string): ByteInput {
  const abs = resolve(path);
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(abs);
  } catch (error) {
    throw new SourceError(`cannot open ${path}: ${errorCode(error)}`);
  }
  if (stats.isFIFO() || stats.isCharacterDevice()) {
    // A named pipe or process substitution (`<(zcat posts.jsonl.gz)`): read once, like stdin.
    let fd: number;
    try {
      fd = openSync(abs, 'r');
    } catch (error) {
      throw new SourceError(`cannot open ${path}: ${errorCode(error)}`);
    }
    return streamInput(fd, `pipe:${abs}`, path, () => createReadStream('', { fd, highWaterMark: CHUNK_BYTES }));
  }
  if (!stats.isFile()) throw new SourceError(`cannot read ${path}: not a regular file`);
  return {
    name: `file:${abs}`,
    path,
    seekable: true,
    head(max = HEAD_BYTES) {
      let fd: number;
      try {
        fd = openSync(abs, 'r');
      } catch (error) {
        throw new SourceError(`cannot open ${path}: ${errorCode(error)}`);
      }
      try {
        const buffer = Buffer.alloc(max);
        let filled = 0;
        while (filled < max) {
          const n = readSync(fd, buffer, filled, max - filled, filled);
          if (n === 0) break;
          filled += n;
        }
        return buffer.subarray(0, filled);
      } finally {
        closeSync(fd);
      }
    },
    async *chunks(offset) {
      const stream = createReadStream(abs, { start: offset, highWaterMark: CHUNK_BYTES });
      try {
        for await (const chunk of stream) yield chunk as Buffer;
      } catch (error) {
        throw new SourceError(`cannot read ${path}: ${errorCode(error)}`);
      } finally {
        stream.destroy();
      }
    },
  };
}

/** Block the thread briefly; used only while sniffing stdin synchronously. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Standard input: read once; a cursor's offset only skips that many bytes of what is piped in. */
export function stdinInput(): ByteInput {
  return streamInput(0, 'stdin', '-', () => process.stdin);
}

/**
 * A stream that can be read once (stdin, a pipe). `head()` reads synchronously from the
 * descriptor (format detection happens before any await) and keeps what it read, which
 * `chunks()` replays before the rest of the stream; `chunks()` can be called once.
 */
function streamInput(fd: number, name: string, path: string, openStream: () => NodeJS.ReadableStream): ByteInput {
  let peeked: Buffer | undefined;
  let peekedAll = false;
  let opened = false;
  return {
    name,
    path,
    seekable: false,
    head(max = HEAD_BYTES) {
      if (peeked && (peeked.length >= max || peekedAll)) return peeked.subarray(0, max);
      const parts = peeked ? [peeked] : [];
      let filled = peeked?.length ?? 0;
      const buffer = Buffer.alloc(max);
      // Stop at the first line break after some content: enough to sniff, and a slow producer
      // (tail -f) is not waited on for a full buffer.
      while (filled < max) {
        let n: number;
        try {
          n = readSync(fd, buffer, 0, max - filled, null);
        } catch (error) {
          if (errorCode(error) === 'EAGAIN') {
            sleepSync(10);
            continue;
          }
          if (errorCode(error) === 'EOF') n = 0;
          else throw new SourceError(`cannot read ${path}: ${errorCode(error)}`);
        }
        if (n === 0) {
          peekedAll = true;
          break;
        }
        parts.push(Buffer.from(buffer.subarray(0, n)));
        filled += n;
        if (buffer.subarray(0, n).includes(10) && Buffer.concat(parts).toString('latin1').trim().includes('\n')) break;
      }
      peeked = Buffer.concat(parts);
      return peeked.subarray(0, max);
    },
    async *chunks(offset) {
      if (opened) throw new SourceError(`${path} can be read only once`);
      opened = true;
      let skip = offset;
      const emit = (chunk: Buffer): Buffer | undefined => {
        if (skip >= chunk.length) {
          skip -= chunk.length;
          return undefined;
        }
        const out = skip > 0 ? chunk.subarray(skip) : chunk;
        skip = 0;
        return out;
      };
      if (peeked) {
        const out = emit(peeked);
        if (out) yield out;
      }
      if (peekedAll) return;
      for await (const chunk of openStream()) {
        const out = emit(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
        if (out) yield out;
      }
    },
  };
}

/** An in-memory input, for tests and for callers that already hold the bytes. */
export function bufferInput(bytes: Buffer, name = 'memory', chunkBytes = CHUNK_BYTES): ByteInput {
  return {
    name,
    path: name,
    seekable: true,
    head: (max = HEAD_BYTES) => bytes.subarray(0, max),
    async *chunks(offset) {
      for (let at = offset; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    },
  };
}

export function toInput(input: ByteInput | string): ByteInput {
  if (typeof input !== 'string') return input;
  return input === '-' ? stdinInput() : fileInput(input);
}
