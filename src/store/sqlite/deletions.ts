import type Database from 'better-sqlite3';
import type { Alert } from '../../model/alert.js';
import { type DeleteResult, StoreError } from '../store.js';
import { uncountPosts } from './watches.js';

const MINUTE = 60_000;
/** Ids per statement: json_each takes them as one parameter. */
const CHUNK = 5000;

/**
 * Applies deletions a platform announced (Store.deletePosts), in one transaction: the watch
 * rollups and per-minute volume lose the posts, the posts go with their full-text entries and
 * entities, alerts drop them from their representative posts, and every id is remembered in
 * `deleted_posts` so a later import does not store it again.
 */
export function deletePosts(db: Database.Database, ids: readonly string[], options: { reason?: string; at?: number } = {}): DeleteResult {
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id.length === 0 || id.length > 512) throw new StoreError(`deletePosts: id ${i + 1} is not a post id: ${JSON.stringify(id)?.slice(0, 80)}`);
  });
  const at = options.at ?? Date.now();
  const reason = options.reason ?? 'deleted';
  const unique = [...new Set(ids)];
  const tx = db.transaction((): DeleteResult => {
    const result: DeleteResult = { deleted: 0, notStored: 0, alertsRedacted: 0 };
    const removed = new Set<string>();
    const readRows = db.prepare('SELECT rowid, id, created_at, lang, platform FROM posts WHERE id IN (SELECT value FROM json_each(?))');
    const unbumpVolume = db.prepare('UPDATE rollup_minute SET n = n - ? WHERE minute = ? AND lang = ? AND platform = ?');
    const dropEmptyVolume = db.prepare('DELETE FROM rollup_minute WHERE minute = ? AND lang = ? AND platform = ? AND n <= 0');
    const delFts = db.prepare('DELETE FROM posts_fts WHERE rowid = ?');
    const delPost = db.prepare('DELETE FROM posts WHERE rowid = ?');
    const remember = db.prepare('INSERT OR IGNORE INTO deleted_posts (id, deleted_at, reason) VALUES (?, ?, ?)');
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      const rows = readRows.all(JSON.stringify(chunk)) as { rowid: number; id: string; created_at: number; lang: string; platform: string }[];
      uncountPosts(db, rows.map((r) => r.rowid));
      const volume = new Map<string, number>();
      for (const r of rows) {
        const key = `${Math.floor(r.created_at / MINUTE) * MINUTE}\u0000${r.lang}\u0000${r.platform}`;
        volume.set(key, (volume.get(key) ?? 0) + 1);
      }
      for (const [key, n] of volume) {
        const [minute, lang, platform] = key.split('\u0000');
        unbumpVolume.run(n, Number(minute), lang, platform);
        dropEmptyVolume.run(Number(minute), lang, platform);
      }
      for (const r of rows) {
        delFts.run(r.rowid);
        delPost.run(r.rowid); // post_entities go with it (ON DELETE CASCADE)
        removed.add(r.id);
      }
      for (const id of chunk) remember.run(id, at, reason);
      result.deleted += rows.length;
      result.notStored += chunk.length - rows.length;
    }
    result.alertsRedacted = redactAlerts(db, removed);
    return result;
  });
  return tx.immediate();
}

/** Drops deleted posts from the alerts that show them as representative posts; returns how many alerts changed. */
function redactAlerts(db: Database.Database, removed: ReadonlySet<string>): number {
  if (removed.size === 0) return 0;
  const update = db.prepare('UPDATE alerts SET body = ? WHERE id = ?');
  let changed = 0;
  for (const row of db.prepare('SELECT id, body FROM alerts').all() as { id: string; body: string }[]) {
    const body = JSON.parse(row.body) as Pick<Alert, 'representative'>;
    const kept = body.representative?.filter((p) => !removed.has(p.id));
    if (!kept || kept.length === body.representative.length) continue;
    update.run(JSON.stringify({ ...body, representative: kept }), row.id);
    changed++;
  }
  return changed;
}
