import { parentPort, workerData } from 'node:worker_threads';
import type { Post, RawPost } from '../model/post.js';
import { createEnricher } from '../enrich/create-enricher.js';
import { enrichPost } from '../enrich/enrich.js';

/** Worker side of EnrichPool: enriches batches of RawPosts, answering each with its id. */
interface Job {
  id: number;
  posts: RawPost[];
  ingestedAt: number;
}

const port = parentPort;
if (!port) throw new Error('enrich-worker must run in a worker thread');

const ready = createEnricher(Buffer.from((workerData as { secretHex: string }).secretHex, 'hex'));

port.on('message', (job: Job) => {
  ready.then(
    (enricher) => {
      try {
        const posts: Partial<Post>[] = job.posts.map((raw) => enrichPost(raw, enricher, job.ingestedAt));
        // The caller still holds the texts it sent: do not copy them back.
        for (const post of posts) delete post.text;
        port.postMessage({ id: job.id, posts });
      } catch (err) {
        port.postMessage({ id: job.id, error: (err as Error).stack ?? String(err) });
      }
    },
    (err: Error) => port.postMessage({ id: job.id, error: `enricher failed to start: ${err.message}` }),
  );
});
