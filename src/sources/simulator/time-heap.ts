/** Something due at a time; `order` breaks ties so that equal times pop in insertion order. */
export interface Timed {
  time: number;
  order: number;
}

/** A binary min-heap of timed items: the simulator's queue of scheduled posts. */
export class TimeHeap<T extends Timed> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  private static before(a: Timed, b: Timed): boolean {
    return a.time < b.time || (a.time === b.time && a.order < b.order);
  }

  push(item: T): void {
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!TimeHeap.before(item, items[up])) break;
      items[i] = items[up];
      i = up;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && TimeHeap.before(items[r], items[l]) ? r : l;
      if (!TimeHeap.before(items[c], last)) break;
      items[i] = items[c];
      i = c;
    }
    items[i] = last;
    return top;
  }
}
