import { describe, expect, it } from 'vitest';
import { prepareForMatching, QueryError, WatchMatcher } from './index.js';
import { CORPUS, keyOf } from './test-corpus.js';

const post = (key: string) => prepareForMatching(CORPUS.find((p) => keyOf(p) === key)!);

describe('WatchMatcher', () => {
  it('adds, replaces and removes watches at runtime', () => {
    const wm = new WatchMatcher();
    wm.add(1, 'climate');
    wm.add(2, '天气 OR 天気');
    wm.add(3, 'lang:ar');
    wm.add(4, 'wom?n');
    expect(wm.match(post('en6'))).toEqual([1]);
    expect(wm.match(post('zh1'))).toEqual([2]);
    expect(wm.match(post('ja1'))).toEqual([2]);
    expect(wm.match(post('ar1'))).toEqual([3]);
    expect(wm.match(post('en4'))).toEqual([1, 4]);
    wm.add(1, 'crisis', 2); // replace watch 1
    expect(wm.match(post('en4'))).toEqual([4]);
    expect(wm.match(post('es3'))).toEqual([1]);
    expect(wm.revisions()).toEqual(new Map([[1, 2], [2, 1], [3, 1], [4, 1]]));
    expect(wm.remove(4)).toBe(true);
    expect(wm.remove(4)).toBe(false);
    expect(wm.match(post('en4'))).toEqual([]);
    wm.remove(3);
    expect(wm.match(post('ar1'))).toEqual([]);
    expect(wm.ids().sort()).toEqual([1, 2]);
  });

  it('evaluates negative and field-only watches on every post', () => {
    const wm = new WatchMatcher();
    wm.add(7, '-climate -crisis');
    wm.add(8, 'has:link');
    expect(wm.match(post('en10'))).toEqual([7, 8]);
    expect(wm.match(post('en6'))).toEqual([]);
  });

  it('rejects invalid query text with its diagnostics', () => {
    const wm = new WatchMatcher();
    expect(() => wm.add(1, 'climate AND')).toThrow(QueryError);
    expect(wm.size).toBe(0);
  });
});
