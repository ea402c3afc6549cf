import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { WorkerWriteResult, WriterReply, WriterRequest } from './writer-thread.js';

/** The store's writer thread (writer-thread.ts): owns a write connection and commits batches in the order they come. */

const store = new SqliteStore({ path: (workerData as { dbPath: string }).dbPath });
const port = parentPort!;

/** Answers a request with what its promise settles to (the store's async methods run synchronously inside). */
function answer(id: number, work: Promise<unknown>): void {
  void work.then(
    (result) => port.postMessage({ id, result: result ?? null } satisfies WriterReply),
    (err: Error) => port.postMessage({ id, error: err.message, name: err.name } satisfies WriterReply),
  );
}

port.on('message', (msg: WriterRequest) => {
  let reply: WriterReply;
  try {
    switch (msg.op) {
      case 'write': {
        const r = store.writeBatchSync(msg.posts, msg.checkpoint, msg.quarantine);
        const index = new Map<object, number>();
        if (r.matches.length) msg.posts.forEach((p, i) => index.set(p, i));
        const result: WorkerWriteResult = { stored: r.stored, duplicates: r.duplicates, withdrawn: r.withdrawn, storedIds: r.storedIds, matches: r.matches.map((m) => [m.watchId, index.get(m.post)!]) };
        reply = { id: msg.id, result };
        break;
      }
      case 'purge':
        return answer(msg.id, store.purge(msg.before));
      case 'delete':
        return answer(msg.id, store.deletePosts(msg.ids, { reason: msg.reason, at: msg.at }));
      case 'close':
        return answer(msg.id, store.close());
    }
  } catch (err) {
    const e = err as Error;
    reply = { id: msg.id, error: e.message, name: e.name };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
