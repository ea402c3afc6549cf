/**
 * Streaming match cost: 100 watches of realistic size (5–30 terms with a phrase, a NEAR and a
 * wildcard, built from the stream's own vocabulary in its languages) against simulated multilingual
 * posts. Per post it counts what ingest pays: prepareForMatching once + WatchMatcher.match.
 * Tokens are computed beforehand (enrichment does that at ingest). Prints JSON.
 *
 *   npm run bench:match [-- --posts 200000 --watches 100]
 */
import os from 'node:os';
import { extractEntities } from '../src/enrich/entities.js';
import { tokenize } from '../src/enrich/tokenize.js';
import { postId, type Post } from '../src/model/post.js';
import { compileMatcher, parseQuery, prepareForMatching, WatchMatcher, type PreparedPost } from '../src/query/index.js';
import { createSimulator } from '../src/sources/simulator/index.js';
import { seededRandom } from '../src/sources/simulator/rng.js';
import { numberArg } from './args.js';

const POSTS = numberArg('posts', 200_000);
const WATCHES = numberArg('watches', 100);
const SEED = numberArg('seed', 11);

async function simulatedPosts(n: number): Promise<Post[]> {
  const posts: Post[] = [];
  const source = createSimulator({ seed: SEED, posts: n, start: Date.UTC(2025, 0, 1), ratePerSecond: 5 });
  for await (const item of source.read()) {
    if (item.kind !== 'post') continue;
    const r = item.post;
    const e = extractEntities(r.text, { hashtags: r.hashtags, mentions: r.mentions, links: r.links });
    posts.push({
      id: postId(r.platform, r.nativeId), platform: r.platform, source: r.source, createdAt: r.createdAt, ingestedAt: r.createdAt,
      authorKey: '0'.repeat(32), text: r.text, lang: r.langHint ?? 'und', langConfidence: 1, tokens: tokenize(r.text), ...e,
      ...(r.replyTo ? { replyTo: r.replyTo } : {}), ...(r.repostOf ? { repostOf: r.repostOf } : {}), ...(r.quoteOf ? { quoteOf: r.quoteOf } : {}),
    });
  }
  return posts;
}


interface LangVocab {
  lang: string;
  share: number;
  /** Words ranked by frequency, the most common (function words) dropped. */
  words: string[];
  bigrams: string[][];
}

function vocabularies(posts: Post[]): LangVocab[] {
  const byLang = new Map<string, { n: number; words: Map<string, number>; bigrams: Map<string, number> }>();
  for (const p of posts) {
    let v = byLang.get(p.lang);
    if (!v) byLang.set(p.lang, (v = { n: 0, words: new Map(), bigrams: new Map() }));
    v.n++;
    p.tokens.forEach((t, i) => {
      if (/^\d+$/.test(t)) return;
      v.words.set(t, (v.words.get(t) ?? 0) + 1);
      const next = p.tokens[i + 1];
      if (next && !/^\d+$/.test(next)) v.bigrams.set(`${t} ${next}`, (v.bigrams.get(`${t} ${next}`) ?? 0) + 1);
    });
  }
  return [...byLang.entries()]
    .filter(([, v]) => v.words.size > 50)
    .map(([lang, v]) => {
      const ranked = [...v.words.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
      const bigrams = [...v.bigrams.entries()].sort((a, b) => b[1] - a[1]).slice(10, 400).map(([b]) => b.split(' '));
      return { lang, share: v.n / posts.length, words: ranked.slice(25, 1500), bigrams };
    });
}

/** A watch like users write: topic terms, a phrase, a wildcard, context with a NEAR, exclusions. */
function makeWatch(v: LangVocab, random: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const word = () => {
    const w = pick(v.words);
    return /^[\p{L}\p{N}_']+$/u.test(w) && !/^(and|or|not|near)$/i.test(w) ? w : 'x';
  };
  const topic = Array.from({ length: 3 + Math.floor(random() * 8) }, word);
  if (v.bigrams.length) topic.push(`"${pick(v.bigrams).join(' ')}"`);
  const long = v.words.filter((w) => [...w].length >= 6 && /^[\p{L}]+$/u.test(w));
  if (long.length) topic.push(`${[...pick(long)].slice(0, 4 + Math.floor(random() * 2)).join('')}*`);
  const context = Array.from({ length: 1 + Math.floor(random() * 8) }, word);
  const near = `${word()} NEAR/${3 + Math.floor(random() * 5)} ${word()}`;
  const excluded = Array.from({ length: Math.floor(random() * 5) }, () => `-${word()}`);
  const lang = random() < 0.5 ? ` lang:${v.lang}` : '';
  return `(${topic.join(' OR ')}) AND (${context.join(' OR ')} OR (${near})) ${excluded.join(' ')}${lang}`.replace(/\s+/g, ' ').trim();
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e3;
}

async function main(): Promise<void> {
  const posts = await simulatedPosts(POSTS);
  const vocab = vocabularies(posts);
  const random = seededRandom(SEED);
  const queries: string[] = [];
  while (queries.length < WATCHES) {
    let r = random();
    const v = vocab.find((x) => (r -= x.share) < 0) ?? vocab[0];
    const q = makeWatch(v, random);
    if (parseQuery(q).ast) queries.push(q);
  }
  const terms = queries.map((q) => q.split(/\s+|\(|\)/).filter((t) => t && !/^(AND|OR|NOT|NEAR\/\d+f?)$/.test(t) && !t.startsWith('lang:')).length);

  const wm = new WatchMatcher();
  queries.forEach((q, i) => wm.add(i + 1, q));
  const plain = queries.map((q) => compileMatcher(parseQuery(q).ast!));

  // As ingest uses it: each post prepared once, matched, then dropped. Warm up the JIT, then take
  // the best of five passes (the machine is shared, so the worst passes measure the neighbours).
  for (let i = 0; i < Math.min(20_000, posts.length); i++) wm.match(prepareForMatching(posts[i]));
  let matches = 0;
  const passes: { prepare: number; total: number }[] = [];
  for (let pass = 0; pass < 5; pass++) {
    let m = 0;
    const total = time(() => {
      for (let i = 0; i < posts.length; i++) m += wm.match(prepareForMatching(posts[i])).length;
    });
    let sink = 0;
    const prepare = time(() => {
      for (let i = 0; i < posts.length; i++) sink += prepareForMatching(posts[i]).distinct.length;
    });
    if (sink < 0) throw new Error('unreachable');
    matches = m;
    passes.push({ prepare: prepare / posts.length, total: total / posts.length });
  }
  const best = passes.reduce((a, b) => (b.total < a.total ? b : a));
  const prepared: PreparedPost[] = posts.map((p) => prepareForMatching(p));
  let plainMatches = 0;
  const noPrefilter =
    time(() => {
      for (let i = 0; i < posts.length; i++) for (const m of plain) if (m.matches(prepared[i])) plainMatches++;
    }) / posts.length;
  if (plainMatches !== matches) throw new Error(`prefilter changed the result: ${matches} vs ${plainMatches}`);

  const perWatch = new Map<number, number>();
  for (const p of prepared) for (const id of wm.match(p)) perWatch.set(id, (perWatch.get(id) ?? 0) + 1);
  const rates = queries.map((_, i) => (perWatch.get(i + 1) ?? 0) / posts.length).sort((a, b) => a - b);

  console.log(
    JSON.stringify(
      {
        bench: 'match',
        posts: posts.length,
        watches: queries.length,
        languages: vocab.map((v) => v.lang).sort(),
        termsPerWatch: { min: Math.min(...terms), mean: +(terms.reduce((a, b) => a + b, 0) / terms.length).toFixed(1), max: Math.max(...terms) },
        usPerPost: { total: +best.total.toFixed(3), prepare: +best.prepare.toFixed(3), match: +(best.total - best.prepare).toFixed(3), target: 10 },
        usPerPostWithoutPrefilter: +noPrefilter.toFixed(3),
        passes: passes.map((p) => +p.total.toFixed(3)),
        cpuLoad1m: +os.loadavg()[0].toFixed(2),
        cpus: os.cpus().length,
        matchesPerPost: +(matches / posts.length).toFixed(4),
        watchMatchRate: { median: +rates[Math.floor(rates.length / 2)].toFixed(4), max: +rates[rates.length - 1].toFixed(4) },
        exampleWatch: queries[0],
      },
      null,
      2,
    ),
  );
}

void main();
