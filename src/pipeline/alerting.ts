import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { EmergingTermDetector, type EmergingTermOptions, type EmergingTermSnapshot } from '../detect/emerging-term-detector.js';
import { SpikeDetector, type SpikeOptions, type SpikeSnapshot } from '../detect/spike-detector.js';
import type { Alert } from '../model/alert.js';
import type { Post } from '../model/post.js';

export interface DetectorTuning {
  spike?: Partial<Omit<SpikeOptions, 'watch'>>;
  emerging?: Partial<EmergingTermOptions>;
}

/**
 * What the pipeline changes from the detectors' own defaults. Spikes are about seconds: posts are
 * held for reordering only 0.5 s (a later post still counts, only its order is not guaranteed),
 * so an alert reaches its channels within about a second of the post that makes it. In-order
 * streams give the same alerts whatever the tolerance, live or replayed.
 */
export const PIPELINE_TUNING: DetectorTuning = {
  spike: { latenessMs: 500 },
};

/**
 * Faster learning for the demo: a baseline without a daily rhythm, learned in an hour, and
 * 10-minute emerging-term slots, so alerts can fire within the demo's backfilled history.
 */
export const DEMO_TUNING: DetectorTuning = {
  spike: { ...PIPELINE_TUNING.spike, slotMinutes: 1440, minSlotSamples: 45, cooldownMinutes: 30 },
  emerging: { slotMs: 10 * 60_000, warmupSlots: 4, minSlotPosts: 30, halfLifeSlots: 36 },
};

interface EngineSnapshot {
  version: 1;
  emerging: EmergingTermSnapshot;
  spikes: Record<string, SpikeSnapshot>;
  streamTime: number;
}

/**
 * The detectors on the ingest path: one spike detector per watch (fed the watch's matches) and one
 * emerging-term detector over every new post. Stream time is the newest post time seen, so a
 * replayed file fires the same alerts at the same stream times as the live stream did.
 */
export class AlertEngine {
  private emerging: EmergingTermDetector;
  private spikes = new Map<string, SpikeDetector>();
  private streamTime = -Infinity;

  private readonly tuning: DetectorTuning;

  constructor(
    tuning: DetectorTuning,
    private readonly sink: (alert: Alert) => void,
  ) {
    this.tuning = {
      spike: { ...PIPELINE_TUNING.spike, ...tuning.spike },
      emerging: { ...PIPELINE_TUNING.emerging, ...tuning.emerging },
    };
    this.emerging = new EmergingTermDetector(this.tuning.emerging);
  }

  /** Feed a committed batch: its new posts and their watch matches (by watch name). */
  observe(posts: readonly Post[], matches: readonly { watch: string; post: Post }[]): void {
    const fired: Alert[] = [];
    for (const post of posts) {
      if (post.createdAt > this.streamTime) this.streamTime = post.createdAt;
      fired.push(...this.emerging.observe(post));
    }
    for (const m of matches) fired.push(...this.spikeDetector(m.watch).observe(m.post));
    if (Number.isFinite(this.streamTime)) fired.push(...this.advance(this.streamTime));
    for (const alert of fired) this.sink(alert);
  }

  /** Move stream time on without posts (a quiet live stream): closes minutes, releases held posts. */
  advanceTo(t: number): void {
    if (t <= this.streamTime) return;
    this.streamTime = t;
    for (const alert of this.advance(t)) this.sink(alert);
  }

  /** Keep spike detectors only for watches that still exist. */
  retainWatches(names: Iterable<string>): void {
    const keep = new Set(names);
    for (const name of [...this.spikes.keys()]) if (!keep.has(name)) this.spikes.delete(name);
    for (const name of keep) this.spikeDetector(name);
  }

  /** End of a replay: process what the lateness tolerance still holds. */
  flush(): void {
    const fired = [...this.emerging.flush()];
    for (const d of this.spikes.values()) fired.push(...d.flush());
    for (const alert of fired) this.sink(alert);
  }

  status(): { emerging: ReturnType<EmergingTermDetector['status']>; spikes: ReturnType<SpikeDetector['status']>[] } {
    return { emerging: this.emerging.status(), spikes: [...this.spikes.values()].map((d) => d.status()) };
  }

  /** Persist the learned baselines so a restart does not start cold (written atomically). */
  save(path: string): void {
    const snapshot: EngineSnapshot = {
      version: 1,
      emerging: this.emerging.snapshot(),
      spikes: Object.fromEntries([...this.spikes].map(([k, d]) => [k, d.snapshot()])),
      streamTime: this.streamTime,
    };
    writeFileSync(`${path}.tmp`, JSON.stringify(snapshot));
    renameSync(`${path}.tmp`, path);
  }

  /** Restore from `save`; a missing or unreadable file leaves the detectors cold (and says why). */
  load(path: string): string | undefined {
    if (!existsSync(path)) return undefined;
    try {
      const s = JSON.parse(readFileSync(path, 'utf8')) as EngineSnapshot;
      if (s.version !== 1) return `detector state ${path} has version ${s.version}; starting cold`;
      this.emerging = EmergingTermDetector.restore(s.emerging);
      this.spikes = new Map(Object.entries(s.spikes).map(([k, v]) => [k, SpikeDetector.restore(v)]));
      this.streamTime = s.streamTime ?? -Infinity;
      return undefined;
    } catch (err) {
      return `detector state ${path} could not be read (${(err as Error).message}); starting cold`;
    }
  }

  private spikeDetector(watch: string): SpikeDetector {
    let d = this.spikes.get(watch);
    if (!d) {
      d = new SpikeDetector({ ...this.tuning.spike, watch });
      this.spikes.set(watch, d);
    }
    return d;
  }

  private advance(t: number): Alert[] {
    const fired = [...this.emerging.advanceTo(t)];
    for (const d of this.spikes.values()) fired.push(...d.advanceTo(t));
    return fired;
  }
}
