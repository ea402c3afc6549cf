import { describe, expect, it } from 'vitest';
import { SignificanceTable } from './significance-table.js';
import { hashString } from './term-hash.js';

const OPTIONS = { tableBits: 12, depth: 2, slotMs: 600_000, subSlots: 6, halfLifeSlots: 12, beta: 1, minSlotPosts: 10 };

/** 100 posts a minute; `common` is in every tenth post, `rare` appears only when asked. */
function feed(table: SignificanceTable, fromMin: number, toMin: number, rarePerMin = 0): void {
  for (let m = fromMin; m < toMin; m++) {
    table.setTime(m * 60_000);
    for (let i = 0; i < 100; i++) {
      table.setTime(m * 60_000 + i * 600);
      table.addPost();
      if (i % 10 === 0) table.add(hashString('common'));
      if (i < rarePerMin) table.add(hashString('rare'));
    }
  }
}

describe('SignificanceTable', () => {
  it('learns a steady term as normal and finds a new one significant', () => {
    const table = new SignificanceTable(OPTIONS);
    feed(table, 0, 120);
    expect(table.learned).toBeGreaterThanOrEqual(11);
    const common = { ...table.lookup(hashString('common')) };
    expect(Math.abs(common.significance)).toBeLessThan(2);
    expect(common.rate).toBeCloseTo(0.1, 2);
    feed(table, 120, 125, 2); // 10 posts of a never-seen term in 5 minutes
    const rare = table.lookup(hashString('rare'));
    expect(rare.observed).toBe(10);
    expect(rare.expected).toBe(0);
    expect(rare.significance).toBeGreaterThan(5);
  });

  it('forgets the window across a long gap but keeps what it learned, and round-trips as JSON', () => {
    const table = new SignificanceTable(OPTIONS);
    feed(table, 0, 60, 1);
    const restored = SignificanceTable.restore(JSON.parse(JSON.stringify(table.snapshot())));
    restored.setTime(10 * 86_400_000);
    const s = restored.lookup(hashString('rare'));
    expect(s.observed).toBe(0);
    expect(s.rate).toBeCloseTo(0.01, 3);
    expect(restored.learned).toBe(table.learned + 1);
  });
});
