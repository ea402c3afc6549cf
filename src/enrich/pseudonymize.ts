import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Memo } from './memo.js';

/** Name of the per-installation secret inside the data folder. */
export const SECRET_FILE = 'pseudonym.key';

/**
 * The per-installation HMAC key, created on first run (32 random bytes, mode 0600). Without it
 * nobody can recompute an author's pseudonym from a handle, so keep it out of exports and backups
 * you share.
 */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_FILE);
  try {
    const hex = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${path} is not a 64-hex-digit key`);
    return Buffer.from(hex, 'hex');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    writeFileSync(path, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(dataDir);
    throw err;
  }
}

/** Keyed pseudonym of a platform author id: HMAC-SHA256(secret, platform + NUL + author), 128 bits hex. */
export function pseudonymize(secret: Buffer, platform: string, author: string): string {
  return createHmac('sha256', secret).update(`${platform}\u0000${author}`).digest('hex').slice(0, 32);
}

/**
 * `pseudonymize` with a bounded memo: authors repeat heavily in any stream, and an HMAC costs a
 * few microseconds. The memo lives only in memory, like the raw id it is keyed by.
 */
export function createPseudonymizer(secret: Buffer, capacity = 100_000): (platform: string, author: string) => string {
  const memo = new Memo<string, string>(capacity);
  return (platform, author) => {
    const key = `${platform}\u0000${author}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = pseudonymize(secret, platform, author);
      memo.set(key, value);
    }
    return value;
  };
}
