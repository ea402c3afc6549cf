import { describe, expect, it } from 'vitest';
import type { RawPost } from '../model/post.js';
import { createSimulator } from '../sources/simulator/simulator.js';
import { createEnricher } from './create-enricher.js';
import { enrichPost } from './enrich.js';

const secret = Buffer.alloc(32, 3);

async function simulatedPosts(n: number): Promise<RawPost[]> {
  const out: RawPost[] = [];
  for await (const item of createSimulator({ posts: n, seed: 11 }).read()) if (item.kind === 'post') out.push(item.post);
  return out;
}

describe('enrichPost with the text memo', () => {
  it('gives exactly what enrichment without memos gives, on a stream with repeated texts', async () => {
    const raws = await simulatedPosts(3000);
    expect(new Set(raws.map((r) => r.text)).size).toBeLessThan(raws.length * 0.9);
    const memoised = await createEnricher(secret);
    const plain = await createEnricher(secret, { memo: false });
    for (const raw of raws) expect(enrichPost(raw, memoised, 1)).toEqual(enrichPost(raw, plain, 1));
  });

  it('gives each post its own arrays, so changing one post never changes another', async () => {
    const enricher = await createEnricher(secret);
    const raw: RawPost = { platform: 'x', nativeId: '1', source: 's', createdAt: 0, author: 'a', text: 'Flood warning for #Lisbon https://news.example/a' };
    const first = enrichPost(raw, enricher, 1);
    first.tokens.push('extra');
    first.hashtags.push('extra');
    first.domains.length = 0;
    const second = enrichPost({ ...raw, nativeId: '2' }, enricher, 1);
    expect(second.tokens).not.toContain('extra');
    expect(second.hashtags).toEqual(['lisbon']);
    expect(second.domains).toEqual(['news.example']);
  });

  it('adds entities a source lists beside the text, once', async () => {
    const enricher = await createEnricher(secret);
    const raw: RawPost = {
      platform: 'x', nativeId: '1', source: 's', createdAt: 0, author: 'a',
      text: 'See https://a.example/x #One',
      links: ['https://a.example/x', 'https://b.example/y'],
      hashtags: ['#one', 'Two'],
      mentions: ['@Someone'],
    };
    const post = enrichPost(raw, enricher, 1);
    expect(post.links).toEqual(['https://a.example/x', 'https://b.example/y']);
    expect(post.domains).toEqual(['a.example', 'b.example']);
    expect(post.hashtags).toEqual(['one', 'two']);
    expect(post.mentions).toEqual(['someone']);
  });
});
