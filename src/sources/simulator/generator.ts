import type { RawPost } from '../../model/post.js';
import type { BurstTruth, CascadeKind, CascadeTruth, EventTruth, GroundTruth, NarrativeTruth } from './ground-truth.js';
import {
  ALARM_EMOJI,
  CLAIM_TAGS,
  CLAIMS,
  compilePack,
  DUBIOUS_DOMAINS,
  EVENT_PLACES,
  GENERAL_EMOJI,
  GLOBAL_DOMAINS,
  INCIDENT_IDS,
  INCIDENT_TAGS,
  INCIDENTS,
  languagePack,
  SECTIONS,
  TOPIC_EMOJI,
  TOPICS,
  type CompiledPack,
  type Place,
} from './lexicon/index.js';
import type { ResolvedOptions } from './options.js';
import { cumulativeOf, paretoMean, Rng } from './rng.js';
import { chooseWording, renderTemplate, renderWording, type Template } from './template.js';
import { TimeHeap } from './time-heap.js';

/**
 * The simulated stream: a point process in stream time.
 *
 * - Spontaneous posts arrive as a Poisson process whose rate is the background chatter (a daily
 *   rhythm per language, from the community's time zone) plus the injected episodes: events
 *   (a topic surging in some languages, linear rise then exponential decay) and narratives (a
 *   claim copied and lightly reworded, later in a second language).
 * - Every post can start a cascade: reposts, replies and quotes scheduled after log-normal
 *   delays, each of which can be reacted to in turn — a branching process with discrete-Pareto
 *   offspring, which gives the heavy-tailed sizes observed on real platforms (Goel et al.,
 *   "The Structural Virality of Online Diffusion", 2016).
 * - Coordinated bursts are scheduled outright: N accounts posting one link within seconds.
 *
 * Scheduled posts wait in a min-heap and are merged with the spontaneous arrivals in time order,
 * so the stream comes out ordered by time (background posts carry a small platform-like jitter).
 * Three independent random streams drive the plan, the timing and the wording, so changing a
 * template does not move a single timestamp.
 */

const REPOST = 0;
const REPLY = 1;
const QUOTE = 2;
const KIND_NAMES: readonly CascadeKind[] = ['repost', 'reply', 'quote'];

const ORIGIN_BACKGROUND = 0;
const ORIGIN_EVENT = 1;
const ORIGIN_NARRATIVE = 2;

/** Chance that a post gets any reaction, by origin; and for a reaction itself. */
const CASCADE_CHANCE = [0.1, 0.12, 0.18];
const CASCADE_CHANCE_NESTED = 0.08;
const ROOT_ALPHA = 1.2;
const NESTED_ALPHA = 1.6;
const NESTED_CAP = 100;
const DELAY_SIGMA = 1.3;
const MAX_DELAY_MS = 6 * 3_600_000;

/** Relative activity by local hour, averaged to 1 below. */
const DAILY_CURVE = [0.6, 0.45, 0.36, 0.32, 0.32, 0.38, 0.52, 0.72, 0.9, 1.0, 1.05, 1.1, 1.15, 1.12, 1.08, 1.07, 1.1, 1.18, 1.28, 1.36, 1.4, 1.36, 1.18, 0.9];
const TOPIC_WEIGHTS = [1.3, 1.1, 1.2, 0.9, 1.0, 0.8, 0.8, 0.9, 1.0, 1.0];

/** The longest stretch of stream time over which the arrival rate is treated as constant. */
const RATE_STEP_MS = 30_000;

interface Community {
  start: number;
  size: number;
  /** Multiplier coprime with size: spreads the busiest accounts over the handle range. */
  stride: number;
  /** Accounts that act together in coordinated bursts. */
  pool: number[];
}

/** What a post that will be reacted to must keep until its reactions are out. */
interface Parent {
  seq: number;
  nativeId: string;
  time: number;
  text: string;
  lang: number;
  topic: number;
  author: number;
  hashtags: string[] | undefined;
  links: string[] | undefined;
  depth: number;
  /** Index into the cascade table, -1 until the first reaction. */
  cascade: number;
  narrative: number;
  event: number;
}

interface PendingReaction {
  type: 0;
  time: number;
  order: number;
  parent: Parent;
  kind: number;
}

interface PendingBurstPost {
  type: 1;
  time: number;
  order: number;
  burst: BurstState;
}

type Pending = PendingReaction | PendingBurstPost;

interface Episode {
  /** Index into events or narratives. */
  owner: number;
  isEvent: boolean;
  lang: number;
  onset: number;
  peak: number;
  end: number;
  decay: number;
  /** Posts per ms at the peak. */
  amplitude: number;
}

interface EventState {
  id: string;
  topic: number;
  incident: number;
  place: Place;
  langs: number[];
  onset: number;
  peak: number;
  end: number;
  multiplier: number;
  hashtag: string;
  seqs: number[];
}

interface NarrativeState {
  id: string;
  claim: number;
  langs: number[];
  /** Fixed wording per language (indexed like langs). */
  wordings: Uint8Array[];
  canonical: string[];
  hashtag: string;
  link: string;
  start: number;
  seqs: number[];
}

interface BurstState {
  id: string;
  lang: number;
  link: string;
  template: Template;
  wording: Uint8Array;
  start: number;
  end: number;
  accounts: number[];
  seqs: number[];
  remaining: number[];
}

function capitalizeFirst(s: string): string {
  const c = s.charCodeAt(0);
  if (c >= 97 && c <= 122) return String.fromCharCode(c - 32) + s.slice(1);
  if (c < 0xc0) return s;
  const first = s.charAt(0);
  const upper = first.toUpperCase();
  return upper === first || upper.length !== 1 ? s : upper + s.slice(1);
}

/** Emoji follow the sentence directly in Chinese and Japanese, but never touch a tag or a URL. */
function emojiSeparator(pack: CompiledPack, afterEntity: unknown): string {
  return afterEntity ? ' ' : pack.space;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Remove one inner word of a space-separated sentence (a copy that lost a word). */
function dropWord(text: string, rng: Rng): string {
  const spaces: number[] = [];
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) spaces.push(i);
  if (spaces.length < 4) return text;
  const at = spaces[1 + rng.int(spaces.length - 2)];
  const next = text.indexOf(' ', at + 1);
  return next < 0 ? text : text.slice(0, at) + text.slice(next);
}

export class SimulatedStream {
  readonly name: string;
  private readonly opts: ResolvedOptions;
  private readonly packs: CompiledPack[];
  private readonly codes: string[];
  private readonly shares: number[];
  private readonly communities: Community[];
  private readonly handles: (string | undefined)[] = [];
  private readonly idPrefix: string;

  private readonly planRng: Rng;
  private readonly timeRng: Rng;
  private readonly textRng: Rng;

  private readonly heap = new TimeHeap<Pending>();
  private order = 0;
  private seq = 0;
  private lastCreatedAt: number;

  // Spontaneous arrivals.
  private nextArrival: number;
  private readonly bgRatePerMs: number;
  private readonly meanDay: number;
  private cachedMinute = Number.NaN;
  private dayFactor = 1;
  private langCumulative: Float64Array;
  private readonly topicCumulative = cumulativeOf(TOPIC_WEIGHTS);
  private readonly episodes: Episode[] = [];
  private readonly weights: number[] = [];
  private readonly rootCap: number;
  private readonly delayMedianMs: number;

  // Planning.
  private plannedEpochs = 0;
  private placeOrder: number[] = [];
  private claimOrder: number[] = [];

  // Ground truth.
  private readonly langCounts: number[];
  private readonly events: EventState[] = [];
  private readonly narratives: NarrativeState[] = [];
  private readonly bursts: BurstState[] = [];
  private readonly cascadeRoots: number[] = [];
  private readonly cascadeDepths: number[] = [];
  private readonly cascadeSizes: number[] = [];
  private readonly edgeCascade: number[] = [];
  private readonly edgeParent: number[] = [];
  private readonly edgeChild: number[] = [];
  private readonly edgeKind: number[] = [];

  constructor(opts: ResolvedOptions) {
    this.opts = opts;
    this.name = `sim:seed=${opts.seed}`;
    this.idPrefix = `${opts.seed}-`;
    this.packs = opts.languages.map((code) => compilePack(languagePack(code)!));
    this.codes = this.packs.map((p) => p.code);
    const shareSum = this.packs.reduce((s, p) => s + p.share, 0);
    this.shares = this.packs.map((p) => p.share / shareSum);
    this.langCounts = this.packs.map(() => 0);
    this.langCumulative = cumulativeOf(this.shares);
    this.planRng = new Rng(opts.seed, 1);
    this.timeRng = new Rng(opts.seed, 2);
    this.textRng = new Rng(opts.seed, 3);
    this.lastCreatedAt = opts.start;

    this.meanDay = DAILY_CURVE.reduce((s, v) => s + v, 0) / DAILY_CURVE.length;

    // Accounts: one contiguous block of handles per language community.
    this.communities = [];
    let next = 1;
    for (let l = 0; l < this.packs.length; l++) {
      const size = Math.max(100, Math.round(opts.accounts * this.shares[l]));
      let stride = 7919;
      while (gcd(stride, size) !== 1) stride += 2;
      const pool = new Set<number>();
      const poolSize = Math.min(60, size);
      while (pool.size < poolSize) pool.add(next + this.planRng.int(size));
      this.communities.push({ start: next, size, stride, pool: [...pool] });
      next += size;
    }

    // Cascades: the expected number of reactions a spontaneous post draws, so that the
    // spontaneous rate can be set for the requested overall rate.
    this.rootCap = Math.max(20, Math.min(2000, Math.round(opts.postsPerEpoch / 50)));
    const nestedMean = CASCADE_CHANCE_NESTED * paretoMean(NESTED_ALPHA, NESTED_CAP);
    const reactionsPerPost = CASCADE_CHANCE[ORIGIN_BACKGROUND] * paretoMean(ROOT_ALPHA, this.rootCap) / (1 - nestedMean);
    this.delayMedianMs = Math.min(180_000, Math.max(15_000, opts.epochMs * 0.004));

    // The first epoch's plan fixes how much of the spontaneous budget the episodes take:
    // background·epoch + background·(event area per unit of background rate) + narratives + bursts = budget.
    const spontaneousPerEpoch = opts.postsPerEpoch / (1 + reactionsPerPost);
    const { fixedPosts, perBackgroundRate } = this.planEpoch(0, opts.start, 1);
    const epochSeconds = opts.epochMs / 1000;
    const bgPerSecond = Math.max((spontaneousPerEpoch * 0.3) / epochSeconds, (spontaneousPerEpoch - fixedPosts) / (epochSeconds + perBackgroundRate));
    // A finite stream shorter than a day sees only part of the daily curve; scale so that its
    // mean rate is still the one asked for.
    const dayMean = opts.endless ? 1 : this.meanDayFactor(opts.start, opts.start + opts.epochMs);
    this.bgRatePerMs = bgPerSecond / 1000 / dayMean;
    for (const ep of this.episodes) if (ep.isEvent) ep.amplitude *= this.bgRatePerMs * dayMean;

    this.nextArrival = this.arrivalAfter(opts.start);
  }

  get generated(): number {
    return this.seq;
  }

  /** The next post, or undefined once `posts` have been generated. */
  next(): RawPost | undefined {
    if (this.seq >= this.opts.posts) return undefined;
    const top = this.heap.peek();
    if (top && top.time <= this.nextArrival) {
      this.heap.pop();
      return top.type === 0 ? this.emitReaction(top) : this.emitBurstPost(top);
    }
    const t = this.nextArrival;
    const post = this.emitSpontaneous(t);
    this.nextArrival = this.arrivalAfter(t);
    return post;
  }

  /** Generate and discard posts until `count` have been generated. */
  skipTo(count: number): void {
    while (this.seq < count && this.next() !== undefined);
  }

  *[Symbol.iterator](): Iterator<RawPost> {
    for (let post = this.next(); post; post = this.next()) yield post;
  }

  // ---------------------------------------------------------------- rates

  private refreshDay(t: number): void {
    const minute = Math.floor(t / 60_000);
    if (minute === this.cachedMinute) return;
    this.cachedMinute = minute;
    const utcHours = (((t / 3_600_000) % 24) + 24) % 24;
    const weights: number[] = [];
    let total = 0;
    for (let l = 0; l < this.packs.length; l++) {
      const offsets = this.packs[l].utcOffsets;
      let f = 0;
      for (const offset of offsets) {
        const local = (utcHours + offset + 24) % 24;
        const h = Math.floor(local);
        const frac = local - h;
        f += DAILY_CURVE[h] * (1 - frac) + DAILY_CURVE[(h + 1) % 24] * frac;
      }
      const w = (this.shares[l] * f) / offsets.length / this.meanDay;
      weights.push(w);
      total += w;
    }
    this.dayFactor = total;
    this.langCumulative = cumulativeOf(weights);
  }

  /** Total spontaneous rate at t (posts/ms); fills this.weights: [background, ...episodes]. */
  private rateAt(t: number): number {
    this.refreshDay(t);
    const weights = this.weights;
    weights.length = 0;
    let total = this.bgRatePerMs * this.dayFactor;
    weights.push(total);
    const episodes = this.episodes;
    for (let i = 0; i < episodes.length; i++) {
      const ep = episodes[i];
      let w = 0;
      if (t >= ep.onset && t < ep.end) {
        w = t < ep.peak ? (ep.amplitude * (t - ep.onset)) / (ep.peak - ep.onset) : ep.amplitude * Math.exp(-(t - ep.peak) / ep.decay);
      }
      weights.push(w);
      total += w;
    }
    return total;
  }

  private arrivalAfter(t: number): number {
    let clock = t;
    for (;;) {
      this.ensurePlanned(clock);
      const rate = this.rateAt(clock);
      const gap = this.timeRng.exponential(rate);
      if (gap <= RATE_STEP_MS) return clock + gap;
      clock += RATE_STEP_MS;
    }
  }

  private pruneEpisodes(t: number): void {
    for (let i = this.episodes.length - 1; i >= 0; i--) if (this.episodes[i].end < t) this.episodes.splice(i, 1);
  }

  // ---------------------------------------------------------------- planning

  private ensurePlanned(t: number): void {
    if (!this.opts.endless) return;
    const epoch = Math.floor((t - this.opts.start) / this.opts.epochMs);
    while (this.plannedEpochs <= epoch) {
      this.pruneEpisodes(t);
      this.planEpoch(this.plannedEpochs, this.opts.start + this.plannedEpochs * this.opts.epochMs, this.bgRatePerMs);
    }
  }

  private meanDayFactor(from: number, to: number): number {
    const samples = Math.max(2, Math.min(300, Math.ceil((to - from) / 300_000)));
    let sum = 0;
    for (let i = 0; i < samples; i++) {
      this.refreshDay(from + ((to - from) * (i + 0.5)) / samples);
      sum += this.dayFactor;
    }
    this.cachedMinute = Number.NaN;
    return sum / samples;
  }

  /**
   * Plan one epoch's events, narratives and bursts. An event's extra rate is proportional to the
   * background rate, which is `backgroundPerMs` (1 while the first plan sets that rate).
   */
  private planEpoch(epoch: number, epochStart: number, backgroundPerMs: number): { fixedPosts: number; perBackgroundRate: number } {
    this.plannedEpochs = epoch + 1;
    const rng = this.planRng;
    const D = this.opts.epochMs;
    const clampMs = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
    const topicShare = (topic: number): number => TOPIC_WEIGHTS[topic] / this.topicCumulative[this.topicCumulative.length - 1];
    let fixedPosts = 0;
    let perBackgroundRate = 0;

    for (let i = 0; i < this.opts.events; i++) {
      if (this.placeOrder.length === 0) this.placeOrder = this.shuffled(EVENT_PLACES.length);
      const place = EVENT_PLACES[this.placeOrder.pop()!];
      const incident = rng.int(INCIDENT_IDS.length);
      const topic = TOPICS.indexOf(INCIDENTS[INCIDENT_IDS[incident]]);
      const langCount = Math.min(this.packs.length, rng.chance(0.5) ? 1 : rng.chance(0.7) ? 2 : 3);
      const langs = this.distinctLanguages(langCount);
      const onset = epochStart + D * rng.between(0.12, 0.62);
      // Minutes to an hour in a long stream; squeezed into short ones so they still end inside.
      const rise = clampMs(D * rng.between(0.01, 0.04), Math.min(60_000, D * 0.06), 1_800_000);
      const decay = clampMs(D * rng.between(0.03, 0.08), Math.min(120_000, D * 0.12), 3_600_000);
      const peak = onset + rise;
      const end = peak + decay * Math.log(20);
      const multiplier = Math.round(rng.between(5, 20) * 10) / 10;
      const index = this.events.length;
      this.events.push({
        id: `event-${index + 1}`,
        topic,
        incident,
        place,
        langs,
        onset,
        peak,
        end,
        multiplier,
        hashtag: `#${place.tag}${INCIDENT_TAGS[INCIDENT_IDS[incident]]}`,
        seqs: [],
      });
      for (const lang of langs) {
        // Extra rate at the peak, per unit of background rate: this topic's share in this
        // language, times (multiplier - 1), so the topic runs at `multiplier` times its usual rate.
        const relative = this.shares[lang] * topicShare(topic) * (multiplier - 1);
        this.episodes.push({ owner: index, isEvent: true, lang, onset, peak, end, decay, amplitude: relative * backgroundPerMs });
        perBackgroundRate += (relative * (rise / 2 + decay * 0.95)) / 1000;
      }
    }

    for (let i = 0; i < this.opts.narratives; i++) {
      if (this.claimOrder.length === 0) this.claimOrder = this.shuffled(CLAIMS.length);
      const claim = this.claimOrder.pop()!;
      const first = this.distinctLanguages(1)[0];
      const langs = [first];
      if (this.packs.length > 1 && rng.chance(0.6)) {
        let second = first;
        while (second === first) second = this.distinctLanguages(1)[0];
        langs.push(second);
      }
      const start = epochStart + D * rng.between(0.05, 0.5);
      const rise = clampMs(D * rng.between(0.05, 0.15), Math.min(120_000, D * 0.12), 3 * 3_600_000);
      const decay = clampMs(D * rng.between(0.1, 0.3), Math.min(300_000, D * 0.3), 6 * 3_600_000);
      const copies = Math.min(4000, Math.max(30, this.opts.postsPerEpoch * 0.004 * rng.between(0.6, 1.4)));
      const index = this.narratives.length;
      // Wordings come from the text stream, so that editing a template changes no plan or time.
      const wordings = langs.map((l) => chooseWording(this.packs[l].claims[claim], this.textRng));
      const canonical = langs.map((l, k) => renderWording(this.packs[l].claims[claim], wordings[k], this.textRng, 0));
      this.narratives.push({
        id: `narrative-${index + 1}`,
        claim,
        langs,
        wordings,
        canonical,
        hashtag: `#${CLAIM_TAGS[CLAIMS[claim]]}`,
        link: `https://${rng.pick(DUBIOUS_DOMAINS)}/${CLAIMS[claim]}-${(rng.nextU32() % 1_000_000).toString(36)}`,
        start,
        seqs: [],
      });
      const area = (rise / 2 + decay * 0.95) / 1000; // seconds
      langs.forEach((lang, k) => {
        const share = langs.length === 1 ? 1 : k === 0 ? 0.7 : 0.3;
        const lag = k === 0 ? 0 : rise * rng.between(0.3, 1);
        const amplitude = (copies * share) / area / 1000;
        const peak = start + lag + rise;
        this.episodes.push({ owner: index, isEvent: false, lang, onset: start + lag, peak, end: peak + decay * Math.log(20), decay, amplitude });
      });
      fixedPosts += copies * 0.95;
    }

    for (let i = 0; i < this.opts.coordinatedBursts; i++) {
      const lang = this.distinctLanguages(1)[0];
      const pack = this.packs[lang];
      const size = 10 + rng.int(31);
      const start = epochStart + D * rng.between(0.08, 0.9);
      const window = rng.between(2000, 10_000);
      const template = rng.pick(pack.coordinated);
      const pool = this.communities[lang].pool;
      const chosen = new Set<number>();
      while (chosen.size < Math.min(size, pool.length)) chosen.add(pool[rng.int(pool.length)]);
      const burst: BurstState = {
        id: `burst-${this.bursts.length + 1}`,
        lang,
        link: `https://${rng.pick(DUBIOUS_DOMAINS)}/${(rng.nextU32() % 100_000_000).toString(36)}`,
        template,
        wording: chooseWording(template, this.textRng),
        start,
        end: start + window,
        accounts: [],
        seqs: [],
        remaining: [...chosen],
      };
      this.bursts.push(burst);
      const times = burst.remaining.map(() => start + rng.next() * window).sort((a, b) => a - b);
      for (const time of times) this.heap.push({ type: 1, time, order: this.order++, burst });
      fixedPosts += chosen.size;
    }
    return { fixedPosts, perBackgroundRate };
  }

  private shuffled(n: number): number[] {
    const items = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.planRng.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** `count` distinct languages drawn by their shares. */
  private distinctLanguages(count: number): number[] {
    const base = cumulativeOf(this.shares);
    const out: number[] = [];
    while (out.length < count) {
      const l = this.planRng.weighted(base);
      if (!out.includes(l)) out.push(l);
    }
    return out;
  }

  // ---------------------------------------------------------------- accounts

  private account(lang: number): number {
    const c = this.communities[lang];
    const u = this.timeRng.next();
    const rank = Math.floor(c.size * u * u * u);
    return c.start + ((rank * c.stride) % c.size);
  }

  private handle(account: number): string {
    return (this.handles[account] ??= `sim_user_${account}`);
  }

  // ---------------------------------------------------------------- emission

  private finish(post: RawPost, lang: number): RawPost {
    this.langCounts[lang]++;
    if (post.createdAt > this.lastCreatedAt) this.lastCreatedAt = post.createdAt;
    return post;
  }

  private newPost(time: number, author: number, text: string, lang: number): RawPost {
    const nativeId = this.idPrefix + this.seq;
    this.seq++;
    return {
      platform: 'sim',
      nativeId,
      source: this.name,
      createdAt: Math.round(time),
      author: this.handle(author),
      text,
      langHint: this.codes[lang],
    };
  }

  private emitSpontaneous(t: number): RawPost {
    const total = this.rateAt(t);
    let pick = this.timeRng.next() * total;
    const weights = this.weights;
    let component = 0;
    while (component < weights.length - 1 && pick >= weights[component]) {
      pick -= weights[component];
      component++;
    }
    if (component === 0 || weights[component] === 0) return this.emitBackground(t);
    const ep = this.episodes[component - 1];
    return ep.isEvent ? this.emitEventPost(t, ep) : this.emitNarrativePost(t, ep);
  }

  private emitBackground(t: number): RawPost {
    const lang = this.timeRng.weighted(this.langCumulative);
    const topic = this.timeRng.weighted(this.topicCumulative);
    const author = this.account(lang);
    const pack = this.packs[lang];
    const rng = this.textRng;
    const sentences = pack.topicSentences[topic];
    let text = rng.chance(0.08) ? rng.pick(pack.openers) + pack.space : '';
    const first = rng.int(sentences.length);
    text += renderTemplate(sentences[first], rng);
    const extra = rng.next();
    if (extra < 0.2) text += pack.space + rng.pick(pack.reactions);
    else if (extra < 0.45) text += pack.space + renderTemplate(sentences[(first + 1 + rng.int(sentences.length - 1)) % sentences.length], rng);
    let hashtags: string[] | undefined;
    if (rng.chance(0.22)) {
      const tags = pack.topicHashtags[topic];
      const tag = rng.pick(tags);
      hashtags = [tag];
      text += ` #${tag}`;
      if (tags.length > 1 && rng.chance(0.25)) {
        const second = rng.pick(tags);
        if (second !== tag) {
          hashtags.push(second);
          text += ` #${second}`;
        }
      }
    }
    let links: string[] | undefined;
    if (rng.chance(0.1)) {
      const link = this.newsLink(pack, topic);
      links = [link];
      text += ` ${link}`;
    }
    if (rng.chance(0.18)) text += emojiSeparator(pack, hashtags || links) + rng.pick(rng.chance(0.5) ? TOPIC_EMOJI[TOPICS[topic]] : GENERAL_EMOJI);

    // Platforms stamp posts a little out of order; only chatter gets this, so that reactions
    // stay after what they react to and episodes stay inside their windows.
    let createdAt = t;
    if (this.timeRng.chance(0.03)) createdAt = Math.max(this.opts.start, t - this.timeRng.next() * 4000);
    const post = this.newPost(createdAt, author, text, lang);
    if (hashtags) post.hashtags = hashtags;
    if (links) post.links = links;
    this.maybeCascade(post, t, lang, topic, author, ORIGIN_BACKGROUND, -1, -1);
    return this.finish(post, lang);
  }

  private newsLink(pack: CompiledPack, topic: number): string {
    const rng = this.textRng;
    const domain = rng.chance(0.15) ? rng.pick(GLOBAL_DOMAINS) : rng.pick(pack.domains);
    return `https://${domain}/${SECTIONS[TOPICS[topic]]}/${1_000_000 + rng.int(9_000_000)}`;
  }

  private emitEventPost(t: number, ep: Episode): RawPost {
    const event = this.events[ep.owner];
    const lang = ep.lang;
    const pack = this.packs[lang];
    const rng = this.textRng;
    const author = this.account(lang);
    let text = capitalizeFirst(
      renderTemplate(rng.pick(pack.eventSentences), rng, { place: event.place.names[pack.code], incident: pack.incidents[event.incident] }),
    );
    let hashtags: string[] | undefined;
    if (rng.chance(0.7)) {
      hashtags = [event.hashtag.slice(1)];
      text += ` ${event.hashtag}`;
    }
    let links: string[] | undefined;
    if (rng.chance(0.15)) {
      const link = this.newsLink(pack, event.topic);
      links = [link];
      text += ` ${link}`;
    }
    if (rng.chance(0.25)) text += emojiSeparator(pack, hashtags || links) + rng.pick(ALARM_EMOJI);
    const post = this.newPost(t, author, text, lang);
    if (hashtags) post.hashtags = hashtags;
    if (links) post.links = links;
    event.seqs.push(this.seq - 1);
    this.maybeCascade(post, t, lang, event.topic, author, ORIGIN_EVENT, -1, ep.owner);
    return this.finish(post, lang);
  }

  private emitNarrativePost(t: number, ep: Episode): RawPost {
    const narrative = this.narratives[ep.owner];
    const lang = ep.lang;
    const k = narrative.langs.indexOf(lang);
    const pack = this.packs[lang];
    const rng = this.textRng;
    const author = this.account(lang);
    const template = pack.claims[narrative.claim];
    // Some copies are verbatim; the rest swap a phrase for a synonym here and there and may lose a word.
    const verbatim = rng.chance(0.3);
    let body = renderWording(template, narrative.wordings[k], rng, verbatim ? 0 : 0.12);
    if (!verbatim && pack.space === ' ' && rng.chance(0.2)) body = dropWord(body, rng);
    let text = rng.chance(0.3) ? rng.pick(pack.breaking) + pack.space + body : body;
    let hashtags: string[] | undefined;
    if (rng.chance(0.45)) {
      hashtags = [narrative.hashtag.slice(1)];
      text += ` ${narrative.hashtag}`;
    }
    let links: string[] | undefined;
    if (rng.chance(0.35)) {
      links = [narrative.link];
      text += ` ${narrative.link}`;
    }
    if (rng.chance(0.3)) text += emojiSeparator(pack, hashtags || links) + rng.pick(rng.chance(0.6) ? ALARM_EMOJI : GENERAL_EMOJI);
    const post = this.newPost(t, author, text, lang);
    if (hashtags) post.hashtags = hashtags;
    if (links) post.links = links;
    narrative.seqs.push(this.seq - 1);
    this.maybeCascade(post, t, lang, TOPICS.indexOf('everyday'), author, ORIGIN_NARRATIVE, ep.owner, -1);
    return this.finish(post, lang);
  }

  private emitBurstPost(item: PendingBurstPost): RawPost {
    const burst = item.burst;
    const account = burst.remaining.pop()!;
    const rng = this.textRng;
    let text = renderWording(burst.template, burst.wording, rng, 0.08, { link: burst.link });
    if (rng.chance(0.3)) text += ' ' + rng.pick(GENERAL_EMOJI);
    const post = this.newPost(item.time, account, text, burst.lang);
    post.links = [burst.link];
    burst.accounts.push(account);
    burst.seqs.push(this.seq - 1);
    return this.finish(post, burst.lang);
  }

  private emitReaction(item: PendingReaction): RawPost {
    const parent = item.parent;
    const lang = parent.lang;
    const pack = this.packs[lang];
    const rng = this.textRng;
    let author = this.account(lang);
    if (author === parent.author) author = this.account(lang);
    let text: string;
    let hashtags: string[] | undefined;
    let links: string[] | undefined;
    if (item.kind === REPOST) {
      text = parent.text;
      hashtags = parent.hashtags?.slice();
      links = parent.links?.slice();
    } else if (item.kind === REPLY) {
      text = rng.pick(pack.replies);
      if (rng.chance(0.3)) text += pack.space + rng.pick(pack.reactions);
    } else {
      text = rng.pick(pack.reactions);
      if (rng.chance(0.3)) {
        const tag = rng.pick(pack.topicHashtags[parent.topic]);
        hashtags = [tag];
        text += ` #${tag}`;
      }
    }
    const post = this.newPost(item.time, author, text, lang);
    if (hashtags) post.hashtags = hashtags;
    if (links) post.links = links;
    if (item.kind === REPOST) post.repostOf = parent.nativeId;
    else if (item.kind === REPLY) post.replyTo = parent.nativeId;
    else post.quoteOf = parent.nativeId;

    const seq = this.seq - 1;
    if (parent.cascade < 0) {
      parent.cascade = this.cascadeRoots.length;
      this.cascadeRoots.push(parent.seq);
      this.cascadeDepths.push(0);
      this.cascadeSizes.push(1);
    }
    const cascade = parent.cascade;
    this.edgeCascade.push(cascade);
    this.edgeParent.push(parent.seq);
    this.edgeChild.push(seq);
    this.edgeKind.push(item.kind);
    this.cascadeSizes[cascade]++;
    const depth = parent.depth + 1;
    if (depth > this.cascadeDepths[cascade]) this.cascadeDepths[cascade] = depth;

    const inherits = item.kind === REPOST;
    const narrative = inherits ? parent.narrative : -1;
    const event = inherits ? parent.event : -1;
    if (narrative >= 0) this.narratives[narrative].seqs.push(seq);
    if (event >= 0) this.events[event].seqs.push(seq);

    const count = this.timeRng.chance(CASCADE_CHANCE_NESTED) ? this.timeRng.pareto(NESTED_ALPHA, NESTED_CAP) : 0;
    if (count > 0) {
      const child: Parent = {
        seq,
        nativeId: post.nativeId,
        time: item.time,
        text,
        lang,
        topic: parent.topic,
        author,
        hashtags,
        links,
        depth,
        cascade,
        narrative,
        event,
      };
      this.scheduleReactions(child, count);
    }
    return this.finish(post, lang);
  }

  private maybeCascade(post: RawPost, t: number, lang: number, topic: number, author: number, origin: number, narrative: number, event: number): void {
    if (!this.timeRng.chance(CASCADE_CHANCE[origin])) return;
    const count = this.timeRng.pareto(ROOT_ALPHA, this.rootCap);
    const parent: Parent = {
      seq: this.seq - 1,
      nativeId: post.nativeId,
      time: t,
      text: post.text,
      lang,
      topic,
      author,
      hashtags: post.hashtags,
      links: post.links,
      depth: 0,
      cascade: -1,
      narrative,
      event,
    };
    this.scheduleReactions(parent, count);
  }

  private scheduleReactions(parent: Parent, count: number): void {
    const rng = this.timeRng;
    for (let i = 0; i < count; i++) {
      const r = rng.next();
      const kind = r < 0.6 ? REPOST : r < 0.85 ? REPLY : QUOTE;
      const median = this.delayMedianMs * (kind === REPOST ? 1 : kind === REPLY ? 1.5 : 2);
      const delay = Math.min(MAX_DELAY_MS, Math.max(1000, rng.logNormal(median, DELAY_SIGMA)));
      this.heap.push({ type: 0, time: parent.time + delay, order: this.order++, parent, kind });
    }
  }

  // ---------------------------------------------------------------- truth

  private postId(seq: number): string {
    return `sim:${this.idPrefix}${seq}`;
  }

  /** The ground truth of the posts generated so far. */
  truth(): GroundTruth {
    const languages: Record<string, number> = {};
    this.codes.forEach((code, l) => {
      languages[code] = this.langCounts[l];
    });
    const end = this.lastCreatedAt;
    const events: EventTruth[] = this.events
      .filter((e) => this.seq > 0 && e.onset <= end)
      .map((e) => {
        const termsByLanguage: Record<string, string[]> = {};
        const terms: string[] = [];
        for (const l of e.langs) {
          const pack = this.packs[l];
          const pair = [e.place.names[pack.code], pack.incidents[e.incident]];
          termsByLanguage[pack.code] = pair;
          for (const term of pair) if (!terms.includes(term)) terms.push(term);
        }
        return {
          id: e.id,
          topic: TOPICS[e.topic],
          incident: INCIDENT_IDS[e.incident],
          place: e.place.tag,
          languages: e.langs.map((l) => this.codes[l]),
          onset: Math.round(e.onset),
          peak: Math.round(e.peak),
          end: Math.round(e.end),
          multiplier: e.multiplier,
          terms,
          termsByLanguage,
          hashtag: e.hashtag,
          posts: e.seqs.length,
          postIds: e.seqs.map((s) => this.postId(s)),
        };
      });
    const narratives: NarrativeTruth[] = this.narratives
      .filter((n) => n.seqs.length > 0)
      .map((n) => {
        const claims: Record<string, string> = {};
        n.langs.forEach((l, k) => {
          claims[this.codes[l]] = n.canonical[k];
        });
        return {
          id: n.id,
          claimKey: CLAIMS[n.claim],
          language: this.codes[n.langs[0]],
          languages: n.langs.map((l) => this.codes[l]),
          claim: n.canonical[0],
          claims,
          hashtag: n.hashtag,
          link: n.link,
          start: Math.round(n.start),
          postIds: n.seqs.map((s) => this.postId(s)),
        };
      });
    const cascades: CascadeTruth[] = this.cascadeRoots.map((root, c) => ({
      rootId: this.postId(root),
      size: this.cascadeSizes[c],
      depth: this.cascadeDepths[c],
      edges: [],
    }));
    for (let i = 0; i < this.edgeChild.length; i++) {
      cascades[this.edgeCascade[i]].edges.push({
        parent: this.postId(this.edgeParent[i]),
        child: this.postId(this.edgeChild[i]),
        kind: KIND_NAMES[this.edgeKind[i]],
      });
    }
    const bursts: BurstTruth[] = this.bursts
      .filter((b) => b.seqs.length > 0)
      .map((b) => ({
        id: b.id,
        language: this.codes[b.lang],
        link: b.link,
        accounts: b.accounts.map((a) => this.handle(a)),
        start: Math.round(b.start),
        end: Math.round(b.end),
        postIds: b.seqs.map((s) => this.postId(s)),
      }));
    return { seed: this.opts.seed, start: this.opts.start, end, posts: this.seq, languages, events, narratives, cascades, bursts };
  }
}
