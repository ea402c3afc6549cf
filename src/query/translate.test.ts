import { describe, expect, it } from 'vitest';
import { parseQuery, translateQuery } from './index.js';

describe('translateQuery', () => {
  it.each([
    ['brandwatch', '(apple OR orange) NEAR/5 (smartphone OR phone) AND -"apple juice"', '(apple OR orange) NEAR/5 (smartphone OR phone) AND -"apple juice"'],
    ['brandwatch', 'logitech NEAR/2f keyboard site:twitter.com', 'logitech NEAR/2f keyboard platform:x'],
    ['brandwatch', '"apple juice"~5 AND language:en', '(apple NEAR/5 juice) AND lang:en'],
    ['brandwatch', 'site:bbc.co.uk AND url:msn.com/news AND links:msn.com engagementType:RETWEET', 'domain:bbc.co.uk AND url:msn.com/news AND url:msn.com is:repost'],
    ['brandwatch', '#climate @WHO -site:reddit.com <<<exclude reddit>>>', '#climate @WHO -domain:reddit.com'],
    ['brandwatch', 'climat* AND wom?n', 'climat* AND wom?n'],
    ['meltwater', 'Apple NEAR watch', 'Apple NEAR/4 watch'],
    ['meltwater', 'Apple ONEAR/10 watch NOT "apple juice"', 'Apple NEAR/10f watch NOT "apple juice"'],
    ['meltwater', 'Apple ONEAR watch', 'Apple NEAR/4f watch'],
    ['meltwater', '"electric car"~3', '(electric NEAR/3 car)'],
  ] as const)('%s: %s', (dialect, source, expected) => {
    const r = translateQuery(dialect, source);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.query).toBe(expected);
    expect(parseQuery(r.query!).ast).toBeDefined();
  });

  it('rejects author operators: tidewatch does not watch people', () => {
    const r = translateQuery('brandwatch', 'apple AND author:someone');
    expect(r.query).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'no-people', column: 11, message: '`author:` has no equivalent: tidewatch does not watch people, so there is no author operator' }),
    ]);
    expect(translateQuery('meltwater', 'authorGender:female').diagnostics[0]).toMatchObject({ code: 'no-people' });
  });

  it('rejects title and location operators with the reason', () => {
    expect(translateQuery('brandwatch', 'apple title:news').diagnostics[0]).toMatchObject({ code: 'unsupported', column: 7, message: expect.stringContaining('no separate title') });
    expect(translateQuery('meltwater', 'apple headline:apple').diagnostics[0]).toMatchObject({ code: 'unsupported', message: expect.stringContaining('no separate title') });
    expect(translateQuery('brandwatch', 'country:gbr AND "apple juice"').diagnostics[0]).toMatchObject({ code: 'unsupported', column: 1, message: expect.stringContaining('does not infer where') });
  });

  it('rejects proximity windows over three words and fuzzy ~', () => {
    const r = translateQuery('brandwatch', '"a b c"~5');
    expect(r.query).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'unsupported', hint: expect.stringContaining('NEAR/5') })]);
    expect(translateQuery('brandwatch', 'apple~').diagnostics[0]).toMatchObject({ code: 'unsupported', message: expect.stringContaining('fuzzy') });
  });

  it('drops what only affects ranking or case, with a warning', () => {
    const r = translateQuery('meltwater', 'apple AND (watch OR iwatch)^9 case:NASA');
    expect(r.query).toBe('apple AND (watch OR iwatch) NASA');
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
    const b = translateQuery('brandwatch', '{Apple} OR raw:Google+');
    expect(b.query).toBe('Apple OR Google+');
    expect(b.diagnostics).toHaveLength(2);
  });

  it('an unknown operator is an error naming it', () => {
    expect(translateQuery('brandwatch', 'apple foo:bar').diagnostics[0]).toMatchObject({ code: 'unknown-field', column: 7, message: '`foo:` has no tidewatch equivalent' });
  });

  it('reports a translation tidewatch cannot parse', () => {
    const r = translateQuery('brandwatch', 'apple NEAR pie');
    expect(r.query).toBeUndefined();
    expect(r.queryDiagnostics[0]).toMatchObject({ code: 'near-distance' });
  });
});
