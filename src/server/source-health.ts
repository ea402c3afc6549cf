import type Database from 'better-sqlite3';
import type { SourceHealth, SourceHealthProvider } from './deps.js';

const RATE_WINDOW_MS = 5 * 60_000;
/** The rate is measured over at most this many newest rows, so a fast stream costs no more than a slow one. */
const RATE_ROWS = 20_000;
/** A source whose newest ingest is older than this is `stalled` if it had been live. */
const STALL_MS = 2 * 60_000;

/**
 * Source health from the embedded store: checkpoints (when each source last committed), the
 * quarantine table (its errors), `source_stats` (each source's newest post, kept at ingest) and
 * the newest posts themselves (the rate over the last five minutes). Results are cached briefly:
 * the sources page polls it.
 */
export class SqliteSourceHealth implements SourceHealthProvider {
  private cached: { at: number; value: SourceHealth[] } | undefined;

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
    const newest = new Map<string, { last: number; lastIngest: number }>();
    for (const r of db.prepare('SELECT source, last_created_at AS last, last_ingested_at AS lastIngest FROM source_stats').all() as { source: string; last: number; lastIngest: number }[]) {
      names.add(r.source);
      newest.set(r.source, r);
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
    const quarantineOf = db.prepare('SELECT line, reason, excerpt FROM quarantine WHERE source = ? ORDER BY id DESC LIMIT 5');
    const out: SourceHealth[] = [];
    for (const name of [...names].sort()) {
      const r = recent.get(name);
      const stats = newest.get(name);
      // source_stats covers every stored post; the window is read a moment later, so take the newer.
      const lastPostAt = r || stats ? Math.max(r?.last ?? -Infinity, stats?.last ?? -Infinity) : null;
      const lastIngestAt = Math.max(r?.lastIngest ?? 0, stats?.lastIngest ?? 0, checkpoints.get(name) ?? 0) || null;
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
