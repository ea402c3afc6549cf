import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../model/post.js';
import { bufferInput } from './byte-input.js';
import { checkSourceContract, collect } from './contract.js';
import { csvRecords, csvSource } from './csv.js';
import { parseFieldMapping } from './field-mapping.js';

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-csv-'));

/** An export from some tool: BOM, CRLF, quoted multi-line fields, and one bad row of each kind. */
function sampleBytes(): Buffer {
  const rows: (string | Buffer)[] = [
    '\uFEFFtweet_id,created,user_id,user_name,content,lang,reply_to,likes,tags', // 1
    '1001,2026-01-05 08:30:01,u1,"Li, Wei","城市暴雨：地铁停运 #暴雨",zh,,"1,204",暴雨;北京', // 2
    '1002,2026-01-05T08:31:00+03:00,u2,Ахмед,"Он сказал: ""всё в порядке""\r\nно это не так 😡",ru,1001,7,', // 3-4
    '', // 5
    '1003,2026-01-05 08:32:00,u3,سارا,گزارش از تهران — ادامه دارد,fa,,0,', // 6
    '1004,2026-01-05 08:33:00,u4,X,"closed"x,en,,1,', // 7
    '1005,2026-01-05 08:34:00,u5,Y,too,many,columns,here,x,y,z', // 8
    Buffer.concat([Buffer.from('1006,2026-01-05 08:35:00,u6,Z,'), Buffer.from([0xff, 0xfe]), Buffer.from(',en,,,')]), // 9
    ',2026-01-05 08:36:00,u7,W,no id,en,,,', // 10
    '1008,sometime,u8,V,bad time,en,,,', // 11
    `1009,2026-01-05 08:38:00,u9,U,${'x'.repeat(MAX_TEXT_BYTES + 1)},en,,,`, // 12
    '1010,2026-01-05 08:39:00,u10,T,"مرحبا بالعالم 👋🏽",ar,,3,', // 13
    '1011,2026-01-05 08:40:00,u11,S,"never closed,en,,,', // 14
    '1013,2026-01-05 08:42:00,u13,Q,he said "hi",en,,,', // 15
    '1012,2026-01-05 08:41:00,u12,R,"last one, quoted",en,1010,,', // 16, no line break after it
  ];
  return Buffer.concat(rows.map((r, i) => Buffer.concat([Buffer.from(r), Buffer.from(i < rows.length - 1 ? '\r\n' : '')])));
}

const mapping = parseFieldMapping({
  id: 'tweet_id',
  createdAt: 'created',
  author: 'user_id',
  text: 'content',
  lang: 'lang',
  replyTo: 'reply_to',
  likes: 'likes',
  hashtags: 'tags',
});

describe('csvSource', () => {
  const file = join(dir, 'export.csv');
  writeFileSync(file, sampleBytes());
  const source = `file:${file}`;

  it('yields the exact posts, multi-line quoted fields included', async () => {
    const items = await collect(csvSource(file, { mapping, platform: 'mastodon' }));
    const posts = items.filter((i) => i.kind === 'post');
    expect(posts.map((i) => i.line)).toEqual([2, 3, 6, 13, 16]);
    expect(posts.map((i) => i.post)).toEqual([
      { platform: 'mastodon', nativeId: '1001', source, createdAt: Date.UTC(2026, 0, 5, 8, 30, 1), author: 'u1', text: '城市暴雨：地铁停运 #暴雨', hashtags: ['暴雨', '北京'], metrics: { likes: 1204 }, langHint: 'zh' },
      { platform: 'mastodon', nativeId: '1002', source, createdAt: Date.UTC(2026, 0, 5, 5, 31), author: 'u2', text: 'Он сказал: "всё в порядке"\r\nно это не так 😡', replyTo: '1001', metrics: { likes: 7 }, langHint: 'ru' },
      { platform: 'mastodon', nativeId: '1003', source, createdAt: Date.UTC(2026, 0, 5, 8, 32), author: 'u3', text: 'گزارش از تهران — ادامه دارد', metrics: { likes: 0 }, langHint: 'fa' },
      { platform: 'mastodon', nativeId: '1010', source, createdAt: Date.UTC(2026, 0, 5, 8, 39), author: 'u10', text: 'مرحبا بالعالم 👋🏽', metrics: { likes: 3 }, langHint: 'ar' },
      { platform: 'mastodon', nativeId: '1012', source, createdAt: Date.UTC(2026, 0, 5, 8, 41), author: 'u12', text: 'last one, quoted', replyTo: '1010', langHint: 'en' },
    ]);
  });

  it('reports each malformed row with its line and a reason naming the field, and carries on', async () => {
    const items = await collect(csvSource(file, { mapping, platform: 'mastodon' }));
    expect(items.flatMap((i) => (i.kind === 'bad' ? [[i.line, i.reason]] : []))).toEqual([
      [7, 'malformed CSV: characters after a closing quote'],
      [8, 'expected 9 columns, got 11'],
      [9, 'invalid UTF-8'],
      [10, 'field id ("tweet_id"): missing'],
      [11, 'field createdAt ("created"): not a time: "sometime"'],
      [12, `field text: ${MAX_TEXT_BYTES + 1} bytes, over the ${MAX_TEXT_BYTES}-byte limit`],
      [14, 'malformed CSV: a quoted field is never closed'],
      [15, 'malformed CSV: a quote inside an unquoted field'],
    ]);
    const bad = items.find((i) => i.line === 7);
    expect(bad?.kind === 'bad' && bad.excerpt).toBe('1004,2026-01-05 08:33:00,u4,X,"closed"x,en,,1,\r\n');
  });

  it('passes the connector contract: resuming from every cursor yields exactly the rest', async () => {
    const report = await checkSourceContract(() => csvSource(file, { mapping, platform: 'mastodon' }), { posts: 5, bad: 8 });
    expect(report.resumesChecked).toBe(13);
  });

  it('gives the same records whatever the chunk size', async () => {
    const bytes = sampleBytes();
    const read = async (chunkBytes: number) => {
      const out = [];
      for await (const r of csvRecords(bufferInput(bytes, 'memory', chunkBytes))) out.push({ ...r, raw: r.raw.toString('utf8') });
      return out;
    };
    const whole = await read(1 << 20);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    for (const size of [2, 7, 64, 4096]) expect(await read(size)).toEqual(whole);
  });

  it('uses columns named like the fields when no mapping is given, and names what is missing otherwise', async () => {
    const plain = join(dir, 'plain.tsv');
    writeFileSync(plain, 'id\tcreatedAt\tauthor\ttext\tplatform\n1\t1767601800\ta\tmerhaba dünya\tbluesky\n');
    const items = await collect(csvSource(plain, { delimiter: '\t' }));
    expect(items.map((i) => i.kind === 'post' && i.post)).toEqual([
      { platform: 'bluesky', nativeId: '1', source: `file:${plain}`, createdAt: 1767601800000, author: 'a', text: 'merhaba dünya' },
    ]);
    await expect(collect(csvSource(file))).rejects.toThrow(/no column mapping given and no column named id, createdAt, author, text/);
    await expect(collect(csvSource(file, { mapping: { ...mapping, text: 'body' } }))).rejects.toThrow(/column "body" \(mapped to text\) is not in the header/);
  });
});
