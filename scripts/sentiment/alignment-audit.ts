/**
 * Alignment audit of the UMSAB splits: does each row's label belong to its text? For each
 * language, a model trained on everything except that language's UMSAB tweets (so it has seen
 * none of its rows) predicts every row of the language's train and validation splits; a
 * stretch of rows where it is right only by chance, while elsewhere it is right far more often,
 * is a stretch whose labels do not belong to their texts. The search takes the one segment of
 * rows whose accuracy falls furthest below the rest's (a binomial likelihood ratio), and a
 * permutation test says how often a search over rows in random order finds one as weak. The
 * figures are in docs/models/sentiment.md ("Alignment audit").
 *
 *   npx tsx scripts/sentiment/alignment-audit.ts [--json]
 *
 * About 2 minutes on one core (eight models, and twenty more for a weak training segment). Reads only; skips with a message when
 * ../shared/data is absent.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileLexicons, createFeatureVector, extractFeatures } from '../../src/enrich/sentiment-features.js';
import { macroF1 } from '../../src/enrich/sentiment-metrics.js';
import { tokenize } from '../../src/enrich/tokenize.js';
import { buildTrainingSet, exampleWeights, trainOptionsFor, TRAINING_SETTINGS } from '../train-sentiment.js';
import { readUmsab, UMSAB_LANGS, withSharedData, type Example, type UmsabLanguage } from './corpora.js';
import { shippedLexicons } from './lexicons.js';
import { seededRandom } from '../../src/sources/simulator/rng.js';
import { CLASSES, FeatureMatrixBuilder, rowLogits, selectRows, trainLogistic, type FeatureMatrix, type TrainOptions } from './trainer.js';

export interface Segment {
  /** Rows [start, end). */
  start: number;
  end: number;
  accuracyInside: number;
  accuracyOutside: number;
  /** Log-likelihood ratio of "the segment has its own accuracy" over "one accuracy for all rows". */
  llr: number;
}

function binomialLogLikelihood(hits: number, n: number): number {
  if (hits === 0 || hits === n) return 0;
  const p = hits / n;
  return hits * Math.log(p) + (n - hits) * Math.log(1 - p);
}

/**
 * The run of rows (at least `minLength` long; boundaries on multiples of `step`) whose share of
 * hits is lower than among the other rows, and differs from it most by likelihood.
 */
export function weakestSegment(hits: ArrayLike<number>, minLength = 50, step = 5): Segment {
  const n = hits.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + (hits[i] ? 1 : 0);
  const total = prefix[n];
  const pooled = binomialLogLikelihood(total, n);
  let best: Segment = { start: 0, end: n, accuracyInside: n ? total / n : 0, accuracyOutside: 0, llr: 0 };
  for (let start = 0; start + minLength <= n; start += step) {
    for (let end = start + minLength; ; end = Math.min(n, end + step)) {
      const inside = prefix[end] - prefix[start];
      const length = end - start;
      const llr = binomialLogLikelihood(inside, length) + binomialLogLikelihood(total - inside, n - length) - pooled;
      if (inside / length < (total - inside) / (n - length || 1) && llr > best.llr + 1e-12) best = { start, end, accuracyInside: inside / length, accuracyOutside: n > length ? (total - inside) / (n - length) : 0, llr };
      if (end === n) break;
    }
  }
  return best;
}

/**
 * How often a sequence with the same hits in random order has a weakest segment at least as
 * unlikely: the search tries thousands of segments, so some always look weak by chance.
 */
export function segmentPValue(hits: ArrayLike<number>, observedLlr: number, permutations = 200, seed = 1): number {
  const shuffled = Uint8Array.from(hits);
  const rand = seededRandom(seed);
  let atLeast = 0;
  for (let p = 0; p < permutations; p++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    if (weakestSegment(shuffled).llr >= observedLlr) atLeast++;
  }
  return (atLeast + 1) / (permutations + 1);
}

/** Which of the language's own training rows a cross-validated model also trains on. */
type TrainedOn = 'allRows' | 'segmentRows' | 'otherRows' | 'noRows';

const TRAINED_ON_LABELS: Record<TrainedOn, (g: Segment) => string> = {
  allRows: () => 'all rows',
  segmentRows: (g) => `rows ${g.start}–${g.end}`,
  otherRows: () => 'the other rows',
  noRows: () => 'none (other languages only)',
};

export interface SplitAlignment {
  rows: number;
  accuracy: number;
  segment: Segment;
  /** Permutation p-value of the segment's likelihood ratio. */
  p: number;
  /**
   * Training splits with a weak segment (p < 0.1): macro-F1 on the segment's rows and on the other
   * rows, 5-fold cross-validated, for a model trained (besides the other languages) on the
   * language's rows in the other folds: all of them, the segment's only, the other rows' only, or
   * none. If the segment's labels belonged to its texts, its own rows would teach the model
   * something about them.
   */
  crossValidation?: Record<TrainedOn, { onSegment: number; onOthers: number }>;
}

function predictLabel(scores: Float64Array): number {
  return scores[0] > scores[1] && scores[0] >= scores[2] ? 0 : scores[2] > scores[1] ? 2 : 1;
}

export function auditAlignment(data: string): Record<string, { train: SplitAlignment; val: SplitAlignment }> {
  const others = buildTrainingSet(data, { dev: false, holdoutTweetEval: false }).train;
  const languages = Object.keys(UMSAB_LANGS) as UmsabLanguage[];
  const config = TRAINING_SETTINGS.features;
  const shipped = shippedLexicons(data);
  const lexicons = compileLexicons(shipped.map((l) => l.lexicon));
  const weights = exampleWeights(others);
  const builder = new FeatureMatrixBuilder();
  const v = createFeatureVector();
  const add = (e: Example, weight: number): void => {
    extractFeatures(e.text, e.lang, tokenize(e.text), lexicons, config, v);
    builder.add(v, e.label, weight);
  };
  others.forEach((e, i) => add(e, weights[i]));
  // The audited splits follow the training rows in the matrix; they are only ever predicted.
  const firstRow = new Map<string, { row: number; n: number }>();
  let next = others.length;
  for (const language of languages) {
    for (const split of ['train', 'val'] as const) {
      const rows = readUmsab(data, language, split);
      firstRow.set(`${language}/${split}`, { row: next, n: rows.length });
      for (const e of rows) add(e, 0);
      next += rows.length;
    }
  }
  const matrix = builder.build();
  const options = trainOptionsFor(config, shipped.length, 1);
  const out: Record<string, { train: SplitAlignment; val: SplitAlignment }> = {};
  const scores = new Float64Array(CLASSES);
  for (const language of languages) {
    const source = `umsab-${UMSAB_LANGS[language]}`;
    const trainRows = others.map((e, i) => (e.source === source ? -1 : i)).filter((i) => i >= 0);
    const w = trainLogistic(selectRows(matrix, trainRows), options);
    const result = {} as { train: SplitAlignment; val: SplitAlignment };
    for (const split of ['train', 'val'] as const) {
      const { row, n } = firstRow.get(`${language}/${split}`)!;
      const hits = new Uint8Array(n);
      for (let r = 0; r < n; r++) {
        rowLogits(w, matrix, row + r, scores);
        hits[r] = predictLabel(scores) === matrix.labels[row + r] ? 1 : 0;
      }
      const segment = weakestSegment(hits);
      result[split] = { rows: n, accuracy: hits.reduce((a, b) => a + b, 0) / n, segment, p: segmentPValue(hits, segment.llr) };
      if (split === 'train' && result[split].p < 0.1) result[split].crossValidation = crossValidate(matrix, trainRows, row, n, segment, options);
    }
    out[UMSAB_LANGS[language]] = result;
  }
  return out;
}

function crossValidate(matrix: FeatureMatrix, otherLanguages: number[], first: number, n: number, segment: Segment, options: TrainOptions): SplitAlignment['crossValidation'] {
  const folds = 5;
  const rand = seededRandom(5);
  const fold = Array.from({ length: n }, () => Math.floor(rand() * folds));
  const inSegment = (r: number): boolean => r >= segment.start && r < segment.end;
  const trainOn: Record<TrainedOn, (r: number) => boolean> = { allRows: () => true, segmentRows: inSegment, otherRows: (r) => !inSegment(r), noRows: () => false };
  const scores = new Float64Array(CLASSES);
  const out = {} as NonNullable<SplitAlignment['crossValidation']>;
  for (const [name, use] of Object.entries(trainOn) as Array<[TrainedOn, (r: number) => boolean]>) {
    const gold = { in: [] as number[], out: [] as number[] };
    const pred = { in: [] as number[], out: [] as number[] };
    for (let f = 0; f < folds; f++) {
      const own = Array.from({ length: n }, (_, r) => r).filter((r) => fold[r] !== f && use(r)).map((r) => first + r);
      const w = trainLogistic(selectRows(matrix, [...otherLanguages, ...own]), options);
      for (let r = 0; r < n; r++) {
        if (fold[r] !== f) continue;
        rowLogits(w, matrix, first + r, scores);
        const side = inSegment(r) ? 'in' : 'out';
        gold[side].push(matrix.labels[first + r]);
        pred[side].push(predictLabel(scores));
      }
    }
    out[name] = { onSegment: macroF1(gold.in, pred.in, CLASSES), onOthers: macroF1(gold.out, pred.out, CLASSES) };
  }
  return out;
}

function main(data: string): number {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const out = auditAlignment(data);
  if (values.json) {
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  const f = (x: number): string => x.toFixed(3);
  console.log('| language | split | rows | accuracy (model without the language) | weakest rows | accuracy inside | outside | log-likelihood ratio | p (200 permutations) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [lang, a] of Object.entries(out)) {
    for (const s of ['train', 'val'] as const) {
      const { rows, accuracy, segment: g, p } = a[s];
      console.log(`| ${lang} | ${s} | ${rows} | ${f(accuracy)} | ${g.start}–${g.end} | ${f(g.accuracyInside)} | ${f(g.accuracyOutside)} | ${g.llr.toFixed(1)} | ${p.toFixed(3)} |`);
    }
  }
  const checked = Object.entries(out).filter(([, a]) => a.train.crossValidation);
  if (checked.length > 0) {
    console.log('\nWeak training segments, 5-fold cross-validated macro-F1 (rows: the language\'s training rows the model also trained on):\n');
    console.log('| language | weakest rows | trained on | F1 on the weakest rows | F1 on the other rows |');
    console.log('|---|---|---|---|---|');
    for (const [lang, a] of checked) {
      const g = a.train.segment;
      for (const [name, cv] of Object.entries(a.train.crossValidation!) as Array<[TrainedOn, { onSegment: number; onOthers: number }]>) {
        console.log(`| ${lang} | ${g.start}–${g.end} | ${TRAINED_ON_LABELS[name](g)} | ${f(cv.onSegment)} | ${f(cv.onOthers)} |`);
      }
    }
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = withSharedData('alignment-audit', main);
