/**
 * fastText lid.176 (Joulin et al., "Bag of Tricks for Efficient Text Classification", 2016;
 * model CC BY-SA 3.0) through the WebAssembly build in `fasttext.wasm.js`, which ships the
 * quantised model. Loading is asynchronous (WebAssembly instantiation); prediction is synchronous.
 */
import { getLIDModel } from 'fasttext.wasm.js';

/** Top-k labels of lid.176 (its own codes, e.g. `no`, `sh`, `als`) with their probabilities. */
export interface FastTextPrediction {
  labels: string[];
  probs: number[];
}

export interface FastTextLid {
  /** `text` must be one line; fastText reads `\n` as the end of the input. */
  predict(text: string, k: number): FastTextPrediction;
  /** All labels the model knows (its own codes). */
  labels(): string[];
}

const LABEL_PREFIX = '__label__'.length;

export async function loadFastTextLid(): Promise<FastTextLid> {
  const lid = await getLIDModel();
  const model = await lid.load();
  return {
    labels(): string[] {
      const [words, counts] = model.getLabels();
      const out: string[] = [];
      for (let i = 0; i < words.size(); i++) out.push(words.get(i).slice(LABEL_PREFIX));
      words.delete();
      counts.delete();
      return out;
    },
    predict(text: string, k: number): FastTextPrediction {
      const vector = model.predict(text, k, 0);
      try {
        const n = vector.size();
        const labels = new Array<string>(n);
        const probs = new Array<number>(n);
        for (let i = 0; i < n; i++) {
          const [p, label] = vector.get(i);
          labels[i] = label.slice(LABEL_PREFIX);
          probs[i] = p;
        }
        return { labels, probs };
      } finally {
        // The vector lives on the WebAssembly heap; without this every call leaks it.
        vector.delete();
      }
    },
  };
}
