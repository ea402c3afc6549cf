import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { searchQuery } from '../store/sqlite/watches.js';
import { compileMatcher, compileSqlite, parseQuery, prepareForMatching, registerMatchFunction, translateQuery, WatchMatcher } from './index.js';
import { keyOf, makePost } from './test-corpus.js';

// A small vocabulary, so random posts and queries share words; several scripts, shared prefixes.
const WORDS = ['climate', 'climates', 'crisis', 'crises', 'clime', 'policy', 'police', 'polio', 'woman', 'women', 'womxn', 'vaccine', 'vaccines', 'heat', 'heats', 'кризис', 'кризиса', 'климат', 'المناخ', 'ازمة', 'ھاۋا', 'तापमान', '天气', '北京', '危机', 'と', 'über', 'uber', 'café', 'cafe', 'x1', '42'];
const TAGS = ['climate', 'Heat', '天气', 'vaccines'];
const LINKS = ['https://example.org/a', 'https://news.example.org/b/c', 'https://www.other.net/x', 'https://notexample.org/'];
const LANGS = ['en', 'ru', 'zh', 'ar'];
const PLATFORMS = ['x', 'bluesky', 'rss'];

const postSpec = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }),
  upper: fc.boolean(),
  tags: fc.subarray(TAGS),
  links: fc.subarray(LINKS),
  mention: fc.boolean(),
  lang: fc.constantFrom(...LANGS),
  platform: fc.constantFrom(...PLATFORMS),
  reply: fc.boolean(),
  repost: fc.boolean(),
  sentiment: fc.constantFrom(undefined, 'negative', 'neutral', 'positive'),
});

type PostSpec = typeof postSpec extends fc.Arbitrary<infer T> ? T : never;

function buildPosts(specs: PostSpec[]) {
  return specs.map((s, i) => {
    let text = s.words.join(' ');
    if (s.upper) text = text.toUpperCase();
    text = [text, ...s.tags.map((t) => `#${t}`), ...s.links, s.mention ? '@WHO' : ''].filter(Boolean).join(' ');
    return makePost(
      { key: `p${i}`, lang: s.lang, platform: s.platform, text, replyTo: s.reply ? 'x:1' : undefined, repostOf: s.repost ? 'x:2' : undefined, sentiment: s.sentiment as 'negative' | undefined },
      Date.UTC(2025, 0, 1) + i * 60_000,
    );
  });
}

const word = fc.constantFrom(...WORDS);
const term = fc.oneof(word, word.map((w) => w.toUpperCase()));
const phrase = fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(' ')}"`);
const longWords = WORDS.filter((w) => [...w].length >= 4);
const wildcard = fc.oneof(
  fc.tuple(fc.constantFrom(...longWords), fc.integer({ min: 3, max: 6 })).map(([w, n]) => `${[...w].slice(0, n).join('')}*`),
  fc.tuple(fc.constantFrom(...longWords), fc.integer({ min: 2, max: 8 })).map(([w, i]) => {
    const chars = [...w];
    const at = Math.min(i, chars.length - 1);
    chars[at] = '?';
    return chars.join('');
  }),
);
const nearOperand = fc.oneof(term, phrase, wildcard, fc.tuple(term, term).map(([a, b]) => `(${a} OR ${b})`));
const near = fc.tuple(nearOperand, fc.integer({ min: 0, max: 6 }), fc.boolean(), nearOperand).map(([a, n, f, b]) => `${a} NEAR/${n}${f ? 'f' : ''} ${b}`);
const field = fc.oneof(
  fc.constantFrom(...LANGS).map((l) => `lang:${l}`),
  fc.constantFrom(...PLATFORMS).map((p) => `platform:${p}`),
  fc.constantFrom(...TAGS).map((t) => `#${t}`),
  fc.constant('@who'),
  fc.constantFrom('has:link', 'has:hashtag', 'has:mention', 'is:reply', 'is:repost', 'is:quote'),
  fc.constantFrom('domain:example.org', 'domain:news.example.org', 'domain:other.net', 'url:example.org', 'url:https://news.example.org/b'),
  fc.constantFrom('sentiment:negative', 'sentiment:positive', 'sentiment:neutral'),
);
const leaf = fc.oneof({ weight: 4, arbitrary: term }, { weight: 2, arbitrary: phrase }, { weight: 2, arbitrary: wildcard }, { weight: 2, arbitrary: near }, { weight: 2, arbitrary: field });
const query: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} AND ${b})`),
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} OR ${b})`),
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} ${b})`),
    tie('q').map((a) => `NOT (${a})`),
    tie('q').map((a) => `-(${a})`),
  ),
})).q;

describe('matcher and store agree (property)', () => {
  const postSpecs = fc.array(postSpec, { minLength: 1, maxLength: 25 });
  const queries = fc.array(query, { minLength: 1, maxLength: 6 });

  it('the generators are not vacuous: most queries parse and many split the posts', () => {
    // Measured on a fixed seed, so the guard is a fact about the generators and not a coin toss:
    // over 150 random cases the split share ran 0.29–0.38 and once failed a 0.3 bar in CI. On this
    // seed's 400 cases it is 0.32; a generator change that makes queries match all or nothing
    // drops it far below 0.25.
    let total = 0;
    let parsed = 0;
    let nonTrivial = 0;
    fc.assert(
      fc.property(postSpecs, queries, (specs, qs) => {
        const posts = buildPosts(specs).map((p) => prepareForMatching(p));
        for (const q of qs) {
          total++;
          const ast = parseQuery(q).ast;
          if (!ast) continue;
          parsed++;
          const matcher = compileMatcher(ast);
          const hits = posts.filter((p) => matcher.matches(p)).length;
          if (hits > 0 && hits < posts.length) nonTrivial++;
        }
      }),
      { seed: 20251130, numRuns: 400 },
    );
    expect(parsed / total).toBeGreaterThan(0.8);
    expect(nonTrivial / parsed).toBeGreaterThan(0.25);
  });

  it('on random queries over random posts', () => {
    fc.assert(
      fc.property(postSpecs, queries, (specs, queries) => {
        const posts = buildPosts(specs);
        const store = new SqliteStore({ path: ':memory:' });
        try {
          store.writeBatchSync(posts);
          registerMatchFunction(store.db);
          const wm = new WatchMatcher();
          const asts = queries.map((q) => parseQuery(q).ast);
          asts.forEach((ast, i) => ast && wm.add(i, ast));
          const byWatch = new Map<number, string[]>();
          for (const p of posts) for (const id of wm.match(prepareForMatching(p))) byWatch.set(id, [...(byWatch.get(id) ?? []), keyOf(p)]);
          asts.forEach((ast, i) => {
            if (!ast) return;
            const matcher = compileMatcher(ast);
            const streamed = posts.filter((p) => matcher.matches(prepareForMatching(p))).map(keyOf).sort();
            const stored = searchQuery(store.db, ast, { limit: 1000 }).posts.map(keyOf).sort();
            const superset = compileSqlite(ast).compiled!;
            const noVocab = (store.db.prepare(`SELECT p.id FROM posts p WHERE ${superset.where}`).pluck().all(...superset.params) as string[]).map((id) => id.split(':')[1]).sort();
            expect(stored, queries[i]).toEqual(streamed);
            expect(noVocab, queries[i]).toEqual(streamed);
            expect((byWatch.get(i) ?? []).sort(), queries[i]).toEqual(streamed);
          });
        } finally {
          void store.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});

const noisyQuery = fc
  .array(
    fc.oneof(
      fc.constantFrom('AND', 'OR', 'NOT', 'and', 'NEAR', 'NEAR/3', 'NEAR/2f', 'NEAR/x', '(', ')', '"', '“', '-', '*', '?', '~5', '#', '@', ':', 'lang:', 'lang:en', 'domain:', 'url:(', 'author:x', 'foo:bar', '天气', 'clim*', 'wom?n', 'a*', '\n', '\t', '（', '）', '＂', '＊', 'has:link', 'is:bogus', '"', "'", '\\', '\u0000', '\ud83d', '😀', 'ئۇ', 'ﷺ'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(' '));

describe('parser robustness (property)', () => {
  const store = new SqliteStore({ path: ':memory:' });
  store.writeBatchSync(buildPosts([{ words: ['climate', 'crisis', '天气'], upper: false, tags: ['climate'], links: [LINKS[0]], mention: true, lang: 'en', platform: 'x', reply: false, repost: false, sentiment: undefined }]));

  it('never throws: any text yields an AST or error diagnostics with valid positions, and compiled SQL runs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), noisyQuery), (text) => {
        const r = parseQuery(text);
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(r.ast === undefined).toBe(errors.length > 0);
        for (const d of r.diagnostics) {
          expect(d.message).not.toMatch(/internal error/);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.start).toBeLessThanOrEqual(d.end);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }
        if (r.ast) {
          const c = compileSqlite(r.ast, store.db, { text });
          if (c.compiled) {
            // Valid FTS5 and SQL whatever the input: this throws on a syntax error.
            store.db.prepare(`SELECT count(*) FROM posts p WHERE ${c.compiled.where}`).get(...c.compiled.params);
          }
        }
        for (const dialect of ['brandwatch', 'meltwater'] as const) {
          const t = translateQuery(dialect, text);
          expect(t.query === undefined).toBe(t.diagnostics.some((d) => d.severity === 'error'));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
