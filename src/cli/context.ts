import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOrCreateSecret } from '../enrich/pseudonymize.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

/** A mistake by the user (bad flag, missing file): printed as one line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULT_DATA_DIR = 'tidewatch-data';

export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag ?? process.env.TIDEWATCH_DATA ?? DEFAULT_DATA_DIR);
}

/** The data folder's files: the database, the pseudonym key, the quarantine log. */
export interface DataFolder {
  dir: string;
  dbPath: string;
  quarantinePath: string;
}

export function dataFolder(dir: string): DataFolder {
  return { dir, dbPath: join(dir, 'tidewatch.db'), quarantinePath: join(dir, 'quarantine.jsonl') };
}

export function openStore(folder: DataFolder): SqliteStore {
  mkdirSync(folder.dir, { recursive: true });
  return new SqliteStore({ path: folder.dbPath });
}

export function secretOf(folder: DataFolder): Buffer {
  return loadOrCreateSecret(folder.dir);
}
