import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../enrich/tokenize.js';
import type { RawPost } from '../../model/post.js';
import { fromInterchange, toInterchange } from '../interchange.js';
import { SourceError, type Cursor, type GoodRecord, type SourceItem } from '../source.js';
import { createSimulator, CORE_LANGUAGES, LANGUAGE_PACKS, writeSimulation, type GroundTruth, type SimulatorOptions } from './index.js';

async function collect(items: AsyncIterable<SourceItem>, limit = Infinity): Promise<GoodRecord[]> {
  const out: GoodRecord[] = [];
  for await (const item of items) {
    if (item.kind !== 'post') throw new Error(`unexpected ${item.kind} record`);
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

const idOf = (post: RawPost): string => `sim:${post.nativeId}`;
const stripEntities = (text: string): string => text.replace(/https?:\/\/\S+/g, ' ').replace(/#\S+/g, ' ');

function jaccard(a: string, b: string): number {
  const A = new Set(tokenize(stripEntities(a)));
  const B = new Set(tokenize(stripEntities(b)));
  let common = 0;
  for (const t of A) if (B.has(t)) common++;
  return common / (A.size + B.size - common);
}

describe('simulator: a 20,000-post stream', () => {
  const opts: SimulatorOptions = { seed: 7, posts: 20_000 };
  let records: GoodRecord[];
  let posts: RawPost[];
  let truth: GroundTruth;
  let byId: Map<string, RawPost>;

  beforeAll(async () => {
    const sim = createSimulator(opts);
    records = await collect(sim.read());
    posts = records.map((r) => r.post);
    truth = sim.truth();
    byId = new Map(posts.map((p) => [idOf(p), p]));
  });

  it('yields exactly `posts` records with consecutive cursors and unique ids', () => {
    expect(records).toHaveLength(20_000);
    records.forEach((r, i) => {
      expect(r.line).toBe(i + 1);
      expect(r.next).toEqual({ offset: i + 1, line: i + 2 });
    });
    expect(new Set(posts.map((p) => p.nativeId)).size).toBe(20_000);
    expect(truth.posts).toBe(20_000);
    for (const p of posts.slice(0, 50)) {
      expect(p.platform).toBe('sim');
      expect(p.source).toBe('sim:seed=7');
    }
  });

  it('runs in stream time from the start at about the requested rate, in order up to a few seconds of jitter', () => {
    const start = Date.UTC(2026, 0, 5);
    expect(truth.start).toBe(start);
    let latest = -Infinity;
    let jittered = 0;
    for (const p of posts) {
      expect(p.createdAt).toBeGreaterThanOrEqual(start);
      if (p.createdAt < latest) {
        jittered++;
        expect(latest - p.createdAt).toBeLessThanOrEqual(5000);
      }
      latest = Math.max(latest, p.createdAt);
    }
    expect(jittered).toBeGreaterThan(0);
    expect(jittered).toBeLessThan(posts.length * 0.05);
    expect(truth.end).toBe(latest);
    const seconds = (truth.end - truth.start) / 1000;
    expect(20_000 / seconds).toBeGreaterThan(14);
    expect(20_000 / seconds).toBeLessThan(28);
  });

  it('carries all eight core languages, English the largest, each with a visible share', () => {
    const counts = new Map<string, number>();
    for (const p of posts) counts.set(p.langHint!, (counts.get(p.langHint!) ?? 0) + 1);
    for (const code of CORE_LANGUAGES) expect(counts.get(code) ?? 0, code).toBeGreaterThan(posts.length * 0.005);
    const largest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    expect(largest).toBe('en');
    expect(Object.fromEntries(counts)).toEqual(truth.languages);
  });

  it('uses recognisable raw handles in the author field only, with heavy-tailed activity', () => {
    const activity = new Map<string, number>();
    for (const p of posts) {
      expect(p.author).toMatch(/^sim_user_\d+$/);
      expect(p.text).not.toContain('sim_user_');
      activity.set(p.author, (activity.get(p.author) ?? 0) + 1);
    }
    const counts = [...activity.values()].sort((a, b) => b - a);
    const top1pc = counts.slice(0, Math.ceil(counts.length / 100)).reduce((a, b) => a + b, 0);
    expect(counts.length).toBeGreaterThan(500);
    expect(top1pc / posts.length).toBeGreaterThan(0.1);
    expect(counts[counts.length - 1]).toBeLessThan(3);
  });

  it('does not repeat itself: most original posts are distinct texts', () => {
    const originals = posts.filter((p) => !p.repostOf && !p.replyTo && !p.quoteOf);
    expect(new Set(originals.map((p) => p.text)).size / originals.length).toBeGreaterThan(0.75);
  });

  it('injects events whose terms appear only from their onset, at a rate far above the time before', () => {
    expect(truth.events.length).toBeGreaterThanOrEqual(3);
    for (const event of truth.events) {
      expect(event.onset).toBeLessThan(event.peak);
      expect(event.peak).toBeLessThan(event.end);
      expect(event.multiplier).toBeGreaterThanOrEqual(5);
      expect(event.multiplier).toBeLessThanOrEqual(20);
      expect(event.hashtag).toMatch(/^#[A-Z][A-Za-z]+$/);
      const carrying = posts.filter((p) => {
        const pair = event.termsByLanguage[p.langHint!];
        if (!pair) return false;
        const text = p.text.toLowerCase();
        return pair.every((term) => text.includes(term.toLowerCase()));
      });
      // Exactly the event's posts (and reposts of them) carry its terms.
      expect(new Set(carrying.map(idOf))).toEqual(new Set(event.postIds));
      expect(event.posts).toBe(event.postIds.length);
      const before = carrying.filter((p) => p.createdAt < event.onset).length;
      const during = carrying.filter((p) => p.createdAt >= event.onset && p.createdAt <= event.end).length;
      expect(before).toBe(0);
      expect(during).toBeGreaterThan(10);
      // Every language of the event takes part.
      for (const code of event.languages) expect(carrying.some((p) => p.langHint === code), code).toBe(true);
      const withTag = carrying.filter((p) => p.text.includes(event.hashtag)).length;
      expect(withTag / carrying.length).toBeGreaterThan(0.5);
    }
  });

  it('spreads narratives as near-duplicates of their claim, unlike the rest of the stream', () => {
    expect(truth.narratives.length).toBeGreaterThanOrEqual(3);
    const members = new Set<string>();
    let lowestCopy = 1;
    for (const narrative of truth.narratives) {
      expect(narrative.postIds.length).toBeGreaterThan(20);
      const similarities = narrative.postIds.map((id) => {
        members.add(id);
        const post = byId.get(id)!;
        expect(narrative.languages).toContain(post.langHint);
        return jaccard(post.text, narrative.claims[post.langHint!]);
      });
      similarities.sort((a, b) => a - b);
      const p5 = similarities[Math.floor(similarities.length * 0.05)];
      lowestCopy = Math.min(lowestCopy, p5);
      expect(similarities[Math.floor(similarities.length / 2)]).toBeGreaterThan(0.65);
      expect(p5).toBeGreaterThan(0.35);
      // Copies (reposts aside) are reworded, not all identical.
      const copies = narrative.postIds.map((id) => byId.get(id)!).filter((p) => !p.repostOf);
      expect(new Set(copies.map((p) => p.text)).size).toBeGreaterThan(copies.length * 0.3);
      // The copies come from many accounts.
      expect(new Set(narrative.postIds.map((id) => byId.get(id)!.author)).size).toBeGreaterThan(10);
    }
    // Other posts share function words with a claim at most (“in the city … and nobody”).
    const elsewhere: number[] = [];
    for (const p of posts) {
      if (members.has(idOf(p))) continue;
      for (const narrative of truth.narratives) {
        const claim = narrative.claims[p.langHint!];
        if (claim) elsewhere.push(jaccard(p.text, claim));
      }
    }
    elsewhere.sort((a, b) => a - b);
    const p99 = elsewhere[Math.floor(elsewhere.length * 0.99)];
    expect(p99).toBeLessThan(0.25);
    expect(p99).toBeLessThan(lowestCopy);
  });

  it('records cascades whose references all point to earlier posts, exactly as the posts say', () => {
    const seenAt = new Map<string, number>();
    const reference = new Map<string, { parent: string; kind: string }>();
    for (const p of posts) {
      const ref = p.repostOf ?? p.replyTo ?? p.quoteOf;
      if (ref) {
        const parentId = `sim:${ref}`;
        expect(seenAt.has(parentId), `${idOf(p)} refers to ${parentId} before it exists`).toBe(true);
        expect(p.createdAt).toBeGreaterThanOrEqual(seenAt.get(parentId)!);
        const kind = p.repostOf ? 'repost' : p.replyTo ? 'reply' : 'quote';
        reference.set(idOf(p), { parent: parentId, kind });
        if (p.repostOf) expect(p.text).toBe(byId.get(parentId)!.text);
      }
      seenAt.set(idOf(p), p.createdAt);
    }
    const edges = truth.cascades.flatMap((c) => c.edges);
    expect(edges.length).toBe(reference.size);
    for (const e of edges) expect(reference.get(e.child)).toEqual({ parent: e.parent, kind: e.kind });
    for (const cascade of truth.cascades) {
      expect(cascade.size).toBe(cascade.edges.length + 1);
      // A tree: every node but the root has one parent, reachable from the root.
      const depth = new Map<string, number>([[cascade.rootId, 0]]);
      for (const e of cascade.edges) {
        expect(depth.has(e.parent)).toBe(true);
        expect(depth.has(e.child)).toBe(false);
        depth.set(e.child, depth.get(e.parent)! + 1);
      }
      expect(Math.max(...depth.values())).toBe(cascade.depth);
    }
    const kinds = new Set(edges.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['repost', 'reply', 'quote']));
    const sizes = truth.cascades.map((c) => c.size).sort((a, b) => a - b);
    expect(sizes[sizes.length - 1]).toBeGreaterThan(10 * sizes[Math.floor(sizes.length / 2)]);
    expect(Math.max(...truth.cascades.map((c) => c.depth))).toBeGreaterThanOrEqual(3);
  });

  it('records coordinated bursts: one link, distinct accounts, all inside a window of seconds', () => {
    expect(truth.bursts.length).toBeGreaterThanOrEqual(5);
    for (const burst of truth.bursts) {
      expect(burst.end - burst.start).toBeLessThanOrEqual(10_000);
      expect(burst.postIds.length).toBeGreaterThanOrEqual(10);
      expect(burst.postIds.length).toBeLessThanOrEqual(40);
      const burstPosts = burst.postIds.map((id) => byId.get(id)!);
      const authors = burstPosts.map((p) => p.author);
      expect(new Set(authors).size).toBe(authors.length);
      expect(new Set(authors)).toEqual(new Set(burst.accounts));
      for (const p of burstPosts) {
        expect(p.text).toContain(burst.link);
        expect(p.links).toEqual([burst.link]);
        expect(p.langHint).toBe(burst.language);
        expect(p.createdAt).toBeGreaterThanOrEqual(burst.start);
        expect(p.createdAt).toBeLessThanOrEqual(burst.end);
      }
      // Nobody else shares the link.
      expect(posts.filter((p) => p.text.includes(burst.link)).length).toBe(burst.postIds.length);
    }
  });
});

describe('simulator: determinism and resumption', () => {
  it('gives byte-identical output for the same seed and a different stream for another', async () => {
    const lines = async (seed: number): Promise<string[]> => (await collect(createSimulator({ seed, posts: 3000 }).read())).map((r) => toInterchange(r.post));
    const a = await lines(11);
    const b = await lines(11);
    const c = await lines(12);
    expect(a.join('\n')).toBe(b.join('\n'));
    const same = a.filter((line, i) => line === c[i]).length;
    expect(same).toBe(0);
    expect(JSON.stringify(createSimulator({ seed: 11, posts: 3000 }).truth())).toBe(JSON.stringify(createSimulator({ seed: 11, posts: 3000 }).truth()));
  });

  it('resumes from any cursor with exactly the remainder', async () => {
    const sim = createSimulator({ seed: 5, posts: 4000 });
    const all = await collect(sim.read());
    for (const offset of [0, 1, 1234, 3999, 4000]) {
      const from: Cursor = offset === 0 ? { offset: 0, line: 1 } : all[offset - 1].next;
      const rest = await collect(sim.read(from));
      expect(rest.map((r) => r.post)).toEqual(all.slice(offset).map((r) => r.post));
      expect(rest.map((r) => r.next)).toEqual(all.slice(offset).map((r) => r.next));
    }
    await expect(collect(sim.read({ offset: -1, line: 0 }))).rejects.toThrow(SourceError);
  });
});

describe('simulator: a full day', () => {
  let posts: RawPost[];
  beforeAll(async () => {
    const sim = createSimulator({ seed: 21, posts: 43_200, ratePerSecond: 0.5, events: 0, narratives: 0, coordinatedBursts: 0 });
    posts = (await collect(sim.read())).map((r) => r.post);
  });

  it('matches the configured language shares of original posts over a day', () => {
    // Reactions follow the language of what they react to, and one large cascade in a small
    // language would swamp its share, so the shares are of original posts.
    const originals = posts.filter((p) => !p.repostOf && !p.replyTo && !p.quoteOf);
    const total = LANGUAGE_PACKS.reduce((s, p) => s + p.share, 0);
    const counts = new Map<string, number>();
    for (const p of originals) counts.set(p.langHint!, (counts.get(p.langHint!) ?? 0) + 1);
    for (const pack of LANGUAGE_PACKS) {
      const expected = (pack.share / total) * originals.length;
      expect(counts.get(pack.code)! / expected, pack.code).toBeGreaterThan(0.8);
      expect(counts.get(pack.code)! / expected, pack.code).toBeLessThan(1.2);
    }
  });

  it('follows a daily rhythm in each community’s own time zone', () => {
    // Chinese (UTC+8): 02:00–05:00 local is 18:00–21:00 UTC; 13:00–16:00 local is 05:00–08:00 UTC.
    const hourOf = (p: RawPost): number => new Date(p.createdAt).getUTCHours();
    const zh = posts.filter((p) => p.langHint === 'zh' && !p.repostOf && !p.replyTo && !p.quoteOf);
    const night = zh.filter((p) => hourOf(p) >= 18 && hourOf(p) < 21).length;
    const day = zh.filter((p) => hourOf(p) >= 5 && hourOf(p) < 8).length;
    expect(day / night).toBeGreaterThan(2);
  });
});

describe('simulator: an endless stream', () => {
  it('keeps planning new events, narratives and bursts, and its truth grows as it is read', async () => {
    const sim = createSimulator({ seed: 4, posts: Infinity, ratePerSecond: 50, epochSeconds: 120 });
    const first = await collect(sim.read(), 5000);
    const early = sim.truth();
    expect(early.posts).toBe(5000);
    const more = await collect(sim.read(first[first.length - 1].next), 10_000);
    expect(more[0].line).toBe(5001);
    const later = sim.truth();
    expect(later.posts).toBe(15_000);
    expect(later.events.length).toBeGreaterThan(early.events.length);
    expect(later.bursts.length).toBeGreaterThan(early.bursts.length);
    expect(new Set(later.events.map((e) => e.id)).size).toBe(later.events.length);
    // Events of later epochs happen later.
    const onsets = later.events.map((e) => e.onset);
    expect(onsets[onsets.length - 1]).toBeGreaterThan(onsets[0] + 120_000);
  });
});

describe('simulator: options', () => {
  it('rejects bad options with a SourceError naming the option', () => {
    expect(() => createSimulator({ seed: 1.5, posts: 10 })).toThrow(/option seed/);
    expect(() => createSimulator({ seed: 1, posts: -1 })).toThrow(/option posts/);
    expect(() => createSimulator({ seed: 1, posts: 10, ratePerSecond: 0 })).toThrow(/option ratePerSecond/);
    expect(() => createSimulator({ seed: 1, posts: 10, languages: ['en', 'xx'] })).toThrow(/option languages: unknown language "xx"/);
    expect(() => createSimulator({ seed: 1, posts: 10, events: -2 })).toThrow(SourceError);
  });

  it('writes only the languages asked for, with the requested numbers of episodes', async () => {
    const sim = createSimulator({ seed: 9, posts: 8000, languages: ['ug', 'fa', 'ar'], events: 2, narratives: 1, coordinatedBursts: 2 });
    const posts = (await collect(sim.read())).map((r) => r.post);
    expect(new Set(posts.map((p) => p.langHint))).toEqual(new Set(['ug', 'fa', 'ar']));
    const truth = sim.truth();
    expect(truth.events).toHaveLength(2);
    expect(truth.narratives).toHaveLength(1);
    expect(truth.bursts).toHaveLength(2);
  });
});

describe('writeSimulation', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewatch-sim-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes JSONL that round-trips through fromInterchange, and the ground truth beside it', async () => {
    const opts = { seed: 13, posts: 2500 };
    const out = join(dir, 'sim.jsonl');
    const result = await writeSimulation(opts, out);
    expect(result).toEqual({ posts: 2500, truthPath: `${out}.truth.json` });
    const sim = createSimulator(opts);
    const expected = (await collect(sim.read())).map((r) => r.post);
    const text = await readFile(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(2500);
    lines.forEach((line, i) => {
      const parsed = fromInterchange(JSON.parse(line), 'unused');
      expect('error' in parsed).toBe(false);
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(JSON.stringify(expected[i])));
    });
    const truth = JSON.parse(await readFile(result.truthPath, 'utf8')) as GroundTruth;
    expect(truth).toEqual(JSON.parse(JSON.stringify(sim.truth())));
    // Writing again gives the same bytes.
    await writeSimulation(opts, join(dir, 'again.jsonl'));
    expect(await readFile(join(dir, 'again.jsonl'), 'utf8')).toBe(text);
  });

  it('refuses an endless stream', async () => {
    await expect(writeSimulation({ seed: 1, posts: Infinity }, join(dir, 'endless.jsonl'))).rejects.toThrow(/finite/);
  });
});
