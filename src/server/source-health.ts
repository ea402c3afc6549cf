import type Database from 'better-sqlite3';
import type { SourceHealth, SourceHealthProvider } from './deps.js';

const RATE_WINDOW_MS = 5 * 60_000;
/** The rate is measured over at most this many newest rows, so a fast stream costs no more than a slow one. */
const RATE_ROWS = 20_000;
/** A source whose newest ingest is older than this is `stalled` if it had been live. */
const STALL_MS = 2 * 60_000;

/**
 * Source health from the embedded store: checkpoints (when each source last committed), the
 * quarantine table (its errors) and the posts themselves (rate over the last five minutes of
 * event time, newest post). Results are cached briefly: the sources page polls it.
 */
export class SqliteSourceHealth implements SourceHealthProvider {
  private cached: { at: number; value: SourceHealth[] } | undefined;
  /** Newest post of sources outside the rate window: a scan, so remembered for a minute. */
  private readonly idleLast = new Map<string, { at: number; last: number | null; lastIngest: number | null }>();

  constructor(
    private readonly db: Database.Database,
    /** The clock the figures are computed at. */
    readonly now: () => number = Date.now,
    private readonly cacheMs = 5000,
  ) {}

  /** The sources as of `at` (default: the clock's now). */
  async list(at?: number): Promise<SourceHealth[]> {
    const now = at ?? this.now();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.value;
    const db = this.db;
    const names = new Set<string>();
    const checkpoints = new Map<string, number>();
    for (const r of db.prepare('SELECT source, updated_at FROM checkpoints').all() as { source: string; updated_at: number }[]) {
      names.add(r.source);
      checkpoints.set(r.source, r.updated_at);
    }
    const errors = new Map<string, number>();
    for (const r of db.prepare('SELECT source, COUNT(*) AS n FROM quarantine GROUP BY source').all() as { source: string; n: number }[]) {
      names.add(r.source);
      errors.set(r.source, r.n);
    }
    // Rate over the newest rows ingested in the window: count / the time those rows span.
    const maxRowid = (db.prepare('SELECT COALESCE(MAX(rowid), 0) AS r FROM posts').get() as { r: number }).r;
    const window = db
      .prepare(
        `SELECT source, COUNT(*) AS n, MAX(created_at) AS last, MAX(ingested_at) AS lastIngest, MIN(ingested_at) AS firstIngest
         FROM posts WHERE rowid > ? AND ingested_at >= ? GROUP BY source`,
      )
      .all(maxRowid - RATE_ROWS, now - RATE_WINDOW_MS) as { source: string; n: number; last: number; lastIngest: number; firstIngest: number }[];
    const firstIngest = Math.min(...window.map((r) => r.firstIngest), now);
    const span = Math.max(1000, now - Math.max(now - RATE_WINDOW_MS, firstIngest));
    const recent = new Map<string, { n: number; last: number; lastIngest: number }>();
    for (const r of window) {
      names.add(r.source);
      recent.set(r.source, r);
    }
    const lastOf = db.prepare('SELECT MAX(created_at) AS last, MAX(ingested_at) AS lastIngest FROM posts WHERE source = ?');
    const quarantineOf = db.prepare('SELECT line, reason, excerpt FROM quarantine WHERE source = ? ORDER BY id DESC LIMIT 5');
    const out: SourceHealth[] = [];
    for (const name of [...names].sort()) {
      const r = recent.get(name);
      let older: { last: number | null; lastIngest: number | null } | undefined;
      if (!r) {
        const hit = this.idleLast.get(name);
        older = hit && now - hit.at < 60_000 ? hit : { at: now, ...(lastOf.get(name) as { last: number | null; lastIngest: number | null }) };
        this.idleLast.set(name, older as { at: number; last: number | null; lastIngest: number | null });
      }
      const lastPostAt = r?.last ?? older?.last ?? null;
      const lastIngestAt = Math.max(r?.lastIngest ?? older?.lastIngest ?? 0, checkpoints.get(name) ?? 0) || null;
      const rate = r ? r.n / (span / 1000) : 0;
      const status: SourceHealth['status'] = rate > 0 ? 'live' : lastIngestAt !== null && now - lastIngestAt < STALL_MS ? 'idle' : r === undefined && lastPostAt !== null ? 'stalled' : 'idle';
      out.push({
        name,
        rate: Number(rate.toFixed(3)),
        lastPostAt,
        lastIngestAt,
        lagMs: lastPostAt === null ? null : Math.max(0, now - lastPostAt),
        errors: errors.get(name) ?? 0,
        quarantined: errors.has(name) ? (quarantineOf.all(name) as SourceHealth['quarantined']) : [],
        status,
      });
    }
    this.cached = { at: now, value: out };
    return out;
  }
}
