import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { compileQuery } from '../store/sqlite/watches.js';
import { makePost } from '../testing/fixtures.js';
import { Rng } from '../sources/simulator/rng.js';
import { type PageCursor, SqliteAnalytics, leadsWithFts } from './sqlite-analytics.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);

const TEXTS = ['flood warning on the river', 'heatwave in the city', 'vaccine campaign #health', 'rare comet sighted', 'flood and heatwave together', 'quiet day'];
const LANGS = ['en', 'es', 'fr'];

/** Posts written out of time order (a replayed file after a live stream), with equal times. */
async function filledStore(): Promise<SqliteStore> {
  const store = new SqliteStore({ path: ':memory:' });
  const rng = new Rng(3);
  const rand = (): number => rng.next();
  const posts = Array.from({ length: 900 }, (_, i) => {
    // The rare text: 4 posts only.
    const text = i % 225 === 7 ? TEXTS[3] : TEXTS[[0, 1, 2, 4, 5][Math.floor(rand() * 5)]];
    return makePost({ id: `x:${i}`, text, createdAt: T0 + Math.floor(rand() * 300) * MIN, lang: LANGS[i % 3] });
  });
  for (let i = 0; i < posts.length; i += 100) await store.writeBatch(posts.slice(i, i + 100));
  return store;
}

/** The plain plan: every match, sorted. */
function reference(store: SqliteStore, where: { where: string; params: unknown[] }, from: number, to: number): { id: string; createdAt: number; rowid: number }[] {
  return store.db
    .prepare(`SELECT p.id AS id, p.created_at AS createdAt, p.rowid AS rowid FROM posts p WHERE p.created_at >= ? AND p.created_at < ? AND (${where.where}) ORDER BY p.created_at DESC, p.rowid DESC`)
    .all(from, to, ...where.params) as { id: string; createdAt: number; rowid: number }[];
}

describe('SqliteAnalytics.search', () => {
  const queries = ['flood', 'flood heatwave', 'comet', 'lang:es flood', 'flood OR lang:fr', 'heatwave -flood', '"flood warning"', 'lang:fr', 'nothingmatches', 'flood NEAR/2f river'];
  const walks = [
    { firstStep: 8, budget: 200, rareCandidates: 5 },
    { firstStep: 2, budget: 30, rareCandidates: 0 },
    {},
  ];

  it('pages newest first through exactly the matches of the plain plan, whichever way it walks', async () => {
    const store = await filledStore();
    for (const walk of walks) {
      const analytics = new SqliteAnalytics(store.db, 20_000, walk);
      for (const q of queries) {
        const compiled = compileQuery(store.db, q);
        for (const [from, to] of [
          [-8.64e15, 8.64e15],
          [T0 + 40 * MIN, T0 + 250 * MIN],
        ]) {
          const want = reference(store, compiled, from, to);
          for (const limit of [3, 50]) {
            const got: string[] = [];
            let after: PageCursor | undefined;
            for (let pages = 0; pages < 1000; pages++) {
              const page = analytics.search(compiled, from, to, limit, after);
              expect(page.posts.length).toBeLessThanOrEqual(limit);
              got.push(...page.posts.map((p) => p.id));
              if (!page.next) break;
              expect(page.posts).toHaveLength(limit);
              after = page.next;
            }
            expect(got, `${q} limit ${limit} walk ${JSON.stringify(walk)}`).toEqual(want.map((r) => r.id));
          }
        }
      }
    }
    await store.close();
  });

  it('tells a leading full-text conjunct from one a query can do without', () => {
    const fts = 'p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)';
    expect(leadsWithFts(fts)).toBe(true);
    expect(leadsWithFts(`(${fts}) AND (p.lang = ?)`)).toBe(true);
    expect(leadsWithFts(`((${fts}) AND (p.lang = ?)) AND tidewatch_match(?, p.text)`)).toBe(true);
    expect(leadsWithFts(`(${fts}) OR (p.lang = ?)`)).toBe(false);
    expect(leadsWithFts(`((${fts}) AND (p.lang = ?)) OR (p.lang = ?)`)).toBe(false);
    expect(leadsWithFts(`(p.lang = ?) AND (${fts})`)).toBe(false);
    expect(leadsWithFts(`NOT (${fts})`)).toBe(false);
    expect(leadsWithFts(fts.replace(' IN ', ' NOT IN '))).toBe(false);
    expect(leadsWithFts(`(coalesce(p.reply_to, '') <> '') AND (${fts})`)).toBe(false);
    // What the compiler makes of real queries.
    const store = new SqliteStore({ path: ':memory:' });
    expect(leadsWithFts(compileQuery(store.db, 'flood').where)).toBe(true);
    expect(leadsWithFts(compileQuery(store.db, 'lang:es flood').where)).toBe(true);
    expect(leadsWithFts(compileQuery(store.db, 'flood OR lang:fr').where)).toBe(false);
    expect(leadsWithFts(compileQuery(store.db, 'lang:fr').where)).toBe(false);
  });
});
