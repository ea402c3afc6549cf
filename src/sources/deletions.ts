import { postId } from '../model/post.js';
import { toInput, type ByteInput } from './byte-input.js';
import { splitLines } from './line-splitter.js';
import { excerptOf } from './source.js';

/**
 * Deletion notices: which posts their platform says are gone, read from a file the user holds.
 * One notice a line, in any of these forms (mixed in one file if need be):
 *
 * - a tidewatch post id, `platform:nativeId` (`x:1460323737035677698`, `mastodon:109…`);
 * - an X API v2 batch-compliance result line, `{"id":"…","action":"delete",…}`: the actions that
 *   take a post out of public view (delete, deactivate, suspend, protect) delete it; the others
 *   (scrub_geo, withheld, …) change nothing tidewatch keeps, and are reported as skipped;
 * - an X compliance-stream event, `{"data":{"delete":{"tweet":{"id":"…"}}}}` (or without `data`).
 */

export type DeletionItem =
  | { kind: 'delete'; line: number; id: string; reason: string }
  | { kind: 'skip'; line: number; reason: string }
  | { kind: 'bad'; line: number; reason: string; excerpt: string };

/** X compliance actions after which a post is no longer public. */
const X_REMOVING_ACTIONS = new Set(['delete', 'deactivate', 'suspend', 'protect']);
const X_STREAM_EVENTS = ['delete', 'user_delete', 'user_suspend', 'user_protect'];
const PLAIN_ID = /^([a-z][a-z0-9_-]{0,31}):(\S{1,256})$/;
const X_NATIVE_ID = /^\d{1,20}$/;

/** One line's notice; undefined for a blank line. */
export function parseDeletionLine(text: string, line: number): DeletionItem | undefined {
  const t = text.trim();
  if (t.length === 0) return undefined;
  if (t.startsWith('{')) return parseXCompliance(t, line);
  const m = PLAIN_ID.exec(t);
  if (m) return { kind: 'delete', line, id: postId(m[1], m[2]), reason: 'deleted' };
  return { kind: 'bad', line, reason: 'not a post id (platform:id) nor an X compliance record', excerpt: excerptOf(t) };
}

function parseXCompliance(t: string, line: number): DeletionItem {
  let record: unknown;
  try {
    record = JSON.parse(t);
  } catch (err) {
    return { kind: 'bad', line, reason: `bad JSON: ${(err as Error).message}`, excerpt: excerptOf(t) };
  }
  const bad = (reason: string): DeletionItem => ({ kind: 'bad', line, reason, excerpt: excerptOf(t) });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return bad('not a JSON object');
  const r = record as Record<string, unknown>;
  // Batch compliance job result: {"id": "...", "action": "delete", ...}
  if ('action' in r) {
    if (typeof r.action !== 'string') return bad('"action" is not a string');
    if (typeof r.id !== 'string' || !X_NATIVE_ID.test(r.id)) return bad('"id" is not an X post id (a string of digits)');
    if (!X_REMOVING_ACTIONS.has(r.action)) return { kind: 'skip', line, reason: `action ${r.action} leaves the post public` };
    return { kind: 'delete', line, id: postId('x', r.id), reason: `x:${r.action}` };
  }
  // Compliance stream event: {"data": {"delete": {"tweet": {"id": "..."}}}}
  const event = (typeof r.data === 'object' && r.data !== null ? r.data : r) as Record<string, unknown>;
  for (const kind of X_STREAM_EVENTS) {
    const body = event[kind] as { tweet?: { id?: unknown } } | undefined;
    if (body === undefined) continue;
    const id = body?.tweet?.id;
    if (typeof id !== 'string' || !X_NATIVE_ID.test(id)) return bad(`"${kind}" event without a tweet id`);
    return { kind: 'delete', line, id: postId('x', id), reason: `x:${kind}` };
  }
  return bad('not an X compliance record (no "action" and no delete event)');
}

/** Reads every notice of a file (or `-` for standard input), a batch of lines at a time. */
export async function* readDeletions(input: ByteInput | string): AsyncGenerator<DeletionItem[]> {
  for await (const lines of splitLines(toInput(input))) {
    const batch: DeletionItem[] = [];
    for (const l of lines) {
      if (l.error) {
        batch.push({ kind: 'bad', line: l.line, reason: l.error, excerpt: excerptOf(l.text) });
        continue;
      }
      const item = parseDeletionLine(l.text, l.line);
      if (item) batch.push(item);
    }
    if (batch.length) yield batch;
  }
}
