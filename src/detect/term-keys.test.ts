import { describe, expect, it } from 'vitest';
import { tokenize } from '../enrich/tokenize.js';
import { isEligibleWord, normaliseLink, termHash, termKeysOf, TermKeyBuffer } from './term-keys.js';

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

  it('normalises links without scheme, www., fragment or trailing slashes', () => {
    expect(normaliseLink('HTTPS://WWW.News.example/a/b//#top')).toBe('News.example/a/b');
    expect(normaliseLink('http://example.org/')).toBe('example.org');
    expect(normaliseLink('example.org/x')).toBe('example.org/x');
    expect(normaliseLink('httpx://example.org')).toBe('httpx://example.org');
    expect(normaliseLink('https://www.')).toBe('');
  });

  it('hashes a hashtag as its display form and keeps distinct keys past the scan limit', () => {
    const tokens = Array.from({ length: 80 }, (_, i) => `word${i % 50}`);
    const buf = new TermKeyBuffer().collect({ id: 'a', createdAt: 0, tokens, hashtags: ['kazanflood', 'kazanflood'] });
    expect(buf.length).toBe(51);
    expect(buf.text(50)).toBe('#kazanflood');
    expect(buf.hashes[50]).toBe(termHash('#kazanflood', 'hashtag'));
    expect(new Set(buf.hashList()).size).toBe(51);
  });
});
