/**
 * Sentiment of a post: negative, neutral or positive, with a score in [-1, 1] (P(positive) −
 * P(negative)). The built-in model is tidewatch's own multilingual linear model over hashed word
 * and character n-grams plus lexicon and emoji cues (see sentiment-features.ts and
 * docs/models/sentiment.md), trained by `npm run train:sentiment` and shipped as
 * src/enrich/models/sentiment-model.bin.gz. A user-supplied ONNX transformer can replace it
 * (onnx-sentiment.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileLexicons, createFeatureVector, extractFeatures, type CompiledLexicons, type FeatureVector } from './sentiment-features.js';
import { decodeSentimentModel, type SentimentModelData, type SentimentModelHeader } from './sentiment-model-file.js';
import { tokenize } from './tokenize.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface Sentiment {
  label: SentimentLabel;
  /** P(positive) − P(negative), in [-1, 1]. */
  score: number;
}

export interface SentimentModel {
  /**
   * `lang`: the post's language (BCP 47) when known; `tokens`: `tokenize(text)` when the caller
   * has it already, so enrichment does not tokenise twice.
   */
  classify(text: string, lang?: string, tokens?: string[]): Sentiment;
}

/** Past this many characters (or tokens) only the beginning of a text is read: sentiment is a gist. */
export const SENTIMENT_MAX_CHARS = 8_000;
export const SENTIMENT_MAX_TOKENS = 1_500;
/** Texts longer than this many tokens are read in windows of this size. */
export const SENTIMENT_WINDOW_TOKENS = 64;

const NEUTRAL: Sentiment = Object.freeze({ label: 'neutral', score: 0 }) as Sentiment;
const LITERAL_ESCAPE = /\\u([0-9a-fA-F]{4})/g;

/** Turns class scores into a Sentiment; shared by every backend so they agree on the score's meaning. */
export function sentimentFromProbabilities(negative: number, neutral: number, positive: number): Sentiment {
  const label: SentimentLabel = negative > neutral && negative >= positive ? 'negative' : positive > neutral ? 'positive' : 'neutral';
  const score = Math.max(-1, Math.min(1, positive - negative));
  return { label, score: Math.round(score * 1e4) / 1e4 };
}

export class LinearSentimentModel implements SentimentModel {
  readonly header: SentimentModelHeader;
  private readonly dense: Float32Array;
  private readonly hashed: Int8Array | Float32Array;
  private readonly hashedScale: number;
  private readonly denseCount: number;
  private readonly lexicons: CompiledLexicons;
  private readonly features: FeatureVector = createFeatureVector();

  constructor(data: SentimentModelData) {
    this.header = data.header;
    this.dense = data.dense;
    this.hashed = data.hashed;
    this.hashedScale = data.hashedScale;
    this.denseCount = data.dense.length / 3;
    this.lexicons = compileLexicons(data.header.lexicons.map((l) => new Map(l.entries)), data.header.wordClusters);
  }

  classify(text: string, lang?: string, tokens?: string[]): Sentiment {
    let t = text.length > SENTIMENT_MAX_CHARS ? text.slice(0, SENTIMENT_MAX_CHARS) : text;
    let toks = tokens;
    if (toks === undefined && t.includes('\\u')) t = t.replace(LITERAL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    toks ??= tokenize(t);
    if (toks.length > SENTIMENT_MAX_TOKENS) toks = toks.slice(0, SENTIMENT_MAX_TOKENS);
    if (toks.length === 0 && t.trim() === '') return { ...NEUTRAL };
    const p = this.probabilities;
    if (toks.length <= SENTIMENT_WINDOW_TOKENS) {
      this.predict(t, lang, toks, p);
      return sentimentFromProbabilities(p[0], p[1], p[2]);
    }
    // Long texts: the mean over windows of post-like length, so that sums and counts stay in the
    // range the model was trained on. Emoji and punctuation cues go with the first window.
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let windows = 0;
    for (let i = 0; i < toks.length; i += SENTIMENT_WINDOW_TOKENS, windows++) {
      this.predict(i === 0 ? t : '', lang, toks.slice(i, i + SENTIMENT_WINDOW_TOKENS), p);
      n0 += p[0];
      n1 += p[1];
      n2 += p[2];
    }
    return sentimentFromProbabilities(n0 / windows, n1 / windows, n2 / windows);
  }

  private readonly probabilities = new Float64Array(3);

  private predict(text: string, lang: string | undefined, toks: string[], out: Float64Array): void {
    const v = this.features;
    extractFeatures(text, lang, toks, this.lexicons, this.header.config, v);
    const dense = this.dense;
    const hashed = this.hashed;
    const nd = this.denseCount;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let h0 = 0;
    let h1 = 0;
    let h2 = 0;
    for (let q = 0; q < v.length; q++) {
      const f = v.index[q];
      const x = v.value[q];
      if (f < nd) {
        d0 += dense[f * 3] * x;
        d1 += dense[f * 3 + 1] * x;
        d2 += dense[f * 3 + 2] * x;
      } else {
        const base = (f - nd) * 3;
        h0 += hashed[base] * x;
        h1 += hashed[base + 1] * x;
        h2 += hashed[base + 2] * x;
      }
    }
    const k = this.hashedScale;
    const s0 = d0 + h0 * k;
    const s1 = d1 + h1 * k;
    const s2 = d2 + h2 * k;
    const m = Math.max(s0, s1, s2);
    const e0 = Math.exp(s0 - m);
    const e1 = Math.exp(s1 - m);
    const e2 = Math.exp(s2 - m);
    const z = e0 + e1 + e2;
    out[0] = e0 / z;
    out[1] = e1 / z;
    out[2] = e2 / z;
  }
}

/** Candidate locations of the shipped weights: beside this module under src/, or from dist/src/enrich/. */
const MODEL_FILE = 'sentiment-model.bin.gz';
function modelFileCandidates(): string[] {
  return [
    fileURLToPath(new URL(`./models/${MODEL_FILE}`, import.meta.url)),
    fileURLToPath(new URL(`../../../src/enrich/models/${MODEL_FILE}`, import.meta.url)),
  ];
}

export class SentimentModelMissingError extends Error {
  override name = 'SentimentModelMissingError';
}

/** Path of the shipped model file; throws when the package has none (run `npm run train:sentiment`). */
export function sentimentModelPath(): string {
  const found = modelFileCandidates().find((p) => existsSync(p));
  if (!found) throw new SentimentModelMissingError(`no sentiment model at ${modelFileCandidates().join(' or ')}; run npm run train:sentiment`);
  return found;
}

let cached: LinearSentimentModel | undefined;

/** The shipped model, loaded synchronously once per thread (each worker_thread loads its own). */
export function loadSentimentModel(): SentimentModel {
  cached ??= new LinearSentimentModel(decodeSentimentModel(readFileSync(sentimentModelPath())));
  return cached;
}

/** A model from a file written by the training script (for evaluations of candidate models). */
export function loadSentimentModelFile(path: string): LinearSentimentModel {
  return new LinearSentimentModel(decodeSentimentModel(readFileSync(path)));
}

export { loadOnnxSentimentModel, type OnnxSentimentOptions } from './onnx-sentiment.js';
