import { describe, expect, it } from 'vitest';
import { STEMMED_LANGS, stemmerFor } from './stem.js';

describe('stemmerFor', () => {
  it('maps the inflections of a word to one stem in each language it knows', () => {
    expect(stemmerFor('it')!('bellissima')).toBe(stemmerFor('it')!('bellissimo'));
    expect(stemmerFor('de')!('schrecklichen')).toBe('schrecklich');
    expect(stemmerFor('en')!('loved')).toBe(stemmerFor('en')!('loving'));
    expect(stemmerFor('ar')!('الكتاب')).not.toBe('الكتاب');
    for (const lang of STEMMED_LANGS) expect(stemmerFor(lang)!('')).toBe('');
  });

  it('has none for languages Snowball lacks, and returns the same function for a language', () => {
    expect(stemmerFor('hi')).toBeUndefined();
    expect(stemmerFor('es')).toBeUndefined();
    expect(stemmerFor('xx')).toBeUndefined();
    expect(stemmerFor('it')).toBe(stemmerFor('it'));
  });

  it('answers from its cache the same as the first time, past the cache limit', () => {
    const stem = stemmerFor('it')!;
    const first = stem('magnifiche');
    for (let i = 0; i < 110_000; i++) stem(`parola${i}e`);
    expect(stem('magnifiche')).toBe(first);
  });
});
