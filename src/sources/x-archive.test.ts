import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSourceContract, collect } from './contract.js';
import { xArchiveSource } from './x-archive.js';

const root = mkdtempSync(join(tmpdir(), 'tidewatch-x-archive-'));

/** The archive's own layout: two-space indent and `" : "` between keys and values. */
const archiveJson = (value: unknown) => JSON.stringify(value, null, 2).replace(/^(\s*"[^"]*") :?: /gm, '$1 : ').replace(/^(\s*"[^"]*"): /gm, '$1 : ');

function tweet(id: string, createdAt: string, fullText: string, extra: Record<string, unknown> = {}) {
  return {
    tweet: {
      edit_info: { initial: { editTweetIds: [id], editableUntil: '2023-01-05T09:00:00.000Z', editsRemaining: '5', isEditEligible: true } },
      retweeted: false,
      source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
      entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
      display_text_range: ['0', String(fullText.length)],
      favorite_count: '0',
      id_str: id,
      truncated: false,
      retweet_count: '0',
      id,
      created_at: createdAt,
      favorited: false,
      full_text: fullText,
      lang: 'en',
      ...extra,
    },
  };
}

const BROKEN = '{\n  "tweet" : {\n    "id_str" : "1049780000000000009"\n    "full_text" : "missing comma"\n  }\n}';

function archiveParts(broken = false): string[] {
  const parts = elements.map(archiveJson);
  if (broken) parts.splice(2, 0, BROKEN);
  return parts;
}

const elements = [
  tweet('1049780000000000001', 'Wed Oct 10 20:19:24 +0000 2018', '今天天气很好 &amp; 心情不错 #周末', {
    lang: 'zh',
    favorite_count: '12',
    retweet_count: '3',
    entities: { hashtags: [{ text: '周末', indices: ['16', '19'] }], symbols: [], user_mentions: [], urls: [] },
  }),
  tweet('1049780000000000002', 'Thu Oct 11 06:00:00 +0000 2018', '@friend_ar شكرا جزيلا 🌹', {
    lang: 'ar',
    in_reply_to_status_id_str: '1049770000000000000',
    in_reply_to_user_id_str: '99',
    entities: { hashtags: [], symbols: [], user_mentions: [{ name: 'صديق', screen_name: 'friend_ar', id_str: '99', indices: ['0', '10'] }], urls: [] },
  }),
  tweet('1049780000000000003', 'Fri Oct 12 12:30:00 +0000 2018', 'RT @news_ru: Срочно: мост закрыт', {
    lang: 'ru',
    entities: { hashtags: [], symbols: [], user_mentions: [{ name: 'News', screen_name: 'news_ru', id_str: '7', indices: ['3', '11'] }], urls: [] },
  }),
  tweet('1049780000000000004', 'Sat Oct 13 18:45:00 +0000 2018', 'این را ببینید https://t.co/Qx1', {
    lang: 'fa',
    entities: {
      hashtags: [],
      symbols: [],
      user_mentions: [],
      urls: [{ url: 'https://t.co/Qx1', expanded_url: 'https://twitter.com/someone/status/1049700000000000000', display_url: 'twitter.com/someone/status…', indices: ['14', '30'] }],
    },
  }),
  tweet('1049780000000000005', 'no date', 'bad time'),
  { tweet: { id_str: '1049780000000000006', full_text: 'no time at all 😶' } },
];

const PRELUDE = 'window.YTD.tweets.part0 = [ ';

/** Line on which each element starts, in a file written as PRELUDE + parts.join(', '). */
const startLines = (parts: string[]) => parts.map((_, k) => (PRELUDE + parts.slice(0, k).join(', ')).split('\n').length);

function writeArchive(folder: string, options: { account?: boolean; broken?: boolean } = {}): string {
  mkdirSync(join(folder, 'data'), { recursive: true });
  const file = join(folder, 'data', 'tweets.js');
  writeFileSync(file, `${PRELUDE}${archiveParts(options.broken).join(', ')} ]`);
  if (options.account) {
    writeFileSync(join(folder, 'data', 'account.js'), `window.YTD.account.part0 = ${archiveJson([{ account: { email: 'x@example.org', createdVia: 'web', username: 'owner_handle', accountId: '987654321', accountDisplayName: 'Owner' } }])}`);
  }
  return file;
}

describe('xArchiveSource', () => {
  const file = writeArchive(join(root, 'with-account'), { account: true, broken: true });
  const source = `file:${file}`;

  it('maps archive tweets to posts by the account in account.js', async () => {
    const items = await collect(xArchiveSource(file));
    const url = (id: string) => `https://x.com/i/web/status/${id}`;
    expect(items.flatMap((i) => (i.kind === 'post' ? [i.post] : []))).toEqual([
      {
        platform: 'x', nativeId: '1049780000000000001', source, url: url('1049780000000000001'), createdAt: Date.UTC(2018, 9, 10, 20, 19, 24),
        author: '987654321', text: '今天天气很好 & 心情不错 #周末', hashtags: ['周末'], metrics: { likes: 12, reposts: 3 }, langHint: 'zh',
      },
      {
        platform: 'x', nativeId: '1049780000000000002', source, url: url('1049780000000000002'), createdAt: Date.UTC(2018, 9, 11, 6),
        author: '987654321', text: '@friend_ar شكرا جزيلا 🌹', replyTo: '1049770000000000000', mentions: ['friend_ar'], metrics: { likes: 0, reposts: 0 }, langHint: 'ar',
      },
      {
        platform: 'x', nativeId: '1049780000000000003', source, url: url('1049780000000000003'), createdAt: Date.UTC(2018, 9, 12, 12, 30),
        author: '987654321', text: 'RT @news_ru: Срочно: мост закрыт', mentions: ['news_ru'], metrics: { likes: 0, reposts: 0 }, langHint: 'ru',
      },
      {
        platform: 'x', nativeId: '1049780000000000004', source, url: url('1049780000000000004'), createdAt: Date.UTC(2018, 9, 13, 18, 45),
        author: '987654321', text: 'این را ببینید https://t.co/Qx1', quoteOf: '1049700000000000000',
        links: ['https://twitter.com/someone/status/1049700000000000000'], metrics: { likes: 0, reposts: 0 }, langHint: 'fa',
      },
    ]);
  });

  it('quarantines a broken element with its own line and keeps reading', async () => {
    const items = await collect(xArchiveSource(file));
    const starts = startLines(archiveParts(true));
    expect(items.map((i) => i.line)).toEqual(starts);
    expect(items.flatMap((i) => (i.kind === 'bad' ? [[i.line, i.reason]] : []))).toEqual([
      [starts[2], expect.stringMatching(/^invalid JSON: /)],
      [starts[5], 'field created_at: not a time: "no date"'],
      [starts[6], 'field created_at: missing'],
    ]);
    expect(starts[6]).toBeGreaterThan(100);
  });

  it('passes the connector contract', async () => {
    await checkSourceContract(() => xArchiveSource(file), { posts: 4, bad: 3 });
  });

  it('takes the owner from the accountId option, else falls back to archive-owner', async () => {
    const bare = writeArchive(join(root, 'bare'));
    const posts = async (options?: { accountId?: string }) =>
      (await collect(xArchiveSource(bare, options))).flatMap((i) => (i.kind === 'post' ? [i.post.author] : []));
    expect(new Set(await posts())).toEqual(new Set(['archive-owner']));
    expect(new Set(await posts({ accountId: '555' }))).toEqual(new Set(['555']));
  });

  it('reports an archive cut off mid-tweet after the complete ones', async () => {
    const cut = join(root, 'cut.js');
    const whole = `${PRELUDE}${elements.slice(0, 2).map(archiveJson).join(', ')} ]`;
    writeFileSync(cut, whole.slice(0, whole.indexOf('شكرا')));
    const items = await collect(xArchiveSource(cut));
    expect(items.map((i) => i.kind)).toEqual(['post', 'bad']);
    expect(items[1]).toMatchObject({ reason: 'truncated: the input ends inside this element', next: { offset: Buffer.byteLength(whole.slice(0, whole.indexOf('شكرا'))) } });
  });
});
