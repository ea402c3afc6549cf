import type Database from 'better-sqlite3';
import { migrate } from '../store/sqlite/migrations.js';
import { type Alert, AlertSchema } from '../model/alert.js';
import type { AlertListOptions, AlertRepository } from './deps.js';

/**
 * Alerts kept in the embedded store's database (table `alerts`, migration 3), so the alert pages
 * survive a restart. An alert fired again with the same id (a replay) keeps its acknowledgement.
 */
export class SqliteAlertRepository implements AlertRepository {
  private readonly statements;

  constructor(db: Database.Database) {
    // The table comes with the store's migrations (3); a bare database gets it here.
    if (!db.readonly) migrate(db);
    this.statements = {
      upsert: db.prepare(
        `INSERT INTO alerts (id, watch, kind, status, fired_at, acknowledged_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET body = excluded.body, fired_at = excluded.fired_at`,
      ),
      get: db.prepare('SELECT status, acknowledged_at, body FROM alerts WHERE id = ?'),
      list: db.prepare(
        `SELECT status, acknowledged_at, body FROM alerts
         WHERE (? IS NULL OR status = ?) AND (? IS NULL OR watch = ?) AND fired_at >= ?
         ORDER BY fired_at DESC, id LIMIT ?`,
      ),
      ack: db.prepare("UPDATE alerts SET status = 'acknowledged', acknowledged_at = ? WHERE id = ? AND status = 'open'"),
    };
  }

  /** Stores an alert from the detector (the sink the integrator wires before publishing it live). */
  add(alert: Alert): void {
    const a = AlertSchema.parse(alert);
    this.statements.upsert.run(a.id, a.watch, a.kind, a.status, a.firedAt, a.acknowledgedAt, JSON.stringify(a));
  }

  async list(options: AlertListOptions): Promise<Alert[]> {
    const status = options.status ?? null;
    const watch = options.watch ?? null;
    return (this.statements.list.all(status, status, watch, watch, options.since ?? -8.64e15, options.limit) as Row[]).map(toAlert);
  }

  async get(id: string): Promise<Alert | undefined> {
    const row = this.statements.get.get(id) as Row | undefined;
    return row ? toAlert(row) : undefined;
  }

  async acknowledge(id: string, at: number): Promise<Alert | undefined> {
    this.statements.ack.run(at, id);
    return this.get(id);
  }
}

interface Row {
  status: Alert['status'];
  acknowledged_at: number | null;
  body: string;
}

function toAlert(row: Row): Alert {
  return { ...(JSON.parse(row.body) as Alert), status: row.status, acknowledgedAt: row.acknowledged_at };
}
