import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Post, RawPost } from '../model/post.js';
import { createEnricher } from '../enrich/create-enricher.js';
import { enrichPost } from '../enrich/enrich.js';

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
  resolve: (posts: Post[]) => void;
  reject: (err: Error) => void;
}

/** Round-robin pool of enrichment workers; each batch goes to the least busy worker. */
class WorkerPool implements BatchEnricher {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending & { raws: RawPost[] }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size: number, secret: Buffer) {
    const script = workerScript();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { secretHex: secret.toString('hex') } });
      const slot = { worker, busy: 0 };
      worker.on('message', (msg: { id: number; posts?: Post[]; error?: string }) => {
        slot.busy--;
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(`enrichment failed: ${msg.error}`));
        else {
          // Workers answer without the texts (they were sent from here): put them back.
          const posts = msg.posts ?? [];
          for (let i = 0; i < posts.length; i++) posts[i].text = p.raws[i].text;
          p.resolve(posts);
        }
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

  enrich(posts: RawPost[], ingestedAt: number): Promise<Post[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, raws: posts });
      slot.worker.postMessage({ id, posts, ingestedAt });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
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
