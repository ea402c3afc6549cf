/**
 * The shape of a language's text for the simulator. Every string is written by the project
 * (no data set is copied); sentences use the template syntax of ../template.ts.
 */

export const TOPICS = ['everyday', 'weather', 'sport', 'transport', 'food', 'health', 'elections', 'economy', 'technology', 'culture'] as const;
export type Topic = (typeof TOPICS)[number];

/** Incidents an injected event can be about, with the topic that surges. */
export const INCIDENTS = {
  flood: 'weather',
  wildfire: 'weather',
  earthquake: 'weather',
  derailment: 'transport',
  metroStrike: 'transport',
  foodPoisoning: 'food',
  measles: 'health',
  protest: 'elections',
  recount: 'elections',
  bankCollapse: 'economy',
  factoryFire: 'economy',
  dataBreach: 'technology',
  networkOutage: 'technology',
} as const satisfies Record<string, Topic>;
export type Incident = keyof typeof INCIDENTS;

/**
 * Claims a narrative can spread, in the same order in every language (a narrative translated
 * into a second language uses the same index there).
 */
export const CLAIMS = ['water', 'banks', 'ballots', 'meters', 'bread', 'blackout', 'schools'] as const;
export type Claim = (typeof CLAIMS)[number];

export interface TopicText {
  /** Templates of one sentence about the topic. */
  sentences: string[];
  /** Hashtags without `#`. */
  hashtags: string[];
}

export interface LanguagePack {
  /** BCP 47 primary subtag, as langHint carries it. */
  code: string;
  name: string;
  /** Share of the default stream. */
  share: number;
  /** UTC offsets (hours) of the time zones the community lives in, for its daily rhythm. */
  utcOffsets: number[];
  /** What joins sentences: ' ' for most scripts, '' for Chinese and Japanese. */
  space: string;
  topics: Record<Topic, TopicText>;
  /** Short lead-ins ("Update:") placed before a sentence. */
  openers: string[];
  /** Short comments: a second sentence, or the text of a quote. */
  reactions: string[];
  /** Short replies to another post. */
  replies: string[];
  /** Prefixes a narrative copy may carry ("BREAKING:"). */
  breaking: string[];
  /** The incident nouns, in a form that reads in the event sentences below. */
  incidents: Record<Incident, string>;
  /** Event sentences with {place} and {incident}. */
  eventSentences: string[];
  /** One template per claim, in CLAIMS order. */
  claims: Record<Claim, string>;
  /** Texts for coordinated link bursts, with {link}. */
  coordinated: string[];
  /** News domains of the community's outlets (fictional, under .example). */
  domains: string[];
}
