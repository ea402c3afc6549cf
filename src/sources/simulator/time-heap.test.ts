import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';
import { TimeHeap } from './time-heap.js';

describe('TimeHeap', () => {
  it('pops items in time order, ties in insertion order', () => {
    const heap = new TimeHeap<{ time: number; order: number; label: string }>();
    const rng = new Rng(8);
    const pushed = Array.from({ length: 2000 }, (_, order) => ({ time: rng.int(300), order, label: `item${order}` }));
    for (const item of pushed) heap.push(item);
    expect(heap.size).toBe(2000);
    const popped: typeof pushed = [];
    for (let item = heap.pop(); item; item = heap.pop()) popped.push(item);
    expect(popped).toEqual([...pushed].sort((a, b) => a.time - b.time || a.order - b.order));
    expect(heap.pop()).toBeUndefined();
  });

  it('interleaves pushes and pops correctly', () => {
    const heap = new TimeHeap<{ time: number; order: number }>();
    heap.push({ time: 5, order: 0 });
    heap.push({ time: 1, order: 1 });
    expect(heap.pop()?.time).toBe(1);
    heap.push({ time: 3, order: 2 });
    heap.push({ time: 3, order: 3 });
    expect(heap.peek()).toEqual({ time: 3, order: 2 });
    expect([heap.pop(), heap.pop(), heap.pop()].map((x) => x?.order)).toEqual([2, 3, 0]);
  });
});
