/**
 * The on-disk form of tidewatch's sentiment model: one gzipped file holding a JSON header (feature
 * configuration, lexicons, provenance) and the weights. Hashed weights are stored as int8 with one
 * scale (linear models tolerate this with no measurable loss; the loss is checked by the training
 * script), dense weights as float32.
 *
 * Layout before gzip: "TWSENT01" | u32 header length | header JSON | pad to 4 | f32 dense weights
 * (dense × 3) | i8 hashed weights (2^hashBits × 3).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { denseFeatureCount, type FeatureConfig } from './sentiment-features.js';

const MAGIC = 'TWSENT01';
export const SENTIMENT_CLASSES = 3;

export interface SentimentModelHeader {
  format: 'tidewatch-sentiment';
  version: 1;
  config: FeatureConfig;
  /** Lexicons in feature order: name and [folded key, valence] entries. */
  lexicons: Array<{ name: string; entries: Array<[string, number]> }>;
  /** Word clusters, [word, fine id, coarse id], read by the languages in `config.clusterLangs`. Absent in older files. */
  wordClusters?: Array<[string, number, number]>;
  /** Multiplier that turns stored int8 hashed weights back into floats. */
  hashedScale: number;
  /** Free-form provenance: seed, training sets and their sizes, when. */
  provenance: Record<string, unknown>;
}

export interface SentimentModelData {
  header: SentimentModelHeader;
  /** Row-major weights (feature × class) of the dense features: the featurizer's first indices. */
  dense: Float32Array;
  /**
   * Row-major weights of the hashed features, times `hashedScale`. Kept as int8 in memory, as
   * stored: a quarter of the cache footprint of floats, which is most of inference's cost.
   */
  hashed: Int8Array | Float32Array;
  hashedScale: number;
}

/** Model data from float weights as the trainer holds them (dense rows first). */
export function sentimentModelFromFloats(header: SentimentModelHeader, weights: Float32Array): SentimentModelData {
  const dense = denseFeatureCount(header.lexicons.length) * SENTIMENT_CLASSES;
  return { header, dense: weights.slice(0, dense), hashed: weights.slice(dense), hashedScale: 1 };
}

export class SentimentModelFormatError extends Error {
  override name = 'SentimentModelFormatError';
}

export function encodeSentimentModel(header: Omit<SentimentModelHeader, 'hashedScale'>, weights: Float32Array): Buffer {
  const dense = denseFeatureCount(header.lexicons.length) * SENTIMENT_CLASSES;
  const hashed = (1 << header.config.hashBits) * SENTIMENT_CLASSES;
  if (weights.length !== dense + hashed) throw new RangeError(`expected ${dense + hashed} weights, got ${weights.length}`);
  let max = 0;
  for (let i = dense; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const hashedScale = max === 0 ? 1 : max / 127;
  const json = Buffer.from(JSON.stringify({ ...header, hashedScale }), 'utf8');
  const headerEnd = 8 + 4 + json.length;
  const pad = (4 - (headerEnd % 4)) % 4;
  const buf = Buffer.alloc(headerEnd + pad + dense * 4 + hashed);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(json.length, 8);
  json.copy(buf, 12);
  let o = headerEnd + pad;
  for (let i = 0; i < dense; i++, o += 4) buf.writeFloatLE(weights[i], o);
  for (let i = dense; i < weights.length; i++, o++) buf.writeInt8(Math.round(weights[i] / hashedScale), o);
  return gzipSync(buf, { level: 9 });
}

export function decodeSentimentModel(file: Uint8Array): SentimentModelData {
  let buf: Buffer;
  try {
    buf = gunzipSync(file);
  } catch (err) {
    throw new SentimentModelFormatError(`sentiment model is not gzip data: ${(err as Error).message}`);
  }
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new SentimentModelFormatError('sentiment model: bad magic');
  const len = buf.readUInt32LE(8);
  let header: SentimentModelHeader;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + len)) as SentimentModelHeader;
  } catch (err) {
    throw new SentimentModelFormatError(`sentiment model: unreadable header: ${(err as Error).message}`);
  }
  if (header.format !== 'tidewatch-sentiment' || header.version !== 1) throw new SentimentModelFormatError(`sentiment model: unsupported format ${header.format} v${header.version}`);
  const dense = denseFeatureCount(header.lexicons.length) * SENTIMENT_CLASSES;
  const hashed = (1 << header.config.hashBits) * SENTIMENT_CLASSES;
  const headerEnd = 12 + len;
  let o = headerEnd + ((4 - (headerEnd % 4)) % 4);
  if (buf.length !== o + dense * 4 + hashed) throw new SentimentModelFormatError(`sentiment model: ${buf.length} bytes, expected ${o + dense * 4 + hashed}`);
  const denseWeights = new Float32Array(dense);
  for (let i = 0; i < dense; i++, o += 4) denseWeights[i] = buf.readFloatLE(o);
  const q = new Int8Array(hashed);
  q.set(new Int8Array(buf.buffer, buf.byteOffset + o, hashed));
  return { header, dense: denseWeights, hashed: q, hashedScale: header.hashedScale };
}
