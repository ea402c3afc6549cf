import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { runAnalytics } from './analytics-reader.js';
import { sqliteQueryLanguage } from './query-language.js';
import { SqliteAnalytics } from './sqlite-analytics.js';
import { SqliteSourceHealth } from './source-health.js';

/** A worker thread answering the server's SQL figures on its own read-only connection. */

const db = new Database((workerData as { dbPath: string }).dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
const analytics = new SqliteAnalytics(db);
const query = sqliteQueryLanguage(db);
// Source health scans recent posts (and, once a minute, an idle source's): here, not on the server's thread.
const sources = new SqliteSourceHealth(db);

parentPort!.on('message', async (msg: { id: number; method: Parameters<typeof runAnalytics>[2]; args: unknown[] }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: await runAnalytics(analytics, query, msg.method, msg.args, sources) });
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ id: msg.id, error: e.message, name: e.name });
  }
});
