import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { compileSqlite, formatDiagnostics, lintQuery, parseQuery, type Diagnostic } from './index.js';
import { makePost } from './test-corpus.js';

function only(query: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  const found = parseQuery(query).diagnostics.filter((d) => d.severity === severity);
  expect(found, JSON.stringify(parseQuery(query).diagnostics)).toHaveLength(1);
  return found[0];
}

describe('diagnostics: each error kind with its position, message and hint', () => {
  it('an unclosed parenthesis points at the `(`', () => {
    const d = only('climate AND (crisis OR emergency');
    expect(d).toMatchObject({ code: 'unbalanced-paren', line: 1, column: 13, message: '`(` is never closed', hint: 'add `)` where the group ends' });
    expect(parseQuery('climate AND (crisis OR emergency').ast).toBeUndefined();
  });

  it('a stray `)` points at itself', () => {
    expect(only('climate) crisis')).toMatchObject({ code: 'unbalanced-paren', column: 8, message: '`)` has no matching `(`' });
  });

  it('a dangling operator names the operator and the missing side', () => {
    expect(only('climate AND')).toMatchObject({ code: 'dangling-operator', column: 9, message: 'AND needs a query on its right' });
    expect(only('OR climate')).toMatchObject({ code: 'dangling-operator', column: 1, message: 'OR needs a query on its left' });
    expect(only('climate OR')).toMatchObject({ code: 'dangling-operator', column: 9, message: 'OR needs a query on its right' });
    expect(only('climate NOT')).toMatchObject({ code: 'dangling-operator', column: 9, message: 'NOT needs a query on its right' });
    expect(only('climate AND OR crisis')).toMatchObject({ code: 'dangling-operator', column: 9, message: 'AND needs a query on its right' });
    expect(only('climate - crisis')).toMatchObject({ code: 'dangling-operator', column: 9, message: '`-` must touch the word it excludes' });
  });

  it('lower-case `and` is a warning, searched as a word', () => {
    const r = parseQuery('climate and crisis');
    expect(r.ast).toBeDefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'lowercase-operator', column: 9, message: '`and` is searched as a word; operators are upper case' }),
    ]);
    expect(only('heat or cold', 'warning')).toMatchObject({ code: 'lowercase-operator', column: 6, hint: expect.stringContaining('write OR') });
  });

  it('a wildcard needs three characters before `*` and two before `?`', () => {
    expect(only('climate OR cl*')).toMatchObject({ code: 'wildcard-too-short', column: 12, message: '`cl*` is too short: a wildcard needs at least 3 characters before the first wildcard' });
    expect(only('w?man')).toMatchObject({ code: 'wildcard-too-short', column: 1 });
    expect(only('天气*')).toMatchObject({ code: 'wildcard-too-short', column: 1 });
    expect(only('cl*mate')).toMatchObject({ code: 'wildcard-position', column: 1 });
    expect(only('anti-vax*')).toMatchObject({ code: 'wildcard-word', column: 1 });
    expect(parseQuery('cli*').ast).toBeDefined();
    expect(parseQuery('wo?an').ast).toBeDefined();
  });

  it('an unknown field suggests the closest one', () => {
    expect(only('climate langauge:en')).toMatchObject({ code: 'unknown-field', column: 9, message: 'unknown field `langauge:`', hint: 'did you mean lang:en?' });
    expect(only('site:example.org')).toMatchObject({ code: 'unknown-field', hint: 'did you mean domain:example.org?' });
    expect(only('https://example.org/x')).toMatchObject({ code: 'unknown-field', hint: 'to match a link write url:example.org/x' });
    expect(only('platfrom:x')).toMatchObject({ hint: 'did you mean platform:x?' });
  });

  it('there is no author operator: tidewatch does not watch people', () => {
    expect(only('climate author:someone')).toMatchObject({ code: 'no-people', column: 9, message: 'tidewatch does not watch people: there is no `author:` operator' });
    expect(only('from:someone')).toMatchObject({ code: 'no-people' });
  });

  it('NEAR without a distance, with a bad one, or with a bad operand', () => {
    expect(only('climate NEAR crisis')).toMatchObject({ code: 'near-distance', column: 9, message: 'NEAR needs a distance', hint: expect.stringContaining('NEAR/5') });
    expect(only('climate NEAR/x crisis')).toMatchObject({ code: 'near-distance', column: 9 });
    expect(only('climate NEAR/500 crisis')).toMatchObject({ code: 'near-distance', message: expect.stringContaining('too far') });
    expect(only('climate NEAR/3 lang:en')).toMatchObject({ code: 'near-operand', column: 16 });
    expect(only('(a AND b) NEAR/3 c')).toMatchObject({ code: 'near-operand', column: 2 });
    expect(only('a NEAR/3 b NEAR/3 c')).toMatchObject({ code: 'near-chain', column: 12 });
  });

  it('quotes, empty input and stray symbols', () => {
    expect(only('"climate crisis')).toMatchObject({ code: 'unterminated-quote', column: 1 });
    expect(only('   ')).toMatchObject({ code: 'empty-query' });
    expect(only('climate ""')).toMatchObject({ code: 'empty-phrase', column: 9 });
    expect(only('climate ()')).toMatchObject({ code: 'empty-group', column: 9 });
    expect(only('"climate crisis"~5')).toMatchObject({ code: 'unexpected-character', column: 17, hint: expect.stringContaining('NEAR/5') });
    expect(only('climate && crisis')).toMatchObject({ code: 'no-words', column: 9, hint: 'write AND' });
    expect(only('lang:english')).toMatchObject({ code: 'field-value', column: 6, hint: 'write lang:en' });
    expect(only('has:video')).toMatchObject({ code: 'field-value' });
  });

  it('columns count characters on later lines and after wide scripts', () => {
    const q = '天气 OR\n(北京';
    const d = only(q);
    expect(d).toMatchObject({ code: 'unbalanced-paren', line: 2, column: 1 });
    expect(only('北京 AND')).toMatchObject({ column: 4 });
    expect(only('"😀 climate" AND')).toMatchObject({ code: 'dangling-operator', column: 13 });
  });

  it('warnings that keep the AST: AND/OR mixing, negative-only, platform typos', () => {
    expect(only('climate change OR global warming', 'warning')).toMatchObject({ code: 'mixed-and-or', message: 'AND binds tighter than OR: this reads as (climate change) OR (global warming)' });
    expect(only('NOT spam', 'warning')).toMatchObject({ code: 'negative-only' });
    expect(only('platform:blusky', 'warning')).toMatchObject({ code: 'field-value', hint: 'did you mean platform:bluesky?' });
    expect(only('why?', 'warning')).toMatchObject({ code: 'wildcard-position' });
  });

  it('reports every error of a query, not just the first', () => {
    const codes = parseQuery('(climate AND OR foo:bar NEAR crisis').diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['unbalanced-paren', 'dangling-operator', 'unknown-field']));
  });

  it('a wildcard that stands for too many words in the store is an error when compiled against it', () => {
    const store = new SqliteStore({ path: ':memory:' });
    const words = Array.from({ length: 30 }, (_, i) => `clim${String.fromCharCode(97 + (i % 26))}${i}`);
    store.writeBatchSync([makePost({ key: 'w', lang: 'en', text: `${words.join(' ')} woman women womxn` }, 0)]);
    const q = 'climate OR clim*';
    const ast = parseQuery(q).ast!;
    const r = compileSqlite(ast, store.db, { maxExpansions: 10, text: q });
    expect(r.compiled).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'wildcard-expansion', column: 12, message: '`clim*` stands for more than 10 different words in the store', hint: expect.stringContaining('longer') }),
    ]);
    expect(compileSqlite(ast, store.db, { maxExpansions: 30 }).compiled).toBeDefined();
    expect(compileSqlite(parseQuery('wom?n').ast!, store.db, { maxExpansions: 2 }).diagnostics[0]).toMatchObject({ code: 'wildcard-expansion' });
    expect(compileSqlite(parseQuery('wom?n').ast!, store.db, { maxExpansions: 3 }).compiled).toBeDefined();
    // lintQuery with the store applies the default limit (500): fine here.
    expect(lintQuery(q, store.db)).toEqual([]);
    void store.close();
  });

  it('formats a caret under the span, aligned for wide characters, with the hint', () => {
    const q = '北京 AND (天气 OR cl*)';
    const text = formatDiagnostics(q, parseQuery(q).diagnostics);
    expect(text).toBe(
      [
        'error[wildcard-too-short] 1:15: `cl*` is too short: a wildcard needs at least 3 characters before the first wildcard',
        '  1 | 北京 AND (天气 OR cl*)',
        '    |                   ^^^',
        '      hint: write more of the word (climat* rather than cl*), or list the words with OR',
      ].join('\n'),
    );
  });
});
