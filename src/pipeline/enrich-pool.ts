import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Post, RawPost } from '../model/post.js';
import { createEnricher, TEXT_MEMO_CAPACITY } from '../enrich/create-enricher.js';
import { assemblePost, enrichPost, type TextAnalysis } from '../enrich/enrich.js';
import { Memo } from '../enrich/memo.js';
import { createPseudonymizer } from '../enrich/pseudonymize.js';

/** Enriches batches of posts, on worker threads or in this thread. */
export interface BatchEnricher {
  enrich(posts: RawPost[], ingestedAt: number): Promise<Post[]>;
  close(): Promise<void>;
}

/** The compiled worker script. Under vitest this module runs from src/, the worker from dist/. */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const js = here.endsWith('.ts') ? here.replace(/([\\/])src([\\/]pipeline[\\/])enrich-pool\.ts$/, '$1dist$1src$2enrich-worker.js') : here.replace(/enrich-pool\.js$/, 'enrich-worker.js');
  if (!existsSync(js)) throw new Error(`enrichment worker not built: ${js} (run npm run build)`);
  return js;
}

interface Pending {
  resolve: (analyses: TextAnalysis[]) => void;
  reject: (err: Error) => void;
}

/** Text analysis on worker threads, with a memo of recent texts in this thread. */
export interface AnalysisPool {
  /** Analyses of `texts`, in order; `lang` skips language identification (confidence 1). */
  analyze(texts: readonly string[], lang?: string): Promise<TextAnalysis[]>;
  close(): Promise<void>;
}

/**
 * A pool of text-analysis workers. This thread keeps the memo of recent texts: a call sends the
 * workers only the distinct texts it has not seen lately (about half of a typical stream), split
 * between the workers by how busy they are.
 */
class WorkerAnalysisPool implements AnalysisPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly memo = new Memo<string, TextAnalysis>(TEXT_MEMO_CAPACITY);
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size: number) {
    const script = workerScript();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      const slot = { worker, busy: 0 };
      worker.on('message', (msg: { id: number; analyses?: TextAnalysis[]; error?: string }) => {
        slot.busy--;
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(`enrichment failed: ${msg.error}`));
        else p.resolve(msg.analyses ?? []);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`enrichment worker exited with code ${code}`));
      });
      this.workers.push(slot);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private send(texts: string[], lang: string | undefined): Promise<TextAnalysis[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, texts, lang });
    });
  }

  async analyze(texts: readonly string[], lang?: string): Promise<TextAnalysis[]> {
    // With a given language the answers differ from detected ones: no memo then.
    const memo = lang === undefined ? this.memo : undefined;
    const known = new Map<string, TextAnalysis | undefined>();
    const unseen: string[] = [];
    for (const text of texts) {
      if (known.has(text)) continue;
      const analysis = memo?.get(text);
      known.set(text, analysis);
      if (analysis === undefined) unseen.push(text);
    }
    if (unseen.length > 0) {
      const analyses = await this.send(unseen, lang);
      for (let i = 0; i < unseen.length; i++) {
        known.set(unseen[i], analyses[i]);
        memo?.set(unseen[i], analyses[i]);
      }
    }
    return texts.map((text) => known.get(text)!);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Text analysis on `workers` worker threads (at least one). */
export function createAnalysisPool(workers: number): AnalysisPool {
  if (!(workers >= 1)) throw new RangeError(`an analysis pool needs at least one worker, not ${workers}`);
  return new WorkerAnalysisPool(workers);
}

/**
 * Enrichment on worker threads: the analysis pool analyses the texts, this thread assembles the
 * posts — pseudonyms included, so the key never leaves this thread.
 */
class WorkerPool implements BatchEnricher {
  private readonly pool: AnalysisPool;
  private readonly pseudonym: (platform: string, author: string) => string;

  constructor(size: number, secret: Buffer) {
    this.pseudonym = createPseudonymizer(secret);
    this.pool = createAnalysisPool(size);
  }

  async enrich(posts: RawPost[], ingestedAt: number): Promise<Post[]> {
    const analyses = await this.pool.analyze(posts.map((raw) => raw.text));
    return posts.map((raw, i) => assemblePost(raw, analyses[i], this.pseudonym(raw.platform, raw.author), ingestedAt));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

class InlineEnricher implements BatchEnricher {
  constructor(private readonly ready: ReturnType<typeof createEnricher>) {}

  async enrich(posts: RawPost[], ingestedAt: number): Promise<Post[]> {
    const enricher = await this.ready;
    return posts.map((raw) => enrichPost(raw, enricher, ingestedAt));
  }

  async close(): Promise<void> {}
}

/** `workers: 0` enriches in this thread (small inputs, tests); otherwise a worker pool. */
export function createBatchEnricher(secret: Buffer, workers: number): BatchEnricher {
  return workers > 0 ? new WorkerPool(workers, secret) : new InlineEnricher(createEnricher(secret));
}
