import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOnnxSentimentModel, OnnxSentimentError, unigramTokenizer, type OnnxSentimentModel } from './onnx-sentiment.js';

// A minimal protobuf writer, enough to build an ONNX ModelProto by hand (field numbers from onnx.proto3).
type Field = [number, 'varint', number] | [number, 'bytes', Uint8Array | string] | [number, 'floats', number[]];
function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt.asUintN(64, BigInt(n));
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}
function message(fields: Field[]): Uint8Array {
  const out: number[] = [];
  for (const [no, kind, value] of fields) {
    if (kind === 'varint') out.push(...varint((no << 3) | 0), ...varint(value));
    else {
      const bytes = kind === 'floats' ? new Uint8Array(new Float32Array(value).buffer) : typeof value === 'string' ? new TextEncoder().encode(value) : value;
      out.push(...varint((no << 3) | 2), ...varint(bytes.length), ...bytes);
    }
  }
  return Uint8Array.from(out);
}
const node = (op: string, inputs: string[], outputs: string[], attrs: Uint8Array[] = []): Field => [
  1, 'bytes', message([...inputs.map((i): Field => [1, 'bytes', i]), ...outputs.map((o): Field => [2, 'bytes', o]), [4, 'bytes', op], ...attrs.map((a): Field => [5, 'bytes', a])]),
];
const intAttr = (name: string, i: number) => message([[1, 'bytes', name], [20, 'varint', 2], [3, 'varint', i]]);
const intsAttr = (name: string, ints: number[]) => message([[1, 'bytes', name], [20, 'varint', 7], ...ints.map((i): Field => [8, 'varint', i])]);
const floatTensor = (name: string, dims: number[], data: number[]): Field => [5, 'bytes', message([...dims.map((d): Field => [1, 'varint', d]), [2, 'varint', 1], [4, 'floats', data], [8, 'bytes', name]])];
const valueInfo = (no: number, name: string, elemType: number, dims: Array<number | string>): Field => [
  no, 'bytes',
  message([[1, 'bytes', name], [2, 'bytes', message([[1, 'bytes', message([[1, 'varint', elemType], [2, 'bytes', message(dims.map((d): Field => [1, 'bytes', typeof d === 'number' ? message([[1, 'varint', d]]) : message([[2, 'bytes', d]])]))]])]])]]),
];

/** logits = (Σ ids − 5 · Σ mask) × [−1, 0, 1]: ids above 5 push positive, below 5 negative. */
function tinySentimentGraph(): Uint8Array {
  const graph = message([
    node('Cast', ['input_ids'], ['ids_f'], [intAttr('to', 1)]),
    node('Cast', ['attention_mask'], ['mask_f'], [intAttr('to', 1)]),
    node('ReduceSum', ['ids_f'], ['ids_sum'], [intsAttr('axes', [1]), intAttr('keepdims', 1)]),
    node('ReduceSum', ['mask_f'], ['len'], [intsAttr('axes', [1]), intAttr('keepdims', 1)]),
    node('Mul', ['len', 'five'], ['base']),
    node('Sub', ['ids_sum', 'base'], ['centred']),
    node('Mul', ['centred', 'direction'], ['logits']),
    [2, 'bytes', 'tiny-sentiment'],
    floatTensor('five', [1], [5]),
    floatTensor('direction', [1, 3], [-1, 0, 1]),
    valueInfo(11, 'input_ids', 7, [1, 'n']),
    valueInfo(11, 'attention_mask', 7, [1, 'n']),
    valueInfo(12, 'logits', 1, [1, 3]),
  ]);
  return message([[1, 'varint', 7], [2, 'bytes', 'tidewatch-test'], [7, 'bytes', graph], [8, 'bytes', message([[1, 'bytes', ''], [2, 'varint', 11]])]]);
}

const WORD_IDS: Record<string, number> = { good: 9, great: 6, bad: 1, awful: 0 };
/** P(positive) − P(negative) for logits [−d, 0, d]. */
const scoreFor = (d: number): number => (Math.exp(d) - Math.exp(-d)) / (Math.exp(d) + 1 + Math.exp(-d));
const tokenizeWords = (text: string): number[] => [5, ...text.split(/\s+/).filter(Boolean).map((w) => WORD_IDS[w.toLowerCase()] ?? 5), 5];

describe('ONNX sentiment backend', () => {
  let dir: string;
  let modelPath: string;
  let model: OnnxSentimentModel;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tidewatch-onnx-'));
    modelPath = join(dir, 'tiny.onnx');
    writeFileSync(modelPath, tinySentimentGraph());
    model = await loadOnnxSentimentModel(modelPath, { tokenizer: tokenizeWords });
  });
  afterAll(async () => {
    await model?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('classifies through the graph synchronously', () => {
    expect(model.classify('good good day')).toEqual({ label: 'positive', score: expect.closeTo(scoreFor(8), 3) });
    expect(model.classify('an awful day')).toEqual({ label: 'negative', score: expect.closeTo(-scoreFor(5), 3) });
    const neutral = model.classify('a plain day');
    expect(neutral.label).toBe('neutral');
    expect(neutral.score).toBe(0);
  });

  it('scores mildly polar inputs in between', () => {
    const s = model.classify('great');
    expect(s.label).toBe('positive');
    expect(s.score).toBeCloseTo(scoreFor(1), 3);
    expect(s.score).toBeLessThan(0.6);
  });

  it('maps output classes through the configured label order', async () => {
    const reversed = await loadOnnxSentimentModel(modelPath, { tokenizer: tokenizeWords, labels: ['positive', 'neutral', 'negative'] });
    try {
      expect(reversed.classify('good').label).toBe('negative');
    } finally {
      await reversed.close();
    }
  });

  it('reports an unloadable graph as a typed error', async () => {
    const bad = join(dir, 'bad.onnx');
    writeFileSync(bad, 'not a graph');
    await expect(loadOnnxSentimentModel(bad, { tokenizer: tokenizeWords })).rejects.toThrow(OnnxSentimentError);
  });

  it('reports a missing output name as a typed error', async () => {
    const m = await loadOnnxSentimentModel(modelPath, { tokenizer: tokenizeWords, outputName: 'probs' });
    try {
      expect(() => m.classify('good')).toThrow(/no output named probs/);
    } finally {
      await m.close();
    }
  });
});

describe('unigramTokenizer', () => {
  it('segments by the highest total piece score and wraps in <s> </s>', () => {
    const tok = unigramTokenizer({
      model: { type: 'Unigram', unk_id: 3, vocab: [['<s>', 0], ['<pad>', 0], ['</s>', 0], ['<unk>', 0], ['▁good', -2], ['▁go', -3], ['od', -3], ['▁', -4], ['g', -5], ['o', -5], ['d', -5], ['▁day', -2]] },
    });
    expect(tok('good day')).toEqual([0, 4, 11, 2]);
    expect(tok('goo')).toEqual([0, 5, 9, 2]);
    expect(tok('good x')).toEqual([0, 4, 7, 3, 2]);
  });
});
