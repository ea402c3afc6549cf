import { SourceError } from '../source.js';
import { languagePack, LANGUAGE_PACKS } from './lexicon/index.js';

export interface SimulatorOptions {
  /** Same seed, same stream, byte for byte. Any safe integer. */
  seed: number;
  /** How many posts the stream holds; `Infinity` for an endless stream (the demo). */
  posts: number;
  /** Stream time of the first post, epoch ms. Default 2026-01-05T00:00:00Z. */
  start?: number;
  /** Mean posts per second of stream time, all kinds together. Default 20. */
  ratePerSecond?: number;
  /** Injected events: a total for a finite stream, per epoch for an endless one. */
  events?: number;
  /** Narratives: a total for a finite stream, per epoch for an endless one. */
  narratives?: number;
  /** Coordinated link bursts: a total for a finite stream, per epoch for an endless one. */
  coordinatedBursts?: number;
  /** Language codes to write; default all the simulator knows (13). */
  languages?: string[];
  /** Size of the synthetic account population. Default scales with `posts`. */
  accounts?: number;
  /**
   * Length of a planning epoch of an endless stream, in seconds of stream time (default 3600):
   * each epoch gets its own events, narratives and bursts. A finite stream is one epoch.
   */
  epochSeconds?: number;
}

export const DEFAULT_START = Date.UTC(2026, 0, 5);
export const DEFAULT_RATE = 20;

/** Options with every default filled in and the plan's time scale worked out. */
export interface ResolvedOptions {
  seed: number;
  posts: number;
  start: number;
  ratePerSecond: number;
  events: number;
  narratives: number;
  coordinatedBursts: number;
  languages: string[];
  accounts: number;
  endless: boolean;
  /** Length of one planning epoch, ms. */
  epochMs: number;
  /** Posts expected in one epoch. */
  postsPerEpoch: number;
}

function fail(field: string, message: string): never {
  throw new SourceError(`simulator option ${field}: ${message}`);
}

function count(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) fail(field, `expected a non-negative integer, got ${value}`);
  return value;
}

export function resolveOptions(opts: SimulatorOptions): ResolvedOptions {
  const { seed, posts } = opts;
  if (!Number.isSafeInteger(seed)) fail('seed', `expected an integer, got ${seed}`);
  if (!(posts === Infinity || (Number.isInteger(posts) && posts >= 0))) fail('posts', `expected a non-negative integer or Infinity, got ${posts}`);
  const start = opts.start ?? DEFAULT_START;
  if (!Number.isFinite(start)) fail('start', `expected epoch milliseconds, got ${start}`);
  const ratePerSecond = opts.ratePerSecond ?? DEFAULT_RATE;
  if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) fail('ratePerSecond', `expected a positive number, got ${ratePerSecond}`);
  const languages = opts.languages ?? LANGUAGE_PACKS.map((p) => p.code);
  if (languages.length === 0) fail('languages', 'expected at least one language');
  for (const code of languages) {
    if (!languagePack(code)) fail('languages', `unknown language ${JSON.stringify(code)}; known: ${LANGUAGE_PACKS.map((p) => p.code).join(', ')}`);
  }
  if (new Set(languages).size !== languages.length) fail('languages', 'a language is listed twice');
  const endless = posts === Infinity;
  const epochSeconds = opts.epochSeconds ?? 3600;
  if (!(Number.isFinite(epochSeconds) && epochSeconds >= 60)) fail('epochSeconds', `expected at least 60 seconds, got ${epochSeconds}`);
  const epochMs = endless ? epochSeconds * 1000 : Math.max(1000, (posts / ratePerSecond) * 1000);
  const postsPerEpoch = endless ? ratePerSecond * epochSeconds : posts;
  const hours = epochMs / 3_600_000;
  const accounts = count('accounts', opts.accounts, endless ? 100_000 : Math.min(200_000, Math.max(2_000, Math.round(posts / 20))));
  if (accounts < 1) fail('accounts', 'expected at least one account');
  return {
    seed,
    posts,
    start,
    ratePerSecond,
    // Defaults for a finite stream scale with its length in stream hours; an endless stream
    // gets them per epoch.
    events: count('events', opts.events, endless ? 1 : Math.max(3, Math.round(hours / 3))),
    narratives: count('narratives', opts.narratives, endless ? 1 : Math.max(3, Math.round(hours / 3))),
    coordinatedBursts: count('coordinatedBursts', opts.coordinatedBursts, endless ? 2 : Math.max(5, Math.round(hours))),
    languages: [...languages],
    accounts,
    endless,
    epochMs,
    postsPerEpoch,
  };
}
