import type { ByteInput } from './byte-input.js';
import { SourceError, START, type Cursor } from './source.js';

/** One element of a top-level JSON array, as text, with where it starts and the cursor after it. */
export interface ArrayElement {
  /** Line of the element's first byte. */
  line: number;
  /** Byte offset of the element's first byte. */
  start: number;
  text: string;
  next: Cursor;
  /** Invalid UTF-8, too large, or cut off by the end of the input. */
  error?: string;
}

export interface ScanOptions {
  /** Elements larger than this are reported, not held in memory. Default 64 MiB. */
  maxElementBytes?: number;
}

const LF = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const enum State {
  Prelude,
  Between,
  Element,
  Done,
}

const isSpace = (b: number) => b === 32 || b === LF || b === 13 || b === 9;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Stream the elements of a large top-level JSON array (an X archive's `tweets.js`, a file of X API
 * pages) without parsing the whole document: bracket depth and string state are tracked on raw
 * bytes, so each element comes with its byte offset and line, a broken element costs only itself,
 * and a cursor after any element resumes the scan there.
 *
 * From offset 0 anything before the first `[` is skipped (the archive's
 * `window.YTD.tweets.part0 = `); from any other offset the scan starts between elements — right
 * after one, or at the first byte of one.
 */
export async function* scanArrayElements(input: ByteInput, from: Cursor = START, options: ScanOptions = {}): AsyncGenerator<ArrayElement> {
  const maxBytes = options.maxElementBytes ?? 64 << 20;
  let state = from.offset === 0 ? State.Prelude : State.Between;
  let line = from.line;
  let chunkStart = from.offset;
  // The element in progress.
  let parts: Buffer[] = [];
  let size = 0;
  let start = 0;
  let startLine = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;

  const finish = (chunk: Buffer, segStart: number, end: number): ArrayElement => {
    const next = { offset: chunkStart + end, line };
    size += end - segStart;
    if (size > maxBytes) return { line: startLine, start, text: '', next, error: `element larger than ${maxBytes} bytes` };
    parts.push(chunk.subarray(segStart, end));
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    parts = [];
    try {
      return { line: startLine, start, text: strictUtf8.decode(bytes), next };
    } catch {
      return { line: startLine, start, text: bytes.toString('utf8'), next, error: 'invalid UTF-8' };
    }
  };

  for await (const chunk of input.chunks(from.offset)) {
    let segStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === LF) line++;
      switch (state) {
        case State.Prelude:
          if (b === OPEN_BRACKET) state = State.Between;
          else if (b === OPEN_BRACE || b === QUOTE) throw new SourceError(`${input.path}: expected a JSON array, found an object or string first`);
          break;
        case State.Between:
          if (isSpace(b) || b === COMMA) break;
          if (b === CLOSE_BRACKET) {
            state = State.Done;
            break;
          }
          state = State.Element;
          start = chunkStart + i;
          startLine = line;
          segStart = i;
          size = 0;
          depth = b === OPEN_BRACE || b === OPEN_BRACKET ? 1 : 0;
          scalar = depth === 0;
          inString = b === QUOTE;
          escaped = false;
          break;
        case State.Element:
          if (inString) {
            if (escaped) escaped = false;
            else if (b === BACKSLASH) escaped = true;
            else if (b === QUOTE) inString = false;
          } else if (scalar) {
            if (b === COMMA || b === CLOSE_BRACKET) {
              yield finish(chunk, segStart, i);
              state = b === COMMA ? State.Between : State.Done;
            } else if (b === QUOTE) inString = true;
          } else if (b === QUOTE) inString = true;
          else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
          else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
            if (--depth === 0) {
              yield finish(chunk, segStart, i + 1);
              state = State.Between;
            }
          }
          break;
      }
      if (state === State.Done) return;
    }
    if (state === State.Element) {
      size += chunk.length - segStart;
      if (size <= maxBytes) parts.push(chunk.subarray(segStart));
      else parts = [];
    }
    chunkStart += chunk.length;
  }
  if (state === State.Prelude) throw new SourceError(`${input.path}: no JSON array found`);
  if (state === State.Element) {
    const text = size <= maxBytes ? Buffer.concat(parts).toString('utf8') : '';
    yield { line: startLine, start, text, next: { offset: chunkStart, line }, error: 'truncated: the input ends inside this element' };
  }
}
