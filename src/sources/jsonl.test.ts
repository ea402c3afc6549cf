import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, type RawPost } from '../model/post.js';
import { bufferInput } from './byte-input.js';
import { checkSourceContract, collect } from './contract.js';
import { parseFieldMapping } from './field-mapping.js';
import { toInterchange } from './interchange.js';
import { jsonlSource } from './jsonl.js';
import { splitLines } from './line-splitter.js';

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-jsonl-'));

const T0 = Date.UTC(2026, 0, 5, 8, 30, 0);

function post(id: string, text: string, extra: Partial<RawPost> = {}): RawPost {
  return { platform: 'sim', nativeId: id, source: 'sim', createdAt: T0 + Number(id) * 1000, author: `user${id}`, text, ...extra };
}

const GOOD: RawPost[] = [
  post('1', '地震后的救援工作正在进行 #四川地震 🙏', { hashtags: ['四川地震'], langHint: 'zh' }),
  post('2', 'المساعدات تصل إلى المنطقة المتضررة', { replyTo: '1', langHint: 'ar' }),
  post('3', 'Власти сообщили о новых мерах 😡', { quoteOf: '1', metrics: { likes: 12, reposts: 3 }, langHint: 'ru' }),
  post('4', 'اعتراض‌ها در تهران ادامه دارد', { repostOf: '2', url: 'https://example.org/p/4', langHint: 'fa' }),
  post('5', 'Family emoji 👨‍👩‍👧 and a flag 🇺🇦 survive byte splitting', { links: ['https://example.org/a?b=c'] }),
];

/** The sample file: BOM, CRLF line ends, blank lines and one malformed record of each kind. */
function sampleBytes(): Buffer {
  const lines: (string | Buffer)[] = [
    `\uFEFF${toInterchange(GOOD[0])}`,
    toInterchange(GOOD[1]),
    '',
    '{"platform":"sim","id":"6","createdAt":', // 4: truncated JSON
    toInterchange(GOOD[2]),
    Buffer.concat([Buffer.from('{"platform":"sim","id":"7","createdAt":"2026-01-05T08:30:07Z","author":"u","text":"bad '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), // 6: invalid UTF-8
    '{"platform":"sim","createdAt":"2026-01-05T08:30:08Z","author":"u","text":"no id"}', // 7
    '{"platform":"sim","id":"9","author":"u","text":"no time"}', // 8
    '   ',
    '{"platform":"sim","id":"10","createdAt":"yesterday","author":"u","text":"bad time"}', // 10
    '{"platform":"sim","id":"11","createdAt":"2026-01-05T08:30:11Z","author":"u","text":42}', // 11
    JSON.stringify({ platform: 'sim', id: '12', createdAt: '2026-01-05T08:30:12Z', author: 'u', text: 'x'.repeat(MAX_TEXT_BYTES + 1) }), // 12
    '[1,2,3]', // 13
    toInterchange(GOOD[3]),
    toInterchange(GOOD[4]), // 15, no line break at the end
  ];
  return Buffer.concat(lines.map((l, i) => Buffer.concat([Buffer.from(l), Buffer.from(i < lines.length - 1 ? '\r\n' : '')])));
}

describe('splitLines', () => {
  it('reports byte offsets that point at each line start, across chunk boundaries', async () => {
    const bytes = sampleBytes();
    const file = join(dir, 'split.jsonl');
    writeFileSync(file, bytes);
    const lines = [];
    for await (const batch of splitLines(bufferInput(bytes))) lines.push(...batch);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15]);
    for (const l of lines.slice(1)) expect(bytes[l.start - 1]).toBe(10); // every start follows a LF
    expect(lines[0].text.startsWith('{')).toBe(true); // BOM dropped
    expect(lines.every((l) => !l.text.endsWith('\r'))).toBe(true);
    expect(lines.find((l) => l.line === 6)?.error).toBe('invalid UTF-8');
    expect(lines.at(-1)?.next).toEqual({ offset: bytes.length, line: 16 });
  });

  it('gives the same lines whatever the chunk size, even with characters split across chunks', async () => {
    const bytes = sampleBytes();
    const read = async (chunkBytes: number) => {
      const lines = [];
      for await (const batch of splitLines(bufferInput(bytes, 'memory', chunkBytes))) lines.push(...batch);
      return lines;
    };
    const whole = await read(1 << 20);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(await read(size)).toEqual(whole);
  });

  it('quarantines an over-long line without buffering it and carries on', async () => {
    const bytes = Buffer.from(`{"a":1}\n${'y'.repeat(5000)}\n{"b":2}\n${'z'.repeat(3000)}`);
    for (const chunkBytes of [64, 1 << 20]) {
      const lines = [];
      for await (const batch of splitLines(bufferInput(bytes, 'memory', chunkBytes), undefined, { maxLineBytes: 1000 })) lines.push(...batch);
      expect(lines.map((l) => [l.line, l.text.slice(0, 7), l.error, l.next])).toEqual([
        [1, '{"a":1}', undefined, { offset: 8, line: 2 }],
        [2, '', 'line longer than 1000 bytes', { offset: 5009, line: 3 }],
        [3, '{"b":2}', undefined, { offset: 5017, line: 4 }],
        [4, '', 'line longer than 1000 bytes', { offset: 8017, line: 5 }],
      ]);
    }
  });
});

describe('jsonlSource (interchange)', () => {
  const file = join(dir, 'sample.jsonl');
  writeFileSync(file, sampleBytes());

  it('yields the exact posts and names the field of every bad record', async () => {
    const items = await collect(jsonlSource(file));
    const posts = items.flatMap((i) => (i.kind === 'post' ? [i.post] : []));
    expect(posts).toEqual(GOOD);
    expect(items.filter((i) => i.kind === 'post').map((i) => i.line)).toEqual([1, 2, 5, 14, 15]);
    const bad = items.flatMap((i) => (i.kind === 'bad' ? [[i.line, i.reason]] : []));
    expect(bad).toEqual([
      [4, expect.stringMatching(/^invalid JSON: /)],
      [6, 'invalid UTF-8'],
      [7, expect.stringMatching(/^field id: /)],
      [8, expect.stringMatching(/^field createdAt: /)],
      [10, 'field createdAt: not a time: "yesterday"'],
      [11, expect.stringMatching(/^field text: /)],
      [12, `field text: ${MAX_TEXT_BYTES + 1} bytes, over the ${MAX_TEXT_BYTES}-byte limit`],
      [13, 'record: not a JSON object'],
    ]);
    const long = items.find((i) => i.line === 12);
    expect(long?.kind === 'bad' && long.excerpt.length).toBe(301);
  });

  it('passes the connector contract: resuming from every cursor yields exactly the rest', async () => {
    const report = await checkSourceContract(() => jsonlSource(file), { posts: 5, bad: 8 });
    expect(report.resumesChecked).toBe(13);
  });
});

describe('jsonlSource (mapped)', () => {
  // Weibo-like records from another tool: nested user, numeric-string counts, epoch seconds.
  const rows = [
    { mid: '4870000000000001', created: 1767601800, user: { id: 7001, name: '小明' }, content: '今天的新闻 #热点# 😮', reposts_count: '1,204', topics: ['热点'] },
    { mid: '4870000000000002', created: 1767601860, user: { id: 7002 }, content: 'ответ', reply_to: '4870000000000001' },
    '{"mid":1870000000000000003,"created":1767601920,"user":{"id":7003},"content":"id as an unsafe number"}',
    { mid: '4870000000000004', created: 1767601980, content: 'no user' },
    { mid: '4870000000000005', created: 1767602040, user: { id: 7005 }, content: 'bad count', reposts_count: 'many' },
  ];
  const file = join(dir, 'weibo.jsonl');
  writeFileSync(file, rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
  const mapping = parseFieldMapping('id=mid,createdAt=created,author=user.id,text=content,replyTo=reply_to,hashtags=topics,reposts=reposts_count');

  it('maps dotted paths and reports type errors by field and key', async () => {
    const items = await collect(jsonlSource(file, { mapping, platform: 'weibo' }));
    const source = `file:${file}`;
    expect(items.map((i) => (i.kind === 'post' ? i.post : [i.line, i.reason]))).toEqual([
      { platform: 'weibo', nativeId: '4870000000000001', source, createdAt: 1767601800000, author: '7001', text: '今天的新闻 #热点# 😮', hashtags: ['热点'], metrics: { reposts: 1204 } },
      { platform: 'weibo', nativeId: '4870000000000002', source, createdAt: 1767601860000, author: '7002', text: 'ответ', replyTo: '4870000000000001' },
      [3, 'field id ("mid"): number too large to be exact (ids must be strings)'],
      [4, 'field author ("user.id"): missing'],
      [5, 'field reposts ("reposts_count"): not a count: "many"'],
    ]);
    await checkSourceContract(() => jsonlSource(file, { mapping, platform: 'weibo' }), { posts: 2, bad: 3 });
  });

  it('rejects a mapping that lacks a required field or names an unknown one', () => {
    expect(() => parseFieldMapping('id=a,createdAt=b,author=c')).toThrow(/field text/);
    expect(() => parseFieldMapping({ id: 'a', createdAt: 'b', author: 'c', text: 'd', colour: 'e' })).toThrow(/unknown field colour/);
    expect(parseFieldMapping('{"id":"a","createdAt":"b","author":"c","text":"d"}')).toEqual({ id: 'a', createdAt: 'b', author: 'c', text: 'd' });
  });
});
