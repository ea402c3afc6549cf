import { isDeepStrictEqual } from 'node:util';
import { MAX_TEXT_BYTES, RawPostSchema, type RawPost } from '../model/post.js';
import { START, type BadRecord, type Cursor, type Source, type SourceItem } from './source.js';

/**
 * The connector contract every Source passes, whatever it reads: valid posts, bad input reported
 * (never thrown, never dropped) with a line and a reason, deterministic replay, and resumption
 * from any item's cursor yielding exactly the items after it — the property that makes
 * `kill -9` + rerun lossless. Framework-free so any test runner (or a connector's own smoke
 * check) can call it; it throws ContractViolationError describing the first breach.
 */

export class ContractViolationError extends Error {
  override name = 'ContractViolationError';
}

export interface ContractOptions {
  /** Exact number of posts and bad records expected, when the test knows them. */
  posts?: number;
  bad?: number;
  /**
   * Resume from at most this many items' cursors, spread evenly (first and last included).
   * Default: every item. Each resume re-reads the rest of the input with a fresh Source.
   */
  resumePoints?: number;
  /** Allow the same platform:id twice (inputs that legitimately repeat posts). Default false. */
  allowDuplicateIds?: boolean;
  /** Skip the replay checks, for sources that cannot be read twice (stdin, live streams). */
  readOnce?: boolean;
}

export interface ContractReport {
  items: SourceItem[];
  posts: RawPost[];
  bad: BadRecord[];
  resumesChecked: number;
}

export async function collect(source: Source, from?: Cursor): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of source.read(from)) items.push(item);
  return items;
}

function describe(item: SourceItem | undefined): string {
  if (!item) return 'nothing';
  const what = item.kind === 'post' ? `post ${item.post.platform}:${item.post.nativeId}` : `bad record (${item.reason})`;
  return `${what} at line ${item.line}, next ${JSON.stringify(item.next)}`;
}

function firstDifference(actual: SourceItem[], expected: SourceItem[]): string | undefined {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (!isDeepStrictEqual(actual[i], expected[i])) {
      return `item ${i}: got ${describe(actual[i])}, expected ${describe(expected[i])} (${actual.length} vs ${expected.length} items)`;
    }
  }
  return undefined;
}

function compareCursors(a: Cursor, b: Cursor): number {
  return a.offset - b.offset || (a.item ?? 0) - (b.item ?? 0);
}

function checkItem(item: SourceItem, index: number, previous: SourceItem | undefined): string | undefined {
  const where = `item ${index} (line ${item.line})`;
  if (!Number.isInteger(item.line) || item.line < 1) return `${where}: line must be a positive integer`;
  const { next } = item;
  if (!Number.isInteger(next.offset) || next.offset < 0 || !Number.isInteger(next.line) || next.line < 1) {
    return `${where}: bad cursor ${JSON.stringify(next)}`;
  }
  if (previous) {
    if (item.line < previous.line) return `${where}: line goes back from ${previous.line}`;
    if (compareCursors(next, previous.next) <= 0) return `${where}: cursor ${JSON.stringify(next)} does not advance past ${JSON.stringify(previous.next)}`;
  }
  if (item.kind === 'bad') {
    if (!item.reason.trim()) return `${where}: bad record without a reason`;
    if (item.excerpt.length > 301) return `${where}: excerpt longer than 300 characters`;
    return undefined;
  }
  const parsed = RawPostSchema.safeParse(item.post);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${where}: post fails RawPostSchema at ${issue.path.join('.')}: ${issue.message}`;
  }
  if (Buffer.byteLength(item.post.text) > MAX_TEXT_BYTES) return `${where}: text over MAX_TEXT_BYTES`;
  return undefined;
}

function resumeIndexes(count: number, points: number | undefined): number[] {
  if (points === undefined || points >= count) return [...Array(count).keys()];
  if (points <= 1) return count > 0 ? [count - 1] : [];
  const picked = new Set<number>();
  for (let i = 0; i < points; i++) picked.add(Math.round((i * (count - 1)) / (points - 1)));
  return [...picked];
}

export async function checkSourceContract(makeSource: () => Source | Promise<Source>, options: ContractOptions = {}): Promise<ContractReport> {
  const fail = (message: string): never => {
    throw new ContractViolationError(message);
  };
  const source = await makeSource();
  if (!source.name) fail('source has no name');
  if (!source.format) fail('source has no format');
  const items = await collect(source);

  const posts: RawPost[] = [];
  const bad: BadRecord[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const problem = checkItem(item, i, items[i - 1]);
    if (problem) fail(problem);
    if (item.kind === 'bad') bad.push(item);
    else {
      posts.push(item.post);
      const key = `${item.post.platform}:${item.post.nativeId}`;
      if (seen.has(key) && !options.allowDuplicateIds) fail(`item ${i}: duplicate post ${key}`);
      seen.add(key);
    }
  });
  if (options.posts !== undefined && posts.length !== options.posts) fail(`expected ${options.posts} posts, got ${posts.length}`);
  if (options.bad !== undefined && bad.length !== options.bad) {
    fail(`expected ${options.bad} bad records, got ${bad.length}: ${bad.map((b) => `line ${b.line}: ${b.reason}`).join('; ')}`);
  }

  let resumesChecked = 0;
  if (!options.readOnce) {
    const again = await collect(await makeSource(), START);
    const replay = firstDifference(again, items);
    if (replay) fail(`reading again from START differs: ${replay}`);
    for (const k of resumeIndexes(items.length, options.resumePoints)) {
      const rest = await collect(await makeSource(), items[k].next);
      const difference = firstDifference(rest, items.slice(k + 1));
      if (difference) fail(`resuming after item ${k} (${describe(items[k])}): ${difference}`);
      resumesChecked++;
    }
  }
  return { items, posts, bad, resumesChecked };
}
