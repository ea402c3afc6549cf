import { isUtf8 } from 'node:buffer';
import type { ByteInput } from './byte-input.js';
import { START, type Cursor } from './source.js';

/** One non-blank line of a byte stream, decoded. */
export interface TextLine {
  /** 1-based line number. */
  line: number;
  /** Byte offset where the line starts. */
  start: number;
  /** The line without its line break (and without a leading BOM); lossily decoded when `error` is set. */
  text: string;
  /** Resume point after the line. */
  next: Cursor;
  /** Set when the line cannot be used as text: invalid UTF-8, or longer than the limit. */
  error?: string;
}

export interface SplitOptions {
  /** Lines longer than this are reported as errors without being held in memory. Default 16 MiB. */
  maxLineBytes?: number;
}

const LF = 10;
const CR = 13;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hasBom(buf: Buffer, at: number): boolean {
  return buf[at] === 0xef && buf[at + 1] === 0xbb && buf[at + 2] === 0xbf;
}

function isBlank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0);
}

/**
 * Split a byte stream into lines on raw bytes, so every cursor is an exact byte offset. Lines come
 * in batches (one per chunk read) to keep per-line overhead low. UTF-8 is validated once per chunk
 * with the native `isUtf8`; only a chunk that fails is decoded line by line with a fatal
 * TextDecoder, so a bad line is reported instead of being silently patched with U+FFFD.
 * Blank lines, a BOM at offset 0 and CR before LF are skipped but counted.
 */
export async function* splitLines(input: ByteInput, from: Cursor = START, options: SplitOptions = {}): AsyncGenerator<TextLine[]> {
  const maxLineBytes = options.maxLineBytes ?? 16 << 20;
  const tooLong = `line longer than ${maxLineBytes} bytes`;
  let line = from.line;
  let skipping: { start: number; line: number } | undefined; // inside an over-long line

  const decode = (buf: Buffer, s: number, e: number, valid: boolean, absStart: number, batch: TextLine[], absEnd: number) => {
    if (absStart === 0 && hasBom(buf, s)) s += 3;
    if (e > s && buf[e - 1] === CR) e--;
    const thisLine = line++;
    if (e === s) return;
    let text: string;
    let error: string | undefined;
    if (valid) text = buf.toString('utf8', s, e);
    else {
      try {
        text = strictUtf8.decode(buf.subarray(s, e));
      } catch {
        text = buf.toString('utf8', s, e);
        error = 'invalid UTF-8';
      }
    }
    if (!error && isBlank(text)) return;
    batch.push({ line: thisLine, start: absStart, text, next: { offset: absEnd, line: line }, error });
  };

  /** Emit the complete lines of buf[pos, lastNl]; lastNl is the index of the last LF in the region. */
  const lines = (buf: Buffer, bufStart: number, pos: number, lastNl: number, batch: TextLine[]) => {
    const valid = isUtf8(buf.subarray(pos, lastNl + 1));
    while (pos <= lastNl) {
      const nl = buf.indexOf(LF, pos);
      if (nl - pos > maxLineBytes) {
        const thisLine = line++;
        batch.push({ line: thisLine, start: bufStart + pos, text: '', next: { offset: bufStart + nl + 1, line }, error: tooLong });
      } else decode(buf, pos, nl, valid, bufStart + pos, batch, bufStart + nl + 1);
      pos = nl + 1;
    }
  };

  // A partial line waiting for its end is kept as a list of chunks: one concat when the LF arrives,
  // not one per chunk.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingStart = from.offset;
  let readOffset = from.offset;
  for await (const chunk of input.chunks(from.offset)) {
    const chunkStart = readOffset;
    readOffset += chunk.length;
    const batch: TextLine[] = [];
    let pos = 0;
    if (skipping) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) continue;
      batch.push({ line: skipping.line, start: skipping.start, text: '', next: { offset: chunkStart + nl + 1, line: skipping.line + 1 }, error: tooLong });
      line = skipping.line + 1;
      skipping = undefined;
      pos = nl + 1;
    } else if (pendingBytes > 0) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes > maxLineBytes) {
          skipping = { start: pendingStart, line };
          pending = [];
          pendingBytes = 0;
        }
        continue;
      }
      pending.push(chunk.subarray(0, nl + 1));
      const joined = Buffer.concat(pending);
      lines(joined, pendingStart, 0, joined.length - 1, batch);
      pending = [];
      pendingBytes = 0;
      pos = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(LF);
    if (lastNl >= pos) {
      lines(chunk, chunkStart, pos, lastNl, batch);
      pos = lastNl + 1;
    }
    if (pos < chunk.length) {
      pendingStart = chunkStart + pos;
      if (chunk.length - pos > maxLineBytes) skipping = { start: pendingStart, line };
      else {
        pending = [chunk.subarray(pos)];
        pendingBytes = chunk.length - pos;
      }
    }
    if (batch.length > 0) yield batch;
  }
  const batch: TextLine[] = [];
  if (skipping) {
    batch.push({ line: skipping.line, start: skipping.start, text: '', next: { offset: readOffset, line: skipping.line + 1 }, error: tooLong });
  } else if (pendingBytes > 0) {
    const rest = Buffer.concat(pending);
    decode(rest, 0, rest.length, isUtf8(rest), pendingStart, batch, readOffset);
  }
  if (batch.length > 0) yield batch;
}
