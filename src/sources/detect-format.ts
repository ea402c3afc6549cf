import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { fileInput, stdinInput, type ByteInput } from './byte-input.js';
import { crowdtangleSource, isCrowdTangleHeader, isMetaContentLibraryHeader, metaContentLibrarySource } from './crowdtangle.js';
import { csvSource } from './csv.js';
import { parseFieldMapping, type FieldMapping } from './field-mapping.js';
import { isPlainObject, jsonlSource } from './jsonl.js';
import { SourceError, type Source } from './source.js';
import { xArchiveSource } from './x-archive.js';
import { xV2Source } from './x-v2.js';

export const FORMATS = ['jsonl', 'csv', 'x-v2', 'x-archive', 'crowdtangle', 'meta-content-library'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

const JSON_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.json', '.jsonlines']);
const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.tab']);

function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
}

/** Column names of a CSV header line, or undefined when the line does not parse as CSV. */
function csvHeader(line: string, delimiter: string): string[] | undefined {
  try {
    const rows = parseCsv(line, { delimiter, to_line: 1, relax_column_count: true }) as string[][];
    return rows[0]?.map((h) => h.trim());
  } catch {
    return undefined;
  }
}

function delimiterOf(path: string, headerLine: string): string {
  if (['.tsv', '.tab'].includes(extname(path).toLowerCase())) return '\t';
  return headerLine.includes('\t') && !headerLine.includes(',') ? '\t' : ',';
}

const looksLikeXTweet = (o: Record<string, unknown>) =>
  'edit_history_tweet_ids' in o || ('author_id' in o && 'text' in o) || ('id' in o && 'text' in o && typeof o.created_at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(o.created_at));

const isInterchange = (o: Record<string, unknown>) => 'platform' in o && 'id' in o && 'createdAt' in o && 'text' in o;

function jsonFormat(path: string, text: string): Format {
  if (text.startsWith('[')) {
    if (/"tweet"\s*:/.test(text) && /"id_str"\s*:/.test(text)) return 'x-archive';
    if (/"data"\s*:/.test(text) || (/"author_id"\s*:/.test(text) && /"text"\s*:/.test(text))) return 'x-v2';
    throw new SourceError(`cannot tell the format of ${path}: a JSON array, but not of X API pages or archive tweets; pass --format`);
  }
  const line = firstLineOf(text);
  let first: unknown;
  try {
    first = JSON.parse(line);
  } catch {
    // A pretty-printed document, or a cut-off head: judge by the keys in sight.
    if (/"(data|includes)"\s*:/.test(text)) return 'x-v2';
    return 'jsonl';
  }
  if (!isPlainObject(first)) return 'jsonl';
  if ('data' in first || 'includes' in first || (isPlainObject(first.meta) && 'result_count' in first.meta)) return 'x-v2';
  if (isInterchange(first)) return 'jsonl';
  if (looksLikeXTweet(first)) return 'x-v2';
  return 'jsonl';
}

/**
 * The format of a file from its name and first bytes. Content decides where it can (an X archive
 * named `data.txt` is still an archive); the extension breaks ties. Throws SourceError naming the
 * path when neither tells.
 */
export function detectFormat(path: string, firstBytes: Buffer | string): Format {
  const text = (typeof firstBytes === 'string' ? firstBytes : firstBytes.toString('utf8')).replace(/^\uFEFF/, '').trimStart();
  const ext = path === '-' ? '' : extname(path).toLowerCase();
  if (text.startsWith('window.YTD.')) return 'x-archive';
  if (text.startsWith('{') || text.startsWith('[')) return jsonFormat(path, text);
  if (text === '') {
    if (JSON_EXTENSIONS.has(ext)) return 'jsonl';
    if (CSV_EXTENSIONS.has(ext)) return 'csv';
    throw new SourceError(`cannot tell the format of ${path}: it is empty; pass --format`);
  }
  const headerLine = firstLineOf(text);
  const header = csvHeader(headerLine, delimiterOf(path, headerLine));
  if (header && (header.length > 1 || CSV_EXTENSIONS.has(ext))) {
    if (isCrowdTangleHeader(header)) return 'crowdtangle';
    if (isMetaContentLibraryHeader(header)) return 'meta-content-library';
    return 'csv';
  }
  throw new SourceError(`cannot tell the format of ${path}: neither JSON, CSV nor an X archive; pass --format (${FORMATS.join(', ')})`);
}

export interface OpenSourceOptions {
  /** One of FORMATS; overrides detection. */
  format?: string;
  /**
   * Column mapping for generic JSONL/CSV: JSON text, `field=key,…` pairs, `@path/to/mapping.json`,
   * or an object. A mapping makes a JSON or CSV file generic even if it looks like a known export.
   */
  mapping?: string | FieldMapping | Record<string, unknown>;
  /** Platform of mapped records whose mapping names none (default `file`); for Meta Content Library, facebook or instagram. */
  platform?: string;
  /** X archive owner's account id. */
  accountId?: string;
  /** CSV field delimiter; default from the extension and header. */
  delimiter?: string;
  /** Offset for times written without a zone, minutes east of UTC. Default 0 (UTC). */
  defaultOffsetMinutes?: number;
}

function loadMapping(mapping: OpenSourceOptions['mapping']): FieldMapping | undefined {
  if (mapping === undefined) return undefined;
  if (typeof mapping === 'string' && mapping.startsWith('@')) {
    const path = mapping.slice(1);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new SourceError(`cannot read mapping file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    return parseFieldMapping(text);
  }
  return parseFieldMapping(mapping as string | Record<string, unknown>);
}

/** Make sure JSON lines without a mapping are interchange records before promising to read them. */
function checkInterchange(input: ByteInput): void {
  const text = input.head().toString('utf8').replace(/^\uFEFF/, '');
  const line = text.split('\n').find((l) => l.trim() !== '');
  if (line === undefined) return;
  let first: unknown;
  try {
    first = JSON.parse(line);
  } catch {
    return; // a bad first line is reported as a bad record
  }
  if (isPlainObject(first) && !isInterchange(first)) {
    const keys = Object.keys(first).slice(0, 12).join(', ');
    throw new SourceError(`${input.path}: JSON lines that are not tidewatch interchange records (keys: ${keys}); give a mapping, e.g. --mapping '{"id":"…","createdAt":"…","author":"…","text":"…"}'`);
  }
}

/**
 * The Source for a file path (or `-` for stdin), the CLI's one entry point. Throws SourceError
 * with a one-line message naming the path for a missing file, an unknown or undetectable format,
 * or a bad mapping.
 */
export function openSource(path: string, options: OpenSourceOptions = {}): Source {
  if (options.format !== undefined && !isFormat(options.format)) {
    throw new SourceError(`unknown format "${options.format}" for ${path} (known: ${FORMATS.join(', ')})`);
  }
  const mapping = loadMapping(options.mapping);
  const input = path === '-' ? stdinInput() : fileInput(path);
  let format: Format = options.format ?? detectFormat(path, input.head());
  if (mapping && options.format === undefined) {
    if (format === 'x-v2') format = 'jsonl';
    if (format === 'crowdtangle' || format === 'meta-content-library') format = 'csv';
  }
  const headerLine = () => firstLineOf(input.head().toString('utf8').replace(/^\uFEFF/, ''));
  switch (format) {
    case 'jsonl':
      if (!mapping) checkInterchange(input);
      return jsonlSource(input, { mapping, platform: options.platform, defaultOffsetMinutes: options.defaultOffsetMinutes });
    case 'csv':
      return csvSource(input, {
        mapping,
        platform: options.platform,
        delimiter: options.delimiter ?? delimiterOf(path, headerLine()),
        defaultOffsetMinutes: options.defaultOffsetMinutes,
      });
    case 'x-v2':
      return xV2Source(input);
    case 'x-archive':
      return xArchiveSource(input, { accountId: options.accountId });
    case 'crowdtangle':
      return crowdtangleSource(input, { delimiter: options.delimiter, defaultOffsetMinutes: options.defaultOffsetMinutes });
    case 'meta-content-library': {
      const platform = options.platform === 'facebook' || options.platform === 'instagram' ? options.platform : undefined;
      return metaContentLibrarySource(input, { platform, delimiter: options.delimiter, defaultOffsetMinutes: options.defaultOffsetMinutes });
    }
  }
}
