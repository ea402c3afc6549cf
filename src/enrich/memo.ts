/**
 * A bounded memo with two generations: look-ups hit the current or the previous generation; when
 * the current one is full it becomes the previous one and the oldest is dropped whole. Recently
 * used keys survive a turn-over (a hit in the previous generation is copied forward), so it keeps
 * roughly the last `capacity`–`2 × capacity` distinct keys at a Map look-up per call — cheaper
 * than a linked LRU, and good enough for repeated texts and authors in a stream.
 */
export class Memo<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!(capacity > 0)) throw new RangeError(`memo capacity must be positive, got ${capacity}`);
  }

  get(key: K): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /** Distinct keys held (at most 2 × capacity). */
  get size(): number {
    return this.current.size + this.previous.size;
  }
}
