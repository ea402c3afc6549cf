import { join } from 'node:path';
import type { Alert } from '../model/alert.js';
import type { Post } from '../model/post.js';
import { AlertDispatcher, CHANNELS_FILE_NAME, JsonlDeadLetterFile, readChannelsFile, SseHub } from '../notify/index.js';
import { SqliteAlertRepository } from '../server/sqlite-alerts.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { WriteResult } from '../store/store.js';
import { AlertEngine, type DetectorTuning } from './alerting.js';

export const DETECTOR_STATE_FILE = 'detectors.json';
export const DEAD_LETTER_FILE = 'dead-letters.jsonl';

export interface AlertRuntimeOptions {
  store: SqliteStore;
  dataDir: string;
  tuning?: DetectorTuning;
  /** Shared with the HTTP server when one runs, so dashboards see alerts live. */
  hub?: SseHub;
  baseUrl?: string;
  /** Also called for each alert (after it is stored and queued for delivery). */
  onAlert?: (alert: Alert) => void;
}

/**
 * What runs after each committed batch: detectors → alerts table → delivery channels and the live
 * feed. Delivery never blocks ingest (AlertDispatcher queues and returns at once).
 */
export class AlertRuntime {
  readonly engine: AlertEngine;
  readonly alerts: SqliteAlertRepository;
  readonly hub: SseHub;
  readonly dispatcher: AlertDispatcher;
  readonly fired: Alert[] = [];
  private readonly deadLetters: JsonlDeadLetterFile;
  private readonly statePath: string;
  private watchNames = new Map<number, string>();
  private readonly ownsHub: boolean;
  private closed = false;
  /** Why the detectors start cold, when they do. */
  readonly coldReason: string | undefined;

  private constructor(
    private readonly options: AlertRuntimeOptions,
    channels: Awaited<ReturnType<typeof readChannelsFile>>,
  ) {
    this.alerts = new SqliteAlertRepository(options.store.db);
    this.ownsHub = options.hub === undefined;
    this.hub = options.hub ?? new SseHub();
    this.deadLetters = new JsonlDeadLetterFile(join(options.dataDir, DEAD_LETTER_FILE));
    this.dispatcher = new AlertDispatcher({ channels, sseHub: this.hub, deadLetters: this.deadLetters.sink, baseUrl: options.baseUrl });
    this.engine = new AlertEngine(options.tuning ?? {}, (alert) => this.publish(alert));
    this.statePath = join(options.dataDir, DETECTOR_STATE_FILE);
    this.coldReason = this.engine.load(this.statePath);
  }

  static async open(options: AlertRuntimeOptions): Promise<AlertRuntime> {
    const channels = await readChannelsFile(join(options.dataDir, CHANNELS_FILE_NAME));
    return new AlertRuntime(options, channels);
  }

  /** The ingest loop's onCommit. */
  async committed(posts: readonly Post[], result: WriteResult): Promise<void> {
    if (result.matches.some((m) => !this.watchNames.has(m.watchId))) await this.refreshWatchNames();
    const matches = result.matches.map((m) => ({ watch: this.watchName(m.watchId), post: m.post }));
    this.engine.observe(posts, matches);
  }

  watchName(id: number): string {
    return this.watchNames.get(id) ?? `#${id}`;
  }

  async refreshWatchNames(): Promise<void> {
    const watches = await this.options.store.listWatches();
    this.watchNames = new Map(watches.map((w) => [w.id, w.name]));
    this.engine.retainWatches(this.watchNames.values());
  }

  /** End of a run: process held posts, keep the learned state, let deliveries finish. */
  async close(options: { flush?: boolean; drainMs?: number } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (options.flush) this.engine.flush();
    this.engine.save(this.statePath);
    await this.dispatcher.shutdown({ timeoutMs: options.drainMs ?? 5_000 });
    await this.deadLetters.close();
    if (this.ownsHub) this.hub.close();
  }

  private publish(alert: Alert): void {
    this.alerts.add(alert);
    this.fired.push(alert);
    if (this.fired.length > 1000) this.fired.shift();
    this.hub.publish('alert', alert);
    this.dispatcher.dispatch(alert);
    this.options.onAlert?.(alert);
  }
}
