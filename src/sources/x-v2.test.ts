import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawPost } from '../model/post.js';
import { checkSourceContract, collect } from './contract.js';
import { xV2Source } from './x-v2.js';

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-x-v2-'));

// Tweets as the v2 API returns them (fields=created_at,author_id,lang,public_metrics,entities,
// referenced_tweets,note_tweet; expansions=author_id,referenced_tweets.id).
const zhTweet = {
  id: '1877000000000000001',
  edit_history_tweet_ids: ['1877000000000000001'],
  created_at: '2026-01-05T08:30:00.000Z',
  author_id: '1500000001',
  text: '四川地震救援进行中 #四川地震 @rescue_cn https://t.co/abc 🙏',
  lang: 'zh',
  entities: {
    hashtags: [{ start: 10, end: 15, tag: '四川地震' }],
    mentions: [{ start: 16, end: 26, username: 'rescue_cn', id: '42' }],
    urls: [{ start: 27, end: 50, url: 'https://t.co/abc', expanded_url: 'https://news.example.cn/quake', display_url: 'news.example.cn/quake' }],
  },
  public_metrics: { retweet_count: 120, reply_count: 8, like_count: 900, quote_count: 4, bookmark_count: 2, impression_count: 50000 },
};
const arReply = {
  id: '1877000000000000002',
  created_at: '2026-01-05T08:31:00.000Z',
  author_id: '1500000002',
  text: '@user_a المساعدات في الطريق',
  lang: 'ar',
  referenced_tweets: [{ type: 'replied_to', id: '1877000000000000001' }],
  public_metrics: { retweet_count: 0, reply_count: 0, like_count: 3, quote_count: 0 },
};
const ruQuote = {
  id: '1877000000000000003',
  created_at: '2026-01-05T08:32:00.000Z',
  author_id: '1500000003',
  text: 'Это правда? 😡 https://t.co/q',
  lang: 'ru',
  referenced_tweets: [{ type: 'quoted', id: '1877000000000000001' }],
};
const retweet = {
  id: '1877000000000000004',
  created_at: '2026-01-05T08:33:00.000Z',
  author_id: '1500000004',
  text: 'RT @user_a: Roads &amp; bridges closed &gt; 3 days',
  lang: 'en',
  referenced_tweets: [{ type: 'retweeted', id: '1876999999999999999' }],
};
const longFa = {
  id: '1877000000000000005',
  created_at: '2026-01-05T08:34:00.000Z',
  author_id: '1500000005',
  text: 'گزارش کامل از وضعیت… https://t.co/n',
  note_tweet: { text: `گزارش کامل از وضعیت امدادرسانی ${'ادامه دارد '.repeat(40)}#زلزله`, entities: { hashtags: [{ start: 0, end: 1, tag: 'زلزله' }] } },
  lang: 'fa',
};
const noTime = { id: '1877000000000000006', author_id: '1500000006', text: 'no created_at', lang: 'en' };
const users = [{ id: '1500000001', name: '小明', username: 'xiaoming' }];
const page1 = { data: [zhTweet, arReply, ruQuote], includes: { users, tweets: [zhTweet] }, meta: { result_count: 3, newest_id: ruQuote.id, next_token: 'b26v89c19zqg8o3f' } };
const page2 = { data: [retweet, noTime, longFa], includes: { users }, meta: { result_count: 3 } };

const base = (source: string) => (id: string, createdAt: string, author: string) => ({
  platform: 'x',
  nativeId: id,
  source,
  url: `https://x.com/i/web/status/${id}`,
  createdAt: Date.parse(createdAt),
  author,
});

function expectedPosts(source: string): Record<string, RawPost> {
  const b = base(source);
  return {
    zh: {
      ...b(zhTweet.id, zhTweet.created_at, '1500000001'),
      text: '四川地震救援进行中 #四川地震 @rescue_cn https://t.co/abc 🙏',
      hashtags: ['四川地震'],
      mentions: ['rescue_cn'],
      links: ['https://news.example.cn/quake'],
      metrics: { likes: 900, reposts: 120, replies: 8, quotes: 4, views: 50000 },
      langHint: 'zh',
    },
    ar: { ...b(arReply.id, arReply.created_at, '1500000002'), text: '@user_a المساعدات في الطريق', replyTo: zhTweet.id, metrics: { likes: 3, reposts: 0, replies: 0, quotes: 0 }, langHint: 'ar' },
    ru: { ...b(ruQuote.id, ruQuote.created_at, '1500000003'), text: 'Это правда? 😡 https://t.co/q', quoteOf: zhTweet.id, langHint: 'ru' },
    rt: { ...b(retweet.id, retweet.created_at, '1500000004'), text: 'RT @user_a: Roads & bridges closed > 3 days', repostOf: '1876999999999999999', langHint: 'en' },
    fa: { ...b(longFa.id, longFa.created_at, '1500000005'), text: longFa.note_tweet.text, hashtags: ['زلزله'], langHint: 'fa' },
  };
}

describe('xV2Source, one page or tweet per line', () => {
  const file = join(dir, 'search.jsonl');
  const lines = [
    JSON.stringify(page1), // 1
    JSON.stringify(page2), // 2
    '', // 3
    '{"data":[{"id":"1877000000000000007",', // 4: cut off
    // 5: a tweet id written as a JSON number (already rounded by any JSON parser)
    '{"id":1877000000000000008,"created_at":"2026-01-05T08:36:00.000Z","author_id":"1","text":"numeric id"}',
    // 6: a filtered-stream message
    JSON.stringify({ data: { id: '1877000000000000009', created_at: '2026-01-05T08:37:00.000Z', author_id: '1500000009', text: 'Ура! Мы победили 🎉', lang: 'ru' }, matching_rules: [{ id: '1', tag: 'ru' }] }),
    // 7: a flattened tweet (twarc2 flatten): author expanded, lang pseudo-code
    JSON.stringify({ id: '1877000000000000010', created_at: '2026-01-05T08:38:00.000Z', author: { id: '1500000010', username: 'not_the_author_key' }, text: '😂😂😂', lang: 'qme', __twarc: { version: '2.14.0' } }),
    // 8: legacy language code
    JSON.stringify({ id: '1877000000000000011', created_at: '2026-01-05T08:39:00.000Z', author_id: '1500000011', text: 'Selamat pagi', lang: 'in' }),
    '{"meta":{"result_count":0}}', // 9: an empty page
  ];
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  const source = `file:${file}`;

  it('maps every tweet field, page by page', async () => {
    const items = await collect(xV2Source(file));
    const e = expectedPosts(source);
    const b = base(source);
    expect(items.flatMap((i) => (i.kind === 'post' ? [[i.line, i.post]] : []))).toEqual([
      [1, e.zh],
      [1, e.ar],
      [1, e.ru],
      [2, e.rt],
      [2, e.fa],
      [6, { ...b('1877000000000000009', '2026-01-05T08:37:00.000Z', '1500000009'), text: 'Ура! Мы победили 🎉', langHint: 'ru' }],
      [7, { ...b('1877000000000000010', '2026-01-05T08:38:00.000Z', '1500000010'), text: '😂😂😂' }],
      [8, { ...b('1877000000000000011', '2026-01-05T08:39:00.000Z', '1500000011'), text: 'Selamat pagi', langHint: 'id' }],
    ]);
    expect(items.flatMap((i) => (i.kind === 'bad' ? [[i.line, i.reason]] : []))).toEqual([
      [2, 'data[1]: field created_at: missing'],
      [4, expect.stringMatching(/^invalid JSON: /)],
      [5, 'field id: a JSON number, which loses precision; X ids must be strings'],
    ]);
  });

  it('puts the index inside the page in the cursor', async () => {
    const items = await collect(xV2Source(file));
    expect(items.slice(0, 3).map((i) => i.next)).toEqual([
      { offset: 0, line: 1, item: 1 },
      { offset: 0, line: 1, item: 2 },
      { offset: Buffer.byteLength(lines[0]) + 2, line: 2 },
    ]);
  });

  it('passes the connector contract', async () => {
    const report = await checkSourceContract(() => xV2Source(file), { posts: 8, bad: 3 });
    expect(report.resumesChecked).toBe(11);
  });
});

describe('xV2Source, pages in one JSON document', () => {
  it('reads a pretty-printed JSON array of pages element by element, with real line numbers', async () => {
    const file = join(dir, 'pages.json');
    const text = JSON.stringify([page1, page2], null, 2);
    writeFileSync(file, text);
    const items = await collect(xV2Source(file));
    const e = expectedPosts(`file:${file}`);
    expect(items.flatMap((i) => (i.kind === 'post' ? [i.post] : []))).toEqual([e.zh, e.ar, e.ru, e.rt, e.fa]);
    const page2Line = text.slice(0, text.indexOf('"data"', text.indexOf(`"${ruQuote.id}"`, text.indexOf('"meta"')))).split('\n').length - 1;
    const bad = items.filter((i) => i.kind === 'bad');
    expect(bad.map((i) => [i.line, i.kind === 'bad' && i.reason])).toEqual([[page2Line, 'data[1]: field created_at: missing']]);
    expect(text.split('\n')[page2Line - 1].trim()).toBe('{'); // the line where page 2 starts
    await checkSourceContract(() => xV2Source(file), { posts: 5, bad: 1 });
  });

  it('reads one pretty-printed page as a whole document, moving by item', async () => {
    const file = join(dir, 'page.json');
    writeFileSync(file, `${JSON.stringify(page2, null, 4)}\n`);
    const items = await collect(xV2Source(file));
    const e = expectedPosts(`file:${file}`);
    expect(items.map((i) => (i.kind === 'post' ? i.post : i.reason))).toEqual([e.rt, 'data[1]: field created_at: missing', e.fa]);
    expect(items.map((i) => i.next)).toEqual([1, 2, 3].map((item) => ({ offset: 0, line: 1, item })));
    await checkSourceContract(() => xV2Source(file), { posts: 2, bad: 1 });
  });

  it('reports a truncated array element and keeps what came before', async () => {
    const file = join(dir, 'cut.json');
    const text = JSON.stringify([page1, page2], null, 1);
    writeFileSync(file, text.slice(0, text.indexOf(longFa.id)));
    const items = await collect(xV2Source(file));
    expect(items.filter((i) => i.kind === 'post')).toHaveLength(3);
    expect(items.at(-1)).toMatchObject({ kind: 'bad', reason: 'truncated: the input ends inside this element' });
  });
});
