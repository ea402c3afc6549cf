import { toInput, type ByteInput } from './byte-input.js';
import { jsonLookup, mapFields, type FieldMapping } from './field-mapping.js';
import { fromInterchange } from './interchange.js';
import { splitLines, type SplitOptions, type TextLine } from './line-splitter.js';
import { START, type Cursor, type Source, type SourceItem } from './source.js';
import { badItem, itemOf, type Mapped } from './source-items.js';

/** A line parsed as JSON, or the reason it could not be. */
export type JsonLine = (TextLine & { value: unknown; error?: undefined }) | (TextLine & { error: string });

function jsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `invalid JSON: ${message.length > 120 ? `${message.slice(0, 120)}…` : message}`;
}

/** Lines of a JSON-lines stream, each parsed; bad lines carry a reason instead of a value. */
export async function* jsonLines(input: ByteInput, from: Cursor = START, options?: SplitOptions): AsyncGenerator<JsonLine> {
  for await (const batch of splitLines(input, from, options)) {
    for (const line of batch) {
      if (line.error) {
        yield line as JsonLine;
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line.text);
      } catch (error) {
        yield { ...line, error: jsonError(error) };
        continue;
      }
      (line as TextLine & { value: unknown }).value = value;
      yield line as JsonLine;
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface JsonlOptions {
  /**
   * Which key of each record holds which field, for JSON lines from other tools. Without it the
   * lines are read as tidewatch's interchange format.
   */
  mapping?: FieldMapping;
  /** Platform of mapped records whose mapping names none. Default `file`. */
  platform?: string;
  /** Offset for zone-less times in mapped records, minutes east of UTC. Default 0 (UTC). */
  defaultOffsetMinutes?: number;
}

/**
 * JSON lines, one post per line: tidewatch interchange records, or any JSON objects read through a
 * field mapping. Cursors are byte offsets, so a kill and a rerun from the checkpoint lose nothing.
 */
export function jsonlSource(input: ByteInput | string, options: JsonlOptions = {}): Source {
  const bytes = toInput(input);
  const name = bytes.name;
  const { mapping } = options;
  const context = { platform: options.platform ?? 'file', source: name, defaultOffsetMinutes: options.defaultOffsetMinutes };
  const toPost = (value: Record<string, unknown>): Mapped =>
    mapping ? mapFields(jsonLookup(value), mapping, context) : fromInterchange(value, name);
  return {
    name,
    format: 'jsonl',
    async *read(from: Cursor = START): AsyncGenerator<SourceItem> {
      for await (const line of jsonLines(bytes, from)) {
        if (line.error !== undefined) yield badItem(line.line, line.error, line.text, line.next);
        else if (!isPlainObject(line.value)) yield badItem(line.line, 'record: not a JSON object', line.text, line.next);
        else yield itemOf(toPost(line.value), line.line, line.text, line.next);
      }
    },
  };
}
