import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';
import { chooseWording, compileTemplate, renderTemplate, renderWording, TemplateError, wordingCount } from './template.js';

describe('compileTemplate', () => {
  it('splits literals, alternations and slots, slots inside alternatives included', () => {
    const t = compileTemplate('It is {n} degrees [and sunny|at {time}] [today|].');
    expect(t.alternations).toBe(2);
    expect([...t.slots].sort()).toEqual(['n', 'time']);
    expect(wordingCount(t)).toBe(4);
    expect(t.parts[0]).toBe('It is ');
  });

  it('names the column of an unknown slot or a stray bracket', () => {
    expect(() => compileTemplate('Hello {nope} there')).toThrow(/unknown slot \{nope\} at column 7/);
    expect(() => compileTemplate('Hello [a|b there')).toThrow(TemplateError);
    expect(() => compileTemplate('Hello a|b] there')).toThrow(/unbalanced bracket/);
    expect(() => compileTemplate('Hello [a|[b|c]]')).toThrow(/unbalanced bracket/);
    expect(() => compileTemplate('Hello [only]')).toThrow(/at least two options/);
  });
});

describe('rendering', () => {
  it('fills every alternative and slot and leaves no template syntax behind', () => {
    const t = compileTemplate('[Flood|Fire] in {place} at {time}: [{n} hurt|nobody hurt] {link}');
    const rng = new Rng(3);
    const texts = Array.from({ length: 200 }, () => renderTemplate(t, rng, { place: 'Kazan', link: 'https://a.example/1' }));
    for (const text of texts) expect(text).toMatch(/^(Flood|Fire) in Kazan at \d\d:\d\d: (\d+ hurt|nobody hurt) https:\/\/a\.example\/1$/);
    expect(new Set(texts.map((text) => text.split(' ')[0]))).toEqual(new Set(['Flood', 'Fire']));
    expect(texts.some((text) => text.includes('nobody hurt'))).toBe(true);
    expect(texts.some((text) => /: \d+ hurt/.test(text))).toBe(true);
  });

  it('renders a fixed wording identically when nothing is swapped, and rewords it when asked', () => {
    const t = compileTemplate('[Banks|All banks|Big banks] will [freeze|block] [savings|deposits] [on Monday|next week].');
    const rng = new Rng(9);
    const wording = chooseWording(t, rng);
    expect(wording).toHaveLength(4);
    const canonical = renderWording(t, wording, rng, 0);
    for (let i = 0; i < 20; i++) expect(renderWording(t, wording, rng, 0)).toBe(canonical);
    const reworded = new Set(Array.from({ length: 200 }, () => renderWording(t, wording, rng, 0.3)));
    expect(reworded.size).toBeGreaterThan(5);
    expect(reworded.has(canonical)).toBe(true);
  });
});
