import type { LiveHub } from './deps.js';

export interface CountsEvent {
  /** Wall-clock second these counts close, epoch ms. */
  t: number;
  /** Posts committed during that second. */
  posts: number;
  /** Per watch, posts that matched during that second (only watches with matches). */
  watches: Record<string, number>;
  /** Posts committed since the counter started. */
  total: number;
}

/**
 * Per-second ingest counts for the live feed: the ingest loop reports what it committed, and
 * once a second one `counts` event goes to every /api/live subscriber (nothing when idle).
 */
export class LiveCounter {
  private posts = 0;
  private total = 0;
  private watches = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly hub: LiveHub,
    private readonly now: () => number = Date.now,
    intervalMs = 1000,
  ) {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Records committed posts and, when known, how many of them each watch matched. */
  add(posts: number, perWatch?: Record<string, number>): void {
    this.posts += posts;
    this.total += posts;
    if (perWatch) for (const [w, n] of Object.entries(perWatch)) if (n > 0) this.watches.set(w, (this.watches.get(w) ?? 0) + n);
  }

  flush(): CountsEvent | undefined {
    if (this.posts === 0 && this.watches.size === 0) return undefined;
    const event: CountsEvent = { t: this.now(), posts: this.posts, watches: Object.fromEntries(this.watches), total: this.total };
    this.posts = 0;
    this.watches = new Map();
    this.hub.publish('counts', event);
    return event;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
