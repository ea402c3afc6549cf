import { describe, expect, it } from 'vitest';
import { SpaceSaving } from './space-saving.js';
import { seededRandom } from '../sources/simulator/rng.js';
import { ZipfSampler } from './synthetic-posts.js';

describe('SpaceSaving', () => {
  it('keeps the heavy hitters of a Zipf stream in a small capacity', () => {
    const ss = new SpaceSaving<null>(50, 1e12);
    const rand = seededRandom(3);
    const zipf = new ZipfSampler(100_000, 1.1);
    for (let i = 0; i < 200_000; i++) ss.offer(`k${zipf.sample(rand())}`, i, 1, () => null);
    expect(ss.size).toBe(50);
    const kept = new Set(ss.entries().map((e) => e.key));
    for (let r = 0; r < 10; r++) expect(kept.has(`k${r}`), `rank ${r}`).toBe(true);
    expect(ss.entries()[0].key).toBe('k0');
  });

  it('forgets old keys by decay, reports evictions, and round-trips through JSON', () => {
    const ss = new SpaceSaving<{ n: number }>(2, 1_000);
    const evicted: string[] = [];
    for (let i = 0; i < 10; i++) ss.offer('old', 0, 1, () => ({ n: 0 }));
    ss.offer('mid', 5_000, 1, () => ({ n: 1 }));
    // 20 half-lives later, one fresh occurrence outweighs ten old ones.
    ss.offer('new', 20_000, 1, () => ({ n: 2 }), (e) => evicted.push(e.key));
    expect(evicted).toEqual(['old']);
    const restored = SpaceSaving.restore<{ n: number }>(JSON.parse(JSON.stringify(ss.snapshot())));
    expect(restored.entries().map((e) => e.key).sort()).toEqual(['mid', 'new']);
    expect(restored.get('new')?.value).toEqual({ n: 2 });
  });
});
