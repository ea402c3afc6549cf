import { describe, expect, it } from 'vitest';
import { emoticonAgreement, repeats } from '../../scripts/sentiment/label-audit.js';
import { compileLexicons, consonantSkeleton, createFeatureVector, DEFAULT_FEATURE_CONFIG, denseFeatureCount, extractFeatures, squeezeRuns, type FeatureConfig } from './sentiment-features.js';

const lexicons = compileLexicons([new Map([['love', 3], ['so', 0.5]])]);

function features(text: string, lang: string, config: FeatureConfig): Set<number> {
  const v = createFeatureVector();
  extractFeatures(text, lang, undefined, lexicons, config, v);
  return new Set(v.index.subarray(0, v.length));
}

describe('sentiment feature options', () => {
  it('leaves features unchanged when an option is absent or off (older model files)', () => {
    const text = 'sooo happy 😂 :) nahi yaar';
    const base = features(text, 'hi', DEFAULT_FEATURE_CONFIG);
    expect(features(text, 'hi', { ...DEFAULT_FEATURE_CONFIG, emojiLangCross: false, squeeze: false, hindiSkeleton: false, surfaceLangCross: false, invariantLangs: [], stemLangs: [] })).toEqual(base);
  });

  it('reads an invariant language without hashed words, and can cross surface cues with the language', () => {
    const text = 'mujhe bahut pasand hai love it :)';
    const invariant = { ...DEFAULT_FEATURE_CONFIG, invariantLangs: ['hi'] };
    const dense = (s: Set<number>) => [...s].filter((f) => f < denseFeatureCount(1));
    const hi = features(text, 'hi', invariant);
    expect(dense(hi)).toEqual(dense(features(text, 'hi', DEFAULT_FEATURE_CONFIG)));
    expect(hi.size).toBeLessThan(features(text, 'hi', DEFAULT_FEATURE_CONFIG).size - 10);
    expect(features(text, 'en', invariant)).toEqual(features(text, 'en', DEFAULT_FEATURE_CONFIG));
    const surface = { ...DEFAULT_FEATURE_CONFIG, surfaceLangCross: true };
    expect(features('Really?! http://x.org', 'de', surface).size).toBe(features('Really?! http://x.org', 'de', DEFAULT_FEATURE_CONFIG).size + 3);
  });

  it('gives the inflections of a word one shared stem feature in the languages asked for', () => {
    const stems = { ...DEFAULT_FEATURE_CONFIG, stemLangs: ['de'] };
    const shared = (a: string, b: string, lang: string, config: FeatureConfig): number[] => {
      const fb = features(b, lang, config);
      return [...features(a, lang, config)].filter((f) => fb.has(f));
    };
    // Only the bias and the language are shared without stems; `schrecklich` is the stem of both.
    expect(shared('schrecklichen', 'schrecklicher', 'de', DEFAULT_FEATURE_CONFIG)).toHaveLength(shared('schrecklichen', 'wunderbar', 'de', DEFAULT_FEATURE_CONFIG).length);
    expect(shared('schrecklichen', 'schrecklicher', 'de', stems).length).toBe(shared('schrecklichen', 'schrecklicher', 'de', DEFAULT_FEATURE_CONFIG).length + 1);
    expect(shared('schrecklichen', 'wunderbar', 'de', stems)).toEqual(shared('schrecklichen', 'wunderbar', 'de', DEFAULT_FEATURE_CONFIG));
    // Other languages are untouched, and the stem feature is crossed with the language.
    expect(features('schrecklichen', 'nl', stems)).toEqual(features('schrecklichen', 'nl', DEFAULT_FEATURE_CONFIG));
  });

  it('crosses emoji and emoticons with the language when asked', () => {
    const on = { ...DEFAULT_FEATURE_CONFIG, emojiLangCross: true };
    const ar = features('😂', 'ar', on);
    const en = features('😂', 'en', on);
    const shared = [...ar].filter((f) => en.has(f));
    // The shared emoji feature and the bias stay shared; the crossed ones differ.
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(ar.size - shared.length).toBeGreaterThanOrEqual(2);
    expect(features('😂', 'ar', DEFAULT_FEATURE_CONFIG).size).toBeLessThan(ar.size);
  });

  it('squeezes elongated words and spells romanised Hindi by its consonants', () => {
    expect(squeezeRuns('plzzzzz', 1)).toBe('plz');
    expect(squeezeRuns('loooove', 2)).toBe('loove');
    expect(squeezeRuns('good', 1)).toBe('good');
    expect(['nahi', 'nhi'].map(consonantSkeleton)).toEqual(['nh', 'nh']);
    expect(['bahut', 'bohot'].map(consonantSkeleton)).toEqual(['bht', 'bht']);
    const squeeze = { ...DEFAULT_FEATURE_CONFIG, squeeze: true };
    expect([...features('sooo good', 'en', squeeze)].filter((f) => features('so good', 'en', squeeze).has(f)).length).toBeGreaterThan(
      [...features('sooo good', 'en', DEFAULT_FEATURE_CONFIG)].filter((f) => features('so good', 'en', DEFAULT_FEATURE_CONFIG).has(f)).length,
    );
    const skeleton = { ...DEFAULT_FEATURE_CONFIG, hindiSkeleton: true };
    expect(features('bahut', 'hi', skeleton).size).toBe(features('bahut', 'hi', DEFAULT_FEATURE_CONFIG).size + 1);
    expect(features('bahut', 'en', skeleton)).toEqual(features('bahut', 'en', DEFAULT_FEATURE_CONFIG));
  });
});

describe('emoji lexicons and word clusters (experiments)', () => {
  it('looks emoji up in a lexicon keyed by emoji, and leaves word-only lexicons as they were', () => {
    const withEmoji = compileLexicons([new Map([['love', 3], ['😍', 2.7]])]);
    expect(withEmoji.emojiKeys).toBe(true);
    expect(lexicons.emojiKeys).toBe(false);
    const dense = (lex: typeof lexicons, text: string) => {
      const v = createFeatureVector();
      extractFeatures(text, 'en', undefined, lex, DEFAULT_FEATURE_CONFIG, v);
      return new Map([...v.index.subarray(0, v.length)].map((f, i) => [f, v.value[i]] as const).filter(([f]) => f < denseFeatureCount(1)));
    };
    // The positive sum (feature 1) counts the emoji when the lexicon has it, and only then.
    expect(dense(withEmoji, 'the 😍').get(1)).toBeCloseTo(2.7 / 8, 6);
    expect(dense(lexicons, 'the 😍').has(1)).toBe(false);
    expect(dense(withEmoji, 'love it 😍').get(1)).toBeCloseTo((3 + 2.7) / 8, 6);
    expect(dense(withEmoji, 'love it')).toEqual(dense(lexicons, 'love it'));
  });

  it('adds a fine and a coarse cluster feature per clustered word, in the cluster languages only', () => {
    const clustered = compileLexicons([new Map([['love', 3]])], [['awesome', 7, 2], ['great', 7, 2]]);
    const feats = (text: string, lang: string, config: FeatureConfig) => {
      const v = createFeatureVector();
      extractFeatures(text, lang, undefined, clustered, config, v);
      return new Set(v.index.subarray(0, v.length));
    };
    const on = { ...DEFAULT_FEATURE_CONFIG, clusterLangs: ['en'] };
    expect(feats('awesome', 'en', on).size).toBe(feats('awesome', 'en', DEFAULT_FEATURE_CONFIG).size + 2);
    expect(feats('awesome', 'de', on)).toEqual(feats('awesome', 'de', DEFAULT_FEATURE_CONFIG));
    // Two words of one cluster share their cluster features.
    const a = feats('awesome', 'en', on);
    expect([...feats('great', 'en', on)].filter((f) => a.has(f)).length).toBe([...feats('great', 'en', DEFAULT_FEATURE_CONFIG)].filter((f) => feats('awesome', 'en', DEFAULT_FEATURE_CONFIG).has(f)).length + 2);
  });
});

describe('label audit', () => {
  it('counts labels that agree with a tweet’s own emoticons, and repeated texts with one label', () => {
    const ex = (text: string, label: 0 | 1 | 2) => ({ text, label, lang: 'en', source: 'test' });
    expect(emoticonAgreement([ex('what a lovely morning :)', 2), ex('what a lovely evening :)', 0), ex('missed the bus again :(', 1), ex('no emoticon at all here', 2)])).toEqual({
      n: 3,
      same: 1,
      opposite: 1,
      neutral: 1,
    });
    expect(repeats([ex('the same text twice', 0), ex('The same text, twice!', 0), ex('another repeated one', 1), ex('another repeated one', 2), ex('single', 1)])).toEqual({ repeated: 2, consistent: 1 });
  });
});
