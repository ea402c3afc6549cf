// Tests of the training side (scripts/), kept here because the test runner collects src/ only.
import { describe, expect, it } from 'vitest';
import { overlapKey, readTweetEvalVal, readUmsab, reportedTweetEvalKeys, sharedDataDir, UMSAB_LANGS, UMSAB_UNALIGNED_TRAIN_ROWS, type UmsabLanguage } from '../../scripts/sentiment/corpora.js';
import { segmentPValue, weakestSegment } from '../../scripts/sentiment/alignment-audit.js';
import { emoticonLabel } from '../../scripts/sentiment/distant.js';
import { CLASSES, FeatureMatrixBuilder, rowLogits, trainLogistic } from '../../scripts/sentiment/trainer.js';
import { seededRandom } from '../sources/simulator/rng.js';
import { buildTrainingSet, exampleWeights } from '../../scripts/train-sentiment.js';
import { createFeatureVector } from './sentiment-features.js';

/** Three classes, each marked by its own feature among shared noise features. */
function toyMatrix() {
  const b = new FeatureMatrixBuilder();
  const v = createFeatureVector();
  for (let i = 0; i < 300; i++) {
    const label = i % 3;
    v.length = 0;
    v.index[v.length] = 0; // bias
    v.value[v.length++] = 1;
    v.index[v.length] = 1 + label;
    v.value[v.length++] = 1;
    v.index[v.length] = 4 + (i % 7);
    v.value[v.length++] = 1;
    b.add(v, label, 1);
  }
  return b.build();
}

describe('sentiment trainer', () => {
  it('learns a separable problem and is deterministic for a seed', () => {
    const m = toyMatrix();
    const opts = { dimension: 16, epochs: 5, learningRate: 0.3, l2: 1e-5, seed: 3 };
    const a = trainLogistic(m, opts);
    expect(trainLogistic(m, opts)).toEqual(a);
    expect(trainLogistic(m, { ...opts, seed: 4 })).not.toEqual(a);
    const s = new Float64Array(CLASSES);
    for (let r = 0; r < 3; r++) {
      rowLogits(a, m, r, s);
      expect(s.indexOf(Math.max(...s))).toBe(r % 3);
    }
  });
});

describe('distant labels', () => {
  it('labels by emoticons and emoji, strips them, and skips mixed or unmarked tweets', () => {
    expect(emoticonLabel('Finally home after a long flight :)')).toEqual({ label: 2, text: 'Finally home after a long flight' });
    expect(emoticonLabel('Missed the last train again 😭')).toEqual({ label: 0, text: 'Missed the last train again' });
    expect(emoticonLabel('Good news :) but also bad :(')).toBeUndefined();
    expect(emoticonLabel('Breaking: debris found http://bit.ly/x')).toBeUndefined();
    expect(emoticonLabel('ok :)')).toBeUndefined();
  });
});

describe('alignment audit', () => {
  /** Hits at rate `inside` in rows [start, end) and `outside` elsewhere. */
  function hits(n: number, start: number, end: number, inside: number, outside: number, seed: number): Uint8Array {
    const rand = seededRandom(seed);
    return Uint8Array.from({ length: n }, (_, i) => (rand() < (i >= start && i < end ? inside : outside) ? 1 : 0));
  }

  it('finds a stretch of rows predicted at chance among rows predicted well', () => {
    const h = hits(1200, 300, 800, 1 / 3, 0.6, 7);
    const g = weakestSegment(h);
    expect(Math.abs(g.start - 300)).toBeLessThanOrEqual(25);
    expect(Math.abs(g.end - 800)).toBeLessThanOrEqual(25);
    expect(g.accuracyInside).toBeLessThan(0.4);
    expect(g.accuracyOutside).toBeGreaterThan(0.55);
    expect(segmentPValue(h, g.llr, 50)).toBeLessThan(0.05);
  });

  it('finds nothing significant where every row is predicted alike', () => {
    const h = hits(1200, 0, 0, 0.5, 0.5, 8);
    const g = weakestSegment(h);
    expect(g.accuracyInside).toBeLessThan(g.accuracyOutside);
    expect(segmentPValue(h, g.llr, 50)).toBeGreaterThan(0.1);
  });
});

const data = sharedDataDir();
if (!data && process.env.CI === 'true') throw new Error('../shared/data is required under CI');
if (!data) console.warn('sentiment-training.test: ../shared/data not found; training-set checks skipped');

describe.skipIf(!data)('sentiment training set', () => {
  const set = data ? buildTrainingSet(data, { dev: false, holdoutTweetEval: false }) : undefined;

  it('holds no text of a split the evaluation reports on', () => {
    const trained = new Set(set!.train.map((e) => overlapKey(e.text)));
    for (const language of Object.keys(UMSAB_LANGS) as UmsabLanguage[]) {
      for (const e of readUmsab(data!, language, 'val')) expect(trained.has(overlapKey(e.text))).toBe(false);
    }
    const reported = reportedTweetEvalKeys(data!, false);
    expect(reported.size).toBeGreaterThan(500);
    for (const k of reported) expect(trained.has(k)).toBe(false);
  });

  it('with --holdout-tweeteval, holds no TweetEval validation text at all', () => {
    const strict = buildTrainingSet(data!, { dev: false, holdoutTweetEval: true });
    const trained = new Set(strict.train.map((e) => overlapKey(e.text)));
    expect(readTweetEvalVal(data!).filter((e) => trained.has(overlapKey(e.text)))).toEqual([]);
  });

  it('with --drop-unaligned, leaves out the training rows the alignment audit finds shuffled, and only those', () => {
    const [start, end] = UMSAB_UNALIGNED_TRAIN_ROWS['umsab-hi'];
    const dropped = buildTrainingSet(data!, { dev: false, holdoutTweetEval: false, dropUnaligned: true });
    const hindi = dropped.train.filter((e) => e.source === 'umsab-hi');
    expect(hindi.some((e) => e.row! >= start && e.row! < end)).toBe(false);
    expect(hindi.length).toBeGreaterThan(0.9 * (readUmsab(data!, 'hindi', 'train').length - (end - start)));
    expect(set!.train.length - dropped.train.length).toBe(set!.train.filter((e) => e.source === 'umsab-hi' && e.row! >= start && e.row! < end).length);
  });

  it('balances classes within each language', () => {
    const w = exampleWeights(set!.train);
    const perLang = new Map<string, number[]>();
    set!.train.forEach((e, i) => {
      const c = perLang.get(e.lang) ?? [0, 0, 0];
      c[e.label] += w[i];
      perLang.set(e.lang, c);
    });
    for (const [lang, c] of perLang) {
      const present = c.filter((x) => x > 0);
      const mean = present.reduce((a, b) => a + b, 0) / present.length;
      for (const x of present) expect({ lang, ratio: x / mean }).toEqual({ lang, ratio: expect.closeTo(1, 1) });
    }
  });
});
