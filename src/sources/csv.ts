import { isUtf8 } from 'node:buffer';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { toInput, type ByteInput } from './byte-input.js';
import { mapFields, MAPPABLE_FIELDS, type FieldMapping, type Lookup } from './field-mapping.js';
import { SourceError, START, type Cursor, type Source, type SourceItem } from './source.js';
import { badItem, itemOf, type Mapped } from './source-items.js';

/**
 * CSV with exact resume points. csv-parse does the field parsing (quotes, embedded line breaks,
 * delimiter and record-delimiter detection); its per-record `info.bytes` gives the byte offset
 * after each record, which is the cursor. Line numbers and UTF-8 validity are taken from the raw
 * bytes kept alongside, because csv-parse counts a CRLF inside a quoted field as two lines and
 * its `raw` option is shifted by one byte with CRLF files.
 *
 * Quoting is strict (RFC 4180): csv-parse's relaxed mode would read an unclosed quote as one field
 * running into the next rows, turning two rows into one plausible, wrong post.
 * On a malformed record the parser is dropped and a new one starts after the bad record, which
 * ends at the first line break outside quotes (or, when a quote never closes, at the end of its
 * first line) — so one stray quote costs one record, not the rest of the file.
 */

/** One CSV record as fields, or the reason it could not be read. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** The record's bytes as written, for excerpts (decoded only when one is needed). */
  raw: Buffer;
  next: Cursor;
  error?: string;
}

export interface CsvReadOptions {
  /** Field delimiter; default `,`. */
  delimiter?: string;
  /** Records longer than this are quarantined. Default 8 MiB. */
  maxRecordBytes?: number;
}

type ParseEvent = { fields: string[]; end: number } | { error: CsvError | Error };

const LF = 10;
const CR = 13;
const QUOTE = 34;

function reasonOf(error: CsvError | Error, maxRecordBytes: number): string {
  switch ((error as CsvError).code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'malformed CSV: a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'malformed CSV: characters after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'malformed CSV: a quote inside an unquoted field';
    case 'CSV_MAX_RECORD_SIZE':
      return `record longer than ${maxRecordBytes} bytes`;
    default:
      return `malformed CSV: ${error.message.replace(/ at line \d+.*$/, '')}`;
  }
}

/** Records of a CSV byte stream from a cursor, header row included when starting at offset 0. */
export async function* csvRecords(input: ByteInput, from: Cursor = START, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const maxRecordBytes = options.maxRecordBytes ?? 8 << 20;
  const chunks = input.chunks(from.offset)[Symbol.asyncIterator]();
  let events: ParseEvent[] = [];
  let nextEvent = 0;
  let held: Buffer = Buffer.alloc(0); // bytes read and not yet consumed, from heldStart
  let heldStart = from.offset;
  let readEnd = from.offset;
  let consumed = from.offset;
  let line = from.line;
  let eof = false;

  const newParser = (base: number): Parser => {
    const parser = parse({
      bom: base === 0,
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: maxRecordBytes,
      // Both callbacks run synchronously inside write(), so events stay in input order.
      on_record: (fields: string[], context) => {
        events.push({ fields, end: base + context.bytes });
        return null;
      },
      on_skip: (error) => {
        events.push({ error: error ?? new Error('unknown CSV error') });
        return undefined;
      },
    });
    parser.on('error', (error) => events.push({ error }));
    return parser;
  };
  let parser = newParser(from.offset);
  let parserEnded = false;

  const readMore = async (): Promise<Buffer | undefined> => {
    const next = await chunks.next();
    if (next.done) {
      eof = true;
      return undefined;
    }
    held = held.length > consumed - heldStart ? Buffer.concat([held.subarray(consumed - heldStart), next.value]) : next.value;
    heldStart = consumed;
    readEnd += next.value.length;
    return next.value;
  };
  const at = (abs: number) => held[abs - heldStart];
  /** Skip blank lines (and a BOM at 0) before a record; returns its first byte. */
  const skipBlank = (abs: number, end: number): number => {
    if (abs === 0 && at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) abs += 3;
    while (abs < end && (at(abs) === LF || at(abs) === CR)) {
      if (at(abs) === LF) line++;
      abs++;
    }
    return abs;
  };
  const countLines = (start: number, end: number) => {
    for (let i = held.indexOf(LF, start - heldStart); i >= 0 && i < end - heldStart; i = held.indexOf(LF, i + 1)) line++;
  };

  try {
    for (;;) {
      if (nextEvent === events.length) {
        events = [];
        nextEvent = 0;
        if (parserEnded) return;
        if (eof) {
          await new Promise<void>((resolve) => parser.end(() => resolve()));
          parserEnded = true;
        } else {
          const chunk = await readMore();
          if (chunk) parser.write(chunk);
        }
        continue;
      }
      const event = events[nextEvent++];
      if ('fields' in event) {
        const start = skipBlank(consumed, event.end);
        const recordLine = line;
        countLines(start, event.end);
        const raw = held.subarray(start - heldStart, event.end - heldStart);
        consumed = event.end;
        const next = { offset: event.end, line };
        if (!isUtf8(raw)) yield { line: recordLine, fields: [], raw, next, error: 'invalid UTF-8' };
        else if (event.fields.length > 1 || event.fields[0].trim() !== '') {
          yield { line: recordLine, fields: event.fields, raw, next };
        }
        continue;
      }
      // A malformed record: find where it ends, report it, restart parsing after it.
      parser.destroy();
      events = [];
      nextEvent = 0;
      const start = skipBlank(consumed, readEnd);
      const recordLine = line;
      let inQuote = false;
      let unclosed = false;
      let firstLineEnd = -1;
      let end = -1;
      let i = start;
      while (end < 0) {
        for (; i < readEnd && i - start <= maxRecordBytes; i++) {
          const b = at(i);
          if (b === QUOTE) inQuote = !inQuote;
          else if (b === LF) {
            if (firstLineEnd < 0) firstLineEnd = i + 1;
            if (!inQuote) {
              end = i + 1;
              break;
            }
          }
        }
        if (end >= 0) break;
        if (i - start > maxRecordBytes || (eof && i >= readEnd)) {
          end = firstLineEnd >= 0 ? firstLineEnd : Math.min(readEnd, start + maxRecordBytes);
          if (inQuote && i - start <= maxRecordBytes) unclosed = true;
          break;
        }
        if (!(await readMore())) eof = true;
      }
      countLines(start, end);
      const raw = held.subarray(start - heldStart, end - heldStart);
      consumed = end;
      yield { line: recordLine, fields: [], raw, next: { offset: end, line }, error: unclosed ? 'malformed CSV: a quoted field is never closed' : reasonOf(event.error, maxRecordBytes) };
      parser = newParser(end);
      parserEnded = false;
      if (readEnd > end) parser.write(held.subarray(end - heldStart));
    }
  } finally {
    parser.destroy();
    await chunks.return?.();
  }
}

/** A CSV row with its header, ready for a format's converter. */
export interface CsvRow {
  header: string[];
  get: Lookup;
}

/** Builds a row converter once the header is known; throws SourceError when columns are missing. */
export type RowConverterFactory = (header: string[]) => (row: CsvRow) => Mapped;

async function readHeader(input: ByteInput, options: CsvReadOptions): Promise<CsvRecord | undefined> {
  for await (const record of csvRecords(input, START, options)) return record;
  return undefined;
}

/**
 * A Source over CSV rows: the header row names the columns, each later row goes through the
 * format's converter. Resuming past the header reads the header again from the start of the file.
 */
export function csvRowSource(input: ByteInput, format: string, makeConverter: RowConverterFactory, options: CsvReadOptions = {}): Source {
  return {
    name: input.name,
    format,
    async *read(from: Cursor = START): AsyncGenerator<SourceItem> {
      let header: string[] | undefined;
      let convert: ((row: CsvRow) => Mapped) | undefined;
      let index = new Map<string, number>();
      const useHeader = (record: CsvRecord) => {
        if (record.error) throw new SourceError(`${input.path}: unreadable CSV header: ${record.error}`);
        header = record.fields.map((f) => f.trim());
        // The first of two same-named columns wins.
        index = new Map(header.map((name, i) => [name, i] as const).reverse());
        convert = makeConverter(header);
      };
      if (from.offset > 0) {
        if (!input.seekable) throw new SourceError(`${input.path}: a CSV on stdin cannot be resumed past its header`);
        const record = await readHeader(input, options);
        if (record) useHeader(record);
      }
      for await (const record of csvRecords(input, from, options)) {
        if (!header || !convert) {
          useHeader(record);
          continue;
        }
        if (record.error) {
          yield badItem(record.line, record.error, record.raw.toString('utf8'), record.next);
          continue;
        }
        const { fields } = record;
        if (fields.length < header.length || fields.slice(header.length).some((f) => f !== '')) {
          yield badItem(record.line, `expected ${header.length} columns, got ${fields.length}`, record.raw.toString('utf8'), record.next);
          continue;
        }
        const columns = index;
        const get: Lookup = (key) => {
          const i = columns.get(key);
          return i === undefined ? undefined : fields[i];
        };
        yield itemOf(convert({ header, get }), record.line, () => record.raw.toString('utf8'), record.next);
      }
    },
  };
}

export interface CsvOptions extends CsvReadOptions {
  /**
   * Which column holds which field. Without it, columns named like the fields themselves
   * (id, createdAt, author, text, …) are used, and a header without them is an error.
   */
  mapping?: FieldMapping;
  /** Platform of rows whose mapping names none. Default `file`. */
  platform?: string;
  /** Offset for zone-less times, minutes east of UTC. Default 0 (UTC). */
  defaultOffsetMinutes?: number;
}

/** Generic CSV, one post per row, read through a column mapping. */
export function csvSource(input: ByteInput | string, options: CsvOptions = {}): Source {
  const bytes = toInput(input);
  const context = { platform: options.platform ?? 'file', source: bytes.name, defaultOffsetMinutes: options.defaultOffsetMinutes };
  return csvRowSource(
    bytes,
    'csv',
    (header) => {
      let mapping = options.mapping;
      if (!mapping) {
        const named = Object.fromEntries(MAPPABLE_FIELDS.filter((f) => header.includes(f)).map((f) => [f, f]));
        const missing = (['id', 'createdAt', 'author', 'text'] as const).filter((f) => !(f in named));
        if (missing.length > 0) {
          throw new SourceError(`${bytes.path}: no column mapping given and no column named ${missing.join(', ')} (columns: ${header.join(', ').slice(0, 200)})`);
        }
        mapping = named as FieldMapping;
      }
      for (const [field, key] of Object.entries(mapping)) {
        if (!header.includes(key)) throw new SourceError(`${bytes.path}: column "${key}" (mapped to ${field}) is not in the header`);
      }
      const m = mapping;
      return (row) => mapFields(row.get, m, context);
    },
    options,
  );
}
