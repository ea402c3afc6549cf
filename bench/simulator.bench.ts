/**
 * Simulator throughput: how fast the seeded stream is generated (the synchronous core that
 * `writeSimulation` and `read()` share), read through the Source interface, and written as
 * tidewatch JSONL with its ground truth — the step the ingest benchmark runs first. Prints JSON.
 *
 *   npx tsx bench/simulator.bench.ts [--posts 1000000 --seed 42]
 *   (or, after `npm run build`: node dist/bench/simulator.bench.js)
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator, resolveOptions, SimulatedStream, writeSimulation } from '../src/sources/simulator/index.js';
import { numberArg } from './args.js';

const POSTS = numberArg('posts', 1_000_000);
const SEED = numberArg('seed', 42);
const READ_POSTS = Math.min(POSTS, numberArg('read-posts', 200_000));

function generate(posts: number): { seconds: number; chars: number; stream: SimulatedStream } {
  const stream = new SimulatedStream(resolveOptions({ seed: SEED, posts }));
  const t0 = performance.now();
  let chars = 0;
  for (let post = stream.next(); post; post = stream.next()) chars += post.text.length;
  return { seconds: (performance.now() - t0) / 1000, chars, stream };
}

async function main(): Promise<void> {
  generate(50_000); // warm up the JIT

  const gen = generate(POSTS);
  const heapAfterGenerate = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const truth = gen.stream.truth();
  const truthSeconds = (performance.now() - t1) / 1000;

  const source = createSimulator({ seed: SEED, posts: READ_POSTS });
  const t2 = performance.now();
  let read = 0;
  for await (const item of source.read()) if (item.kind === 'post') read++;
  const readSeconds = (performance.now() - t2) / 1000;

  const dir = await mkdtemp(join(tmpdir(), 'tidewatch-sim-bench-'));
  try {
    const out = join(dir, 'sim.jsonl');
    const t3 = performance.now();
    const written = await writeSimulation({ seed: SEED, posts: POSTS }, out);
    const writeSeconds = (performance.now() - t3) / 1000;
    const bytes = (await stat(out)).size;
    const truthBytes = (await stat(written.truthPath)).size;

    const result = {
      bench: 'simulator',
      posts: POSTS,
      seed: SEED,
      generate: {
        postsPerSecond: Math.round(POSTS / gen.seconds),
        seconds: +gen.seconds.toFixed(3),
        meanTextChars: +(gen.chars / POSTS).toFixed(1),
        heapUsedMB: +(heapAfterGenerate / 1e6).toFixed(1),
      },
      truth: {
        seconds: +truthSeconds.toFixed(3),
        events: truth.events.length,
        narratives: truth.narratives.length,
        cascades: truth.cascades.length,
        cascadeEdges: truth.cascades.reduce((n, c) => n + c.edges.length, 0),
        bursts: truth.bursts.length,
        streamHours: +((truth.end - truth.start) / 3_600_000).toFixed(2),
      },
      readSource: { posts: read, postsPerSecond: Math.round(read / readSeconds) },
      writeJsonl: {
        postsPerSecond: Math.round(POSTS / writeSeconds),
        seconds: +writeSeconds.toFixed(3),
        megabytes: +(bytes / 1e6).toFixed(1),
        bytesPerPost: Math.round(bytes / POSTS),
        truthMegabytes: +(truthBytes / 1e6).toFixed(1),
      },
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
