import { describe, expect, it } from 'vitest';
import { Memo } from './memo.js';

describe('Memo', () => {
  it('keeps at most two generations of keys', () => {
    const memo = new Memo<number, string>(100);
    for (let i = 0; i < 1000; i++) memo.set(i, `v${i}`);
    expect(memo.size).toBeLessThanOrEqual(200);
    expect(memo.get(999)).toBe('v999');
    expect(memo.get(850)).toBe('v850');
    expect(memo.get(0)).toBeUndefined();
  });

  it('carries a key used in the previous generation into the next one', () => {
    const memo = new Memo<string, number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3); // a, b are now the previous generation
    expect(memo.get('a')).toBe(1); // copied forward: current = c, a
    memo.set('d', 4); // current full: previous = c, a
    memo.set('e', 5);
    expect(memo.get('a')).toBe(1);
    expect(memo.get('b')).toBeUndefined();
  });

  it('refuses a capacity that is not positive', () => {
    expect(() => new Memo(0)).toThrow(/capacity must be positive/);
  });
});
