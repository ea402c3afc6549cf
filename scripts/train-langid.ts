/**
 * Trains the language resolver (src/enrich/langid-resolver.ts) and writes
 * src/enrich/models/langid-resolver.bin. Deterministic: fixed data order, seeded shuffles,
 * single thread.
 *
 * Data: ONLY the training halves (even 0-based positions, see eval/langid-data.ts) of the lingua
 * sentences, word pairs and single words, of TweetLID's six single-language rows, of the UMSAB
 * tweets (ar, de, en, es, fr, it, pt), and of the UDHR paragraphs of languages lid.176 or lingua
 * name. eval/langid.ts reports on the other halves.
 *
 *   npm run train:langid [-- --out other/path.bin]
 *
 * It prints cross-fitted (two-fold, within the training halves) accuracy per data source, which is
 * also what sets the gates; the held-out halves are left to `npm run eval:langid`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLingua, readTweetLid, readUdhr, readUmsab, requireLangidData, LINGUA_KINDS, type LabelledText } from '../eval/langid-data.js';
import { fastTextLabelToCode } from '../src/enrich/langid-codes.js';
import { extractFeatures, FeatureBuffer, type FeatureSpec } from '../src/enrich/langid-features.js';
import { loadFastTextLid, type FastTextLid } from '../src/enrich/langid-fasttext.js';
import { encodeResolver, fastTextFeature, ResolverScratch, type ResolverGroup } from '../src/enrich/langid-resolver.js';
import { fastTextProbsFor, gateKey, needsResolver, overrule, resolveStage, runFirstStage, type FirstStage, type LanguageGuess } from '../src/enrich/langid.js';
import type { ModelGroup } from '../src/enrich/langid-route.js';
import { seededRandom } from '../src/sources/simulator/rng.js';

/** Groups that get a resolver; the others are decided by script or by fastText alone. */
const RESOLVED_GROUPS: readonly ModelGroup[] = ['latin', 'cyrillic', 'arabic', 'devanagari', 'ethiopic', 'hebrew', 'bengali'];
/**
 * Character 2- to 4-grams and words in 2^14 buckets: measured against 2^15 buckets and 1- to
 * 4-grams on the cross-fitted halves, as accurate (±0.1 point) and faster (the weights stay in
 * cache: 90 Latin classes × 16,384 rows of int8 = 1.4 MB).
 */
const SPEC: FeatureSpec = { dim: 1 << 14, minN: 2, maxN: 4, words: true };
/**
 * Eight epochs, no weight decay: 4 epochs or a per-epoch decay of 0.2 were tried and lost 0.3–4
 * points on the cross-fitted halves for no gain on hand-written everyday sentences.
 */
const EPOCHS = 8;
const LEARNING_RATE = 0.5;
/** A class needs this many training texts in a group. */
const MIN_EXAMPLES = 20;
const SEED = 20240601;
/** Correct answers one resolver call must be worth (it costs ~10–25 µs). */
const RESOLVE_COST = 0.02;
/** A class is scored for a fastText answer it hid behind at least this often (see partnersOf). */
const PARTNER_SHARE = 0.003;
const MAX_PARTNERS = 32;
/** Disagreements between resolver and fastText needed to learn an override floor for one answer. */
const MIN_DISPUTES = 20;
/** UDHR paragraphs are long legal prose; windows of this many words look more like posts. */
const UDHR_WINDOW = 8;

interface Example {
  lang: string;
  source: string;
  stage: FirstStage;
  text: string;
  features: Int32Array;
}


function shuffle<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function udhrWindows(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 2 <= words.length; i += UDHR_WINDOW) out.push(words.slice(i, i + UDHR_WINDOW).join(' '));
  return out;
}

function collect(root: string, ftCodes: ReadonlySet<string>): Array<LabelledText & { source: string }> {
  const out: Array<LabelledText & { source: string }> = [];
  const named = new Set<string>(ftCodes);
  for (const kind of LINGUA_KINDS) {
    for (const item of readLingua(root, kind, 'train')) {
      named.add(item.lang);
      out.push({ ...item, source: `lingua-${kind}` });
    }
  }
  for (const item of readTweetLid(root, 'train')) out.push({ ...item, source: 'tweetlid' });
  for (const item of readUmsab(root, 'train') ?? []) out.push({ ...item, source: 'umsab' });
  for (const item of readUdhr(root, 'train')) {
    if (!named.has(item.lang)) continue;
    out.push({ lang: item.lang, text: item.text, source: 'udhr' });
    for (const w of udhrWindows(item.text)) out.push({ lang: item.lang, text: w, source: 'udhr-window' });
  }
  return out;
}

interface Trained {
  weights: Float32Array;
  bias: Float64Array;
  fastTextWeight: Float64Array;
}

function train(examples: Example[], classes: string[], ftFeatures: Float32Array[], random: () => number): Trained {
  const k = classes.length;
  const index = new Map(classes.map((c, i) => [c, i]));
  const weights = new Float32Array(SPEC.dim * k);
  const bias = new Float64Array(k);
  const fastTextWeight = new Float64Array(k).fill(1);
  const scores = new Float64Array(k);
  // No class balancing: tried (square-root weights), it cost TweetLID 1.2 points, where Spanish
  // really is most tweets, and gained nothing elsewhere.
  const order = examples.map((_, i) => i);
  const total = EPOCHS * examples.length;
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (const i of order) {
      const ex = examples[i];
      const y = index.get(ex.lang)!;
      const lr = learningRate(step++, total);
      const feats = ex.features;
      const ft = ftFeatures[i];
      const v = feats.length > 0 ? 1 / Math.sqrt(feats.length) : 0;
      scores.fill(0);
      for (let f = 0; f < feats.length; f++) {
        const row = feats[f] * k;
        for (let c = 0; c < k; c++) scores[c] += weights[row + c];
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        scores[c] = scores[c] * v + bias[c] + fastTextWeight[c] * ft[c];
        if (scores[c] > max) max = scores[c];
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        scores[c] = Math.exp(scores[c] - max);
        sum += scores[c];
      }
      loss -= Math.log(scores[y] / sum + 1e-12);
      const active: number[] = [];
      const grads: number[] = [];
      for (let c = 0; c < k; c++) {
        const g = scores[c] / sum - (c === y ? 1 : 0);
        if (Math.abs(g) < 1e-3) continue;
        active.push(c);
        grads.push(g);
        bias[c] -= lr * g;
        fastTextWeight[c] -= lr * g * ft[c];
      }
      for (let f = 0; f < feats.length; f++) {
        const row = feats[f] * k;
        for (let a = 0; a < active.length; a++) weights[row + active[a]] -= lr * grads[a] * v;
      }
    }
    console.error(`    epoch ${epoch + 1}/${EPOCHS}: mean loss ${(loss / examples.length).toFixed(4)}`);
  }
  return { weights, bias, fastTextWeight };
}

/** Linear decay of the learning rate to a tenth of its start. */
function learningRate(step: number, total: number): number {
  return LEARNING_RATE * (1 - 0.9 * (step / total));
}

function quantize(weights: Float32Array): { q: Int8Array; scale: number } {
  const abs = Float32Array.from(weights, Math.abs).sort();
  // Clip the rare extreme weights so that the int8 steps stay fine for the rest.
  const limit = abs[Math.floor(abs.length * 0.99995)] || 1;
  const scale = limit / 127;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(weights[i] / scale)));
  return { q, scale };
}

/**
 * Per fastText top code and length class, the probability from which fastText's answer stands alone: the threshold
 * that maximises correct answers on out-of-fold predictions, counting RESOLVE_COST of an answer
 * against every text sent to the resolver (it costs time).
 */
function trustThresholds(examples: Example[], outOfFold: string[]): Record<string, number> {
  const byCode = new Map<string, Array<{ p: number; ft: number; res: number }>>();
  examples.forEach((ex, i) => {
    const key = gateKey(ex.stage.top.lang, ex.stage.cleaned);
    const list = byCode.get(key) ?? [];
    list.push({ p: ex.stage.top.confidence, ft: ex.stage.top.lang === ex.lang ? 1 : 0, res: outOfFold[i] === ex.lang ? 1 : 0 });
    byCode.set(key, list);
  });
  const out: Record<string, number> = {};
  for (const [code, list] of [...byCode].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (list.length < 5) continue;
    list.sort((a, b) => b.p - a.p);
    // Trust none: every text resolved.
    let score = list.reduce((acc, x) => acc + x.res - RESOLVE_COST, 0);
    let best = score;
    let threshold: number | undefined;
    for (let i = 0; i < list.length; i++) {
      score += list[i].ft - (list[i].res - RESOLVE_COST);
      const boundary = i + 1 === list.length || list[i + 1].p < list[i].p;
      if (boundary && score > best) {
        best = score;
        threshold = i + 1 === list.length ? 0 : list[i].p;
      }
    }
    if (threshold !== undefined) out[code] = Number(threshold.toFixed(4));
  }
  return out;
}

function decoysOf(examples: Example[], classes: ReadonlySet<string>): string[] {
  const counts = new Map<string, number>();
  for (const ex of examples) {
    const top = ex.stage.top.lang;
    if (!classes.has(top)) counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= 3).map(([c]) => c).sort();
}

/**
 * Per fastText top code, the gold classes most often behind it when it is wrong: at least
 * PARTNER_SHARE of the texts it was given to, at most MAX_PARTNERS of them.
 */
function partnersOf(examples: Example[], classes: ReadonlySet<string>): Record<string, string[]> {
  const pairs = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const ex of examples) {
    const top = ex.stage.top.lang;
    totals.set(top, (totals.get(top) ?? 0) + 1);
    if (top === ex.lang || !classes.has(ex.lang)) continue;
    const m = pairs.get(top) ?? new Map<string, number>();
    m.set(ex.lang, (m.get(ex.lang) ?? 0) + 1);
    pairs.set(top, m);
  }
  const out: Record<string, string[]> = {};
  for (const [top, m] of [...pairs].sort((a, b) => a[0].localeCompare(b[0]))) {
    const floor = Math.max(3, PARTNER_SHARE * (totals.get(top) ?? 0));
    const list = [...m]
      .filter(([, n]) => n >= floor)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_PARTNERS)
      .map(([c]) => c);
    if (list.length > 0) out[top] = list;
  }
  return out;
}

type GroupModel = Omit<ResolverGroup, 'offset'>;

function fitGroup(script: ModelGroup, examples: Example[], classes: string[], random: () => number): GroupModel {
  const classSet = new Set(classes);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const trained = train(examples, classes, examples.map((ex) => fastTextFeatures(ex, classes, classIndex)), random);
  const { q, scale } = quantize(trained.weights);
  return {
    script,
    classes,
    classIndex,
    spec: SPEC,
    scale,
    bias: [...trained.bias].map((b) => Number(b.toFixed(5))),
    fastTextWeight: [...trained.fastTextWeight].map((w) => Number(w.toFixed(5))),
    trustAbove: {},
    decoys: decoysOf(examples, classSet),
    partners: partnersOf(examples, classSet),
    overrideAbove: 0,
    overrideAboveFor: {},
    weights: q,
  };
}

function fastTextFeatures(ex: Example, classes: string[], classIndex: Map<string, number>): Float32Array {
  const probs = fastTextProbsFor({ classes, classIndex }, ex.stage, new Float32Array(classes.length));
  return probs.map(fastTextFeature);
}

function predict(group: GroupModel, ex: Example, scratch: ResolverScratch): LanguageGuess {
  return resolveStage(group as ResolverGroup, ex.stage, scratch);
}

interface GroupResult {
  model: GroupModel;
  examples: Example[];
  /** Cross-fitted answers of the resolver with the override rule applied. */
  outOfFold: string[];
}

/**
 * The resolver's probability from which it may overrule a different fastText answer: the one
 * that maximises correct answers on the cross-fitted predictions.
 */
function overrideThreshold(examples: Example[], resolved: LanguageGuess[]): number {
  const disputed = examples
    .map((ex, i) => ({ p: resolved[i].confidence, res: resolved[i].lang === ex.lang ? 1 : 0, ft: ex.stage.top.lang === ex.lang ? 1 : 0, differ: resolved[i].lang !== ex.stage.top.lang }))
    .filter((x) => x.differ)
    .sort((a, b) => a.p - b.p);
  // Threshold 0: the resolver always wins; raising it past item i hands item i back to fastText.
  let score = disputed.reduce((acc, x) => acc + x.res, 0);
  let best = score;
  let threshold = 0;
  for (let i = 0; i < disputed.length; i++) {
    score += disputed[i].ft - disputed[i].res;
    const boundary = i + 1 === disputed.length || disputed[i + 1].p > disputed[i].p;
    if (boundary && score > best) {
      best = score;
      threshold = i + 1 === disputed.length ? 1.01 : (disputed[i].p + disputed[i + 1].p) / 2;
    }
  }
  return Number(threshold.toFixed(4));
}

/** overrideThreshold per fastText answer and length class, where MIN_DISPUTES disagreements say enough. */
function overrideThresholdsByKey(examples: Example[], resolved: LanguageGuess[]): Record<string, number> {
  const byKey = new Map<string, number[]>();
  examples.forEach((ex, i) => {
    if (resolved[i].lang === ex.stage.top.lang) return;
    const key = gateKey(ex.stage.top.lang, ex.stage.cleaned);
    const list = byKey.get(key) ?? [];
    list.push(i);
    byKey.set(key, list);
  });
  const out: Record<string, number> = {};
  for (const [key, indices] of [...byKey].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (indices.length < MIN_DISPUTES) continue;
    out[key] = overrideThreshold(indices.map((i) => examples[i]), indices.map((i) => resolved[i]));
  }
  return out;
}

/** Two-fold cross-fitting for honest resolver predictions on every text, then the final fit. */
function buildGroup(script: ModelGroup, examples: Example[], random: () => number): GroupResult {
  const counts = new Map<string, number>();
  for (const ex of examples) counts.set(ex.lang, (counts.get(ex.lang) ?? 0) + 1);
  const classes = [...counts].filter(([, n]) => n >= MIN_EXAMPLES).map(([c]) => c).sort();
  const classSet = new Set(classes);
  const usable = examples.filter((ex) => classSet.has(ex.lang));
  console.error(`  ${script}: ${classes.length} classes, ${usable.length} texts`);
  const scratch = new ResolverScratch();
  const resolved = new Array<LanguageGuess>(usable.length);
  for (const fold of [0, 1]) {
    const fit = fitGroup(script, usable.filter((_, i) => i % 2 !== fold), classes, random);
    usable.forEach((ex, i) => {
      if (i % 2 === fold) resolved[i] = predict(fit, ex, scratch);
    });
  }
  const model = fitGroup(script, usable, classes, random);
  model.overrideAbove = overrideThreshold(usable, resolved);
  model.overrideAboveFor = overrideThresholdsByKey(usable, resolved);
  const outOfFold = usable.map((ex, i) => overrule(model as ResolverGroup, ex.stage, resolved[i]).lang);
  model.trustAbove = trustThresholds(usable, outOfFold);
  return { model, examples: usable, outOfFold };
}

function prepare(ft: FastTextLid, items: Array<LabelledText & { source: string }>): Example[] {
  const buffer = new FeatureBuffer();
  const out: Example[] = [];
  for (const item of items) {
    const stage = runFirstStage(ft, item.text);
    if (stage.decided || !stage.group || !RESOLVED_GROUPS.includes(stage.group)) continue;
    const text = stage.cleaned.toLowerCase();
    extractFeatures(text, SPEC, buffer);
    out.push({ lang: item.lang, source: item.source, stage, text, features: buffer.indices.slice(0, buffer.length) });
  }
  return out;
}

/** Cross-fitted accuracy per data source: fastText, resolver on every text, and gated. */
function report(results: GroupResult[]): void {
  const bySource = new Map<string, { n: number; ft: number; always: number; gated: number; resolved: number }>();
  for (const { model, examples, outOfFold } of results) {
    examples.forEach((ex, i) => {
      const row = bySource.get(ex.source) ?? { n: 0, ft: 0, always: 0, gated: 0, resolved: 0 };
      row.n++;
      if (ex.stage.top.lang === ex.lang) row.ft++;
      if (outOfFold[i] === ex.lang) row.always++;
      const gate = needsResolver(model as ResolverGroup, ex.stage);
      if (gate) row.resolved++;
      if ((gate ? outOfFold[i] : ex.stage.top.lang) === ex.lang) row.gated++;
      bySource.set(ex.source, row);
    });
  }
  console.log('cross-fitted on the training halves (texts that reach a resolver group):');
  for (const [source, r] of [...bySource].sort()) {
    const pct = (x: number) => `${((100 * x) / r.n).toFixed(1)}%`;
    console.log(`  ${source.padEnd(22)} n=${String(r.n).padStart(6)}  fastText ${pct(r.ft)}  resolver ${pct(r.always)}  gated ${pct(r.gated)}  (resolved ${pct(r.resolved)})`);
  }
}

/** The folder of package.json above this file (it runs from scripts/ under tsx or dist/scripts/). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('train:langid: package.json not found above the script');
    dir = up;
  }
  return dir;
}

async function main(): Promise<void> {
  const root = requireLangidData('train:langid');
  if (!root) return;
  const ft = await loadFastTextLid();
  const ftCodes = new Set(ft.labels().map(fastTextLabelToCode));
  const items = collect(root, ftCodes);
  console.error(`${items.length} training texts (training halves only)`);
  const examples = prepare(ft, items);
  const random = seededRandom(SEED);
  const results: GroupResult[] = [];
  for (const script of RESOLVED_GROUPS) {
    const mine = examples.filter((ex) => ex.stage.group === script);
    if (new Set(mine.map((ex) => ex.lang)).size < 2) continue;
    results.push(buildGroup(script, mine, random));
  }
  report(results);
  const trainedOn = 'training halves (even 0-based positions) of lingua sentences/word-pairs/single-words, TweetLID six-language rows, UMSAB tweets (7 languages), UDHR paragraphs';
  const blob = encodeResolver({ version: 1, trainedOn }, results.map((r) => r.model));
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1] : join(repositoryRoot(), 'src/enrich/models/langid-resolver.bin');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, blob);
  console.log(JSON.stringify({ wrote: out, bytes: blob.length, groups: results.map((r) => ({ script: r.model.script, classes: r.model.classes.length })) }));
}

await main();
