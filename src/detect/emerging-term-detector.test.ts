import { describe, expect, it } from 'vitest';
import type { Alert } from '../model/alert.js';
import { AlertSchema } from '../model/alert.js';
import type { DetectablePost } from './detectable-post.js';
import { EmergingTermDetector } from './emerging-term-detector.js';
import { ARABIC, CHINESE, ENGLISH } from './fixtures/vocabularies.js';
import { seededRandom } from '../sources/simulator/rng.js';
import { syntheticStream, type InjectedTopic } from './synthetic-posts.js';

const H = 3_600_000;
const START = Date.UTC(2024, 2, 4);

function run(posts: Iterable<DetectablePost>, detector = new EmergingTermDetector()): Alert[] {
  const alerts: Alert[] = [];
  for (const p of posts) alerts.push(...detector.observe(p));
  alerts.push(...detector.flush());
  return alerts;
}

function stream(vocabulary: readonly string[], lang: string, topics: InjectedTopic[], unspaced = false, seed = 1): DetectablePost[] {
  return [...syntheticStream({ seed, vocabulary, lang, start: START, durationMs: 30 * H, perMinute: 30, dailyAmplitude: 0.5, unspaced, topics })];
}

describe('EmergingTermDetector', () => {
  const cases = [
    { lang: 'en', vocabulary: ENGLISH, words: ['volcano', 'eruption', 'iceland', 'ash'], unspaced: false, hashtag: 'Eyjafjallajokull' },
    { lang: 'zh', vocabulary: CHINESE, words: ['地震', '四川', '救援', '震中'], unspaced: true, hashtag: '四川地震' },
    { lang: 'ar', vocabulary: ARABIC, words: ['زلزال', 'المغرب', 'انقاذ', 'الضحايا'], unspaced: false, hashtag: 'زلزال_المغرب' },
  ];

  for (const c of cases) {
    it(`names the injected terms of a ${c.lang} topic in one alert, minutes after it starts`, () => {
      const topicStart = START + 26 * H;
      const posts = stream(c.vocabulary, c.lang, [{ words: c.words, start: topicStart, end: topicStart + H, perMinute: 1.5, hashtag: c.hashtag }], c.unspaced);
      const alerts = run(posts);
      expect(alerts).toHaveLength(1);
      const a = alerts[0];
      expect(() => AlertSchema.parse(a)).not.toThrow();
      expect(a.kind).toBe('emerging');
      expect(a.watch).toBeNull();
      const words = a.terms.filter((t) => t.kind === 'word').map((t) => t.term);
      // Most of the injected words are named, and only injected words or the hashtag.
      expect(words.filter((w) => c.words.includes(w)).length).toBeGreaterThanOrEqual(3);
      for (const t of a.terms) {
        const parts = t.term.split(' + ').map((p) => p.replace(/^#/, ''));
        expect([...c.words, c.hashtag.toLowerCase()], t.term).toEqual(expect.arrayContaining(parts));
      }
      expect(a.firedAt).toBeGreaterThan(topicStart);
      expect(a.firedAt - topicStart).toBeLessThan(15 * 60_000);
      expect(a.startedAt).toBeGreaterThanOrEqual(topicStart);
      expect(a.startedAt).toBeLessThanOrEqual(a.firedAt);
      expect(a.terms[0].observed).toBeGreaterThan(a.terms[0].baseline);
      expect(a.languages).toEqual({ [c.lang]: expect.any(Number) });
      expect(a.representative.length).toBeGreaterThan(0);
      for (const r of a.representative) expect(c.words.some((w) => r.text.includes(w))).toBe(true);
    });
  }

  it('names a story that spreads slowly: a post every ten minutes or so for two hours', () => {
    const topicStart = START + 26 * H;
    const words = ['sinkhole', 'swallows', 'parking', 'garage'];
    const posts = stream(ENGLISH, 'en', [{ words, start: topicStart, end: topicStart + 2 * H, perMinute: 0.12 }], false, 5);
    const alerts = run(posts);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].terms.filter((t) => words.includes(t.term)).length).toBeGreaterThanOrEqual(2);
    expect(alerts[0].firedAt).toBeLessThan(topicStart + 2 * H);
    // The same story at half-hour resolution (the former window) never stands out.
    const halfHour = run(posts, new EmergingTermDetector({ slotMs: 30 * 60_000, warmupSlots: 48, halfLifeSlots: 48, fireSignificance: 6, minObserved: 6 }));
    expect(halfHour).toEqual([]);
  });

  it('stays silent on background chatter alone, daily rhythm included', () => {
    for (const [vocabulary, lang, unspaced] of [
      [ENGLISH, 'en', false],
      [CHINESE, 'zh', true],
      [ARABIC, 'ar', false],
    ] as const) {
      expect(run(stream(vocabulary, lang, [], unspaced, 3))).toEqual([]);
    }
  });

  it('does not alert on function words, even when a burst is made of them', () => {
    const topicStart = START + 26 * H;
    // A burst of posts made only of English and Chinese function words.
    const alerts = run(stream(ENGLISH, 'en', [{ words: ['the', 'of', 'and', 'this', 'that', 'which', 'would'], start: topicStart, end: topicStart + H, perMinute: 20 }]));
    expect(alerts).toEqual([]);
  });

  it('makes one alert per topic, and a separate one for an unrelated topic at the same time', () => {
    const t0 = START + 26 * H;
    const posts = stream(ENGLISH, 'en', [
      { words: ['volcano', 'eruption', 'iceland', 'ash', 'flights'], start: t0, end: t0 + H, perMinute: 2 },
      { words: ['merger', 'shareholders', 'acquisition', 'bid'], start: t0 + 5 * 60_000, end: t0 + H, perMinute: 2 },
    ]);
    const alerts = run(posts);
    expect(alerts).toHaveLength(2);
    const sets = alerts.map((a) => new Set(a.terms.flatMap((t) => t.term.split(' + '))));
    expect([...sets[0]].some((w) => ['volcano', 'eruption', 'iceland', 'ash', 'flights'].includes(w))).toBe(true);
    expect([...sets[1]].some((w) => ['merger', 'shareholders', 'acquisition', 'bid'].includes(w))).toBe(true);
    expect([...sets[0]].some((w) => ['merger', 'shareholders', 'acquisition', 'bid'].includes(w))).toBe(false);
  });

  /** Background plus posts carrying `tokens` (and `hashtag`) at `base` a minute, `peak` a minute in [from, to). */
  function withRecurring(tokens: string[], base: number, peak: number, from: number, to: number, hashtag?: string): DetectablePost[] {
    // A steady background: with a daily rhythm a word's share of posts swings, and a steady
    // word's rise is then within its learned variance.
    const posts = [...syntheticStream({ seed: 4, vocabulary: ENGLISH, lang: 'en', start: START, durationMs: 30 * H, perMinute: 30, dailyAmplitude: 0, topics: [] })];
    const rand = seededRandom(21);
    for (let t = START; t < START + 30 * H; t += 60_000) {
      const n = t >= from && t < to ? peak : base;
      for (let k = 0; k < n; k++) {
        const i = posts.length;
        posts.push({ id: `r${i}`, createdAt: t + Math.floor(rand() * 60_000), tokens: [...tokens, ENGLISH[Math.floor(rand() * 200)]], hashtags: hashtag ? [hashtag] : [], lang: 'en', platform: 'bluesky', text: tokens.join(' '), authorKey: `u${Math.floor(rand() * 5000)}` });
      }
    }
    return posts.sort((a, b) => a.createdAt - b.createdAt);
  }

  it('needs words several times their usual count: twice the usual football chatter is no topic', () => {
    const t0 = START + 26 * H;
    // "derby" and "goalkeeper" appear in a post a minute all day, then three a minute for an hour:
    // highly significant against their steady history, but twice the usual over the window.
    const posts = withRecurring(['derby', 'goalkeeper'], 1, 3, t0, t0 + H);
    expect(run(posts)).toEqual([]);
    const lenient = run(posts, new EmergingTermDetector({ minRise: 1 }));
    expect(lenient.length).toBeGreaterThan(0);
    expect(lenient[0].terms.map((t) => t.term)).toContain('derby');
  });

  it('counts a hashtag and its own word as one term, unless the hashtag is new', () => {
    const t0 = START + 26 * H;
    // An everyday hashtag rising sixfold, with nothing else in common: one word rising again.
    const old = withRecurring(['bundesliga'], 1, 6, t0, t0 + 2 * H, 'bundesliga');
    expect(run(old)).toEqual([]);
    // A hashtag nobody used before names a topic by itself.
    const fresh = withRecurring(['sinkholealert'], 0, 4, t0, t0 + H, 'sinkholealert');
    const alerts = run(fresh);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].terms.map((t) => t.term)).toEqual(expect.arrayContaining(['#sinkholealert', 'sinkholealert']));
  });

  it('names the words a new topic\'s posts share besides its rising terms: a second story in the same city', () => {
    const t0 = START + 26 * H;
    const posts = stream(ENGLISH, 'en', [
      { words: ['lyon', 'flood', 'river', 'levee'], start: t0, end: t0 + 2 * H, perMinute: 2 },
      { words: ['lyon', 'metro', 'strike', 'drivers'], start: t0 + 40 * 60_000, end: t0 + 2 * H, perMinute: 2 },
    ]);
    const alerts = run(posts);
    expect(alerts).toHaveLength(2);
    const [flood, strike] = alerts;
    expect(flood.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['flood', 'river']));
    // "lyon" rose with the flood, so it does not stand out in the strike's posts: it is their context.
    expect(strike.terms.map((t) => t.term)).not.toContain('lyon');
    expect(strike.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['metro', 'strike']));
    expect(strike.context).toContain('lyon');
    for (const word of strike.context ?? []) expect(['lyon', 'metro', 'strike', 'drivers']).toContain(word);
    expect(() => AlertSchema.parse(strike)).not.toThrow();
  });

  it('folds a second facet of a story named by its context into that alert: one alert per story', () => {
    const t0 = START + 26 * H;
    // A flood in Shiraz talked about all along, at a steady level; from t0 two kinds of posts
    // about it take over, ten minutes apart, each with its own stock phrases, and "shiraz" and
    // "flood" stay at their level: only the generic words rise, in posts all about the flood.
    const posts = [...syntheticStream({ seed: 4, vocabulary: ENGLISH, lang: 'en', start: START, durationMs: 30 * H, perMinute: 60, dailyAmplitude: 0, topics: [] })];
    const rand = seededRandom(33);
    const add = (tokens: string[], perMinute: number, from: number, to: number) => {
      for (let t = from; t < to; t += 60_000) {
        for (let k = 0; k < perMinute; k++) {
          const i = posts.length;
          posts.push({ id: `f${i}`, createdAt: t + Math.floor(rand() * 60_000), tokens: [...tokens, ENGLISH[Math.floor(rand() * 200)]], lang: 'en', platform: 'bluesky', text: tokens.join(' '), authorKey: `u${Math.floor(rand() * 5000)}` });
        }
      }
    };
    add(['shiraz', 'flood'], 2, START, t0 + 10 * 60_000);
    add(['shiraz', 'flood', 'roads', 'closed', 'urgent'], 1, t0, START + 30 * H);
    add(['shiraz', 'flood', 'landed', 'sister', 'discusses'], 1, t0 + 10 * 60_000, START + 30 * H);
    posts.sort((a, b) => a.createdAt - b.createdAt);
    const d = new EmergingTermDetector();
    const alerts = run(posts, d);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].terms.map((t) => t.term)).toEqual(expect.arrayContaining(['roads', 'urgent']));
    expect(alerts[0].context).toEqual(expect.arrayContaining(['flood', 'shiraz']));
    const story = d.activeTopics().find((topic) => topic.id === alerts[0].id)!;
    expect(story.terms).toEqual(expect.arrayContaining(['landed', 'discusses']));
  });

  it('says it is warming up and fires nothing during the cold start (a day)', () => {
    const d = new EmergingTermDetector();
    const alerts = run(stream(ENGLISH, 'en', [{ words: ['volcano', 'eruption', 'iceland'], start: START + 20 * H, end: START + 21 * H, perMinute: 5 }]).filter((p) => p.createdAt < START + 22 * H), d);
    expect(alerts).toEqual([]);
    expect(d.status().warm).toBe(false);
    expect(d.status().reason).toMatch(/cold start/);
  });

  it('gives the same alerts when posts arrive shuffled within the lateness tolerance', () => {
    const t0 = START + 26 * H;
    const posts = stream(ENGLISH, 'en', [{ words: ['volcano', 'eruption', 'iceland', 'ash'], start: t0, end: t0 + H, perMinute: 2 }]);
    const rand = seededRandom(9);
    const shuffled = [...posts];
    for (let i = 0; i + 1 < shuffled.length; i++) {
      if (rand() < 0.5 && shuffled[i + 1].createdAt - shuffled[i].createdAt < 3_000) [shuffled[i], shuffled[i + 1]] = [shuffled[i + 1], shuffled[i]];
    }
    const expected = run(posts);
    expect(expected).toHaveLength(1);
    expect(run(shuffled)).toEqual(expected);
  });

  it('continues from a JSON snapshot exactly as without the restart', () => {
    const t0 = START + 26 * H;
    const posts = stream(ENGLISH, 'en', [{ words: ['volcano', 'eruption', 'iceland', 'ash'], start: t0, end: t0 + H, perMinute: 2 }]);
    const options = { tableBits: 14 };
    const whole = run(posts, new EmergingTermDetector(options));
    const cut = posts.findIndex((p) => p.createdAt >= t0 + 3 * 60_000);
    const d = new EmergingTermDetector(options);
    const alerts: Alert[] = [];
    for (const p of posts.slice(0, cut)) alerts.push(...d.observe(p));
    const restored = EmergingTermDetector.restore(JSON.parse(JSON.stringify(d.snapshot())));
    alerts.push(...run(posts.slice(cut), restored));
    expect(whole).toHaveLength(1);
    expect(alerts).toEqual(whole);
  });
});
