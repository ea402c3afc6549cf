/**
 * Classification metrics used by the sentiment evaluations: macro-averaged recall (SemEval-2017
 * task 4A's official measure, Rosenthal et al. 2017) and macro-averaged F1 (UMSAB's, Barbieri et
 * al. 2022). Labels are class indices 0..k-1.
 */

export function confusionMatrix(gold: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  if (gold.length !== predicted.length) throw new RangeError(`gold has ${gold.length} labels, predicted ${predicted.length}`);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < gold.length; i++) m[gold[i]][predicted[i]]++;
  return m;
}

/** Mean over classes of recall; a class absent from gold counts as recall 0 only if predicted. */
export function macroRecall(gold: ArrayLike<number>, predicted: ArrayLike<number>, classes = 3): number {
  const m = confusionMatrix(gold, predicted, classes);
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const support = m[c].reduce((a, b) => a + b, 0);
    sum += support === 0 ? 0 : m[c][c] / support;
  }
  return sum / classes;
}

/** Mean over classes of F1 (F1 is 0 for a class never predicted correctly). */
export function macroF1(gold: ArrayLike<number>, predicted: ArrayLike<number>, classes = 3): number {
  const m = confusionMatrix(gold, predicted, classes);
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const tp = m[c][c];
    let fp = 0;
    let fn = 0;
    for (let k = 0; k < classes; k++) {
      if (k === c) continue;
      fp += m[k][c];
      fn += m[c][k];
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / classes;
}

export function accuracy(gold: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) ok++;
  return gold.length === 0 ? 0 : ok / gold.length;
}
