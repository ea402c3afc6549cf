import type { Claim, Topic } from './lexicon/index.js';

/**
 * What the simulator injected, written beside the posts so that detectors can be scored against
 * it. Times are epoch milliseconds of stream time; post ids are `sim:<nativeId>`, as the
 * pipeline will store them.
 */
export interface GroundTruth {
  seed: number;
  /** The stream's configured start and the time of its latest post. */
  start: number;
  end: number;
  posts: number;
  /** Posts per language code. */
  languages: Record<string, number>;
  events: EventTruth[];
  narratives: NarrativeTruth[];
  cascades: CascadeTruth[];
  bursts: BurstTruth[];
}

export interface EventTruth {
  id: string;
  /** The topic whose volume surges. */
  topic: Topic;
  incident: string;
  /** The place, by its Latin name. */
  place: string;
  languages: string[];
  /** When the surge starts, peaks, and has decayed to 5% of its peak. */
  onset: number;
  peak: number;
  end: number;
  /** Peak rate of the topic in each language, as a multiple of its background rate. */
  multiplier: number;
  /** Every language's place name and incident word, as written in the posts. */
  terms: string[];
  termsByLanguage: Record<string, string[]>;
  hashtag: string;
  /** Posts carrying the event's terms (including reposts of them). */
  posts: number;
  postIds: string[];
}

export interface NarrativeTruth {
  id: string;
  claimKey: Claim;
  /** The language it starts in, and every language it was posted in. */
  language: string;
  languages: string[];
  /** The claim's fixed wording in its first language; copies reword it lightly. */
  claim: string;
  claims: Record<string, string>;
  hashtag: string;
  link: string;
  start: number;
  /** Copies of the claim and reposts of them. */
  postIds: string[];
}

export type CascadeKind = 'repost' | 'reply' | 'quote';

export interface CascadeEdge {
  parent: string;
  child: string;
  kind: CascadeKind;
}

export interface CascadeTruth {
  rootId: string;
  /** Posts in the tree, the root included. */
  size: number;
  /** Longest root-to-leaf path in edges. */
  depth: number;
  edges: CascadeEdge[];
}

export interface BurstTruth {
  id: string;
  language: string;
  link: string;
  /** Raw handles of the accounts acting together (only this file names them). */
  accounts: string[];
  /** The burst's planned window; every post of it falls inside. */
  start: number;
  end: number;
  postIds: string[];
}
