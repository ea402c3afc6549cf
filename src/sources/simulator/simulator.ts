import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { SourceError, START, type Cursor, type Source, type SourceItem } from '../source.js';
import { toInterchange } from '../interchange.js';
import { SimulatedStream } from './generator.js';
import type { GroundTruth } from './ground-truth.js';
import { resolveOptions, type SimulatorOptions } from './options.js';

export type SimulatorSource = Source & {
  /**
   * The ground truth: for a finite stream, of the whole stream (generated on first call if no
   * read has finished it); for an endless one, of what the furthest read has generated so far.
   */
  truth(): GroundTruth;
};

function checkCursor(from: Cursor): number {
  if (!Number.isInteger(from.offset) || from.offset < 0) throw new SourceError(`simulator cursor offset must be a post count, got ${from.offset}`);
  return from.offset;
}

/**
 * A deterministic simulated stream as a Source. `read(from)` regenerates the stream from its
 * seed and skips `from.offset` posts, so resuming from any cursor yields exactly the remainder.
 */
export function createSimulator(opts: SimulatorOptions): SimulatorSource {
  const resolved = resolveOptions(opts);
  let furthest: SimulatedStream | undefined;
  let complete: GroundTruth | undefined;
  const name = `sim:seed=${resolved.seed}`;
  return {
    name,
    format: 'sim',
    async *read(from: Cursor = START): AsyncIterable<SourceItem> {
      const skip = checkCursor(from);
      const stream = new SimulatedStream(resolved);
      stream.skipTo(skip);
      for (let post = stream.next(); post; post = stream.next()) {
        const count = stream.generated;
        if (!furthest || count > furthest.generated) furthest = stream;
        yield { kind: 'post', line: count, post, next: { offset: count, line: count + 1 } };
      }
    },
    truth(): GroundTruth {
      if (resolved.endless) return (furthest ?? new SimulatedStream(resolved)).truth();
      if (!complete) {
        let stream = furthest;
        if (!stream || stream.generated < resolved.posts) {
          stream = new SimulatedStream(resolved);
          stream.skipTo(resolved.posts);
        }
        complete = stream.truth();
      }
      return complete;
    },
  };
}

/** Characters of JSONL gathered before each write. */
const CHUNK = 1 << 20;

/**
 * Write a finite simulated stream as tidewatch JSONL (one `toInterchange` record a line) and its
 * ground truth as `${outPath}.truth.json`. Both are written to temporary names and renamed, so a
 * crash never leaves a half-written file under the final name.
 */
export async function writeSimulation(opts: SimulatorOptions, outPath: string): Promise<{ posts: number; truthPath: string }> {
  const resolved = resolveOptions(opts);
  if (resolved.endless) throw new SourceError('simulator option posts: writeSimulation needs a finite number of posts');
  const stream = new SimulatedStream(resolved);
  const truthPath = `${outPath}.truth.json`;
  const tmpOut = `${outPath}.tmp-${process.pid}`;
  const tmpTruth = `${truthPath}.tmp-${process.pid}`;
  const out = createWriteStream(tmpOut, { highWaterMark: 4 * CHUNK });
  try {
    let lines: string[] = [];
    let size = 0;
    for (let post = stream.next(); post; post = stream.next()) {
      const line = toInterchange(post);
      lines.push(line);
      size += line.length + 1;
      if (size >= CHUNK) {
        lines.push('');
        if (!out.write(lines.join('\n'))) await once(out, 'drain');
        lines = [];
        size = 0;
      }
    }
    if (lines.length > 0) {
      lines.push('');
      out.write(lines.join('\n'));
    }
    out.end();
    await once(out, 'finish');
    await writeFile(tmpTruth, `${JSON.stringify(stream.truth())}\n`);
    await rename(tmpOut, outPath);
    await rename(tmpTruth, truthPath);
  } catch (err) {
    out.destroy();
    await rm(tmpOut, { force: true });
    await rm(tmpTruth, { force: true });
    throw err;
  }
  return { posts: stream.generated, truthPath };
}
