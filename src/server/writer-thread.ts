import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Post } from '../model/post.js';
import type { Cursor } from '../sources/source.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { type Checkpoint, type DeleteResult, type QuarantineEntry, type Store, StoreError, type WriteResult } from '../store/store.js';

/**
 * The embedded store with its batch writes on a worker thread that owns a write connection to the
 * same file: a batch's transaction (thousands of inserts, full-text entries, rollups, watch
 * matching) no longer holds the server's thread, so requests are answered while ingest writes.
 * Reads and the rare small writes (watches, alerts, tokens) stay on the caller's connection; WAL
 * lets them read while the writer writes. Batches commit one at a time, in the order given.
 */

/** What the worker answers for a batch: the posts of each match by their index in the batch. */
export interface WorkerWriteResult {
  stored: number;
  duplicates: number;
  withdrawn: number;
  storedIds: string[];
  matches: [watchId: number, index: number][];
}

export type WriterRequest =
  | { id: number; op: 'write'; posts: Post[]; checkpoint?: Checkpoint; quarantine?: QuarantineEntry[] }
  | { id: number; op: 'purge'; before: number }
  | { id: number; op: 'delete'; ids: readonly string[]; reason?: string; at?: number }
  | { id: number; op: 'close' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type WriterReply = { id: number; result: unknown } | { id: number; error: string; name: string };

/** The compiled worker script; under vitest this module runs from src/ and the worker from dist/. */
export function writerWorkerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const js = here.endsWith('.ts')
    ? here.replace(/([\\/])src([\\/]server[\\/])writer-thread\.ts$/, '$1dist$1src$2writer-worker.js')
    : here.replace(/writer-thread\.js$/, 'writer-worker.js');
  return existsSync(js) ? js : undefined;
}

export class WriterThreadStore implements Store {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failed: Error | undefined;
  private closed = false;

  private constructor(
    /** The caller's store: reads and everything but batch writes and purges. */
    readonly local: SqliteStore,
    private readonly worker: Worker,
  ) {
    worker.on('message', (msg: WriterReply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if ('error' in msg) {
        const err = new StoreError(msg.error);
        if (msg.name !== 'StoreError') err.name = msg.name;
        p.reject(err);
      } else p.resolve(msg.result);
    });
    const fail = (err: Error) => {
      this.failed ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new StoreError(`the store's writer thread exited (code ${code})`));
    });
  }

  /** Starts the writer thread on the store's database file (the store must be a file, not `:memory:`). */
  static async start(local: SqliteStore): Promise<WriterThreadStore> {
    const script = writerWorkerScript();
    if (!script) throw new StoreError('the store writer worker is not built (run npm run build)');
    if (local.db.name === ':memory:' || local.db.name === '') throw new StoreError('a writer thread needs a database file, not an in-memory database');
    const worker = new Worker(script, { workerData: { dbPath: local.db.name } });
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(new StoreError(`cannot start the store's writer thread: ${err.message}`));
      worker.once('error', onError);
      worker.once('message', (msg: { ready?: boolean }) => {
        worker.off('error', onError);
        if (msg.ready) resolve();
        else reject(new StoreError("the store's writer thread did not start"));
      });
    });
    // Checkpoints copy the log into the database file and sync it (hundreds of ms under ingest):
    // the writer thread runs them, never a small write (an alert, the audit log) on this thread.
    local.db.pragma('wal_autocheckpoint = 0');
    return new WriterThreadStore(local, worker);
  }

  /** Whether the writer thread can be started here (the worker script is built). */
  static available(local: SqliteStore): boolean {
    return writerWorkerScript() !== undefined && local.db.name !== ':memory:' && local.db.name !== '';
  }

  private call(request: WithoutId<WriterRequest>): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new StoreError('the store is closed'));
    return new Promise((resolve, reject) => {
      const id = ++this.next;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  async writeBatch(posts: Post[], checkpoint?: Checkpoint, quarantine?: QuarantineEntry[]): Promise<WriteResult> {
    const r = (await this.call({ op: 'write', posts, checkpoint, quarantine })) as WorkerWriteResult;
    return { stored: r.stored, duplicates: r.duplicates, withdrawn: r.withdrawn, storedIds: r.storedIds, matches: r.matches.map(([watchId, i]) => ({ watchId, post: posts[i] })) };
  }

  async purge(before: number): Promise<number> {
    return (await this.call({ op: 'purge', before })) as number;
  }

  async deletePosts(ids: readonly string[], options: { reason?: string; at?: number } = {}): Promise<DeleteResult> {
    return (await this.call({ op: 'delete', ids, ...options })) as DeleteResult;
  }

  getCheckpoint(source: string): Promise<Cursor | undefined> {
    return this.local.getCheckpoint(source);
  }
  getPost(id: string) {
    return this.local.getPost(id);
  }
  searchTerms(...args: Parameters<Store['searchTerms']>) {
    return this.local.searchTerms(...args);
  }
  volume(...args: Parameters<Store['volume']>) {
    return this.local.volume(...args);
  }
  stats() {
    return this.local.stats();
  }
  quarantined(limit?: number) {
    return this.local.quarantined(limit);
  }
  addWatch(...args: Parameters<Store['addWatch']>) {
    return this.local.addWatch(...args);
  }
  updateWatch(...args: Parameters<Store['updateWatch']>) {
    return this.local.updateWatch(...args);
  }
  removeWatch(...args: Parameters<Store['removeWatch']>) {
    return this.local.removeWatch(...args);
  }
  listWatches() {
    return this.local.listWatches();
  }
  getWatch(...args: Parameters<Store['getWatch']>) {
    return this.local.getWatch(...args);
  }
  watchVolume(...args: Parameters<Store['watchVolume']>) {
    return this.local.watchVolume(...args);
  }
  shareOfVoice(...args: Parameters<Store['shareOfVoice']>) {
    return this.local.shareOfVoice(...args);
  }
  searchQuery(...args: Parameters<Store['searchQuery']>) {
    return this.local.searchQuery(...args);
  }
  countQuery(...args: Parameters<Store['countQuery']>) {
    return this.local.countQuery(...args);
  }

  /** Stops the writer thread once the writes already asked for have committed; the local store stays open. */
  async close(): Promise<void> {
    if (this.closed) return;
    // Messages are handled in order: the writes asked for before this one commit first.
    const closing = this.call({ op: 'close' }).catch(() => undefined);
    this.closed = true;
    await closing;
    await this.worker.terminate();
  }
}

/**
 * Where ingest should write: the writer thread when it can run here (a database file and the
 * built worker), else the store itself. Close it before the store.
 */
export async function startStoreWriter(store: SqliteStore): Promise<Store> {
  return WriterThreadStore.available(store) ? WriterThreadStore.start(store) : store;
}
