import type { RawPost } from '../model/post.js';

/**
 * Where a source stands, as the point to resume from: everything before it has been yielded.
 * `offset` is a byte offset into a file (or a count for generated streams), `line` the 1-based
 * line that starts there, and `item` the index inside a record that holds several posts
 * (an X API page). Sources that parse a whole document use `item` alone.
 */
export interface Cursor {
  offset: number;
  line: number;
  item?: number;
}

export const START: Cursor = { offset: 0, line: 1 };

/** A record a source could not turn into a RawPost: quarantined with where and why. */
export interface BadRecord {
  kind: 'bad';
  /** 1-based line (or record number) in the input where the bad record starts. */
  line: number;
  reason: string;
  /** The first few hundred characters of the offending input, for the quarantine file. */
  excerpt: string;
  next: Cursor;
}

export interface GoodRecord {
  kind: 'post';
  line: number;
  post: RawPost;
  /** Resume point after this record. */
  next: Cursor;
}

export type SourceItem = GoodRecord | BadRecord;

export interface Source {
  /** Stable name used for checkpoints, e.g. `file:/abs/path.jsonl` or `sim:seed=7`. */
  readonly name: string;
  /** The format this source reads, e.g. `jsonl`, `x-v2`. */
  readonly format: string;
  read(from?: Cursor): AsyncIterable<SourceItem>;
}

/** Raised for problems with the input as a whole (missing file, unknown format). */
export class SourceError extends Error {
  override name = 'SourceError';
}

export function excerptOf(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
