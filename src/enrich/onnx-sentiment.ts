/**
 * Optional sentiment backend: a transformer the user exported to ONNX (for example
 * cardiffnlp/twitter-xlm-roberta-base-sentiment through `optimum-cli export onnx`), run by
 * onnxruntime-node. tidewatch ships no such model; the user points the config at one.
 *
 * onnxruntime-node only runs sessions asynchronously while `SentimentModel.classify` is
 * synchronous (the enrichment stage calls it inline), so the session lives in its own
 * worker_thread and `classify` blocks on Atomics.wait until the worker has the logits — the
 * technique of synckit. Inputs travel through SharedArrayBuffers; nothing is copied per call.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sentimentFromProbabilities, type Sentiment, type SentimentLabel, type SentimentModel } from './sentiment.js';

export interface OnnxSentimentOptions {
  /**
   * Text → input ids (with the model's special tokens). Either a function or the path of a
   * Hugging Face `tokenizer.json` with a Unigram (SentencePiece) model, as XLM-R and XLM-T use.
   */
  tokenizer: ((text: string) => number[]) | string;
  /** The model's output classes in order; default negative, neutral, positive (XLM-T's order). */
  labels?: readonly SentimentLabel[];
  /** Inputs are truncated to this many ids; default 128. */
  maxLength?: number;
  /** Graph input and output names; defaults input_ids, attention_mask (omit with null), logits. */
  inputIdsName?: string;
  attentionMaskName?: string | null;
  outputName?: string;
  /** How long one classification may take before it fails; default 30 s. */
  timeoutMs?: number;
}

export class OnnxSentimentError extends Error {
  override name = 'OnnxSentimentError';
}

/** Tweets as XLM-T was trained on them: user names and links masked. */
function preprocessTweet(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu, '@user').replace(/\bhttps?:\/\/\S+/g, 'http');
}

interface UnigramTokenizerJson {
  model: { type: string; vocab: Array<[string, number]>; unk_id?: number | null };
  added_tokens?: Array<{ id: number; content: string }>;
}

/**
 * A Unigram tokenizer from a Hugging Face tokenizer.json: NFKC, Metaspace (`▁` for spaces, one in
 * front), Viterbi segmentation by piece log-probabilities (Kudo 2018), `<s> … </s>` around.
 */
export function unigramTokenizer(json: UnigramTokenizerJson): (text: string) => number[] {
  if (json.model.type !== 'Unigram') throw new OnnxSentimentError(`tokenizer.json model type ${json.model.type} is not supported; pass a tokenizer function`);
  const pieces = new Map<string, [number, number]>();
  let maxLen = 1;
  json.model.vocab.forEach(([piece, score], id) => {
    pieces.set(piece, [id, score]);
    maxLen = Math.max(maxLen, piece.length);
  });
  const unk = json.model.unk_id ?? 3;
  const special = new Map((json.added_tokens ?? []).map((t) => [t.content, t.id]));
  const bos = special.get('<s>') ?? pieces.get('<s>')?.[0] ?? 0;
  const eos = special.get('</s>') ?? pieces.get('</s>')?.[0] ?? 2;
  return (text: string): number[] => {
    const s = '▁' + text.normalize('NFKC').trim().replace(/\s+/g, '▁');
    const n = s.length;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1);
    const piece = new Int32Array(n + 1);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      if (best[i] === -Infinity) continue;
      let matched = false;
      for (let len = 1; len <= maxLen && i + len <= n; len++) {
        const p = pieces.get(s.slice(i, i + len));
        if (!p) continue;
        matched ||= len === 1;
        const score = best[i] + p[1];
        if (score > best[i + len]) {
          best[i + len] = score;
          from[i + len] = i;
          piece[i + len] = p[0];
        }
      }
      if (!matched && best[i] - 10 > best[i + 1]) {
        best[i + 1] = best[i] - 10;
        from[i + 1] = i;
        piece[i + 1] = unk;
      }
    }
    const ids: number[] = [];
    for (let i = n; i > 0; i = from[i]) ids.push(piece[i]);
    ids.reverse();
    return [bos, ...ids, eos];
  };
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
const ctrl = new Int32Array(workerData.ctrl);
const ids = new Int32Array(workerData.ids);
const out = new Float32Array(workerData.out);
const msg = new Uint8Array(workerData.msg);
function fail(err) {
  const bytes = new TextEncoder().encode(String(err && err.message || err)).subarray(0, msg.length);
  msg.fill(0); msg.set(bytes);
  Atomics.store(ctrl, 0, 3); Atomics.notify(ctrl, 0);
}
(async () => {
  let session;
  try { session = await ort.InferenceSession.create(workerData.modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1 }); }
  catch (err) { fail(err); return; }
  Atomics.store(ctrl, 0, 2); Atomics.notify(ctrl, 0);
  for (;;) {
    // Sleep while idle (2) or after a failure (3); 1 is a request, 4 the order to stop.
    const state = Atomics.load(ctrl, 0);
    if (state === 4) break;
    if (state !== 1) { Atomics.wait(ctrl, 0, state); continue; }
    try {
      const n = ctrl[1];
      const feeds = {};
      feeds[workerData.inputIdsName] = new ort.Tensor('int64', BigInt64Array.from(ids.subarray(0, n), BigInt), [1, n]);
      if (workerData.attentionMaskName) feeds[workerData.attentionMaskName] = new ort.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);
      const result = await session.run(feeds);
      const logits = result[workerData.outputName];
      if (!logits) throw new Error('model has no output named ' + workerData.outputName);
      const data = logits.data;
      ctrl[2] = Math.min(data.length, out.length);
      for (let i = 0; i < ctrl[2]; i++) out[i] = Number(data[i]);
      Atomics.store(ctrl, 0, 2); Atomics.notify(ctrl, 0);
    } catch (err) { fail(err); }
  }
  await session.release?.();
})();
`;

/** How long `close()` waits for the worker to release its session and exit. */
const CLOSE_GRACE_MS = 5000;

/** A SentimentModel running an ONNX graph in a worker thread; `close()` ends the worker. */
export class OnnxSentimentModel implements SentimentModel {
  private closed = false;

  constructor(
    private readonly worker: Worker,
    private readonly ctrl: Int32Array,
    private readonly ids: Int32Array,
    private readonly out: Float32Array,
    private readonly msg: Uint8Array,
    private readonly tokenize: (text: string) => number[],
    private readonly labels: readonly SentimentLabel[],
    private readonly timeoutMs: number,
  ) {}

  classify(text: string): Sentiment {
    if (this.closed) throw new OnnxSentimentError('ONNX sentiment model is closed');
    const ids = this.tokenize(preprocessTweet(text));
    const n = Math.min(ids.length, this.ids.length);
    if (ids.length > n) ids[n - 1] = ids[ids.length - 1]; // keep the end-of-sequence token
    for (let i = 0; i < n; i++) this.ids[i] = ids[i];
    this.ctrl[1] = n;
    Atomics.store(this.ctrl, 0, 1);
    Atomics.notify(this.ctrl, 0);
    if (Atomics.wait(this.ctrl, 0, 1, this.timeoutMs) === 'timed-out') throw new OnnxSentimentError(`ONNX sentiment model gave no answer within ${this.timeoutMs} ms`);
    if (Atomics.load(this.ctrl, 0) === 3) throw new OnnxSentimentError(`ONNX sentiment model failed: ${decodeMessage(this.msg)}`);
    const k = this.ctrl[2];
    if (k !== this.labels.length) throw new OnnxSentimentError(`ONNX model gave ${k} logits for ${this.labels.length} labels`);
    let max = -Infinity;
    for (let i = 0; i < k; i++) max = Math.max(max, this.out[i]);
    const p = { negative: 0, neutral: 0, positive: 0 };
    let z = 0;
    for (let i = 0; i < k; i++) z += Math.exp(this.out[i] - max);
    for (let i = 0; i < k; i++) p[this.labels[i]] += Math.exp(this.out[i] - max) / z;
    return sentimentFromProbabilities(p.negative, p.neutral, p.positive);
  }

  /**
   * Stops the worker. It is asked to release its session and exit on its own: terminating it
   * while onnxruntime is still tearing the session down can crash the whole process. Only a
   * worker that has not exited after `CLOSE_GRACE_MS` is terminated.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.ctrl, 0, 4);
    Atomics.notify(this.ctrl, 0);
    await exitOrTerminate(this.worker);
  }
}

/** Atomics.waitAsync (Node ≥ 16) is in lib ES2024, past this project's ES2023 lib. */
interface AtomicsWithWaitAsync {
  waitAsync(a: Int32Array, index: number, value: number, timeout?: number): { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
}

/** Waits up to `CLOSE_GRACE_MS` for a worker to exit on its own, then terminates it. */
async function exitOrTerminate(worker: Worker): Promise<void> {
  if (worker.threadId === -1) return; // already exited
  const exited = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), CLOSE_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!exited) await worker.terminate();
}

function decodeMessage(msg: Uint8Array): string {
  const end = msg.indexOf(0);
  return new TextDecoder().decode(msg.subarray(0, end < 0 ? msg.length : end));
}

/**
 * Loads an ONNX sentiment model. Fails with OnnxSentimentError when onnxruntime-node is not
 * installed (it is an optional dependency) or the graph cannot be loaded.
 */
export async function loadOnnxSentimentModel(path: string, opts: OnnxSentimentOptions): Promise<OnnxSentimentModel> {
  let ortPath: string;
  try {
    ortPath = createRequire(import.meta.url).resolve('onnxruntime-node');
  } catch {
    throw new OnnxSentimentError('the ONNX sentiment backend needs the optional dependency onnxruntime-node');
  }
  const tokenize = typeof opts.tokenizer === 'function' ? opts.tokenizer : unigramTokenizer(JSON.parse(readFileSync(opts.tokenizer, 'utf8')) as UnigramTokenizerJson);
  const labels = opts.labels ?? ['negative', 'neutral', 'positive'];
  const maxLength = opts.maxLength ?? 128;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const ctrlBuf = new SharedArrayBuffer(4 * 4);
  const idsBuf = new SharedArrayBuffer(4 * maxLength);
  const outBuf = new SharedArrayBuffer(4 * 16);
  const msgBuf = new SharedArrayBuffer(1024);
  const ctrl = new Int32Array(ctrlBuf);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      ortPath,
      modelPath: path,
      ctrl: ctrlBuf,
      ids: idsBuf,
      out: outBuf,
      msg: msgBuf,
      inputIdsName: opts.inputIdsName ?? 'input_ids',
      attentionMaskName: opts.attentionMaskName === undefined ? 'attention_mask' : opts.attentionMaskName,
      outputName: opts.outputName ?? 'logits',
    },
  });
  worker.unref();
  const msg = new Uint8Array(msgBuf);
  // Wait for the session without blocking the caller's event loop.
  const { async, value } = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(ctrl, 0, 0, timeoutMs);
  const result = async ? await value : value;
  if (result === 'timed-out') {
    await worker.terminate();
    throw new OnnxSentimentError(`ONNX model ${path} did not load within ${timeoutMs} ms`);
  }
  if (Atomics.load(ctrl, 0) === 3) {
    const reason = decodeMessage(msg);
    await exitOrTerminate(worker); // it returns after reporting the failure
    throw new OnnxSentimentError(`cannot load ONNX model ${path}: ${reason}`);
  }
  return new OnnxSentimentModel(worker, ctrl, new Int32Array(idsBuf), new Float32Array(outBuf), msg, tokenize, labels, timeoutMs);
}
