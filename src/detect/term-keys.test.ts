import { describe, expect, it } from 'vitest';
import { tokenize } from '../enrich/tokenize.js';
import { isEligibleWord, termKeysOf } from './term-keys.js';

describe('termKeysOf', () => {
  it('keeps content words, hashtags, links and domains, and drops function words in several languages', () => {
    const text = 'The flood in Kazan is bigger than the one in 2010 #KazanFlood';
    const keys = termKeysOf({ id: 'a', createdAt: 0, tokens: tokenize(text), hashtags: ['kazanflood'], links: ['https://www.news.example/a/'], domains: ['news.example'] });
    expect(keys.map((k) => `${k.kind}:${k.text}`)).toEqual([
      'word:flood',
      'word:kazan',
      'word:bigger',
      'word:2010',
      'word:kazanflood',
      'hashtag:#kazanflood',
      'link:news.example/a',
      'domain:news.example',
    ]);
    for (const w of tokenize('的 我们 这个 في من على и в что de la que der die und')) expect(isEligibleWord(w), w).toBe(false);
    for (const w of tokenize('地震 四川 زلزال наводнение inundación')) expect(isEligibleWord(w), w).toBe(true);
  });

  it('counts a term once per post', () => {
    const keys = termKeysOf({ id: 'a', createdAt: 0, tokens: ['flood', 'flood', 'kazan'] });
    expect(keys.map((k) => k.text)).toEqual(['flood', 'kazan']);
  });
});
