import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from './contract.js';
import { detectFormat, openSource } from './detect-format.js';
import { toInterchange } from './interchange.js';
import { SourceError } from './source.js';

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-detect-'));
const here = fileURLToPath(new URL('.', import.meta.url));

const interchangeLine = toInterchange({ platform: 'sim', nativeId: '1', source: 'sim', createdAt: Date.UTC(2026, 0, 1), author: 'a', text: 'سلام دنیا 👋' });
const tweet = { id: '1877000000000000001', created_at: '2026-01-05T08:30:00.000Z', author_id: '15', text: 'hi', edit_history_tweet_ids: ['1877000000000000001'] };

describe('detectFormat', () => {
  const cases: [string, string, string][] = [
    ['posts.jsonl', `\uFEFF${interchangeLine}\n`, 'jsonl'],
    ['export.ndjson', '{"mid":"1","content":"x"}\n', 'jsonl'],
    ['search.jsonl', `${JSON.stringify({ data: [tweet], includes: {}, meta: { result_count: 1 } })}\n`, 'x-v2'],
    ['stream.jsonl', `${JSON.stringify({ data: tweet, matching_rules: [] })}\n`, 'x-v2'],
    ['tweets.jsonl', `${JSON.stringify(tweet)}\n`, 'x-v2'],
    ['page.json', JSON.stringify({ data: [tweet], meta: { result_count: 1 } }, null, 2), 'x-v2'],
    ['pages.json', JSON.stringify([{ data: [tweet] }], null, 2), 'x-v2'],
    ['tweets.js', 'window.YTD.tweets.part0 = [ {\n  "tweet" : {\n', 'x-archive'],
    ['data.txt', 'window.YTD.tweets.part1 = [ ', 'x-archive'],
    ['ct.csv', '\uFEFF"Page Name","User Name","Facebook Id","Page Category","Post Created","Post Created Date","Type","URL","Message"\r\n', 'crowdtangle'],
    ['ig.csv', 'Account,User Name,Followers at Posting,Post Created,Type,Likes,URL,Description\n', 'crowdtangle'],
    ['mcl.csv', 'id,creation_time,text,lang,post_owner.id,post_owner.name,statistics.reaction_count,mcl_url\n', 'meta-content-library'],
    ['anything.csv', 'tweet_id,date,user,content\n1,2026-01-01,u,hello\n', 'csv'],
    ['tabs.tsv', 'id\tcreatedAt\tauthor\ttext\n', 'csv'],
    ['no-extension', 'id,createdAt,author,text\n', 'csv'],
    ['empty.jsonl', '', 'jsonl'],
    ['-', `${interchangeLine}\n`, 'jsonl'],
  ];
  it.each(cases.map(([name, head, format]) => [name, format, head]))('%s → %s', (name, format, head) => {
    expect(detectFormat(name, Buffer.from(head))).toBe(format);
  });

  it('throws a SourceError naming the path when nothing tells', () => {
    expect(() => detectFormat('notes.md', '# Notes\n')).toThrow(SourceError);
    expect(() => detectFormat('notes.md', '# Notes\n')).toThrow(/notes\.md/);
    expect(() => detectFormat('empty', '')).toThrow(/cannot tell the format of empty: it is empty/);
    expect(() => detectFormat('list.json', '[1, 2, 3]')).toThrow(/list\.json/);
  });
});

describe('openSource', () => {
  it('opens each detected format and reads it', async () => {
    const file = join(dir, 'search.jsonl');
    writeFileSync(file, `${JSON.stringify({ data: [tweet] })}\n`);
    const source = openSource(file);
    expect(source.format).toBe('x-v2');
    expect(source.name).toBe(`file:${resolve(file)}`);
    expect((await collect(source)).map((i) => i.kind === 'post' && i.post.author)).toEqual(['15']);
  });

  it('names the path of a missing file, an unknown format and a bad mapping in one line', () => {
    const missing = join(dir, 'nope.jsonl');
    expect(() => openSource(missing)).toThrow(new SourceError(`cannot open ${missing}: ENOENT`));
    expect(() => openSource(missing, { format: 'xml' })).toThrow(/unknown format "xml" for .*nope\.jsonl/);
    expect(() => openSource(missing, { mapping: 'id=a' })).toThrow(/mapping: field createdAt/);
    expect(() => openSource(missing, { mapping: `@${join(dir, 'missing-mapping.json')}` })).toThrow(/cannot read mapping file/);
  });

  it('asks for a mapping for foreign JSON lines, and uses one from a file', async () => {
    const file = join(dir, 'foreign.jsonl');
    writeFileSync(file, '{"mid":"9","ts":"2026-01-01T00:00:00Z","uid":"u9","content":"привет"}\n');
    expect(() => openSource(file)).toThrow(/not tidewatch interchange records \(keys: mid, ts, uid, content\); give a mapping/);
    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ id: 'mid', createdAt: 'ts', author: 'uid', text: 'content' }));
    const items = await collect(openSource(file, { mapping: `@${mappingFile}`, platform: 'vk' }));
    expect(items.map((i) => i.kind === 'post' && [i.post.platform, i.post.nativeId, i.post.text])).toEqual([['vk', '9', 'привет']]);
  });

  it('lets --format and a mapping override what the content suggests', async () => {
    const file = join(dir, 'tweets-mapped.jsonl');
    writeFileSync(file, `${JSON.stringify(tweet)}\n`);
    const mapped = openSource(file, { mapping: 'id=id,createdAt=created_at,author=author_id,text=text' });
    expect(mapped.format).toBe('jsonl');
    expect((await collect(mapped)).map((i) => i.kind === 'post' && i.post.platform)).toEqual(['file']);
    expect(openSource(file, { format: 'x-v2' }).format).toBe('x-v2');
  });

  it('reads stdin with "-"', () => {
    const script = join(dir, 'read-stdin.mts');
    writeFileSync(
      script,
      `import { openSource } from ${JSON.stringify(join(here, 'detect-format.ts'))};\n` +
        `const source = openSource('-');\nconst out = [];\n` +
        `for await (const item of source.read()) out.push([item.kind, item.line, item.kind === 'post' ? item.post.text : item.reason]);\n` +
        `console.log(JSON.stringify({ name: source.name, format: source.format, out }));\n`,
    );
    const input = `${interchangeLine}\n\n{broken\n${interchangeLine.replace('"id":"1"', '"id":"2"')}\n`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { input, encoding: 'utf8', cwd: resolve(here, '../..') });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({
      name: 'stdin',
      format: 'jsonl',
      out: [
        ['post', 1, 'سلام دنیا 👋'],
        ['bad', 3, expect.stringMatching(/^invalid JSON/)],
        ['post', 4, 'سلام دنیا 👋'],
      ],
    });
  });
});
