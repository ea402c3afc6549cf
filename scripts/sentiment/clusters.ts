/**
 * English word clusters learnt from unlabelled tweets (an experiment; see the model card): words
 * that occur in similar contexts get the same cluster id, so a word too rare in the labelled data
 * can borrow the weight its cluster learnt (the role Brown clusters play in Owoputi et al. 2013's
 * tweet taggers). Built at training time only and stored in the model file.
 *
 * Method: positive pointwise mutual information of each vocabulary word with the most frequent
 * words in a ±2-word window (context-distribution smoothing 0.75, Levy et al. 2015), rows
 * reduced to `dims` dimensions by a randomized truncated SVD (Halko et al. 2011; rows U·Σ^½), then spherical k-means at two
 * granularities (coarse and fine), deterministic for a seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tokenize } from '../../src/enrich/tokenize.js';
import { readMa2016Texts } from './corpora.js';
import { seededRandom } from '../../src/sources/simulator/rng.js';

export interface ClusterOptions {
  vocab: number;
  contexts: number;
  minCount: number;
  dims: number;
  fine: number;
  coarse: number;
  iterations: number;
  seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { vocab: 20000, contexts: 2000, minCount: 5, dims: 96, fine: 512, coarse: 64, iterations: 12, seed: 1 };

/** Unlabelled English tweet texts: ma2016 events, the twitter15/16 cascade roots, the twitter-url near-duplicate pairs; duplicates dropped. */
export function unlabelledEnglishTweets(data: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (t: string) => {
    const k = t.toLowerCase().replace(/\s+/g, ' ').trim();
    if (k.length < 10 || seen.has(k)) return;
    seen.add(k);
    out.push(t);
  };
  for (const t of readMa2016Texts(data)) add(t.startsWith('RT ') ? t.replace(/^RT @\w+:?\s*/, '') : t);
  for (const name of ['twitter15', 'twitter16']) {
    try {
      for (const line of gunzipSync(readFileSync(join(data, 'cascades', `${name}.jsonl.gz`))).toString('utf8').split('\n')) {
        if (line) add((JSON.parse(line) as { text: string }).text);
      }
    } catch {
      // optional source
    }
  }
  for (const f of ['a', 'b']) {
    try {
      for (const line of readFileSync(join(data, 'neardup', 'twitter_url', 'train', `${f}.toks`), 'utf8').split('\n')) add(line);
    } catch {
      // optional source
    }
  }
  return out;
}

/** word → [fine cluster, coarse cluster]. */
export function buildWordClusters(texts: readonly string[], opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): Map<string, [number, number]> {
  const { vocab, emb } = buildWordEmbeddings(texts, opts);
  const V = vocab.length;
  const fine = sphericalKMeans(emb, V, opts.dims, opts.fine, opts.iterations, seededRandom(opts.seed + 1));
  const coarse = sphericalKMeans(emb, V, opts.dims, opts.coarse, opts.iterations, seededRandom(opts.seed + 2));
  return new Map(vocab.map((w, i) => [w, [fine[i], coarse[i]]]));
}

/**
 * A lexicon grown from `seed` over the embeddings (after SentProp, Hamilton et al. 2016, reduced to
 * its nearest-neighbour core): each vocabulary word outside the seed takes the similarity-weighted
 * mean valence of its `k` most similar seed words, kept when that mean is at least `minValence`
 * in size and the nearest seed word is at least `minSimilarity` similar.
 */
export function expandLexicon(texts: readonly string[], seed: ReadonlyMap<string, number>, opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS, k = 10, minValence = 1, minSimilarity = 0.6): Map<string, number> {
  const { vocab, emb } = buildWordEmbeddings(texts, opts);
  const d = opts.dims;
  const seeds = vocab.map((w, i) => [w, i] as const).filter(([w]) => seed.has(w) && seed.get(w) !== 0);
  const out = new Map<string, number>();
  const sims = new Float64Array(seeds.length);
  vocab.forEach((w, i) => {
    if (seed.has(w) || !/\p{L}/u.test(w)) return;
    for (let s = 0; s < seeds.length; s++) {
      const j = seeds[s][1];
      let dot = 0;
      for (let q = 0; q < d; q++) dot += emb[i * d + q] * emb[j * d + q];
      sims[s] = dot;
    }
    const top = [...sims.keys()].sort((a, b) => sims[b] - sims[a]).slice(0, k);
    if (sims[top[0]] < minSimilarity) return;
    let num = 0;
    let den = 0;
    for (const s of top) {
      if (sims[s] <= 0) continue;
      num += sims[s] * seed.get(seeds[s][0])!;
      den += sims[s];
    }
    const v = den > 0 ? num / den : 0;
    if (Math.abs(v) >= minValence) out.set(w, Math.round(v * 100) / 100);
  });
  return out;
}

/** Unit-length word vectors: the rows of the reduced PPMI matrix, vocabulary by frequency. */
export function buildWordEmbeddings(texts: readonly string[], opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): { vocab: string[]; emb: Float32Array } {
  const docs = texts.map((t) => tokenize(t));
  const freq = new Map<string, number>();
  for (const d of docs) for (const w of d) freq.set(w, (freq.get(w) ?? 0) + 1);
  const ranked = [...freq].filter(([, n]) => n >= opts.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked.slice(0, opts.vocab).map(([w]) => w);
  const vIndex = new Map(vocab.map((w, i) => [w, i]));
  const nc = Math.min(opts.contexts, vocab.length);
  const V = vocab.length;
  const counts = new Float32Array(V * nc);
  for (const d of docs) {
    const ids = d.map((w) => vIndex.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i];
      if (a < 0) continue;
      for (let j = Math.max(0, i - 2); j <= Math.min(ids.length - 1, i + 2); j++) {
        const c = ids[j];
        if (j === i || c < 0 || c >= nc) continue;
        counts[a * nc + c] += j === i - 1 || j === i + 1 ? 1 : 0.5;
      }
    }
  }
  // PPMI with smoothed context distribution.
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(nc);
  let total = 0;
  for (let a = 0; a < V; a++) for (let c = 0; c < nc; c++) {
    const x = counts[a * nc + c];
    rowSum[a] += x;
    colSum[c] += x;
    total += x;
  }
  const colSmoothed = Float64Array.from(colSum, (x) => Math.pow(x, 0.75));
  const colTotal = colSmoothed.reduce((s, x) => s + x, 0);
  // The PPMI matrix in place of the counts.
  for (let a = 0; a < V; a++) {
    for (let c = 0; c < nc; c++) {
      const x = counts[a * nc + c];
      if (x === 0) continue;
      const pmi = Math.log((x * colTotal) / (rowSum[a] * colSmoothed[c]));
      counts[a * nc + c] = pmi > 0 ? pmi : 0;
    }
  }
  const emb = truncatedSvdRows(counts, V, nc, opts.dims, seededRandom(opts.seed));
  for (let a = 0; a < V; a++) {
    let norm = 0;
    for (let k = 0; k < opts.dims; k++) norm += emb[a * opts.dims + k] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < opts.dims; k++) emb[a * opts.dims + k] /= norm;
  }
  return { vocab, emb };
}

function sphericalKMeans(x: Float32Array, n: number, d: number, k: number, iterations: number, rand: () => number): Int32Array {
  const centres = new Float32Array(k * d);
  // Initial centres: k distinct rows drawn uniformly (rows are frequency-ranked, so this is spread over the vocabulary).
  const picked = new Set<number>();
  while (picked.size < Math.min(k, n)) picked.add(Math.floor(rand() * n));
  [...picked].forEach((r, j) => centres.set(x.subarray(r * d, (r + 1) * d), j * d));
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      const row = i * d;
      for (let j = 0; j < k; j++) {
        let s = 0;
        const c = j * d;
        for (let q = 0; q < d; q++) s += x[row + q] * centres[c + q];
        if (s > bestSim) {
          bestSim = s;
          best = j;
        }
      }
      assign[i] = best;
    }
    centres.fill(0);
    for (let i = 0; i < n; i++) for (let q = 0; q < d; q++) centres[assign[i] * d + q] += x[i * d + q];
    for (let j = 0; j < k; j++) {
      let norm = 0;
      for (let q = 0; q < d; q++) norm += centres[j * d + q] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        const r = Math.floor(rand() * n);
        centres.set(x.subarray(r * d, (r + 1) * d), j * d);
      } else for (let q = 0; q < d; q++) centres[j * d + q] /= norm;
    }
  }
  return assign;
}

/** Orthonormalises the k columns of the row-major n×k matrix `y` in place (modified Gram–Schmidt). */
function orthonormalise(y: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += y[i * k + j] * y[i * k + p];
      for (let i = 0; i < n; i++) y[i * k + j] -= dot * y[i * k + p];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += y[i * k + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) y[i * k + j] /= norm;
  }
}

/**
 * A·M for row-major A (n×m) and M (m×k), or, `transposed`, Aᵀ·M for M (n×k): one pass over A's
 * non-zero cells either way, each adding its multiple of one row of M to one row of the result.
 */
function mulSparse(a: Float32Array, n: number, m: number, mat: Float64Array, k: number, transposed: boolean): Float64Array {
  const out = new Float64Array((transposed ? m : n) * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < m; c++) {
      const x = a[i * m + c];
      if (x === 0) continue;
      const o = (transposed ? c : i) * k;
      const r = (transposed ? i : c) * k;
      for (let q = 0; q < k; q++) out[o + q] += x * mat[r + q];
    }
  }
  return out;
}

/** Rows of U·Σ^½ for the top `k` singular triplets of A (n×m), by randomized subspace iteration. */
function truncatedSvdRows(a: Float32Array, n: number, m: number, k: number, rand: () => number): Float32Array {
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const omega = Float64Array.from({ length: m * k }, gauss);
  let q = mulSparse(a, n, m, omega, k, false);
  orthonormalise(q, n, k);
  for (let it = 0; it < 2; it++) {
    const z = mulSparse(a, n, m, q, k, true);
    orthonormalise(z, m, k);
    q = mulSparse(a, n, m, z, k, false);
    orthonormalise(q, n, k);
  }
  // B = Qᵀ A (k×m) is held as Bᵀ = Aᵀ Q (m×k); C = B Bᵀ (k×k), eigen-decomposed by Jacobi rotations.
  const bt = mulSparse(a, n, m, q, k, true);
  const cmat = new Float64Array(k * k);
  for (let c = 0; c < m; c++) for (let i = 0; i < k; i++) for (let j = i; j < k; j++) cmat[i * k + j] += bt[c * k + i] * bt[c * k + j];
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) cmat[i * k + j] = cmat[j * k + i];
  const { values, vectors } = jacobiEigen(cmat, k);
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < k; e++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += q[i * k + p] * vectors[p * k + e];
      out[i * k + e] = s * Math.pow(Math.max(values[e], 0), 0.25);
    }
  }
  return out;
}

/** Eigenvalues and eigenvectors (columns) of a symmetric k×k matrix, cyclic Jacobi. */
function jacobiEigen(m0: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(m0);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let r = p + 1; r < k; r++) off += m[p * k + r] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) {
      for (let r = p + 1; r < k; r++) {
        const apr = m[p * k + r];
        if (Math.abs(apr) < 1e-300) continue;
        const theta = (m[r * k + r] - m[p * k + p]) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < k; i++) {
          const mip = m[i * k + p];
          const mir = m[i * k + r];
          m[i * k + p] = c * mip - s * mir;
          m[i * k + r] = s * mip + c * mir;
        }
        for (let i = 0; i < k; i++) {
          const mpi = m[p * k + i];
          const mri = m[r * k + i];
          m[p * k + i] = c * mpi - s * mri;
          m[r * k + i] = s * mpi + c * mri;
        }
        for (let i = 0; i < k; i++) {
          const vip = v[i * k + p];
          const vir = v[i * k + r];
          v[i * k + p] = c * vip - s * vir;
          v[i * k + r] = s * vip + c * vir;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: k }, (_, i) => m[i * k + i]), vectors: v };
}
