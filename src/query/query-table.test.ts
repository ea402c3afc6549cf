import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { countQuery, searchQuery } from '../store/sqlite/watches.js';
import { compileMatcher, compileSqlite, parseQuery, prepareForMatching, registerMatchFunction, WatchMatcher } from './index.js';
import { CORPUS, keyOf } from './test-corpus.js';

/**
 * Each case: a query and the exact posts it matches, written by hand from the corpus. `!a b` means
 * every post except a and b. Every case runs through the streaming matcher, the watch prefilter,
 * the SQLite compiler with the store's vocabulary, and the SQLite compiler without it (re-check
 * path); all four must give the expected set.
 */
const CLIMATE = 'en1 en2 en4 en5 en6 en7 en18 en28 en29 en30 en31 en36';
const CRISIS = 'en5 en6 en7 en18 en36 es1 es3';
const CLIMATE_OR_CRISIS = `${CLIMATE} es1 es3`;

const CASES: [string, string][] = [
  // terms, case and width folding, boolean operators
  ['climate', CLIMATE],
  ['CLIMATE', CLIMATE],
  ['Climate', CLIMATE],
  ['ｃｌｉｍａｔｅ', CLIMATE],
  ['crisis', CRISIS],
  ['climate crisis', 'en5 en6 en7 en18 en36'],
  ['climate AND crisis', 'en5 en6 en7 en18 en36'],
  ['climate OR crisis', CLIMATE_OR_CRISIS],
  ['crisis NOT climate', 'es1 es3'],
  ['crisis -climate', 'es1 es3'],
  ['crisis AND NOT climate', 'es1 es3'],
  ['"climate crisis"', 'en6 en36'],
  ['"crisis of climate"', 'en5'],
  ['"Climate Crisis"', 'en6 en36'],
  ['“climate crisis”', 'en6 en36'],
  ['"climate change"', 'en1'],
  ['-"climate change" climate', 'en2 en4 en5 en6 en7 en18 en28 en29 en30 en31 en36'],
  ['(climate OR crisis) AND lang:es', 'es1 es3'],
  ['climate OR crisis lang:es', CLIMATE_OR_CRISIS],
  ['(climate OR crisis) lang:en -platform:x', 'en2 en6 en7 en30'],
  ['NOT climate', `!${CLIMATE}`],
  ['-climate -crisis', `!${CLIMATE_OR_CRISIS}`],
  ['climate OR NOT crisis', '!es1 es3'],
  ['NOT (climate OR crisis OR lang:zh OR lang:ja)', `!${CLIMATE_OR_CRISIS} zh1 zh2 zh3 zh4 zh5 ja1 ja2 ja3`],
  ['((climate OR crisis) AND (lang:en OR lang:es)) -platform:rss', 'en1 en2 en4 en5 en6 en18 en28 en29 en30 en31 en36 es1'],
  ['the -the', ''],
  ['climate climate', CLIMATE],
  ['(climate)', CLIMATE],
  ['-(-climate)', CLIMATE],
  ['NOT NOT crisis', CRISIS],
  // words the tokenizer splits or keeps whole
  ['e-mail', 'en8'],
  ['email', 'en8'],
  ['"e mail"', 'en8'],
  ["don't", 'en9'],
  ['U.S.', 'en9'],
  ['q2', 'en9'],
  ['3', 'en9'],
  ['1000 menschen', 'de3'],
  ['Q2 OR 1000', 'en9 de3'],
  ["women's", 'en3 en34'],
  ['women', 'en3'],
  ['woman OR women', 'en3 en4 en34'],
  ['mujeres OR femmes OR women', 'en3 es2 fr4'],
  // diacritics and case in Latin scripts
  ['café', 'en25 en26'],
  ['cafe', 'en25 en26'],
  ['CAFE', 'en25 en26'],
  ['Montréal', 'en25 en26'],
  ['naive', 'en27'],
  ['naïve', 'en27'],
  ['résumé', 'en27'],
  ['resume', 'en27'],
  ['coöperate', 'en27'],
  ['climático', 'es1'],
  ['climatico', 'es1'],
  ['réchauffement climatique', 'fr1'],
  ['"rechauffement climatique"', 'fr1'],
  ['grève', 'fr2'],
  ['GREVE générale', 'fr2'],
  ['été', ''],
  ["l'été", 'fr3'],
  ['Über', 'de3'],
  ['straße', 'de2'],
  ['Straße', 'de2'],
  ['strasse', ''],
  ['für', 'de1 de3'],
  ['klimawandel krise', 'de1'],
  ['cambio NEAR/1 climatico', 'es1'],
  ['"el cambio climatico"', 'es1'],
  // Arabic and Persian (short vowels, hamza forms)
  ['المناخ', 'ar1 ar3'],
  ['أزمة', 'ar1'],
  ['ازمة', 'ar1'],
  ['مظاهرات', 'ar2'],
  ['مُظاهرات', 'ar2'],
  ['الأسعار', 'ar2'],
  ['"تغير المناخ"', 'ar1'],
  ['#المناخ', 'ar3'],
  ['المناخ -#المناخ', 'ar1'],
  ['بحران', 'fa1'],
  ['تهران بنزین', 'fa2'],
  ['بنزین', 'fa2'],
  // Uyghur
  ['ھاۋا', 'ug1'],
  ['ئۇيغۇر', 'ug2'],
  ['"ئۇيغۇر تىلى"', 'ug2'],
  ['ئۈرۈمچىدە', 'ug1'],
  // Cyrillic
  ['кризис', 'ru1'],
  ['климата', 'ru1'],
  ['глобальный кризис', 'ru1'],
  ['Ёлки', 'ru2'],
  ['елки', 'ru2'],
  ['Москве', 'ru2 ru3'],
  ['москве -протест', 'ru2'],
  ['бензин', 'ru3'],
  ['бензин OR بنزین', 'fa2 ru3'],
  // Chinese
  ['天气', 'zh1 zh2 zh4'],
  ['北京天气', 'zh1 zh2'],
  ['"北京 天气"', 'zh1 zh2'],
  ['气候', 'zh3 zh5'],
  ['气候 危机', 'zh3 zh5'],
  ['"气候 危机"', 'zh5'],
  ['气候 NEAR/0 危机', 'zh5'],
  ['气候 NEAR/5 危机', 'zh3 zh5'],
  ['气候 NEAR/4 危机', 'zh5'],
  ['"全球" NEAR/2 "危机"', 'zh5'],
  ['#天气', 'zh1'],
  ['天气 -#天气', 'zh2 zh4'],
  ['天气 lang:zh platform:weibo', 'zh1 zh2 zh4'],
  ['上海', 'zh4'],
  ['全球 lang:zh', 'zh3 zh5'],
  // Japanese
  ['東京', 'ja1 ja3'],
  ['天気', 'ja1'],
  ['東京 天気', 'ja1'],
  ['抗議', 'ja3'],
  ['デモ', 'ja3'],
  ['気候 OR 气候', 'ja2 zh3 zh5'],
  ['危機', 'ja2'],
  ['lang:ja 東京', 'ja1 ja3'],
  // Thai and Hindi
  ['อากาศ', 'th1'],
  ['กรุงเทพ', 'th1 th2'],
  ['ประท้วง', 'th2'],
  ['กรุงเทพ -อากาศ', 'th2'],
  ['जलवायु', 'hi1'],
  ['संकट', 'hi1'],
  ['"जलवायु परिवर्तन"', 'hi1'],
  ['मौसम', 'hi2'],
  ['है', 'hi1 hi2'],
  ['protest OR протест OR اعتراض OR 抗议 OR 抗議 OR ประท้วง', 'en22 en23 en26 ru3 fa2 ja3 th2'],
  // wildcards
  ['climat*', `${CLIMATE} en17 es1 fr1 fr4`],
  ['climate*', `${CLIMATE} en17`],
  ['CLIMAT*', `${CLIMATE} en17 es1 fr1 fr4`],
  ['climat* -climate', 'en17 es1 fr1 fr4'],
  ['wom?n', 'en3 en4 en34 en35'],
  ['wom?n*', 'en3 en4 en34 en35'],
  ['colo?r', 'en15'],
  ['colo*', 'en15'],
  ['vaccine*', 'en12 en13 en14 en19 en21'],
  ['vacc?ne', 'en13 en19'],
  ['"climate emergenc*"', 'en30'],
  ['"clim* crisis"', 'en6 en36'],
  ['"cli?ate crisis"', 'en6 en36'],
  ['klima*', 'de1 de3'],
  ['москв*', 'ru2 ru3'],
  ['protest*', 'en22 en23 en26'],
  ['протест*', 'ru3'],
  ['spell?ngs', 'en35'],
  ['wildfire*', 'en30 en37'],
  ['zzq?x', ''],
  ['zzqx*', ''],
  ['vaccine* -is:repost', 'en12 en14 en19 en21'],
  ['vaccine* (is:reply OR is:quote)', 'en12 en14'],
  // NEAR: at most n tokens between, either order; f = in this order
  ['climate NEAR/0 crisis', 'en6 en36'],
  ['climate NEAR/1 crisis', 'en5 en6 en36'],
  ['climate NEAR/2 crisis', 'en5 en6 en18 en36'],
  ['climate NEAR/3 crisis', 'en5 en6 en7 en18 en36'],
  ['climate NEAR/0f crisis', 'en6 en36'],
  ['crisis NEAR/1f climate', 'en5'],
  ['climate NEAR/3f crisis', 'en6 en18 en36'],
  ['crisis NEAR/3f climate', 'en5 en7'],
  ['"emergency plan" NEAR/4 council', 'en30'],
  ['"emergency plan" NEAR/3 council', ''],
  ['emergency NEAR/2f plan', 'en30'],
  ['plan NEAR/3f emergency', 'en31'],
  ['plan NEAR/3 emergency', 'en30 en31'],
  ['(climate OR climat) NEAR/2 (crisis OR crise)', 'en5 en6 en18 en36 fr4'],
  ['climat* NEAR/1 crisis', 'en5 en6 en36'],
  ['climat* NEAR/2 crisis', 'en5 en6 en18 en36 es1'],
  ['wom?n NEAR/3 march', 'en34'],
  ['climate NEAR/0 climate', CLIMATE],
  ['"climate crisis" NEAR/0 crisis', 'en6 en36'],
  ['crisis NEAR/1 crisis', CRISIS],
  ['smoke NEAR/5f alerts', 'en37'],
  ['smoke NEAR/4 alerts', ''],
  ['climate NEAR/10 report', 'en5 en29'],
  ['report NEAR/0f climate', ''],
  ['report NEAR/0 climate', 'en29'],
  ['NOT (climate NEAR/3f crisis) crisis', 'en5 en7 es1 es3'],
  ['climate -(climate NEAR/0f crisis)', 'en1 en2 en4 en5 en7 en18 en28 en29 en30 en31'],
  // fields
  ['lang:es', 'es1 es2 es3 es4'],
  ['lang:ZH', 'zh1 zh2 zh3 zh4 zh5'],
  ['lang:zh-TW', 'zh1 zh2 zh3 zh4 zh5'],
  ['platform:bluesky', 'en2 en6 en14 en19 en30'],
  ['platform:rss', 'en7 en10 en22 en24 es3 fr1 fr2 de2 ru3'],
  ['platform:weibo 天气', 'zh1 zh2 zh4'],
  ['source:"BBC News"', 'en7 en22'],
  ['source:"bbc news"', 'en7 en22'],
  ['source:"Le Monde"', 'fr1 fr2'],
  ['source:jetstream', 'en2 en6 en14 en19 en30'],
  ['source:"El País"', 'es3'],
  ['source:"el país"', 'es3'],
  ['domain:example.org', 'en10 en29'],
  ['domain:news.example.org', 'en10'],
  ['domain:www.example.org', 'en10 en29'],
  ['domain:https://example.org/path', 'en10 en29'],
  ['domain:notexample.org', 'en11'],
  ['domain:who.int', 'en21 en33'],
  ['domain:sina.com.cn', 'zh5'],
  ['domain:nature.com climate', 'en1'],
  ['url:example.org/reports', 'en29'],
  ['url:https://news.example.org/story', 'en10'],
  ['url:example.org', 'en10 en29'],
  ['url:who.int', 'en21 en33'],
  ['#climatecrisis', 'en1'],
  ['#ClimateCrisis', 'en1'],
  ['#CambioClimático', 'es1'],
  ['#cambioclimatico', 'es1'],
  ['#vaccines', 'en21'],
  ['#health OR #天气', 'en32 zh1'],
  ['hashtag:health', 'en32'],
  ['@WHO', 'en32'],
  ['@who_int', 'en33'],
  ['@unfccc climate', 'en2'],
  ['mention:unfccc', 'en2'],
  ['has:link', 'en1 en10 en11 en21 en29 en33 zh5'],
  ['has:link -domain:example.org', 'en1 en11 en21 en33 zh5'],
  ['has:hashtag', 'en1 en21 en32 es1 ar3 zh1'],
  ['has:mention', 'en2 en32 en33'],
  ['is:reply', 'en12'],
  ['is:repost', 'en13'],
  ['is:quote', 'en14'],
  ['sentiment:negative', 'en1 en2 en22 es1 ar1 zh3'],
  ['sentiment:positive', 'en3 en14 en16'],
  ['sentiment:neutral', 'en4 fr2'],
  ['climate sentiment:negative', 'en1 en2'],
  ['-sentiment:negative lang:zh', 'zh1 zh2 zh4 zh5'],
  ['lang:en -has:link -is:reply -is:repost -is:quote climate', 'en2 en4 en5 en6 en7 en18 en28 en30 en31 en36'],
  ['has:link lang:zh', 'zh5'],
  ['(#vaccines OR vaccine) NOT is:repost', 'en19 en21'],
  // lower-case operators are words
  ['and', 'en2 en3 en10 en18 en20 en30 en34 en35'],
  ['"and" "or"', 'en20'],
  ['near', 'en20'],
  ['plain text', 'en20'],
  ['"plain text"', 'en20'],
  ['text', 'en18 en20'],
  // assorted
  ['fuel prices protest', 'en22 en23'],
  ['"fuel prices" protest -lang:en', ''],
  ['earthquake OR tsunami', 'en24'],
  ['earthquake tsunami warning', 'en24'],
  ['heatwaves wildfires', 'en30'],
  ['"air quality" alerts', 'en37'],
];

const ALL = CORPUS.map(keyOf);

function expected(spec: string): string[] {
  const listed = spec.replace(/^!/, '').split(/\s+/).filter(Boolean);
  for (const k of listed) if (!ALL.includes(k)) throw new Error(`unknown key ${k} in ${spec}`);
  const set = spec.startsWith('!') ? ALL.filter((k) => !listed.includes(k)) : listed;
  return [...new Set(set)].sort();
}

describe('query table: matcher and SQLite agree on the exact posts', () => {
  let store: SqliteStore;
  const watchMatches = new Map<number, string[]>();

  beforeAll(() => {
    store = new SqliteStore({ path: ':memory:' });
    store.writeBatchSync([...CORPUS]);
    registerMatchFunction(store.db);
    const wm = new WatchMatcher();
    CASES.forEach(([q], i) => wm.add(i, q));
    for (const post of CORPUS) {
      for (const id of wm.match(prepareForMatching(post))) {
        const list = watchMatches.get(id) ?? [];
        list.push(keyOf(post));
        watchMatches.set(id, list);
      }
    }
  });
  afterAll(async () => {
    await store.close();
  });

  it('has at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  CASES.forEach(([query, spec], i) => {
    it(`${query}`, () => {
      const want = expected(spec);
      const parsed = parseQuery(query);
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const ast = parsed.ast!;

      const matcher = compileMatcher(ast);
      const streamed = CORPUS.filter((p) => matcher.matches(prepareForMatching(p))).map(keyOf).sort();
      expect(streamed, 'streaming matcher').toEqual(want);

      expect((watchMatches.get(i) ?? []).sort(), 'WatchMatcher with prefilter').toEqual(want);

      const stored = searchQuery(store.db, query, { limit: 1000 }).posts.map(keyOf).sort();
      expect(stored, 'SQLite with vocabulary').toEqual(want);
      expect(countQuery(store.db, query), 'SQLite count').toBe(want.length);

      const noVocab = compileSqlite(ast).compiled!;
      const rows = store.db.prepare(`SELECT p.id FROM posts p WHERE ${noVocab.where}`).pluck().all(...noVocab.params) as string[];
      expect(rows.map((id) => id.slice(id.indexOf(':') + 1)).sort(), 'SQLite without vocabulary').toEqual(want);
    });
  });
});
