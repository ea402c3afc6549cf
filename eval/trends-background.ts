import { extractEntities } from '../src/enrich/entities.js';
import { tokenize } from '../src/enrich/tokenize.js';
import type { DetectablePost } from '../src/detect/detectable-post.js';
import { seededRandom } from '../src/sources/simulator/rng.js';
import { syntheticStream } from '../src/detect/synthetic-posts.js';
import { ARABIC, CHINESE, ENGLISH } from '../src/detect/fixtures/vocabularies.js';

/**
 * Background chatter for the trend evaluation: a pool of posts from the simulator
 * (src/sources/simulator), tokenised once and then drawn in a shuffled cycle at the replay's own
 * arrival times. Shuffling flattens the simulator's own injected bursts, so an alert on them
 * cannot be mistaken for (or hidden among) the real events; it also means the background itself
 * brings no new vocabulary, which the report states. When the simulator is not built, a
 * Zipf-distributed chatter from fixed vocabularies stands in (and the report says so).
 */

export interface BackgroundPool {
  source: string;
  posts: DetectablePost[];
}

interface SimulatorModule {
  createSimulator(options: { seed: number; posts: number; start: number; ratePerSecond: number }): {
    read(): AsyncIterable<{
      kind: string;
      post?: { platform: string; nativeId: string; text: string; createdAt: number; langHint?: string; hashtags?: string[]; links?: string[]; repostOf?: string; replyTo?: string; quoteOf?: string };
    }>;
  };
}

async function simulatorPool(size: number, seed: number): Promise<DetectablePost[] | undefined> {
  // Resolved at run time so that the evaluation builds while the simulator is being written.
  const specifier = '../src/sources/simulator/index.js';
  let mod: Partial<SimulatorModule>;
  try {
    mod = (await import(specifier)) as Partial<SimulatorModule>;
  } catch {
    return undefined;
  }
  if (typeof mod.createSimulator !== 'function') return undefined;
  const source = mod.createSimulator({ seed, posts: size, start: Date.UTC(2015, 0, 1), ratePerSecond: 5 });
  const posts: DetectablePost[] = [];
  for await (const item of source.read()) {
    const raw = item.post;
    if (item.kind !== 'post' || !raw) continue;
    const entities = extractEntities(raw.text, { hashtags: raw.hashtags, links: raw.links });
    posts.push({
      id: `${raw.platform}:${raw.nativeId}`,
      createdAt: raw.createdAt,
      text: raw.text,
      tokens: tokenize(raw.text),
      hashtags: entities.hashtags,
      links: entities.links,
      domains: entities.domains,
      lang: raw.langHint ?? 'und',
      platform: raw.platform,
      repostOf: raw.repostOf,
      replyTo: raw.replyTo,
      quoteOf: raw.quoteOf,
    });
    if (posts.length >= size) break;
  }
  return posts.length > 0 ? posts : undefined;
}

function fallbackPool(size: number, seed: number): DetectablePost[] {
  const posts: DetectablePost[] = [];
  const langs = [
    { vocabulary: ENGLISH, lang: 'en', share: 0.8, unspaced: false },
    { vocabulary: CHINESE, lang: 'zh', share: 0.1, unspaced: true },
    { vocabulary: ARABIC, lang: 'ar', share: 0.1, unspaced: false },
  ];
  for (const [i, l] of langs.entries()) {
    let left = Math.round(size * l.share);
    for (const p of syntheticStream({ seed: seed + i, vocabulary: l.vocabulary, lang: l.lang, start: 0, durationMs: 1e12, perMinute: 60, unspaced: l.unspaced })) {
      posts.push(p);
      if (--left <= 0) break;
    }
  }
  return posts;
}

export async function loadBackground(size: number, seed: number): Promise<BackgroundPool> {
  const sim = await simulatorPool(size, seed);
  const posts = sim ?? fallbackPool(size, seed);
  const rand = seededRandom(seed ^ 0x5eed);
  for (let i = posts.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [posts[i], posts[j]] = [posts[j], posts[i]];
  }
  return { source: sim ? 'simulator' : 'fallback Zipf chatter (simulator not built)', posts };
}
