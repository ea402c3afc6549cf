import { describe, expect, it } from 'vitest';
import { cumulativeOf, paretoMean, Rng } from './rng.js';

describe('Rng', () => {
  it('repeats a sequence for a seed and stream, and differs otherwise', () => {
    const draw = (seed: number, stream = 0): number[] => {
      const rng = new Rng(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextU32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42, 1)).not.toEqual(draw(42, 2));
    expect(draw(5)).not.toEqual(draw(5 + 2 ** 32));
  });

  it('draws uniform values in [0, 1) with the right mean', () => {
    const rng = new Rng(1);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('draws a discrete Pareto whose tail falls as k^-alpha and whose mean matches paretoMean', () => {
    const rng = new Rng(2);
    const n = 200_000;
    let atLeast10 = 0;
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.pareto(1.5, 100);
      if (!(Number.isInteger(x) && x >= 1 && x <= 100)) outside++;
      if (x >= 10) atLeast10++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(atLeast10 / n).toBeCloseTo(Math.pow(10, -1.5), 2);
    expect(sum / n).toBeCloseTo(paretoMean(1.5, 100), 1);
  });

  it('picks from a cumulative table in proportion to the weights', () => {
    const rng = new Rng(4);
    const table = cumulativeOf([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.weighted(table)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
  });
});
