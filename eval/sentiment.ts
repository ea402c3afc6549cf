/**
 * Sentiment evaluation: tidewatch's shipped model beside VADER (npm vader-sentiment), AFINN (npm
 * sentiment) and a majority-class baseline, on
 * - TweetEval sentiment validation (SemEval-2017 4A), macro-averaged recall — the official metric;
 * - each UMSAB language's validation split, macro-F1 — UMSAB's metric;
 * plus texts per second on one thread.
 *
 *   npm run eval:sentiment [-- --json] [--model PATH]
 *
 * UMSAB's English training split holds 1,430 TweetEval validation tweets, and tidewatch trains on
 * it; so TweetEval is reported twice: on all 2,000 tweets (baselines only — tidewatch has seen most
 * of them) and on the tweets no tidewatch model trains on ("held out"), for every method.
 * Skips with a message when ../shared/data is absent, except under CI=true.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadSentimentModel, loadSentimentModelFile, type SentimentModel } from '../src/enrich/sentiment.js';
import { macroF1, macroRecall } from '../src/enrich/sentiment-metrics.js';
import { tokenize } from '../src/enrich/tokenize.js';
import { overlapKey, readMa2016Texts, readTweetEvalVal, readUmsab, reportedTweetEvalKeys, sharedDataDir, UMSAB_LANGS, type Example, type UmsabLanguage } from '../scripts/sentiment/corpora.js';

const require = createRequire(import.meta.url);

/** A method under evaluation: text (and language) → class index 0 negative, 1 neutral, 2 positive. */
interface Method {
  name: string;
  predict(text: string, lang: string): number;
  /** Methods that have seen TweetEval validation tweets in training get no full-set figure. */
  trainedOnTweetEval?: boolean;
}

const LABEL_INDEX = { negative: 0, neutral: 1, positive: 2 } as const;

function tidewatchMethod(name: string, model: SentimentModel, withLang: boolean): Method {
  return { name, predict: (text, lang) => LABEL_INDEX[model.classify(text, withLang ? lang : undefined).label], trainedOnTweetEval: true };
}

function vaderMethod(): Method {
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  // The thresholds VADER's authors recommend.
  return {
    name: 'VADER (vader-sentiment)',
    predict: (text) => {
      const c = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
      return c >= 0.05 ? 2 : c <= -0.05 ? 0 : 1;
    },
  };
}

function afinnMethod(): Method {
  const Sentiment = require('sentiment') as new () => { analyze(t: string): { score: number } };
  const afinn = new Sentiment();
  return {
    name: 'AFINN (sentiment)',
    predict: (text) => {
      const s = afinn.analyze(text).score;
      return s > 0 ? 2 : s < 0 ? 0 : 1;
    },
  };
}

/** Always the most frequent class of a training split: `neutral` (UMSAB's classes tie; TweetEval's largest). */
function majorityMethod(): Method {
  return { name: 'majority class (neutral)', predict: () => 1 };
}

interface Row {
  method: string;
  tweetEvalAll: number | null;
  tweetEvalHeldOut: number;
  umsab: Record<string, number>;
  umsabMean: number;
  umsabMin: number;
  textsPerSecond: number;
}

function score(method: Method, examples: readonly Example[], metric: (g: number[], p: number[]) => number): number {
  const gold = examples.map((e) => e.label);
  const pred = examples.map((e) => method.predict(e.text, e.lang));
  return metric(gold, pred);
}

/** Texts per second over `texts`, repeated until at least `minMs` has passed. */
function throughput(method: Method, texts: readonly Example[], minMs: number): number {
  for (let i = 0; i < Math.min(200, texts.length); i++) method.predict(texts[i].text, texts[i].lang);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const e of texts) method.predict(e.text, e.lang);
    n += texts.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (n / elapsed) * 1000;
}

const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

export function formatTable(rows: readonly Row[], heldOutSize: number, langs: readonly string[]): string {
  const header = ['method', 'TweetEval val macro-R (all 2000)', `TweetEval val macro-R (held out, ${heldOutSize})`, ...langs.map((l) => `UMSAB ${l} F1`), 'UMSAB mean F1', 'UMSAB min F1', 'texts/s'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    lines.push(`| ${[r.method, fmt(r.tweetEvalAll), fmt(r.tweetEvalHeldOut), ...langs.map((l) => fmt(r.umsab[l])), fmt(r.umsabMean), fmt(r.umsabMin), Math.round(r.textsPerSecond).toLocaleString('en-US')].join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Throughput on texts never seen before, each read once: the timing above loops over a few thousand
 * texts, so per-word caches (the stemmer's) are warm there and not here. Two disjoint halves, so
 * the second does not find the first's words cached.
 */
function streamThroughput(model: SentimentModel, data: string, texts = 100_000): { texts: number; raw: number; withTokens: number } {
  const tweets = readMa2016Texts(data).slice(0, 2 * texts);
  const first = tweets.slice(0, texts);
  const second = tweets.slice(texts);
  const secondTokens = second.map((t) => tokenize(t));
  let t0 = performance.now();
  for (const t of first) model.classify(t, 'en');
  const raw = first.length / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let i = 0; i < second.length; i++) model.classify(second[i], 'en', secondTokens[i]);
  const withTokens = second.length / ((performance.now() - t0) / 1000);
  return { texts, raw, withTokens };
}

function main(): number {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, model: { type: 'string' }, 'min-ms': { type: 'string', default: '1500' } } });
  const data = sharedDataDir();
  if (!data) {
    const msg = 'eval:sentiment: ../shared/data not found';
    if (process.env.CI === 'true') throw new Error(msg);
    console.error(`${msg}; skipped`);
    return 0;
  }
  const model = values.model ? loadSentimentModelFile(values.model) : loadSentimentModel();
  const methods: Method[] = [
    tidewatchMethod('tidewatch (language given)', model, true),
    tidewatchMethod('tidewatch (no language)', model, false),
    vaderMethod(),
    afinnMethod(),
    majorityMethod(),
  ];
  const tweetEval = readTweetEvalVal(data);
  const heldOutKeys = reportedTweetEvalKeys(data, false);
  const tweetEvalHeldOut = tweetEval.filter((e) => heldOutKeys.has(overlapKey(e.text)));
  const languages = Object.keys(UMSAB_LANGS) as UmsabLanguage[];
  const umsab = Object.fromEntries(languages.map((l) => [UMSAB_LANGS[l], readUmsab(data, l, 'val')]));
  const langs = Object.keys(umsab);
  const allTexts = [...tweetEval, ...Object.values(umsab).flat()];

  const rows: Row[] = methods.map((m) => {
    const perLang = Object.fromEntries(langs.map((l) => [l, score(m, umsab[l], macroF1)]));
    const f1s = Object.values(perLang);
    return {
      method: m.name,
      tweetEvalAll: m.trainedOnTweetEval ? null : score(m, tweetEval, macroRecall),
      tweetEvalHeldOut: score(m, tweetEvalHeldOut, macroRecall),
      umsab: perLang,
      umsabMean: f1s.reduce((a, b) => a + b, 0) / f1s.length,
      umsabMin: Math.min(...f1s),
      textsPerSecond: throughput(m, allTexts, Number(values['min-ms'])),
    };
  });
  // What sentiment adds to the pipeline, which has tokenised each post already.
  const tokens = allTexts.map((e) => tokenize(e.text));
  let k = 0;
  const withTokens = throughput({ name: 'tokens given', predict: (text, lang) => LABEL_INDEX[model.classify(text, lang, tokens[k++ % tokens.length]).label] }, allTexts, Number(values['min-ms']));
  const tokenizeOnly = throughput({ name: 'tokenize', predict: (text) => tokenize(text).length }, allTexts, Number(values['min-ms']));
  const stream = streamThroughput(model, data);
  if (values.json) {
    console.log(JSON.stringify({ tweetEvalHeldOut: tweetEvalHeldOut.length, texts: allTexts.length, rows, tidewatchTextsPerSecondWithTokens: withTokens, tokenizeTextsPerSecond: tokenizeOnly, stream }, null, 2));
  } else {
    console.log(`Sentiment: TweetEval validation (macro-averaged recall) and UMSAB validation (macro-F1); ${allTexts.length} texts timed on one thread.`);
    console.log(formatTable(rows, tweetEvalHeldOut.length, langs));
    console.log(`\ntidewatch with the caller's tokens (the enrichment stage's cost): ${Math.round(withTokens).toLocaleString('en-US')} texts/s; tokenize alone: ${Math.round(tokenizeOnly).toLocaleString('en-US')} texts/s.`);
    const n = stream.texts.toLocaleString('en-US');
    console.log(`A stream of new words (${n} distinct English tweets from ma2016, each read once): ${Math.round(stream.raw).toLocaleString('en-US')} texts/s from raw text; another ${n} with their tokens: ${Math.round(stream.withTokens).toLocaleString('en-US')} texts/s.`);
  }
  return 0;
}

process.exitCode = main();
