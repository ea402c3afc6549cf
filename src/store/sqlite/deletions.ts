import type Database from 'better-sqlite3';
import type { Alert } from '../../model/alert.js';
import { type DeleteResult, StoreError } from '../store.js';
import { MINUTE_OF, uncountPosts } from './watches.js';

/** Ids per statement: json_each takes them as one parameter. */
const CHUNK = 5000;

/** Deletes stored posts by rowid with their full-text rows; entities go with them (ON DELETE CASCADE). Purge and deletions share it. */
export function removePostRows(db: Database.Database, rowids: Iterable<number>): void {
  const delFts = db.prepare('DELETE FROM posts_fts WHERE rowid = ?');
  const delPost = db.prepare('DELETE FROM posts WHERE rowid = ?');
  for (const rowid of rowids) {
    delFts.run(rowid);
    delPost.run(rowid);
  }
}

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
    const readRows = db.prepare('SELECT rowid, id FROM posts WHERE id IN (SELECT value FROM json_each(?))');
    const volumeCells = db.prepare(
      `SELECT ${MINUTE_OF('created_at')} AS minute, lang, platform, count(*) AS n FROM posts
       WHERE rowid IN (SELECT value FROM json_each(?)) GROUP BY 1, 2, 3`,
    );
    const unbumpVolume = db.prepare('UPDATE rollup_minute SET n = n - ? WHERE minute = ? AND lang = ? AND platform = ?');
    const dropEmptyVolume = db.prepare('DELETE FROM rollup_minute WHERE minute = ? AND lang = ? AND platform = ? AND n <= 0');
    const remember = db.prepare('INSERT OR IGNORE INTO deleted_posts (id, deleted_at, reason) VALUES (?, ?, ?)');
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      const rows = readRows.all(JSON.stringify(chunk)) as { rowid: number; id: string }[];
      const rowids = rows.map((r) => r.rowid);
      uncountPosts(db, rowids);
      for (const c of volumeCells.all(JSON.stringify(rowids)) as { minute: number; lang: string; platform: string; n: number }[]) {
        unbumpVolume.run(c.n, c.minute, c.lang, c.platform);
        dropEmptyVolume.run(c.minute, c.lang, c.platform);
      }
      removePostRows(db, rowids);
      for (const r of rows) removed.add(r.id);
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
  // Only the alerts that show a deleted post are read and rewritten.
  const showing = db
    .prepare(
      `SELECT a.id, a.body FROM alerts a
       WHERE EXISTS (SELECT 1 FROM json_each(a.body, '$.representative') r
                     WHERE json_extract(r.value, '$.id') IN (SELECT value FROM json_each(?)))`,
    )
    .all(JSON.stringify([...removed])) as { id: string; body: string }[];
  const update = db.prepare('UPDATE alerts SET body = ? WHERE id = ?');
  for (const row of showing) {
    const body = JSON.parse(row.body) as Alert;
    update.run(JSON.stringify({ ...body, representative: body.representative.filter((p) => !removed.has(p.id)) }), row.id);
  }
  return showing.length;
}
