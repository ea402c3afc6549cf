import type Database from 'better-sqlite3';
import { tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';
import { prepareForMatching } from '../query/matcher.js';
import { WatchMatcher } from '../query/watch-matcher.js';
import { type PostRow, rowToPost } from '../store/sqlite/sqlite-store.js';

/**
 * The recent matches of every watch, held in memory so the dashboard's watch figures (series
 * with distinct authors, language mix, top hashtags/links/domains, newest posts) cost a pass over
 * typed arrays instead of re-running the watch's query in SQL: on a large store a query that ORs
 * words and hashtags makes SQLite materialise every match in the store before the time range
 * applies (hundreds of ms at 1M posts). The index follows the store by rowid: it reads what was
 * written since its last look, tokenises and matches it with the WatchMatcher (the one the ingest
 * path uses), and forgets matches older than its horizon. Ranges it does not cover fall back to SQL.
 */

const LABELS = ['negative', 'neutral', 'positive'] as const;
const NO_SCORE = -9;

/** Columns of one watch's matches, oldest rowid first. */
class MatchColumns {
  n = 0;
  t = new Float64Array(1024);
  /**
   * The greatest time among entries 0..i: non-decreasing, so a time range's entries lie at or
   * after the first entry whose running maximum reaches the range (rows come in rowid order,
   * which follows time only roughly).
   */
  maxT = new Float64Array(1024);
  rowid = new Float64Array(1024);
  lang = new Int32Array(1024);
  platform = new Int32Array(1024);
  author = new Int32Array(1024);
  score = new Float32Array(1024);
  label = new Int8Array(1024);
  entities: Int32Array[] = [];

  push(t: number, rowid: number, lang: number, platform: number, author: number, score: number, label: number, entities: Int32Array): void {
    if (this.n === this.t.length) this.resize(this.n * 2);
    const i = this.n++;
    this.t[i] = t;
    this.maxT[i] = i > 0 && this.maxT[i - 1] > t ? this.maxT[i - 1] : t;
    this.rowid[i] = rowid;
    this.lang[i] = lang;
    this.platform[i] = platform;
    this.author[i] = author;
    this.score[i] = score;
    this.label[i] = label;
    this.entities[i] = entities;
  }

  /** Drops entries older than `cutoff`. */
  evict(cutoff: number): void {
    let w = 0;
    for (let r = 0; r < this.n; r++) {
      if (this.t[r] < cutoff) continue;
      if (w !== r) {
        this.t[w] = this.t[r];
        this.rowid[w] = this.rowid[r];
        this.lang[w] = this.lang[r];
        this.platform[w] = this.platform[r];
        this.author[w] = this.author[r];
        this.score[w] = this.score[r];
        this.label[w] = this.label[r];
        this.entities[w] = this.entities[r];
      }
      w++;
    }
    this.n = w;
    this.entities.length = w;
    for (let i = 0; i < w; i++) this.maxT[i] = i > 0 && this.maxT[i - 1] > this.t[i] ? this.maxT[i - 1] : this.t[i];
  }

  /** The first entry whose running maximum time is at least `t` (entries before it are all older). */
  firstReaching(t: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxT[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private resize(size: number): void {
    const grow = <T extends Float64Array | Int32Array | Float32Array | Int8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a.subarray(0, this.n) as never);
      return b;
    };
    this.t = grow(this.t);
    this.maxT = grow(this.maxT);
    this.rowid = grow(this.rowid);
    this.lang = grow(this.lang);
    this.platform = grow(this.platform);
    this.author = grow(this.author);
    this.score = grow(this.score);
    this.label = grow(this.label);
  }
}

class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

export interface RecentIndexOptions {
  /** How far back matches are kept (default 24 h). */
  horizonMs?: number;
  /** Rows read per step while catching up (each step yields to the event loop). */
  chunk?: number;
  /** How often to look for new rows once caught up. */
  pollMs?: number;
  now?: () => number;
}

export interface KeyedCount {
  t: number;
  key: string;
  posts: number;
  authors: number;
}

/** The matches of one watch in [from, to), read-only, for the server's figures. */
export class WatchView {
  constructor(
    private readonly cols: MatchColumns,
    private readonly strings: { lang: Interner; platform: Interner; entity: Interner },
    readonly from: number,
    readonly to: number,
  ) {}

  private each(fn: (i: number) => void): void {
    const { t, n } = { t: this.cols.t, n: this.cols.n };
    for (let i = this.cols.firstReaching(this.from); i < n; i++) if (t[i] >= this.from && t[i] < this.to) fn(i);
  }

  volume(size: number): { t: number; count: number }[] {
    const m = new Map<number, number>();
    this.each((i) => {
      const b = Math.floor(this.cols.t[i] / size) * size;
      m.set(b, (m.get(b) ?? 0) + 1);
    });
    return [...m].sort((a, b) => a[0] - b[0]).map(([t, count]) => ({ t, count }));
  }

  count(): number {
    let n = 0;
    this.each(() => n++);
    return n;
  }

  sentiment(size: number): { t: number; posts: number; authors: number; mean: number | null; positive: number; neutral: number; negative: number }[] {
    const m = new Map<number, { posts: number; authors: Set<number>; sum: number; scored: number; counts: number[] }>();
    this.each((i) => {
      const b = Math.floor(this.cols.t[i] / size) * size;
      let c = m.get(b);
      if (!c) m.set(b, (c = { posts: 0, authors: new Set(), sum: 0, scored: 0, counts: [0, 0, 0] }));
      c.posts++;
      c.authors.add(this.cols.author[i]);
      if (this.cols.score[i] !== NO_SCORE) {
        c.sum += this.cols.score[i];
        c.scored++;
      }
      if (this.cols.label[i] >= 0) c.counts[this.cols.label[i]]++;
    });
    return [...m]
      .sort((a, b) => a[0] - b[0])
      .map(([t, c]) => ({ t, posts: c.posts, authors: c.authors.size, mean: c.scored ? c.sum / c.scored : null, negative: c.counts[0], neutral: c.counts[1], positive: c.counts[2] }));
  }

  breakdown(field: 'lang' | 'platform', size: number): KeyedCount[] {
    const col = field === 'lang' ? this.cols.lang : this.cols.platform;
    const names = field === 'lang' ? this.strings.lang : this.strings.platform;
    const m = new Map<number, { t: number; key: number; posts: number; authors: Set<number> }>();
    const base = Math.floor(this.from / size);
    this.each((i) => {
      const bucket = Math.floor(this.cols.t[i] / size);
      const b = bucket * size;
      // Numeric cell key: bucket offset × 2^20 + interned key (far more keys than any store has).
      const k = (bucket - base) * 1_048_576 + col[i];
      let c = m.get(k);
      if (!c) m.set(k, (c = { t: b, key: col[i], posts: 0, authors: new Set() }));
      c.posts++;
      c.authors.add(this.cols.author[i]);
    });
    return [...m.values()]
      .sort((a, b) => a.t - b.t || b.posts - a.posts)
      .map((c) => ({ t: c.t, key: names.values[c.key], posts: c.posts, authors: c.authors.size }));
  }

  /** Top entities of a kind (`h` hashtag, `u` link, `d` domain) with distinct authors. */
  top(kind: 'h' | 'u' | 'd', limit: number): { rows: { value: string; posts: number; authors: number }[]; posts: number } {
    const m = new Map<number, { posts: number; authors: Set<number> }>();
    let posts = 0;
    const prefix = `${kind}:`;
    const values = this.strings.entity.values;
    this.each((i) => {
      posts++;
      for (const e of this.cols.entities[i]) {
        if (!values[e].startsWith(prefix)) continue;
        let c = m.get(e);
        if (!c) m.set(e, (c = { posts: 0, authors: new Set() }));
        c.posts++;
        c.authors.add(this.cols.author[i]);
      }
    });
    const rows = [...m]
      .map(([e, c]) => ({ value: values[e].slice(2), posts: c.posts, authors: c.authors.size }))
      .sort((a, b) => b.posts - a.posts || (a.value < b.value ? -1 : 1))
      .slice(0, limit);
    return { rows, posts };
  }

  /**
   * Rowids of the newest matches (created_at, rowid descending) after a cursor. One pass from the
   * newest rowid down keeping the best `limit` in order, which stops once every older rowid is
   * older in time too than the page's last: no sort of every match in range.
   */
  newest(limit: number, after?: { createdAt: number; rowid: number }): { createdAt: number; rowid: number }[] {
    const { t, rowid, n, maxT } = this.cols;
    const before = (i: number, j: number) => t[i] > t[j] || (t[i] === t[j] && rowid[i] > rowid[j]);
    const best: number[] = [];
    if (limit <= 0) return [];
    const first = this.cols.firstReaching(this.from);
    for (let i = n - 1; i >= first; i--) {
      if (best.length === limit && maxT[i] < t[best[limit - 1]]) break;
      if (t[i] < this.from || t[i] >= this.to) continue;
      if (after && (t[i] > after.createdAt || (t[i] === after.createdAt && rowid[i] >= after.rowid))) continue;
      if (best.length === limit && !before(i, best[limit - 1])) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(best[mid], i)) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, i);
      if (best.length > limit) best.pop();
    }
    return best.map((i) => ({ createdAt: t[i], rowid: rowid[i] }));
  }
}

export class RecentIndex {
  private readonly horizonMs: number;
  private readonly chunk: number;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly matcher = new WatchMatcher();
  /** Watch id in the matcher → name, query, and whether its past matches are all in (backfilled). */
  private readonly watches = new Map<number, { name: string; query: string; ready: boolean }>();
  /** New or changed watches reading the horizon's rows up to where the live cursor stood. */
  private backfills: { matcher: WatchMatcher; ids: number[]; cursor: number; end: number }[] = [];
  private started = false;
  private columns = new Map<number, MatchColumns>();
  private readonly strings = { lang: new Interner(), platform: new Interner(), entity: new Interner(), author: new Interner() };
  private lastRowid = 0;
  /** Matches are complete from this time on (the horizon when the index started). */
  private coveredFrom = Number.POSITIVE_INFINITY;
  private caughtUp = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private nextWatchId = 1;
  private readonly readIds: Database.Statement;
  private readonly readRows: Database.Statement;
  private readonly readRange: Database.Statement;
  private readonly lastDeletion: Database.Statement;
  /** The newest deletion (deleted_posts rowid) the held matches reflect. */
  private deletionsSeen: number | undefined;
  /** Posts the writer just stored, so they need not be read back, parsed and tokenised. */
  private readonly knownPosts = new Map<string, Post>();

  constructor(
    private readonly db: Database.Database,
    private readonly listWatches: () => Promise<{ name: string; query: string }[]>,
    options: RecentIndexOptions = {},
  ) {
    this.horizonMs = options.horizonMs ?? 86_400_000;
    this.chunk = options.chunk ?? 2000;
    this.pollMs = options.pollMs ?? 500;
    this.now = options.now ?? Date.now;
    this.readIds = db.prepare('SELECT rowid, id, created_at FROM posts WHERE rowid > ? ORDER BY rowid LIMIT ?');
    this.readRows = db.prepare('SELECT rowid, * FROM posts WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid');
    this.readRange = db.prepare('SELECT rowid, * FROM posts WHERE rowid > ? AND rowid <= ? AND created_at >= ? ORDER BY rowid LIMIT ?');
    this.lastDeletion = db.prepare('SELECT COALESCE(MAX(rowid), 0) FROM deleted_posts').pluck();
  }

  /** Starts following the store; resolves once the first catch-up has finished. */
  async start(): Promise<void> {
    this.forgetDeleted();
    await this.syncWatches();
    await this.catchUp();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  get ready(): boolean {
    return this.caughtUp;
  }

  /** The watch's matches in [from, to) when the index holds all of them, else undefined. */
  view(watch: string, from: number, to: number): WatchView | undefined {
    if (from < this.coveredFrom) return undefined;
    return this.partialView(watch, from, to);
  }

  /**
   * The part of [from, to) the index covers; `complete` says whether that is all of it (for the
   * newest-first search, whose first pages the recent part alone may fill).
   */
  partialView(watch: string, from: number, to: number): (WatchView & { complete?: boolean }) | undefined {
    if (!this.caughtUp) return undefined;
    const complete = from >= this.coveredFrom;
    from = Math.max(from, this.coveredFrom);
    for (const [id, w] of this.watches) {
      if (w.name !== watch || !w.ready) continue;
      const cols = this.columns.get(id);
      return cols ? Object.assign(new WatchView(cols, this.strings, from, to), { complete }) : undefined;
    }
    return undefined;
  }

  /**
   * Hands over posts just written (the ingest loop's onCommit): their tokens are reused when the
   * index reads them back. Optional; bounded.
   */
  remember(posts: readonly Post[]): void {
    if (this.knownPosts.size > 200_000) this.knownPosts.clear();
    for (const p of posts) this.knownPosts.set(p.id, p);
  }

  /** Looks for changed watches and new rows now (tests; the poller does it on its own). */
  async refresh(): Promise<void> {
    this.forgetDeleted();
    await this.syncWatches();
    await this.catchUp();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.refresh().then(
        () => this.schedule(),
        () => this.schedule(),
      );
    }, this.pollMs);
    this.timer.unref();
  }

  /**
   * When posts were deleted since the last look (their platform announced it), drops every watch's
   * matches: syncWatches then adds the watches again and reads the horizon anew, and until that
   * backfill is done the API answers those watches from SQL.
   */
  private forgetDeleted(): void {
    const last = this.lastDeletion.get() as number;
    if (this.deletionsSeen !== undefined && last !== this.deletionsSeen) for (const id of [...this.watches.keys()]) this.dropWatch(id);
    this.deletionsSeen = last;
  }

  /** Forgets a watch and its matches, live and in any backfill. */
  private dropWatch(id: number): void {
    this.matcher.remove(id);
    this.watches.delete(id);
    this.columns.delete(id);
    for (const b of this.backfills) b.matcher.remove(id);
  }

  /**
   * Follows the watch list. At start every watch is read from the horizon by the live cursor; a
   * watch added or changed later matches new rows at once and reads the horizon's older rows in a
   * backfill of its own, while the other watches keep serving.
   */
  private async syncWatches(): Promise<void> {
    const list = await this.listWatches();
    const wanted = new Map(list.map((w) => [w.name, w.query]));
    for (const [id, w] of [...this.watches]) {
      if (wanted.get(w.name) === w.query) {
        wanted.delete(w.name);
        continue;
      }
      this.dropWatch(id);
    }
    if (!this.started) {
      this.started = true;
      const cutoff = this.now() - this.horizonMs;
      const first = this.db.prepare('SELECT MIN(rowid) AS r FROM posts WHERE created_at >= ?').get(cutoff) as { r: number | null };
      this.lastRowid = first.r === null ? (this.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS r FROM posts').get() as { r: number }).r : first.r - 1;
      this.coveredFrom = cutoff;
    }
    const backfill = { matcher: new WatchMatcher(), ids: [] as number[], cursor: 0, end: this.lastRowid };
    for (const [name, query] of wanted) {
      const id = this.nextWatchId++;
      try {
        this.matcher.add(id, query);
        backfill.matcher.add(id, query);
      } catch {
        // A query that no longer parses has no matches to show; the API reports its error.
        continue;
      }
      this.watches.set(id, { name, query, ready: !this.caughtUp });
      this.columns.set(id, new MatchColumns());
      backfill.ids.push(id);
    }
    // Before the first catch-up the live cursor reads the whole horizon: no backfill needed.
    if (this.caughtUp && backfill.ids.length) {
      const first = this.db.prepare('SELECT MIN(rowid) AS r FROM posts WHERE created_at >= ?').get(this.now() - this.horizonMs) as { r: number | null };
      backfill.cursor = (first.r ?? backfill.end + 1) - 1;
      this.backfills.push(backfill);
    }
  }

  /** Reads the horizon's rows up to each backfill's end for its watches only. */
  private async runBackfills(): Promise<void> {
    while (this.backfills.length && !this.stopped) {
      const b = this.backfills[0];
      const rows = this.readRange.all(b.cursor, b.end, this.now() - this.horizonMs, this.chunk) as PostRow[];
      for (const row of rows) this.add(row.rowid, rowToPost(row, tokenize(row.text)), b.matcher);
      if (rows.length) b.cursor = rows[rows.length - 1].rowid;
      if (rows.length < this.chunk) {
        this.backfills.shift();
        for (const id of b.ids) {
          const w = this.watches.get(id);
          if (w && b.matcher.has(id)) w.ready = true;
        }
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  private async catchUp(): Promise<void> {
    const cutoff = this.now() - this.horizonMs;
    for (;;) {
      const ids = this.readIds.all(this.lastRowid, this.chunk) as { rowid: number; id: string; created_at: number }[];
      const unknown: number[] = [];
      for (const r of ids) {
        const post = this.knownPosts.get(r.id);
        if (post) {
          this.knownPosts.delete(r.id);
          if (r.created_at >= cutoff) this.add(r.rowid, post);
        } else if (r.created_at >= cutoff) unknown.push(r.rowid);
      }
      if (unknown.length) {
        for (const row of this.readRows.all(JSON.stringify(unknown)) as PostRow[]) this.add(row.rowid, rowToPost(row, tokenize(row.text)));
      }
      if (ids.length) this.lastRowid = ids[ids.length - 1].rowid;
      if (ids.length < this.chunk) break;
      // Let requests through between chunks while a large backlog is read.
      await new Promise((r) => setImmediate(r));
      if (this.stopped) return;
    }
    this.caughtUp = true;
    await this.runBackfills();
    // Forget what fell out of the horizon once it is a tenth of what is held.
    const evictBefore = this.now() - this.horizonMs;
    for (const cols of this.columns.values()) {
      if (cols.n > 1000 && cols.t[0] < evictBefore && cols.t[Math.floor(cols.n / 10)] < evictBefore) cols.evict(evictBefore);
    }
    this.coveredFrom = Math.max(this.coveredFrom, evictBefore);
  }

  private add(rowid: number, post: Post, matcher: WatchMatcher = this.matcher): void {
    if (this.watches.size === 0) return;
    const ids = matcher.match(prepareForMatching(post));
    if (ids.length === 0) return;
    const s = this.strings;
    const entities = new Int32Array(post.hashtags.length + post.links.length + post.domains.length);
    let k = 0;
    for (const h of post.hashtags) entities[k++] = s.entity.id(`h:${h}`);
    for (const u of post.links) entities[k++] = s.entity.id(`u:${u}`);
    for (const d of post.domains) entities[k++] = s.entity.id(`d:${d}`);
    const label = post.sentiment ? LABELS.indexOf(post.sentiment.label) : -1;
    const score = post.sentiment ? post.sentiment.score : NO_SCORE;
    const lang = s.lang.id(post.lang);
    const platform = s.platform.id(post.platform);
    const author = s.author.id(post.authorKey);
    for (const id of ids) this.columns.get(id)?.push(post.createdAt, rowid, lang, platform, author, score, label, entities);
  }
}
