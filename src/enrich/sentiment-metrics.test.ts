import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, macroF1, macroRecall } from './sentiment-metrics.js';

describe('sentiment metrics', () => {
  // gold: 4 negative, 3 neutral, 3 positive
  const gold = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
  const pred = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1];

  it('counts a confusion matrix by gold row and predicted column', () => {
    expect(confusionMatrix(gold, pred, 3)).toEqual([
      [2, 1, 1],
      [1, 2, 0],
      [0, 1, 2],
    ]);
  });

  it('macro recall averages per-class recall (SemEval-2017 4A)', () => {
    expect(macroRecall(gold, pred)).toBeCloseTo((2 / 4 + 2 / 3 + 2 / 3) / 3, 10);
  });

  it('macro F1 averages per-class F1', () => {
    const f1 = (tp: number, fp: number, fn: number) => (2 * tp) / (2 * tp + fp + fn);
    expect(macroF1(gold, pred)).toBeCloseTo((f1(2, 1, 2) + f1(2, 2, 1) + f1(2, 1, 1)) / 3, 10);
  });

  it('gives a constant predictor 1/3 macro recall and a low macro F1', () => {
    const constant = gold.map(() => 1);
    expect(macroRecall(gold, constant)).toBeCloseTo(1 / 3, 10);
    expect(macroF1(gold, constant)).toBeCloseTo(f1Only(3, 7, 0) / 3, 10);
    expect(accuracy(gold, constant)).toBeCloseTo(0.3, 10);
  });

  it('rejects label arrays of different lengths', () => {
    expect(() => macroF1([0, 1], [0])).toThrow(RangeError);
  });
});

function f1Only(tp: number, fp: number, fn: number): number {
  return (2 * tp) / (2 * tp + fp + fn);
}
