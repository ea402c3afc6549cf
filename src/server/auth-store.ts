import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { migrate } from '../store/sqlite/migrations.js';

/**
 * API tokens and the audit log, kept in the embedded store's database. Tokens are random
 * 192-bit secrets shown once; only their SHA-256 is stored (a slow hash buys nothing for
 * high-entropy secrets and would cost every request). The tables are created here with
 * IF NOT EXISTS until they are folded into a numbered migration.
 */

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  createdAt: number;
  lastUsedAt: number | null;
  revoked: boolean;
}

export interface AuditEntry {
  at: number;
  /** Token name (`token:<id>:<name>`) or `local` when auth is off. */
  actor: string;
  role: Role;
  /** What was done, e.g. `search`, `export.search`, `watch.create`. */
  action: string;
  /** The query, watch or id acted on. */
  target: string;
  /** Parameters that shaped the result (range, bucket, format). */
  detail: Record<string, unknown>;
  ip: string;
}

/** An audit entry as stored, its detail as JSON. */
type AuditRow = Omit<AuditEntry, 'detail'> & { detail: string };

const TOKEN_PREFIX = 'tw_';

export class AuthStoreError extends Error {
  override name = 'AuthStoreError';
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** How long audit entries may wait to be written together (they are readable at once). */
const AUDIT_FLUSH_MS = 250;
/** Past this many waiting entries a flush waits for the write lock instead of trying later. */
const AUDIT_MAX_PENDING = 10_000;

export class AuthStore {
  private readonly statements;
  private readonly insertAudits: (entries: AuditRow[]) => void;
  /** Entries not yet written: every request is audited, and one write per request would wait on the store's writer. */
  private pendingAudit: AuditRow[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Database.Database) {
    // The tables come with the store's migrations (3); a bare database gets them here.
    if (!db.readonly) migrate(db);
    this.statements = {
      insertToken: db.prepare('INSERT INTO api_tokens (name, role, hash, created_at) VALUES (?, ?, ?, ?)'),
      byHash: db.prepare('SELECT id, name, role, hash, created_at, last_used_at, revoked FROM api_tokens WHERE hash = ?'),
      touch: db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
      list: db.prepare('SELECT id, name, role, created_at, last_used_at, revoked FROM api_tokens ORDER BY id'),
      revoke: db.prepare('UPDATE api_tokens SET revoked = 1 WHERE id = ?'),
      activeCount: db.prepare('SELECT COUNT(*) AS n FROM api_tokens WHERE revoked = 0'),
      insertAudit: db.prepare('INSERT INTO audit_log (at, actor, role, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      readAudit: db.prepare('SELECT at, actor, role, action, target, detail, ip FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?'),
    };
    const insert = this.statements.insertAudit;
    this.insertAudits = db.transaction((entries: AuditRow[]) => {
      for (const e of entries) insert.run(e.at, e.actor, e.role, e.action, e.target, e.detail, e.ip);
    }).immediate;
  }

  /** Creates a token; the returned secret is the only time it exists in clear. */
  createToken(role: Role, name: string, now = Date.now()): { token: string; info: TokenInfo } {
    if (!ROLES.includes(role)) throw new AuthStoreError(`role must be one of ${ROLES.join(', ')}, not "${role}"`);
    const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
    const info = this.statements.insertToken.run(name, role, hashToken(token), now);
    return { token, info: { id: Number(info.lastInsertRowid), name, role, createdAt: now, lastUsedAt: null, revoked: false } };
  }

  /** The token's identity when it is known and not revoked. */
  verify(token: string, now = Date.now()): TokenInfo | undefined {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const hash = hashToken(token);
    const row = this.statements.byHash.get(hash) as
      | { id: number; name: string; role: Role; hash: Buffer; created_at: number; last_used_at: number | null; revoked: number }
      | undefined;
    if (!row || row.revoked || !timingSafeEqual(row.hash, hash)) return undefined;
    // Coarse last-use: one write per token per minute at most.
    if (row.last_used_at === null || now - row.last_used_at > 60_000) this.statements.touch.run(now, row.id);
    return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastUsedAt: now, revoked: false };
  }

  listTokens(): TokenInfo[] {
    return (this.statements.list.all() as { id: number; name: string; role: Role; created_at: number; last_used_at: number | null; revoked: number }[]).map(
      (r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, lastUsedAt: r.last_used_at, revoked: r.revoked === 1 }),
    );
  }

  revokeToken(id: number): boolean {
    return this.statements.revoke.run(id).changes > 0;
  }

  activeTokenCount(): number {
    return (this.statements.activeCount.get() as { n: number }).n;
  }

  /**
   * Records an entry. It is written with the others of the next quarter second in one
   * transaction that never waits on another connection's write lock (the ingest writer's): a
   * busy store is tried again later, so requests are not held up by the audit log.
   */
  audit(entry: AuditEntry): void {
    this.pendingAudit.push({ ...entry, detail: JSON.stringify(entry.detail) });
    if (this.pendingAudit.length >= AUDIT_MAX_PENDING) this.flushAudit(true);
    else this.scheduleFlush();
  }

  /** Writes the waiting entries; without `wait`, gives up at once (and tries later) when the store is locked. */
  flushAudit(wait = false): boolean {
    if (this.pendingAudit.length === 0) return true;
    const entries = this.pendingAudit;
    const timeout = wait ? undefined : (this.db.pragma('busy_timeout', { simple: true }) as number);
    if (!wait) this.db.pragma('busy_timeout = 0');
    try {
      this.insertAudits(entries);
      this.pendingAudit = [];
      return true;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      this.scheduleFlush();
      return false;
    } finally {
      if (timeout !== undefined) this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (this.db.open) this.flushAudit();
    }, AUDIT_FLUSH_MS);
    this.flushTimer.unref();
  }

  /** Newest first, including entries not yet written. */
  readAudit(options: { since?: number; limit?: number } = {}): AuditEntry[] {
    this.flushAudit();
    const since = options.since ?? 0;
    const limit = options.limit ?? 100;
    const waiting = this.pendingAudit.filter((e) => e.at >= since).reverse().slice(0, limit);
    const rows = this.statements.readAudit.all(since, limit - waiting.length) as AuditRow[];
    return [...waiting, ...rows].map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  /** Writes what is waiting (waiting for the lock if need be) and stops the timer. */
  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.db.open) this.flushAudit(true);
  }
}
