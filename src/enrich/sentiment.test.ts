import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSentimentModel, LinearSentimentModel, SENTIMENT_LABELS, sentimentModelPath, type Sentiment, type SentimentLabel } from './sentiment.js';
import { tokenize } from './tokenize.js';

const model = loadSentimentModel();

/** Sentences whose polarity no reader would dispute, per supported language. */
const UNAMBIGUOUS: Record<string, Array<[string, SentimentLabel]>> = {
  en: [
    ['I love this phone, it is absolutely wonderful!', 'positive'],
    ['Congratulations on the award, so proud of you!', 'positive'],
    ['This is the worst service I have ever had, I hate it.', 'negative'],
    ['Terrible movie, a boring waste of time.', 'negative'],
  ],
  es: [
    ['Me encanta esta canción, es preciosa', 'positive'],
    ['Qué día tan feliz, gracias a todos', 'positive'],
    ['Odio los lunes, todo sale mal', 'negative'],
    ['Qué asco de servicio, es horrible', 'negative'],
  ],
  pt: [
    ['Adoro esse filme, é maravilhoso', 'positive'],
    ['Que dia lindo, estou muito feliz', 'positive'],
    ['Odeio essa chuva, que dia horrível', 'negative'],
    ['Que vergonha, o pior jogo do ano', 'negative'],
  ],
  fr: [
    ["J'adore ce film, il est magnifique", 'positive'],
    ['Merci beaucoup, je suis très heureux', 'positive'],
    ['Ce service est nul, je déteste attendre', 'negative'],
    ["Quelle honte, c'est vraiment horrible", 'negative'],
  ],
  de: [
    ['Ich liebe diesen Song, einfach wunderbar', 'positive'],
    ['Danke, das war ein toller Tag', 'positive'],
    ['Das Essen war ekelhaft und schlecht', 'negative'],
    ['So ein Mist, ich hasse diesen Stau', 'negative'],
  ],
  it: [
    ['Che bella giornata, sono felice', 'positive'],
    ['Grazie mille, è un film bellissimo', 'positive'],
    ['Che schifo, il servizio è pessimo', 'negative'],
    ['Odio questo traffico, una vergogna', 'negative'],
  ],
  ar: [
    ['الحمد لله يوم جميل جدا', 'positive'],
    ['مبروك النجاح، أنا سعيد جدا', 'positive'],
    ['خدمة سيئة جدا، أكره هذا', 'negative'],
    ['للأسف كارثة، حزين جدا', 'negative'],
  ],
  hi: [
    ['bahut badhiya movie hai, mast', 'positive'],
    ['aap ka bahut shukriya, bahut khushi hui', 'positive'],
    ['ekdum bakwas film, bekar', 'negative'],
    ['yeh bahut bura hai, sharam karo', 'negative'],
  ],
  zh: [
    ['今天天气很好，我很开心', 'positive'],
    ['服务很好，非常满意', 'positive'],
    ['太难吃了，非常失望', 'negative'],
    ['服务太差了，再也不来了', 'negative'],
  ],
};

function expectValid(s: Sentiment): void {
  expect(SENTIMENT_LABELS).toContain(s.label);
  expect(s.score).toBeGreaterThanOrEqual(-1);
  expect(s.score).toBeLessThanOrEqual(1);
}

describe('shipped sentiment model', () => {
  it('loads once from the package and is a linear model with its lexicons', () => {
    expect(sentimentModelPath()).toMatch(/sentiment-model\.bin\.gz$/);
    expect(loadSentimentModel()).toBe(model);
    expect(model).toBeInstanceOf(LinearSentimentModel);
    const header = (model as LinearSentimentModel).header;
    expect(header.lexicons.map((l) => l.name)).toEqual(['core', 'vader', 'afinn-multilingual']);
  });

  for (const [lang, cases] of Object.entries(UNAMBIGUOUS)) {
    it(`labels unambiguous ${lang} sentences`, () => {
      for (const [text, label] of cases) {
        const s = model.classify(text, lang);
        expect({ text, label: s.label }).toEqual({ text, label });
        expect(Math.sign(s.score)).toBe(label === 'positive' ? 1 : -1);
      }
    });
  }

  it('gives the same answer with and without the caller’s tokens, every time', () => {
    for (const cases of Object.values(UNAMBIGUOUS)) {
      for (const [text] of cases) {
        const a = model.classify(text, 'en');
        expect(model.classify(text, 'en', tokenize(text))).toEqual(a);
        expect(model.classify(text, 'en')).toEqual(a);
      }
    }
  });

  it('is deterministic and in range on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(undefined, 'en', 'zh', 'ar', 'xx-YY'), (text, lang) => {
        const s = model.classify(text, lang);
        expectValid(s);
        expect(model.classify(text, lang)).toEqual(s);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('calls empty and blank text neutral with score 0', () => {
    expect(model.classify('')).toEqual({ label: 'neutral', score: 0 });
    expect(model.classify('   \n\t', 'en')).toEqual({ label: 'neutral', score: 0 });
  });

  it('reads emoji-only and emoticon-only posts', () => {
    expect(model.classify('😍😍🥰').label).toBe('positive');
    expect(model.classify('😡😭💔').label).toBe('negative');
    expect(model.classify(':) :D').score).toBeGreaterThan(model.classify(':( :(').score);
  });

  it('handles mixed-script text', () => {
    const s = model.classify('今天很开心 but the traffic was terrible, الحمد لله 😂', undefined);
    expectValid(s);
    const positive = model.classify('Great day! 今天很开心 😊 شكرا');
    expect(positive.label).toBe('positive');
  });

  it('classifies 100 kB inputs by their beginning', () => {
    const big = 'What a wonderful, happy day, I love it! '.repeat(2_600);
    expect(big.length).toBeGreaterThan(100_000);
    expect(model.classify(big, 'en').label).toBe('positive');
    const bigNegative = 'Awful, I hate this terrible mess. '.repeat(3_100);
    expect(model.classify(bigNegative, 'en', tokenize(bigNegative)).label).toBe('negative');
    const noSpaces = '好'.repeat(100_000);
    expectValid(model.classify(noSpaces, 'zh'));
  });

  it('turns negation around', () => {
    const good = model.classify('The food was good', 'en');
    const notGood = model.classify('The food was not good', 'en');
    expect(notGood.score).toBeLessThan(good.score);
  });

  it('loads inside a worker_thread', async () => {
    // The worker imports this TypeScript module through tsx's loader, as it would import dist/ in production.
    const dir = mkdtempSync(join(tmpdir(), 'tidewatch-worker-'));
    const script = join(dir, 'worker.mjs');
    writeFileSync(
      script,
      `import { parentPort, workerData } from 'node:worker_threads';
       const { tsImport } = await import(workerData.tsxApi);
       const m = await tsImport(workerData.moduleUrl, import.meta.url);
       parentPort.postMessage(m.loadSentimentModel().classify(workerData.text, 'en'));`,
    );
    const worker = new Worker(script, {
      workerData: {
        tsxApi: pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href,
        moduleUrl: new URL('./sentiment.ts', import.meta.url).href,
        text: 'I love this, wonderful!',
      },
    });
    try {
      const result = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(result).toEqual(model.classify('I love this, wonderful!', 'en'));
    } finally {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

