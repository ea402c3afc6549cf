import { describe, expect, it } from 'vitest';
import { EventTimeBuffer } from './event-time-buffer.js';

const item = (id: string, createdAt: number) => ({ id, createdAt });

describe('EventTimeBuffer', () => {
  it('releases items in event-time order once the watermark has passed their second', () => {
    const b = new EventTimeBuffer<{ id: string; createdAt: number }>(2_000);
    const out: string[] = [];
    const push = (id: string, t: number) => out.push(...b.push(item(id, t)).map((i) => i.id));
    push('c', 1_500);
    push('a', 1_200);
    push('b', 1_200);
    push('d', 2_100);
    expect(out).toEqual([]);
    push('e', 3_999); // watermark 1_999: second [1000, 2000) is due
    expect(out).toEqual(['a', 'b', 'c']);
    push('f', 5_000);
    expect(out).toEqual(['a', 'b', 'c', 'd']);
    out.push(...b.flush().map((i) => i.id));
    expect(out).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('releases a late item at once, counts it, and never drops it', () => {
    const b = new EventTimeBuffer<{ id: string; createdAt: number }>(1_000);
    expect(b.push(item('x', 10_000))).toEqual([]);
    expect(b.push(item('y', 20_000)).map((i) => i.id)).toEqual(['x']);
    expect(b.push(item('late', 500)).map((i) => i.id)).toEqual(['late']);
    expect(b.late).toBe(1);
    expect(b.flush().map((i) => i.id)).toEqual(['y']);
  });

  it('moves on with advanceTo when no posts come, and survives a JSON snapshot', () => {
    const b = new EventTimeBuffer<{ id: string; createdAt: number }>(5_000);
    b.push(item('a', 1_000));
    b.push(item('b', 2_000));
    const restored = EventTimeBuffer.restore<{ id: string; createdAt: number }>(JSON.parse(JSON.stringify(b.snapshot())));
    expect(restored.advanceTo(6_999).map((i) => i.id)).toEqual(['a']);
    expect(restored.advanceTo(8_000).map((i) => i.id)).toEqual(['b']);
  });

  it('releases a shuffled stream in (time, id) order, whatever the arrival order within the tolerance', () => {
    const b = new EventTimeBuffer<{ id: string; createdAt: number }>(3_000);
    const items = Array.from({ length: 5_000 }, (_, i) => item(`p${String(i % 7).padStart(2, '0')}-${i}`, 1_000 + Math.floor(i / 3) * 7));
    let seed = 1;
    const rand = () => ((seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647);
    // Arrival order: each item is delayed by up to 2 s of stream time.
    const arrivals = items.map((it) => ({ it, at: it.createdAt + rand() * 2_000 })).sort((a, b) => a.at - b.at);
    const out: { id: string; createdAt: number }[] = [];
    for (const a of arrivals) out.push(...b.push(a.it));
    out.push(...b.flush());
    const expected = [...items].sort((a, c) => a.createdAt - c.createdAt || (a.id < c.id ? -1 : a.id > c.id ? 1 : 0));
    expect(b.late).toBe(0);
    expect(out.map((i) => i.id)).toEqual(expected.map((i) => i.id));
  });
});
