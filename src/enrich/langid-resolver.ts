/**
 * The second stage of language identification: per writing system, a multinomial logistic
 * regression over hashed character n-grams and words of the cleaned text, stacked on lid.176's
 * probabilities (one weight per class on the class's fastText log-probability). It names the
 * languages lid.176 lacks (Zulu, Xhosa, Tigrinya, Oromo…) and separates the close pairs it
 * confuses (ms/id, bs/hr/sr, nb/nn/da, af/nl, gl/pt/es…). It runs only when a gate says
 * fastText's answer is not to be trusted alone. Weights come from scripts/train-langid.ts.
 *
 * File format (langid-resolver.bin, brotli-compressed): u32 LE header length, the header as UTF-8
 * JSON (ResolverHeader), then each group's int8 weight matrix (dim × classes, feature-major).
 */
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import { extractFeatures, FeatureBuffer, type FeatureSpec } from './langid-features.js';

export interface ResolverGroupHeader {
  /** Writing system the group serves, e.g. `latin`. */
  script: string;
  /** tidewatch language codes, in weight-column order. */
  classes: string[];
  spec: FeatureSpec;
  /** Float value of one int8 step of the weights. */
  scale: number;
  bias: number[];
  /** Weight of each class's fastText feature (see fastTextFeature). */
  fastTextWeight: number[];
  /**
   * Per fastText top-1 code: the probability from which fastText's answer stands alone. Codes
   * missing here always go to the resolver when they are in `classes` or `decoys`.
   */
  trustAbove: Record<string, number>;
  /** Codes outside `classes` that fastText gives to texts in `classes` (resolve them too). */
  decoys: string[];
  /**
   * Per fastText top code: the classes that texts given that code turned out to be. The resolver
   * scores only these and fastText's own candidates, which keeps it fast for 90 classes.
   */
  partners: Record<string, string[]>;
  /** The resolver's probability from which its answer replaces a different fastText answer. */
  overrideAbove: number;
  /** The same per fastText top code and length class (gateKey), where there was data for it. */
  overrideAboveFor: Record<string, number>;
  /** Byte offset of the weights after the header. */
  offset: number;
}

export interface ResolverHeader {
  version: 1;
  /** How the weights were made, for the model card. */
  trainedOn: string;
  groups: ResolverGroupHeader[];
}

export interface ResolverGroup extends ResolverGroupHeader {
  weights: Int8Array;
  classIndex: Map<string, number>;
}

/** Floor of fastText probabilities: log10 of it maps to 0 in fastTextFeature. */
const FASTTEXT_FLOOR = 1e-4;

/** fastText probability → [0, 1]: 0 at or below 1e-4, 1 at certainty, linear in log. */
export function fastTextFeature(p: number): number {
  return p <= FASTTEXT_FLOOR ? 0 : 1 + Math.log10(p) / 4;
}

export function encodeResolver(header: Omit<ResolverHeader, 'groups'>, groups: Array<Omit<ResolverGroupHeader, 'offset'> & { weights: Int8Array }>): Buffer {
  let offset = 0;
  const withOffsets: ResolverGroupHeader[] = groups.map(({ weights, ...g }) => {
    const h = { ...g, offset };
    offset += weights.length;
    return h;
  });
  const json = Buffer.from(JSON.stringify({ ...header, groups: withOffsets }), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length, 0);
  const body = Buffer.concat([head, json, ...groups.map((g) => Buffer.from(g.weights.buffer, g.weights.byteOffset, g.weights.length))]);
  return brotliCompressSync(body, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_LGWIN]: 24, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

export function decodeResolver(compressed: Uint8Array): { header: ResolverHeader; groups: ResolverGroup[] } {
  const body = brotliDecompressSync(compressed);
  const jsonLength = body.readUInt32LE(0);
  const header = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as ResolverHeader;
  if (header.version !== 1) throw new Error(`langid resolver: unsupported version ${String(header.version)}`);
  const base = 4 + jsonLength;
  const groups = header.groups.map((g): ResolverGroup => {
    const size = g.spec.dim * g.classes.length;
    const bytes = body.subarray(base + g.offset, base + g.offset + size);
    if (bytes.length !== size) throw new Error(`langid resolver: truncated weights for ${g.script}`);
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset, size);
    return { ...g, weights, classIndex: new Map(g.classes.map((c, i) => [c, i])) };
  });
  return { header, groups };
}

/** Scratch space reused across calls (one per identifier; identify is synchronous). */
export class ResolverScratch {
  readonly features = new FeatureBuffer();
  scores = new Float64Array(128);
  probs = new Float64Array(128);
  candidates = new Int32Array(128);
  candidateCount = 0;
  marks = new Uint8Array(128);
}

/** Macro labels of lid.176 that stand for several tidewatch codes. */
const MACRO_CODES: Readonly<Record<string, readonly string[]>> = { hr: ['bs', 'hr', 'sr'] };

/**
 * Choose the classes to score: the codes fastText proposed and the partners of its top code.
 * With `all`, every class.
 */
export function selectCandidates(group: ResolverGroup, top: string, codes: readonly string[], scratch: ResolverScratch, all = false): void {
  const k = group.classes.length;
  if (scratch.candidates.length < k) {
    scratch.candidates = new Int32Array(k);
    scratch.marks = new Uint8Array(k);
    scratch.scores = new Float64Array(k);
  }
  const { candidates, marks } = scratch;
  let n = 0;
  if (all) {
    for (let c = 0; c < k; c++) candidates[n++] = c;
    scratch.candidateCount = n;
    return;
  }
  const add = (code: string): void => {
    const c = group.classIndex.get(code);
    if (c !== undefined && marks[c] === 0) {
      marks[c] = 1;
      candidates[n++] = c;
    }
  };
  for (const code of codes) {
    add(code);
    for (const member of MACRO_CODES[code] ?? []) add(member);
  }
  for (const code of group.partners[top] ?? []) add(code);
  for (let i = 0; i < n; i++) marks[candidates[i]] = 0;
  scratch.candidateCount = n;
}

/**
 * Softmax over the candidate classes chosen by selectCandidates for lower-cased cleaned `text`,
 * given fastText's probability of each class (by class index). Returns the best class and its
 * probability among the candidates.
 */
export function resolve(
  group: ResolverGroup,
  text: string,
  fastTextProbs: ArrayLike<number>,
  scratch: ResolverScratch,
): { lang: string; confidence: number } {
  const k = group.classes.length;
  const m = scratch.candidateCount;
  const cand = scratch.candidates;
  const scores = scratch.scores;
  scores.fill(0, 0, m);
  const feats = extractFeatures(text, group.spec, scratch.features);
  const w = group.weights;
  const idx = feats.indices;
  if (m === k) {
    for (let f = 0; f < feats.length; f++) {
      const row = idx[f] * k;
      for (let c = 0; c < k; c++) scores[c] += w[row + c];
    }
  } else {
    for (let f = 0; f < feats.length; f++) {
      const row = idx[f] * k;
      for (let j = 0; j < m; j++) scores[j] += w[row + cand[j]];
    }
  }
  const norm = feats.length > 0 ? group.scale / Math.sqrt(feats.length) : 0;
  let best = 0;
  let max = -Infinity;
  for (let j = 0; j < m; j++) {
    const c = cand[j];
    const s = scores[j] * norm + group.bias[c] + group.fastTextWeight[c] * fastTextFeature(fastTextProbs[c]);
    scores[j] = s;
    if (s > max) {
      max = s;
      best = c;
    }
  }
  let sum = 0;
  for (let j = 0; j < m; j++) sum += Math.exp(scores[j] - max);
  return { lang: group.classes[best], confidence: 1 / sum };
}
