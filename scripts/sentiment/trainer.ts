/**
 * Multinomial logistic regression over hashed features, trained by AdaGrad (Duchi et al. 2011)
 * with L2 regularisation applied to the weights an example touches. Single-threaded and
 * deterministic for a given seed: the only randomness is the shuffle order.
 */
import type { FeatureVector } from '../../src/enrich/sentiment-features.js';
import { seededRandom } from '../../src/sources/simulator/rng.js';

export const CLASSES = 3;

/** Training examples with their features laid out flat, so several epochs cost no re-extraction. */
export interface FeatureMatrix {
  offsets: Int32Array; // example i spans [offsets[i], offsets[i+1])
  index: Int32Array;
  value: Float32Array;
  labels: Uint8Array;
  weights: Float32Array;
}

export class FeatureMatrixBuilder {
  private offsets: number[] = [0];
  private index: Int32Array = new Int32Array(1 << 20);
  private value: Float32Array = new Float32Array(1 << 20);
  private used = 0;
  private labels: number[] = [];
  private weights: number[] = [];

  add(v: FeatureVector, label: number, weight: number): void {
    while (this.used + v.length > this.index.length) {
      const i2 = new Int32Array(this.index.length * 2);
      i2.set(this.index);
      const v2 = new Float32Array(this.value.length * 2);
      v2.set(this.value);
      this.index = i2;
      this.value = v2;
    }
    this.index.set(v.index.subarray(0, v.length), this.used);
    this.value.set(v.value.subarray(0, v.length), this.used);
    this.used += v.length;
    this.offsets.push(this.used);
    this.labels.push(label);
    this.weights.push(weight);
  }

  build(): FeatureMatrix {
    return {
      offsets: Int32Array.from(this.offsets),
      index: this.index.slice(0, this.used),
      value: this.value.slice(0, this.used),
      labels: Uint8Array.from(this.labels),
      weights: Float32Array.from(this.weights),
    };
  }
}

export interface TrainOptions {
  dimension: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}


/** Row-major weights: weight of feature f for class c at f * CLASSES + c. */
export function trainLogistic(m: FeatureMatrix, opts: TrainOptions): Float32Array {
  const w = new Float32Array(opts.dimension * CLASSES);
  const g = new Float32Array(opts.dimension * CLASSES).fill(1e-6);
  const n = m.labels.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rand = seededRandom(opts.seed);
  const p = new Float64Array(CLASSES);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let k = 0; k < n; k++) {
      const e = order[k];
      const start = m.offsets[e];
      const end = m.offsets[e + 1];
      p[0] = p[1] = p[2] = 0;
      for (let q = start; q < end; q++) {
        const base = m.index[q] * CLASSES;
        const x = m.value[q];
        p[0] += w[base] * x;
        p[1] += w[base + 1] * x;
        p[2] += w[base + 2] * x;
      }
      const mx = Math.max(p[0], p[1], p[2]);
      let z = 0;
      for (let c = 0; c < CLASSES; c++) {
        p[c] = Math.exp(p[c] - mx);
        z += p[c];
      }
      const y = m.labels[e];
      const ew = m.weights[e];
      for (let c = 0; c < CLASSES; c++) p[c] = (ew * (p[c] / z - (c === y ? 1 : 0)));
      for (let q = start; q < end; q++) {
        const base = m.index[q] * CLASSES;
        const x = m.value[q];
        for (let c = 0; c < CLASSES; c++) {
          const wi = base + c;
          const grad = p[c] * x + opts.l2 * w[wi];
          g[wi] += grad * grad;
          w[wi] -= (opts.learningRate * grad) / Math.sqrt(g[wi]);
        }
      }
    }
  }
  return w;
}

/** Class scores (logits) of one feature vector. */
export function logits(w: Float32Array, v: FeatureVector, out: Float64Array): void {
  out[0] = out[1] = out[2] = 0;
  for (let q = 0; q < v.length; q++) {
    const base = v.index[q] * CLASSES;
    const x = v.value[q];
    out[0] += w[base] * x;
    out[1] += w[base + 1] * x;
    out[2] += w[base + 2] * x;
  }
}

/** The rows `rows` of a matrix, as a matrix of their own. */
export function selectRows(m: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  let size = 0;
  for (const r of rows) size += m.offsets[r + 1] - m.offsets[r];
  const offsets = new Int32Array(rows.length + 1);
  const index = new Int32Array(size);
  const value = new Float32Array(size);
  const labels = new Uint8Array(rows.length);
  const weights = new Float32Array(rows.length);
  let o = 0;
  rows.forEach((r, i) => {
    const a = m.offsets[r];
    const b = m.offsets[r + 1];
    index.set(m.index.subarray(a, b), o);
    value.set(m.value.subarray(a, b), o);
    o += b - a;
    offsets[i + 1] = o;
    labels[i] = m.labels[r];
    weights[i] = m.weights[r];
  });
  return { offsets, index, value, labels, weights };
}

/** Class scores of row `r` of a matrix. */
export function rowLogits(w: Float32Array, m: FeatureMatrix, r: number, out: Float64Array): void {
  out[0] = out[1] = out[2] = 0;
  for (let q = m.offsets[r]; q < m.offsets[r + 1]; q++) {
    const base = m.index[q] * CLASSES;
    const x = m.value[q];
    out[0] += w[base] * x;
    out[1] += w[base + 1] * x;
    out[2] += w[base + 2] * x;
  }
}
