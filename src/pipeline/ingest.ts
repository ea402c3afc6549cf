import { appendFileSync } from 'node:fs';
import { MAX_TEXT_BYTES, type Post, type RawPost } from '../model/post.js';
import type { Cursor, Source, SourceItem } from '../sources/source.js';
import { excerptOf } from '../sources/source.js';
import type { QuarantineEntry, Store, WriteResult } from '../store/store.js';
import type { BatchEnricher } from './enrich-pool.js';

export interface IngestProgress {
  read: number;
  stored: number;
  duplicates: number;
  /** Posts not stored because their platform announced them deleted. */
  withdrawn: number;
  quarantined: number;
  cursor: Cursor | undefined;
}

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  withdrawn: number;
  quarantined: number;
  seconds: number;
}

export interface IngestOptions {
  source: Source;
  store: Store;
  enricher: BatchEnricher;
  /** Records per transaction (and per enrichment job). */
  batchSize?: number;
  /** Batches being enriched at once before reading pauses (back-pressure). */
  maxInFlight?: number;
  /** Start from the store's checkpoint for this source (default true). */
  resume?: boolean;
  /** Where quarantined records are appended as JSON lines, after their batch commits. */
  quarantineFile?: string;
  /** Called after each batch commits with the posts that were new. */
  onCommit?: (stored: Post[], result: WriteResult) => void | Promise<void>;
  onProgress?: (progress: IngestProgress) => void;
  /** Stop reading when aborted; what was read is still enriched and committed. */
  signal?: AbortSignal;
  /**
   * For live sources: commit a partial batch once its first record has waited this long, so a
   * slow stream still reaches the store (and the detectors) within this latency.
   */
  maxLatencyMs?: number;
}

interface Chunk {
  raws: RawPost[];
  bad: QuarantineEntry[];
  last: Cursor;
  read: number;
}

function tooLong(text: string): boolean {
  // A UTF-16 unit is at most 3 UTF-8 bytes: only measure texts that could be over the limit.
  return text.length * 3 > MAX_TEXT_BYTES && Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES;
}

/**
 * The ingest loop: read a source from its checkpoint, enrich in batches (on worker threads, a
 * bounded number in flight), and write each batch with its checkpoint in one transaction, in
 * source order. A crash at any moment followed by the same call resumes after the last committed
 * batch: nothing lost, nothing duplicated.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const { source, store, enricher } = options;
  const batchSize = options.batchSize ?? 2000;
  const maxInFlight = options.maxInFlight ?? 4;
  const started = performance.now();
  const totals = { read: 0, stored: 0, duplicates: 0, withdrawn: 0, quarantined: 0 };
  let cursor = options.resume === false ? undefined : await store.getCheckpoint(source.name);
  const inFlight: Promise<{ chunk: Chunk; posts: Post[] }>[] = [];

  const commitOldest = async (): Promise<void> => {
    const { chunk, posts } = await inFlight.shift()!;
    const result = await store.writeBatch(posts, { source: source.name, cursor: chunk.last }, chunk.bad);
    if (chunk.bad.length > 0 && options.quarantineFile) {
      appendFileSync(options.quarantineFile, chunk.bad.map((b) => JSON.stringify(b)).join('\n') + '\n');
    }
    totals.read += chunk.read;
    totals.stored += result.stored;
    totals.duplicates += result.duplicates;
    totals.withdrawn += result.withdrawn;
    totals.quarantined += chunk.bad.length;
    cursor = chunk.last;
    if (options.onCommit) {
      const ids = new Set(result.storedIds);
      const stored = result.stored === posts.length ? posts : posts.filter((p) => ids.has(p.id));
      await options.onCommit(stored, result);
    }
    options.onProgress?.({ ...totals, cursor });
  };

  // Batches whose enrichment has finished, so the oldest can be committed without waiting.
  const done = new WeakSet<Promise<unknown>>();
  const dispatch = (chunk: Chunk): void => {
    const ingestedAt = Date.now();
    const job = enricher.enrich(chunk.raws, ingestedAt).then((posts) => ({ chunk, posts }));
    void job.then(() => done.add(job), () => done.add(job));
    inFlight.push(job);
  };
  /** Commit, in order, every leading batch that is already enriched: a batch waits for no other. */
  const commitReady = async (): Promise<void> => {
    while (inFlight.length > 0 && done.has(inFlight[0])) await commitOldest();
  };

  let chunk: Chunk | undefined;
  let chunkStarted = 0;
  const flush = async (): Promise<void> => {
    if (!chunk) return;
    dispatch(chunk);
    chunk = undefined;
    if (inFlight.length >= maxInFlight) await commitOldest();
    await commitReady();
  };
  const iterator = source.read(cursor)[Symbol.asyncIterator]();
  const latency = options.maxLatencyMs;
  try {
    let pending = iterator.next();
    for (;;) {
      let step: IteratorResult<SourceItem> | 'timeout' | 'enriched';
      if (latency !== undefined && inFlight.length > 0 && done.has(inFlight[0])) await commitReady();
      if (latency !== undefined && (chunk || inFlight.length > 0)) {
        const wait = chunk ? Math.max(0, chunkStarted + latency - performance.now()) : latency;
        let timer: NodeJS.Timeout | undefined;
        const racers: Promise<IteratorResult<SourceItem> | 'timeout' | 'enriched'>[] = [
          pending,
          new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), wait))),
        ];
        // A slow live source must not hold back a batch that is ready to commit.
        const oldest = inFlight[0];
        if (oldest && !done.has(oldest)) racers.push(oldest.then(() => 'enriched' as const, () => 'enriched' as const));
        step = await Promise.race(racers);
        clearTimeout(timer);
      } else {
        step = await pending;
      }
      if (step === 'enriched') {
        await commitReady();
        continue;
      }
      if (step === 'timeout') {
        // Nothing new for a while: push what we hold through to the store.
        await flush();
        while (inFlight.length > 0) await commitOldest();
        if (options.signal?.aborted) break;
        continue;
      }
      if (step.done) break;
      pending = iterator.next();
      const item = step.value;
      if (!chunk) {
        chunk = { raws: [], bad: [], last: item.next, read: 0 };
        chunkStarted = performance.now();
      }
      chunk.read++;
      chunk.last = item.next;
      if (item.kind === 'bad') {
        chunk.bad.push({ source: source.name, line: item.line, reason: item.reason, excerpt: item.excerpt });
      } else if (tooLong(item.post.text)) {
        chunk.bad.push({ source: source.name, line: item.line, reason: `field text: longer than ${MAX_TEXT_BYTES} bytes`, excerpt: excerptOf(item.post.text) });
      } else {
        chunk.raws.push(item.post);
      }
      if (chunk.read >= batchSize) await flush();
      else if (inFlight.length > 0 && done.has(inFlight[0])) await commitReady();
      if (options.signal?.aborted) break;
    }
    await flush();
    while (inFlight.length > 0) await commitOldest();
  } finally {
    // On an error, let in-flight work settle so no promise rejects unobserved.
    await Promise.allSettled(inFlight);
    await iterator.return?.();
  }
  return { ...totals, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) };
}
