import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawPost } from '../model/post.js';
import type { Cursor, Source, SourceItem } from '../sources/source.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createBatchEnricher } from './enrich-pool.js';
import { ingest } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const secret = Buffer.alloc(32, 7);
const T0 = Date.UTC(2026, 2, 1);

function raw(i: number, text: string): RawPost {
  return { platform: 'test', nativeId: String(i), source: 'mem', createdAt: T0 + i * 1000, author: `handle_${i % 5}`, text };
}

/** An in-memory source whose cursor is the item index; item i is bad when `bad(i)`. */
function memorySource(texts: string[], bad: (i: number) => boolean = () => false, delayMs = 0): Source & { reads: number } {
  const src = {
    name: 'mem:test',
    format: 'memory',
    reads: 0,
    async *read(from?: Cursor): AsyncIterable<SourceItem> {
      src.reads++;
      for (let i = from?.offset ?? 0; i < texts.length; i++) {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        const next = { offset: i + 1, line: i + 2 };
        if (bad(i)) yield { kind: 'bad', line: i + 1, reason: 'field id: missing', excerpt: texts[i], next };
        else yield { kind: 'post', line: i + 1, post: raw(i, texts[i]), next };
      }
    },
  };
  return src;
}

const TEXTS = [
  'The council approved the new budget for schools this morning',
  'El ayuntamiento aprobó el nuevo presupuesto para las escuelas',
  'Le conseil a approuvé le nouveau budget des écoles ce matin',
  '市议会今天上午批准了新的学校预算',
  'Городской совет утвердил новый бюджет для школ',
  'وافق المجلس البلدي على الميزانية الجديدة للمدارس',
  'شورای شهر بودجه جدید مدارس را تصویب کرد',
];

describe('ingest pipeline', () => {
  it('stores good records, quarantines bad ones with line and reason, and commits the checkpoint', async () => {
    const store = new SqliteStore({ path: join(dir, 'a.db') });
    const texts = Array.from({ length: 50 }, (_, i) => `${TEXTS[i % TEXTS.length]} #item${i}`);
    const quarantineFile = join(dir, 'a.quarantine.jsonl');
    const summary = await ingest({
      source: memorySource(texts, (i) => i % 10 === 3),
      store,
      enricher: createBatchEnricher(secret, 0),
      batchSize: 8,
      quarantineFile,
    });
    expect(summary).toMatchObject({ read: 50, stored: 45, duplicates: 0, quarantined: 5 });
    expect(await store.getCheckpoint('mem:test')).toEqual({ offset: 50, line: 51 });
    expect((await store.quarantined()).map((q) => q.line)).toEqual([4, 14, 24, 34, 44]);
    const lines = readFileSync(quarantineFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.reason])).toEqual([4, 14, 24, 34, 44].map((n) => [n, 'field id: missing']));
    const post = await store.getPost('test:5');
    expect(post?.lang).toBe('ar');
    expect(post?.hashtags).toEqual(['item5']);
    expect(post?.authorKey).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(post)).not.toContain('handle_');
    await store.close();
  });

  it('resumes from the checkpoint and counts re-delivered posts as duplicates', async () => {
    const store = new SqliteStore({ path: join(dir, 'b.db') });
    const texts = Array.from({ length: 30 }, (_, i) => TEXTS[i % TEXTS.length]);
    const source = memorySource(texts);
    const enricher = createBatchEnricher(secret, 0);
    const abort = new AbortController();
    const first = await ingest({
      source,
      store,
      enricher,
      batchSize: 5,
      signal: abort.signal,
      onCommit: (posts) => {
        if (posts.length > 0) abort.abort();
      },
    });
    expect(first.stored).toBeGreaterThan(0);
    expect(first.stored).toBeLessThan(30);
    const second = await ingest({ source, store, enricher, batchSize: 5 });
    expect(first.stored + second.stored).toBe(30);
    expect(second.duplicates).toBe(0);
    const again = await ingest({ source, store, enricher, batchSize: 5, resume: false });
    expect(again).toMatchObject({ read: 30, stored: 0, duplicates: 30 });
    await store.close();
  });

  it('quarantines a text over 100 kB instead of storing it', async () => {
    const store = new SqliteStore({ path: join(dir, 'c.db') });
    const texts = ['short post', 'é'.repeat(60_000), 'another short post'];
    const summary = await ingest({ source: memorySource(texts), store, enricher: createBatchEnricher(secret, 0) });
    expect(summary).toMatchObject({ stored: 2, quarantined: 1 });
    expect((await store.quarantined())[0]).toMatchObject({ line: 2, reason: 'field text: longer than 100000 bytes' });
    await store.close();
  });

  it('commits a partial batch of a slow live source within maxLatencyMs', async () => {
    const store = new SqliteStore({ path: join(dir, 'd.db') });
    const commits: number[] = [];
    await ingest({
      source: memorySource(TEXTS.slice(0, 4), () => false, 60),
      store,
      enricher: createBatchEnricher(secret, 0),
      batchSize: 1000,
      maxLatencyMs: 20,
      onCommit: (posts) => {
        commits.push(posts.length);
      },
    });
    // With a batch of 1000 and no latency bound there would be one commit of 4.
    expect(commits.length).toBeGreaterThan(1);
    expect(commits.reduce((a, b) => a + b, 0)).toBe(4);
    await store.close();
  });

  it('enriches on worker threads with the same result as in this thread', async () => {
    const a = new SqliteStore({ path: join(dir, 'e1.db') });
    const b = new SqliteStore({ path: join(dir, 'e2.db') });
    // Half the texts repeat (within and across batches): the pool's memo answers those itself.
    const texts = Array.from({ length: 40 }, (_, i) => (i % 2 ? `${TEXTS[i % TEXTS.length]} https://news.example.org/${i}` : TEXTS[i % 4]));
    const pool = createBatchEnricher(secret, 2);
    await ingest({ source: memorySource(texts), store: a, enricher: createBatchEnricher(secret, 0), batchSize: 7 });
    await ingest({ source: memorySource(texts), store: b, enricher: pool, batchSize: 7 });
    await pool.close();
    const strip = (p: unknown) => ({ ...(p as object), ingestedAt: 0 });
    for (let i = 0; i < 40; i++) expect(strip(await b.getPost(`test:${i}`))).toEqual(strip(await a.getPost(`test:${i}`)));
    await a.close();
    await b.close();
  });
});
