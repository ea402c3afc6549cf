import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { denseFeatureCount } from './sentiment-features.js';
import { decodeSentimentModel, encodeSentimentModel, SentimentModelFormatError, type SentimentModelHeader } from './sentiment-model-file.js';
import { LinearSentimentModel } from './sentiment.js';

const header: Omit<SentimentModelHeader, 'hashedScale'> = {
  format: 'tidewatch-sentiment',
  version: 1,
  config: { hashBits: 4, charMin: 0, charMax: 0, bigrams: true, langCross: false },
  lexicons: [{ name: 'tiny', entries: [['good', 2], ['not bad', 1.5]] }],
  provenance: { test: true },
};
const dense = denseFeatureCount(1) * 3;
const weights = Float32Array.from({ length: dense + 16 * 3 }, (_, i) => Math.sin(i * 1.7) * (i < dense ? 5 : 0.8));

describe('sentiment model file', () => {
  it('round-trips the header and dense weights exactly, hashed weights within half a quantisation step', () => {
    const data = decodeSentimentModel(encodeSentimentModel(header, weights));
    expect(data.header).toEqual({ ...header, hashedScale: data.hashedScale });
    expect([...data.dense]).toEqual([...weights.slice(0, dense)]);
    expect(data.hashed).toBeInstanceOf(Int8Array);
    const maxHashed = Math.max(...weights.slice(dense).map(Math.abs));
    expect(data.hashedScale).toBeCloseTo(maxHashed / 127, 6);
    data.hashed.forEach((q, i) => expect(Math.abs(q * data.hashedScale - weights[dense + i])).toBeLessThanOrEqual(data.hashedScale / 2 + 1e-7));
  });

  it('round-trips word clusters and an emoji-keyed lexicon, which the model then reads', () => {
    const h = {
      ...header,
      config: { ...header.config, clusterLangs: ['en'] },
      lexicons: [{ name: 'tiny', entries: [['good', 2], ['😍', 2.7]] as Array<[string, number]> }],
      wordClusters: [['great', 3, 1]] as Array<[string, number, number]>,
    };
    const data = decodeSentimentModel(encodeSentimentModel(h, weights));
    expect(data.header.wordClusters).toEqual([['great', 3, 1]]);
    const model = new LinearSentimentModel(data);
    const plain = new LinearSentimentModel(decodeSentimentModel(encodeSentimentModel({ ...h, lexicons: header.lexicons, wordClusters: undefined }, weights)));
    expect(model.classify('great 😍', 'en')).not.toEqual(plain.classify('great 😍', 'en'));
    expect(model.classify('nothing here', 'en')).toEqual(plain.classify('nothing here', 'en'));
  });

  it('rejects data that is not a model with a typed error', () => {
    expect(() => decodeSentimentModel(Buffer.from('plain text'))).toThrow(SentimentModelFormatError);
    expect(() => decodeSentimentModel(gzipSync(Buffer.from('NOTAMODEL and more bytes')))).toThrow(/bad magic/);
    const truncated = decodeSentimentModel.bind(null, gzipSync(Buffer.from(Buffer.concat([Buffer.from('TWSENT01'), Buffer.from([2, 0, 0, 0]), Buffer.from('{}')]))));
    expect(truncated).toThrow(SentimentModelFormatError);
  });

  it('refuses weights of the wrong size', () => {
    expect(() => encodeSentimentModel(header, weights.slice(1))).toThrow(RangeError);
  });
});
