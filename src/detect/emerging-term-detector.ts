import type { Alert, AlertTerm, TermKind } from '../model/alert.js';
import type { DetectablePost } from './detectable-post.js';
import { EventTimeBuffer, type EventTimeBufferSnapshot } from './event-time-buffer.js';
import { distinctAuthors, pickRepresentative, topLevelShare, samplePost, tally, type PostSample } from './explain.js';
import { SignificanceTable, type SignificanceTableSnapshot } from './significance-table.js';
import { SpaceSaving, type SpaceSavingSnapshot } from './space-saving.js';
import { hashPair, shortDigest } from './term-hash.js';
import { isEligibleWord, termHash, TermKeyBuffer, type TermKey } from './term-keys.js';
import { tokenize } from '../enrich/tokenize.js';

/**
 * Emerging topics across a stream, in fixed memory whatever the vocabulary.
 *
 * 1. Every post's terms (words, hashtags, links, domains) and pairs of its most rising terms are
 *    counted in a hashed significance table (SigniTrend, KDD 2014; see significance-table.ts).
 * 2. A term whose significance passes `candidateSignificance` is named and followed in a
 *    Space-Saving summary (heavy hitters with decay), with a few sample posts of its own.
 * 3. When a followed term passes `fireSignificance` with enough posts, it either joins an active
 *    topic whose terms appear in a good share of its posts, or founds a new topic with the rising
 *    terms that co-occur with it — one alert per topic, not one per term.
 * 4. A topic stays active (and silent) while any of its terms keeps rising; `topicTtlMs` after the
 *    last rise it ends, and the same terms rising later make a new alert.
 *
 * Posts pass an event-time buffer first (`latenessMs`), so results do not depend on arrival order
 * within that tolerance, and all times are the posts' own.
 */

export interface EmergingTermOptions {
  /** Stream-wide detector: null. A per-watch emerging detector: the watch's name. */
  watch: string | null;
  latenessMs: number;
  tableBits: number;
  depth: number;
  /**
   * Time resolution of the learned rates; the sliding window is about one slot wide. Two hours by
   * default: a burst is counted as fast whatever the window (the count only grows), but a story
   * that spreads at a few posts every ten minutes for an hour or two only stands out over a window
   * that long — and most real stories start that way before they surge.
   */
  slotMs: number;
  /** The window slides in steps of slotMs / subSlots. */
  subSlots: number;
  /** Half-life of a term's learned rate, in slots. */
  halfLifeSlots: number;
  /** Noise floor in posts (SigniTrend's β). */
  beta: number;
  /** Slots with fewer posts teach nothing (gaps, outages). */
  minSlotPosts: number;
  /**
   * Learned slots needed before any alert (cold start). A day by default: language communities
   * wake at different hours, and until each hour has been seen their everyday words look new.
   */
  warmupSlots: number;
  /** Significance at which a term is named and followed. */
  candidateSignificance: number;
  /** Significance at which a followed term makes (or joins) a topic. */
  fireSignificance: number;
  /** Posts with the term in the window needed to fire. */
  minObserved: number;
  /**
   * How many times its expected count a term must reach to fire. Significance alone lets a common
   * word fire at twice its usual count when its variance is low (football words on a match night);
   * people call a surge something several times its normal level.
   */
  minRise: number;
  /** Distinct authors among a term's sample posts needed to fire (ignored when posts carry no author key). */
  minAuthors: number;
  /**
   * Whether reposts (posts with `repostOf`) count in the term statistics. Off by default: one post
   * and its reposts are a cascade, which the diffusion view follows; a topic is many people
   * writing about something. (Spike detection counts reposts: they are volume.)
   */
  countReposts: boolean;
  /**
   * Share of a term's sample posts that must be top-level (not replies or quotes): a burst of
   * stock reactions under one viral post ("so true", "agreed") is a conversation, not a topic.
   */
  minTopLevelShare: number;
  /** Distinct non-pair terms a new topic needs (1 lets a single new hashtag or link fire). */
  minTopicTerms: number;
  /** Terms whose learned rate per post exceeds this never fire: function words of any language. */
  maxBaselineRate: number;
  /** Pairs are formed among this many of a post's most rising words and hashtags. */
  pairTerms: number;
  /**
   * Only words at least this significant in the post pair up (default: every word). Raising it
   * saves a table update per pair, mostly pairs of rare words never seen again, but pairs then
   * learn their history only while their words are up and look new too easily (a trial with 1
   * on 50 days of the real-event replay, eval/trends.ts, gave more false alarms).
   */
  pairMinSignificance: number;
  /** Followed terms (Space-Saving capacity). */
  trackedTerms: number;
  trackedHalfLifeMs: number;
  /** Sample posts kept per followed term. */
  samplesPerTerm: number;
  /** Share of a term's posts that must contain a topic's terms for the term to belong to it. */
  joinShare: number;
  topicTtlMs: number;
  maxTopics: number;
  maxAlertTerms: number;
  representativePosts: number;
}

/** Context words (its most shared) that name a story whose terms are generic; see mergeIntoStory. */
const STORY_CONTEXT_WORDS = 2;

/** Distinct posts that must share a word for it to be named as a topic's context. */
const CONTEXT_MIN_POSTS = 3;
const MAX_CONTEXT_WORDS = 5;

/** A term at this many times its expected count is new rather than rising again. */
const NEW_TERM_RISE = 10;

export const DEFAULT_EMERGING_OPTIONS: EmergingTermOptions = {
  watch: null,
  latenessMs: 5_000,
  tableBits: 20,
  depth: 2,
  slotMs: 2 * 3_600_000,
  subSlots: 6,
  halfLifeSlots: 12,
  beta: 1.5,
  minSlotPosts: 50,
  warmupSlots: 12,
  candidateSignificance: 3,
  fireSignificance: 4.5,
  minObserved: 5,
  minRise: 3,
  minAuthors: 3,
  countReposts: false,
  minTopLevelShare: 0.5,
  minTopicTerms: 2,
  maxBaselineRate: 0.05,
  pairTerms: 4,
  pairMinSignificance: -Infinity,
  trackedTerms: 2_000,
  trackedHalfLifeMs: 3_600_000,
  samplesPerTerm: 24,
  joinShare: 0.3,
  topicTtlMs: 6 * 3_600_000,
  maxTopics: 200,
  maxAlertTerms: 10,
  representativePosts: 3,
};

interface TermScoreCopy {
  observed: number;
  expected: number;
  significance: number;
}

/** A term followed because it is rising. */
interface TrackedTerm {
  text: string;
  kind: TermKind;
  hash: number;
  /** When it first rose above the candidate threshold (this time round). */
  risingSince: number;
  lastRise: number;
  latest: TermScoreCopy;
  peak: TermScoreCopy;
  samples: PostSample[];
  /** Ring position for samples. */
  next: number;
  topic: string | null;
  /** Lowest learned rate per post seen while rising: how common the term was before. */
  baseRate: number;
}

interface Topic {
  id: string;
  keys: number[];
  /** Words and hashtags: what defines the topic (links, domains and pairs only describe it). */
  coreKeys: number[];
  terms: string[];
  /** Hashes of its context words when it was founded, most shared first (see contextWords). */
  contextKeys: number[];
  startedAt: number;
  firedAt: number;
  /** Last time one of its terms was seen rising (candidate level): the topic lives on. */
  lastRise: number;
  /** Last time one of its terms was at firing level: the surge is still on, new terms join it. */
  lastHot: number;
}

export interface EmergingStatus {
  warm: boolean;
  /** Why no alert can fire yet, during the cold start. */
  reason?: string;
  learnedSlots: number;
  trackedTerms: number;
  activeTopics: number;
  /** Posts older than the watermark when they arrived (processed, order not guaranteed). */
  latePosts: number;
  posts: number;
}

export interface EmergingTermSnapshot {
  version: 1;
  options: EmergingTermOptions;
  table: SignificanceTableSnapshot;
  tracked: SpaceSavingSnapshot<TrackedTerm>;
  topics: Topic[];
  buffer: EventTimeBufferSnapshot<DetectablePost>;
  posts: number;
}

const NO_ALERTS: Alert[] = [];
const PAIRABLE: ReadonlySet<TermKind> = new Set(['word', 'hashtag']);
const CORE_KINDS = PAIRABLE;
/** A topic's central words are in at least this share of its posts (see centralKeys). */
const CENTRAL_SHARE = 0.6;
/** Below this learned rate per post a word was rare before it rose (see centralKeys). */
const SPECIFIC_RATE = 1e-3;

interface Rising {
  key: TermKey;
  score: TermScoreCopy;
  rate: number;
}

/**
 * Distinct words among `members` that have each risen `minRise` times over: a pair of common
 * words (`first + time`) may rise fast while its words barely move, which is a phrase in fashion,
 * not a topic. A hashtag and the same word are one word (`#bundesliga` with `bundesliga` is one
 * word rising again), unless the term is new: a hashtag nobody used before names a topic by itself.
 */
function distinctRisenWords(members: readonly TrackedTerm[], minRise: number): number {
  const words = new Set<string>();
  for (const m of members) {
    const { observed, expected } = m.latest;
    if (m.kind === 'pair' || observed < minRise * expected) continue;
    words.add(observed >= NEW_TERM_RISE * expected ? `${m.kind}:${m.text}` : m.text.replace(/^#/, ''));
  }
  return words.size;
}

function majorityLanguage(samples: readonly PostSample[]): string | undefined {
  const counts = new Map<string, number>();
  for (const s of samples) if (s.lang) counts.set(s.lang, (counts.get(s.lang) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [lang, c] of counts) if (c > bestCount) [best, bestCount] = [lang, c];
  return best;
}

function copyScore(s: TermScoreCopy): TermScoreCopy {
  return { observed: s.observed, expected: s.expected, significance: s.significance };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export class EmergingTermDetector {
  readonly options: EmergingTermOptions;
  private table: SignificanceTable;
  private tracked: SpaceSaving<TrackedTerm>;
  private readonly trackedByHash = new Map<number, TrackedTerm>();
  /**
   * centralKeys results by topic and language, valid while `centralVersion` is unchanged: it moves
   * on whenever anything they read changes (a topic's terms, a member's samples, a followed term
   * appearing, leaving or becoming rarer), so the cache never changes an answer.
   */
  private readonly centralCache = new Map<string, { version: number; keys: number[] }>();
  private centralVersion = 0;
  private topics = new Map<string, Topic>();
  private buffer: EventTimeBuffer<DetectablePost>;
  private posts = 0;
  private readonly keys = new TermKeyBuffer();
  private sig = new Float64Array(64);
  private readonly pairTop: number[] = [];

  constructor(options: Partial<EmergingTermOptions> = {}) {
    this.options = { ...DEFAULT_EMERGING_OPTIONS, ...options };
    const o = this.options;
    this.table = new SignificanceTable({
      tableBits: o.tableBits,
      depth: o.depth,
      slotMs: o.slotMs,
      subSlots: o.subSlots,
      halfLifeSlots: o.halfLifeSlots,
      beta: o.beta,
      minSlotPosts: o.minSlotPosts,
    });
    this.tracked = new SpaceSaving<TrackedTerm>(o.trackedTerms, o.trackedHalfLifeMs);
    this.buffer = new EventTimeBuffer<DetectablePost>(o.latenessMs);
  }

  /** Feeds one enriched post; returns the alerts that the posts now due made fire. */
  observe(post: DetectablePost): Alert[] {
    return this.processAll(this.buffer.push(post));
  }

  /** Moves stream time on without a post (live mode: the wall clock); returns alerts now due. */
  advanceTo(t: number): Alert[] {
    return this.processAll(this.buffer.advanceTo(t));
  }

  /** Processes everything held back by the lateness tolerance (end of a replay). */
  flush(): Alert[] {
    return this.processAll(this.buffer.flush());
  }

  status(): EmergingStatus {
    const learned = this.table.learned;
    const warm = learned >= this.options.warmupSlots;
    const s: EmergingStatus = {
      warm,
      learnedSlots: learned,
      trackedTerms: this.tracked.size,
      activeTopics: this.topics.size,
      latePosts: this.buffer.late,
      posts: this.posts,
    };
    if (!warm) {
      s.reason = `cold start: ${learned} of ${this.options.warmupSlots} slots of ${this.options.slotMs / 60_000} min with at least ${this.options.minSlotPosts} posts learned; no alerts until then`;
    }
    return s;
  }

  /** Active topics, most recent first (for dashboards). */
  activeTopics(): { id: string; terms: string[]; startedAt: number; firedAt: number; lastRise: number }[] {
    return [...this.topics.values()]
      .sort((a, b) => b.firedAt - a.firedAt)
      .map((t) => ({ id: t.id, terms: [...t.terms], startedAt: t.startedAt, firedAt: t.firedAt, lastRise: t.lastRise }));
  }

  private processAll(posts: readonly DetectablePost[]): Alert[] {
    if (posts.length === 0) return NO_ALERTS;
    let alerts: Alert[] | undefined;
    for (const post of posts) {
      const fired = this.process(post);
      if (fired) (alerts ??= []).push(fired);
    }
    return alerts ?? NO_ALERTS;
  }

  private process(post: DetectablePost): Alert | undefined {
    const o = this.options;
    const t = post.createdAt;
    if (this.table.setTime(t) > 0) this.expireTopics(t);
    if (post.repostOf && !o.countReposts) return undefined;
    this.table.addPost(post.lang);
    this.posts++;

    const keys = this.keys.collect(post);
    const n = keys.length;
    if (n === 0) return undefined;
    if (this.sig.length < n) this.sig = new Float64Array(2 * n);
    const sig = this.sig;
    // During the cold start every term looks new: learn only, follow nothing.
    const warm = this.table.learned >= o.warmupSlots;
    let rising: Rising[] | undefined;
    for (let i = 0; i < n; i++) {
      const s = this.table.add(keys.hashes[i]);
      sig[i] = s.significance;
      if (warm && s.significance >= o.candidateSignificance && s.observed >= 3 && s.rate <= o.maxBaselineRate) {
        (rising ??= []).push({ key: keys.key(i), score: copyScore(s), rate: s.rate });
      }
    }
    // Pairs among the post's most rising words and hashtags (SigniTrend counts co-occurring
    // pairs; a few per post keep the cost bounded).
    if (o.pairTerms >= 2) {
      const top = this.pairTop;
      let m = 0;
      for (let i = 0; i < n; i++) {
        if ((keys.kinds[i] !== 'word' && keys.kinds[i] !== 'hashtag') || sig[i] < o.pairMinSignificance) continue;
        // Insertion into the top list, most significant first, earlier position on ties.
        let j = Math.min(m, o.pairTerms - 1);
        if (m < o.pairTerms) m++;
        else if (sig[i] <= sig[top[j]]) continue;
        while (j > 0 && sig[top[j - 1]] < sig[i]) {
          top[j] = top[j - 1];
          j--;
        }
        top[j] = i;
      }
      for (let a = 0; a < m; a++) {
        for (let b = a + 1; b < m; b++) {
          const ia = top[a];
          const ib = top[b];
          const h = hashPair(keys.hashes[ia], keys.hashes[ib]);
          const s = this.table.add(h);
          if (warm && s.significance >= o.candidateSignificance && s.observed >= 3 && s.rate <= o.maxBaselineRate) {
            const [x, y] = keys.text(ia) < keys.text(ib) ? [keys.text(ia), keys.text(ib)] : [keys.text(ib), keys.text(ia)];
            (rising ??= []).push({ key: { text: `${x} + ${y}`, kind: 'pair', hash: h }, score: copyScore(s), rate: s.rate });
          }
        }
      }
    }
    if (!rising) return undefined;
    return this.follow(post, keys.hashList(), rising, t);
  }

  /** Names and follows the post's rising terms; fires or extends a topic when one is strong enough. */
  private follow(post: DetectablePost, sampleKeys: number[], rising: Rising[], t: number): Alert | undefined {
    const o = this.options;
    for (const r of rising) if (r.key.kind === 'pair') sampleKeys.push(r.key.hash);
    const sample = samplePost(post, sampleKeys);
    const entries: TrackedTerm[] = [];
    for (const r of rising) {
      const entry = this.tracked.offer(
        `${r.key.kind}:${r.key.text}`,
        t,
        1,
        () => ({
          text: r.key.text,
          kind: r.key.kind,
          hash: r.key.hash,
          risingSince: t,
          lastRise: t,
          latest: r.score,
          peak: r.score,
          samples: [],
          next: 0,
          topic: null,
          baseRate: r.rate,
        }),
        (evicted) => {
          this.trackedByHash.delete(evicted.value.hash);
          this.centralVersion++;
        },
      ).value;
      if (this.trackedByHash.get(entry.hash) !== entry) {
        this.trackedByHash.set(entry.hash, entry);
        this.centralVersion++;
      }
      // A term quiet for longer than a topic lives is rising anew.
      if (t - entry.lastRise > o.topicTtlMs) {
        entry.risingSince = t;
        entry.peak = r.score;
      }
      entry.lastRise = t;
      entry.latest = r.score;
      if (r.rate < entry.baseRate) {
        entry.baseRate = r.rate;
        this.centralVersion++;
      }
      if (r.score.significance > entry.peak.significance) entry.peak = r.score;
      if (entry.samples.length < o.samplesPerTerm) entry.samples.push(sample);
      else entry.samples[entry.next] = sample;
      entry.next = (entry.next + 1) % o.samplesPerTerm;
      if (entry.topic) {
        this.centralVersion++;
        const topic = this.topics.get(entry.topic);
        if (topic) {
          topic.lastRise = t;
          if (r.score.significance >= o.fireSignificance) topic.lastHot = t;
        } else entry.topic = null;
      }
      entries.push(entry);
    }
    let alert: Alert | undefined;
    for (const entry of entries) {
      const { significance, observed, expected } = entry.latest;
      if (entry.topic || significance < o.fireSignificance || observed < o.minObserved || observed < o.minRise * expected) continue;
      const authors = distinctAuthors(entry.samples);
      if (authors !== undefined && authors < o.minAuthors) continue;
      if (topLevelShare(entry.samples) < o.minTopLevelShare) continue;
      if (this.joinTopic(entry, t)) continue;
      alert ??= this.foundTopic(entry, t);
    }
    return alert;
  }

  /**
   * Attaches the term to a surging topic when a good share (`joinShare`) of the term's posts
   * carry all of the topic's central words (see centralKeys). Sharing an everyday word, or one
   * word of several, is not enough: a factory fire in another city, or a strike in the same city,
   * is a new story. A topic whose terms have cooled below firing level for a slot takes no new
   * terms either: a new development of an old story makes its own alert.
   */
  private joinTopic(entry: TrackedTerm, t: number): boolean {
    let best: Topic | undefined;
    let bestShare = 0;
    const lang = majorityLanguage(entry.samples);
    for (const topic of this.topics.values()) {
      if (t - topic.lastHot > this.options.slotMs) continue;
      // Central words are some of the topic's terms: posts with none of them cannot join it.
      if (!entry.samples.some((s) => s.keys.some((k) => topic.keys.includes(k)))) continue;
      const central = this.centralKeys(topic, lang);
      if (central.length === 0) continue;
      let hits = 0;
      for (const s of entry.samples) if (central.every((k) => s.keys.includes(k))) hits++;
      const share = hits / entry.samples.length;
      if (share > bestShare) {
        bestShare = share;
        best = topic;
      }
    }
    if (!best || bestShare < this.options.joinShare) return false;
    this.attach(best, [entry], t);
    return true;
  }

  /** Makes `entries` terms of `topic`, which is surging at t. */
  private attach(topic: Topic, entries: readonly TrackedTerm[], t: number): void {
    this.centralVersion++;
    for (const e of entries) {
      topic.keys.push(e.hash);
      if (CORE_KINDS.has(e.kind)) topic.coreKeys.push(e.hash);
      topic.terms.push(e.text);
      e.topic = topic.id;
    }
    topic.lastRise = t;
    topic.lastHot = t;
  }

  /**
   * A topic's central words: its specific words and hashtags (rare before the topic, a learned
   * rate under 1 post in 1,000: the place rather than the incident) that are in at least 60% of
   * its sample posts, at most three, or else its most frequent specific one. Counted over the
   * topic's posts in `lang` when it has a few, so that a story told in several languages has
   * central words in each.
   */
  private centralKeys(topic: Topic, lang: string | undefined): number[] {
    const cacheKey = `${topic.id}\u0000${lang ?? ''}`;
    const cached = this.centralCache.get(cacheKey);
    if (cached && cached.version === this.centralVersion) return cached.keys;
    if (this.centralCache.size >= 4 * this.options.maxTopics) this.centralCache.clear();
    const keys = this.computeCentralKeys(topic, lang);
    this.centralCache.set(cacheKey, { version: this.centralVersion, keys });
    return keys;
  }

  private computeCentralKeys(topic: Topic, lang: string | undefined): number[] {
    let core = new Set<number>();
    for (const k of topic.coreKeys) {
      const member = this.trackedByHash.get(k);
      if (member && member.baseRate < SPECIFIC_RATE) core.add(k);
    }
    if (core.size === 0) core = new Set(topic.coreKeys.length > 0 ? topic.coreKeys : topic.keys);
    const samples = new Map<string, PostSample>();
    for (const k of topic.keys) {
      const member = this.trackedByHash.get(k);
      if (!member || member.topic !== topic.id) continue;
      for (const s of member.samples) samples.set(s.id, s);
    }
    let pool = [...samples.values()];
    const inLang = pool.filter((s) => s.lang === lang);
    if (inLang.length >= 3) pool = inLang;
    const counts = new Map<number, number>();
    for (const s of pool) for (const h of s.keys) if (core.has(h)) counts.set(h, (counts.get(h) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (ranked.length === 0) return [];
    const central = ranked.filter(([, c]) => c >= CENTRAL_SHARE * pool.length).slice(0, 3);
    return (central.length > 0 ? central : ranked.slice(0, 1)).map(([h]) => h);
  }

  /** The rising terms that co-occur with `lead` in its posts, lead first. */
  private coRising(lead: TrackedTerm, t: number): TrackedTerm[] {
    const counts = new Map<TrackedTerm, number>();
    for (const s of lead.samples) {
      for (const k of s.keys) {
        const other = this.trackedByHash.get(k);
        if (!other || other === lead || other.topic) continue;
        if (t - other.lastRise > this.options.slotMs) continue;
        counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    const need = this.options.joinShare * lead.samples.length;
    const members = [...counts].filter(([, c]) => c >= need).map(([e]) => e);
    members.sort((a, b) => b.latest.significance - a.latest.significance || (a.text < b.text ? -1 : 1));
    return [lead, ...members];
  }

  private foundTopic(lead: TrackedTerm, t: number): Alert | undefined {
    const o = this.options;
    const members = this.coRising(lead, t);
    if (distinctRisenWords(members, o.minRise) < o.minTopicTerms) return undefined;
    const samples = members.flatMap((m) => m.samples);
    const context = this.contextWords(samples, members);
    const contextKeys = context.map((w) => termHash(w, 'word'));
    if (this.mergeIntoStory(members, new Set(contextKeys), t)) return undefined;
    if (this.topics.size >= o.maxTopics) {
      const oldest = [...this.topics.values()].sort((a, b) => a.lastRise - b.lastRise)[0];
      this.endTopic(oldest);
    }
    const startedAt = Math.min(...members.map((m) => m.risingSince));
    const topicKey = `emerging:${o.watch ?? '*'}:${lead.kind}:${lead.text}`;
    const id = `em-${t.toString(36)}-${shortDigest(topicKey)}`;
    const topic: Topic = {
      id,
      keys: members.map((m) => m.hash),
      coreKeys: members.filter((m) => CORE_KINDS.has(m.kind)).map((m) => m.hash),
      terms: members.map((m) => m.text),
      contextKeys,
      startedAt,
      firedAt: t,
      lastRise: t,
      lastHot: t,
    };
    this.topics.set(id, topic);
    this.centralVersion++;
    for (const m of members) m.topic = id;

    // Words and hashtags first, then links and domains, then pairs (they repeat listed words).
    const rank = (m: TrackedTerm) => (CORE_KINDS.has(m.kind) ? 0 : m.kind === 'pair' ? 2 : 1);
    const ordered = [...members].sort((a, b) => rank(a) - rank(b) || b.latest.significance - a.latest.significance || (a.text < b.text ? -1 : 1));
    const terms: AlertTerm[] = ordered.slice(0, o.maxAlertTerms).map((m) => ({
      term: m.text,
      kind: m.kind,
      observed: round(m.latest.observed),
      baseline: round(m.latest.expected),
      significance: round(m.latest.significance),
    }));
    const topicKeys = new Set(topic.keys);
    return {
      id,
      kind: 'emerging',
      watch: o.watch,
      topicKey,
      startedAt,
      firedAt: t,
      windowMs: o.slotMs,
      terms,
      observed: round(lead.latest.observed),
      baseline: round(lead.latest.expected),
      significance: round(lead.latest.significance),
      languages: tally(samples, 'lang'),
      platforms: tally(samples, 'platform'),
      representative: pickRepresentative(samples, topicKeys, o.representativePosts),
      ...(context.length > 0 ? { context } : {}),
      series: [],
      status: 'open',
      acknowledgedAt: null,
    };
  }

  /**
   * Another facet of a story already alerted on under generic words: terms that would found a
   * topic, but whose posts share the first two context words of a recent topic (`discusses |
   * landed` ten seconds after `roads | urgent`, both about `flood, shiraz`). They join that topic
   * silently: one alert per story. Only topics named by their context take facets this way — a
   * topic whose own terms name the story (`porto, data, breach`) stays apart from a data breach
   * in Valencia, whose posts share `data, breach` with it.
   */
  private mergeIntoStory(members: readonly TrackedTerm[], context: ReadonlySet<number>, t: number): boolean {
    if (context.size < STORY_CONTEXT_WORDS) return false;
    let best: Topic | undefined;
    for (const topic of this.topics.values()) {
      if (topic.contextKeys.length < STORY_CONTEXT_WORDS || t - topic.firedAt > this.options.slotMs) continue;
      if (!topic.contextKeys.slice(0, STORY_CONTEXT_WORDS).every((k) => context.has(k))) continue;
      if (!best || topic.firedAt > best.firedAt) best = topic;
    }
    if (!best) return false;
    this.attach(best, members, t);
    return true;
  }

  /**
   * Words most of a new topic's posts share besides its terms: what the topic is about when its
   * rising terms are generic (`roads | urgent`, for a flood in a city whose name was already
   * frequent). Read from the sample posts' text when the topic is founded, which is rare, so
   * nothing more is kept per post. Function words of any language are left out by their learned rate.
   */
  private contextWords(samples: readonly PostSample[], members: readonly TrackedTerm[]): string[] {
    const posts = new Map<string, PostSample>();
    for (const s of samples) if (!s.repost) posts.set(s.id, s);
    if (posts.size < CONTEXT_MIN_POSTS) return [];
    const named = new Set<string>();
    for (const m of members) if (m.kind !== 'pair') named.add(m.kind === 'hashtag' ? m.text.slice(1) : m.text);
    const counts = new Map<string, number>();
    for (const s of posts.values()) {
      for (const word of new Set(tokenize(s.text))) {
        if (!named.has(word) && isEligibleWord(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    const need = Math.max(CONTEXT_MIN_POSTS, CENTRAL_SHARE * posts.size);
    return [...counts]
      .filter(([word, c]) => c >= need && this.table.lookup(termHash(word, 'word')).rate <= this.options.maxBaselineRate)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_CONTEXT_WORDS)
      .map(([word]) => word);
  }

  private endTopic(topic: Topic): void {
    this.topics.delete(topic.id);
    this.centralVersion++;
    for (const k of topic.keys) {
      const e = this.trackedByHash.get(k);
      if (e && e.topic === topic.id) e.topic = null;
    }
  }

  private expireTopics(t: number): void {
    for (const topic of [...this.topics.values()]) if (t - topic.lastRise > this.options.topicTtlMs) this.endTopic(topic);
  }

  snapshot(): EmergingTermSnapshot {
    return {
      version: 1,
      options: { ...this.options },
      table: this.table.snapshot(),
      tracked: this.tracked.snapshot(),
      topics: [...this.topics.values()].map((t) => ({ ...t, keys: [...t.keys], coreKeys: [...t.coreKeys], terms: [...t.terms], contextKeys: [...t.contextKeys] })),
      buffer: this.buffer.snapshot(),
      posts: this.posts,
    };
  }

  static restore(s: EmergingTermSnapshot): EmergingTermDetector {
    if (s.version !== 1) throw new RangeError(`unsupported emerging-term snapshot version ${String(s.version)}`);
    // JSON has no -Infinity: an unset pair threshold comes back as null.
    const options = { ...s.options, pairMinSignificance: s.options.pairMinSignificance ?? -Infinity };
    const d = new EmergingTermDetector(options);
    d.table = SignificanceTable.restore(s.table);
    d.tracked = SpaceSaving.restore(s.tracked);
    for (const e of d.tracked.values()) d.trackedByHash.set(e.value.hash, e.value);
    // Topics saved before alerts had context have none.
    d.topics = new Map(s.topics.map((t) => [t.id, { ...t, contextKeys: (t as Partial<Topic>).contextKeys ?? [] }]));
    d.buffer = EventTimeBuffer.restore(s.buffer);
    d.posts = s.posts;
    return d;
  }
}

