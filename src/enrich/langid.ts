/**
 * Language identification of posts: clean (langid-text) → script shortcut or script-restricted
 * fastText lid.176 (langid-route, langid-fasttext) → a trained second stage for the cases
 * lid.176 gets wrong (langid-resolver), only when a gate learnt from data says it is unsure.
 * Codes follow langid-codes. Everything after the asynchronous load is synchronous and works the
 * same on the main thread and in worker_threads (each thread loads its own copy, ~4 MB).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fastTextLabelToCode } from './langid-codes.js';
import { loadFastTextLid, type FastTextLid } from './langid-fasttext.js';
import { decodeResolver, resolve, ResolverScratch, selectCandidates, type ResolverGroup } from './langid-resolver.js';
import { GROUP_LABELS, routeByScript, type ModelGroup } from './langid-route.js';
import { cleanForLanguageId, profileScripts } from './langid-text.js';
import { Memo } from './memo.js';

export interface LanguageGuess {
  /** BCP 47 primary subtag: ISO 639-1 where one exists, else ISO 639-3; `und` when unknown. */
  lang: string;
  /** 0..1; 0 for `und`. */
  confidence: number;
}

export interface LanguageIdentifier {
  identify(text: string): LanguageGuess;
}

export interface LanguageIdentifierOptions {
  /** Use the trained second stage (default true). Without it: cleaning, shortcuts and fastText. */
  resolver?: boolean;
  /** Path of the resolver weights; defaults to the file shipped in src/enrich/models. */
  resolverPath?: string;
  /**
   * Remember the answers for this many recently seen cleaned texts (default 16,384; 0 = none).
   * The answer depends on the cleaned text alone, and streams repeat it heavily: a repost differs
   * from its original only in `RT @handle:` and links, which cleaning removes.
   */
  memo?: number;
}

export const UNDETERMINED: LanguageGuess = Object.freeze({ lang: 'und', confidence: 0 });

/** How many of lid.176's labels to read: enough to find the best of a script's languages. */
const FASTTEXT_TOP_K = 5;
const RESOLVER_FILE = 'langid-resolver.bin';

/** The shipped weights, from src (tsx, vitest) or from dist (the build does not copy them). */
export function defaultResolverPath(): string | undefined {
  const candidates = [new URL(`./models/${RESOLVER_FILE}`, import.meta.url), new URL(`../../../src/enrich/models/${RESOLVER_FILE}`, import.meta.url)];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** What the first stage saw: for training the resolver and for explaining a decision. */
export interface FirstStage {
  cleaned: string;
  /** The decided language, or the model group the text goes to. */
  decided?: LanguageGuess;
  group?: ModelGroup;
  /** lid.176's labels allowed for the group (its own codes: `sh`, `no`…), best first. */
  labels: string[];
  probs: number[];
  /** The same labels as tidewatch codes, without repeats, in order. */
  codes: string[];
  /** The best tidewatch code among them (probabilities of labels with the same code added). */
  top: LanguageGuess;
}

/** Clean, shortcut by script, else ask lid.176 within the script's languages. */
export function runFirstStage(ft: FastTextLid, text: string): FirstStage {
  return firstStageOfCleaned(ft, cleanForLanguageId(text));
}

/** The first stage on text already cleaned by cleanForLanguageId. */
function firstStageOfCleaned(ft: FastTextLid, cleaned: string): FirstStage {
  const profile = profileScripts(cleaned);
  const route = routeByScript(profile);
  if (route.kind === 'decided') {
    const decided = { lang: route.lang, confidence: route.confidence };
    return { cleaned, decided, labels: [], probs: [], codes: [], top: decided };
  }
  if (profile.letters < 2) return { cleaned, decided: UNDETERMINED, labels: [], probs: [], codes: [], top: UNDETERMINED };
  const raw = ft.predict(cleaned, FASTTEXT_TOP_K);
  const allowed = route.group === 'other' ? undefined : GROUP_LABELS[route.group];
  const labels: string[] = [];
  const probs: number[] = [];
  for (let i = 0; i < raw.labels.length; i++) {
    if (allowed && !allowed.has(raw.labels[i])) continue;
    labels.push(raw.labels[i]);
    probs.push(raw.probs[i]);
  }
  if (labels.length === 0 && raw.labels.length > 0) {
    // No allowed label in the top k (rare: a script lid.176 barely knows): keep its best.
    labels.push(raw.labels[0]);
    probs.push(raw.probs[0]);
  }
  const codes: string[] = [];
  const mass: number[] = [];
  let top = UNDETERMINED;
  for (let i = 0; i < labels.length; i++) {
    const code = fastTextLabelToCode(labels[i]);
    let at = codes.indexOf(code);
    if (at < 0) {
      at = codes.push(code) - 1;
      mass.push(0);
    }
    mass[at] += probs[i];
    if (mass[at] > top.confidence) top = { lang: code, confidence: Math.min(1, mass[at]) };
  }
  return { cleaned, group: route.group, labels, probs, codes, top };
}

/** Codes a lid.176 macro label stands for: its probability counts for each of them. */
const MACRO_LABELS: Readonly<Record<string, readonly string[]>> = { sh: ['bs', 'hr', 'sr'] };

/** fastText's probability per resolver class, from the first stage's labels. */
export function fastTextProbsFor<T extends Float64Array | Float32Array>(group: Pick<ResolverGroup, 'classes' | 'classIndex'>, stage: Pick<FirstStage, 'labels' | 'probs'>, out: T): T {
  out.fill(0, 0, group.classes.length);
  for (let i = 0; i < stage.labels.length; i++) {
    const members = MACRO_LABELS[stage.labels[i]];
    if (members) {
      for (const code of members) {
        const c = group.classIndex.get(code);
        if (c !== undefined) out[c] += stage.probs[i];
      }
      continue;
    }
    const c = group.classIndex.get(fastTextLabelToCode(stage.labels[i]));
    if (c !== undefined) out[c] += stage.probs[i];
  }
  return out;
}

/** Length class of cleaned text for the gate: fastText is far surer of sentences than of words. */
export function gateKey(topCode: string, cleaned: string): string {
  let words = 1;
  for (let i = cleaned.indexOf(' '); i >= 0 && words < 8; i = cleaned.indexOf(' ', i + 1)) words++;
  return `${topCode}|${words <= 2 ? 1 : words < 8 ? 2 : 3}`;
}

/** Whether fastText's top answer should go to the resolver. */
export function needsResolver(group: ResolverGroup, stage: Pick<FirstStage, 'top' | 'cleaned'>): boolean {
  const { lang, confidence } = stage.top;
  if (!group.classIndex.has(lang) && !group.decoys.includes(lang)) return false;
  const trust = group.trustAbove[gateKey(lang, stage.cleaned)];
  return trust === undefined || confidence < trust;
}

/** The resolver's answer for a text the gate sent to it (before the override rule). */
export function resolveStage(group: ResolverGroup, stage: FirstStage, scratch: ResolverScratch): LanguageGuess {
  if (scratch.probs.length < group.classes.length) scratch.probs = new Float64Array(group.classes.length);
  selectCandidates(group, stage.top.lang, stage.codes, scratch);
  return resolve(group, stage.cleaned.toLowerCase(), fastTextProbsFor(group, stage, scratch.probs), scratch);
}

/**
 * The resolver overrules fastText only when it is sure enough: a floor learnt per fastText answer
 * and length class (a short Russian sentence is not Bulgarian on the resolver's 0.5), else per group.
 */
export function overrule(group: ResolverGroup, stage: Pick<FirstStage, 'top' | 'cleaned'>, resolved: LanguageGuess): LanguageGuess {
  if (resolved.lang === stage.top.lang) return resolved;
  const floor = group.overrideAboveFor[gateKey(stage.top.lang, stage.cleaned)] ?? group.overrideAbove;
  return resolved.confidence >= floor ? resolved : stage.top;
}

export async function createLanguageIdentifier(options: LanguageIdentifierOptions = {}): Promise<LanguageIdentifier> {
  const ft = await loadFastTextLid();
  const groups = new Map<string, ResolverGroup>();
  if (options.resolver !== false) {
    const path = options.resolverPath ?? defaultResolverPath();
    if (!path) throw new Error(`langid: ${RESOLVER_FILE} not found beside src/enrich/langid.ts`);
    for (const g of decodeResolver(readFileSync(path)).groups) groups.set(g.script, g);
  }
  const scratch = new ResolverScratch();
  const decide = (cleaned: string): LanguageGuess => {
    const stage = firstStageOfCleaned(ft, cleaned);
    if (stage.decided) return stage.decided;
    const group = stage.group && groups.get(stage.group);
    if (!group || !needsResolver(group, stage)) return stage.top;
    return overrule(group, stage, resolveStage(group, stage, scratch));
  };
  const capacity = options.memo ?? 16_384;
  if (capacity === 0) return { identify: (text) => decide(cleanForLanguageId(text)) };
  const memo = new Memo<string, LanguageGuess>(capacity);
  return {
    identify(text: string): LanguageGuess {
      const cleaned = cleanForLanguageId(text);
      let guess = memo.get(cleaned);
      if (guess === undefined) {
        guess = Object.freeze(decide(cleaned));
        memo.set(cleaned, guess);
      }
      return guess;
    },
  };
}
