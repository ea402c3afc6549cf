import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSourceContract, collect } from './contract.js';
import { crowdtangleSource, metaContentLibrarySource, postIdFromUrl } from './crowdtangle.js';

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-meta-'));

const csvLine = (fields: string[]) => fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');

/** Rows keyed by column name; columns not given are left empty, as exports leave them. */
function writeCsv(name: string, header: string[], rows: (Record<string, string> | string)[]): string {
  const file = join(dir, name);
  const lines = [csvLine(header), ...rows.map((r) => (typeof r === 'string' ? r : csvLine(header.map((h) => r[h] ?? ''))))];
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

// The Facebook export's columns (CrowdTangle, 2021–2024).
const CT_FACEBOOK = [
  'Page Name', 'User Name', 'Facebook Id', 'Page Category', 'Page Admin Top Country', 'Page Description', 'Page Created',
  'Likes at Posting', 'Followers at Posting', 'Post Created', 'Post Created Date', 'Post Created Time', 'Type',
  'Total Interactions', 'Likes', 'Comments', 'Shares', 'Love', 'Wow', 'Haha', 'Sad', 'Angry', 'Care',
  'Video Share Status', 'Is Video Owner?', 'Post Views', 'Total Views', 'Total Views For All Crossposts', 'Video Length',
  'URL', 'Message', 'Link', 'Final Link', 'Image Text', 'Link Text', 'Description', 'Sponsor Id', 'Sponsor Name',
  'Sponsor Category', 'Overperforming Score (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )',
];

const page = { 'Page Name': '新闻频道 News', 'User Name': 'newschannel', 'Facebook Id': '100064000000001', 'Page Category': 'MEDIA_NEWS_COMPANY', 'Page Admin Top Country': 'TW' };

describe('crowdtangleSource (Facebook)', () => {
  const file = writeCsv('ct-facebook.csv', CT_FACEBOOK, [
    { ...page, 'Post Created': '2024-03-01 09:15:00 EST', 'Post Created Date': '2024-03-01', 'Post Created Time': '09:15:00', Type: 'Link', 'Total Interactions': '1,530', Likes: '1,204', Comments: '210', Shares: '87', URL: 'https://www.facebook.com/100064000000001/posts/7000000000000001', Message: '台湾地震最新消息 🙏\n请转发', Link: 'https://news.example.tw/a', 'Final Link': 'https://news.example.tw/a?utm=fb' }, // 2-3
    { 'Page Name': 'قناة', 'User Name': 'qanat', 'Facebook Id': '100064000000002', 'Post Created': '2024-03-01 15:00:00 UTC', Type: 'Status', Likes: '5', Comments: '0', Shares: '1', URL: 'https://www.facebook.com/permalink.php?story_fbid=7000000000000002&id=100064000000002', Message: 'الوضع هادئ الآن' }, // 4
    { 'Page Name': 'Канал', 'Facebook Id': '100064000000003', 'Post Created': '2024-03-02 10:00:00 CET', Type: 'Native Video', Likes: '0', 'Post Views': '10,000', URL: 'https://www.facebook.com/kanal/videos/7000000000000003/', Message: 'Видео с места событий' }, // 5
    { ...page, 'Post Created': '2024-03-02 11:00:00 IST', URL: 'https://www.facebook.com/100064000000001/posts/7000000000000004', Message: 'ambiguous zone' }, // 6
    { ...page, 'Post Created': '2024-03-02 12:00:00 EST', URL: '', Message: 'no URL' }, // 7
    { ...page, 'Facebook Id': '', 'Post Created': '2024-03-02 13:00:00 EST', URL: 'https://www.facebook.com/x/posts/7000000000000006', Message: 'no page id' }, // 8
    { ...page, 'Post Created': '2024-03-02 14:00:00 EST', Likes: 'lots', URL: 'https://www.facebook.com/100064000000001/posts/7000000000000007', Message: 'bad count' }, // 9
    { 'Page Name': 'صفحه', 'Facebook Id': '100064000000004', 'Post Created': '2024-03-03 08:00:00 UTC', Type: 'Photo', URL: 'https://www.facebook.com/100064000000004/photos/a.123/7000000000000008/?type=3', Message: 'خبر فوری: #تهران 📢' }, // 10
  ]);
  const source = `file:${file}`;

  it('identifies posts by page id and URL, and authors by page id', async () => {
    const items = await collect(crowdtangleSource(file));
    expect(items.flatMap((i) => (i.kind === 'post' ? [[i.line, i.post]] : []))).toEqual([
      [2, {
        platform: 'facebook', nativeId: '100064000000001_7000000000000001', source, url: 'https://www.facebook.com/100064000000001/posts/7000000000000001',
        createdAt: Date.UTC(2024, 2, 1, 14, 15), author: '100064000000001', text: '台湾地震最新消息 🙏\n请转发',
        links: ['https://news.example.tw/a?utm=fb'], metrics: { likes: 1204, replies: 210, reposts: 87 },
      }],
      [4, {
        platform: 'facebook', nativeId: '100064000000002_7000000000000002', source, url: 'https://www.facebook.com/permalink.php?story_fbid=7000000000000002&id=100064000000002',
        createdAt: Date.UTC(2024, 2, 1, 15), author: '100064000000002', text: 'الوضع هادئ الآن', metrics: { likes: 5, replies: 0, reposts: 1 },
      }],
      [5, {
        platform: 'facebook', nativeId: '100064000000003_7000000000000003', source, url: 'https://www.facebook.com/kanal/videos/7000000000000003/',
        createdAt: Date.UTC(2024, 2, 2, 9), author: '100064000000003', text: 'Видео с места событий', metrics: { likes: 0, views: 10000 },
      }],
      [10, {
        platform: 'facebook', nativeId: '100064000000004_7000000000000008', source, url: 'https://www.facebook.com/100064000000004/photos/a.123/7000000000000008/?type=3',
        createdAt: Date.UTC(2024, 2, 3, 8), author: '100064000000004', text: 'خبر فوری: #تهران 📢',
      }],
    ]);
    expect(items.flatMap((i) => (i.kind === 'bad' ? [[i.line, i.reason]] : []))).toEqual([
      [6, 'field Post Created: not a time: "2024-03-02 11:00:00 IST"'],
      [7, 'field URL: missing (CrowdTangle rows are identified by their post URL)'],
      [8, 'field Facebook Id: missing'],
      [9, 'field Likes: not a count: "lots"'],
    ]);
  });

  it('passes the connector contract', async () => {
    await checkSourceContract(() => crowdtangleSource(file), { posts: 4, bad: 4 });
  });
});

describe('crowdtangleSource (Instagram)', () => {
  const header = ['Account', 'User Name', 'Followers at Posting', 'Post Created', 'Post Created Date', 'Post Created Time', 'Type', 'Total Interactions', 'Likes', 'Comments', 'Views', 'URL', 'Link', 'Photo', 'Title', 'Description', 'Image Text', 'Sponsor Id', 'Sponsor Name', 'Overperforming Score'];
  const file = writeCsv('ct-instagram.csv', header, [
    { Account: 'Мария ✨', 'User Name': 'maria.photo', 'Post Created': '2024-05-04 18:00:00 CEST', Type: 'Album', Likes: '2,001', Comments: '33', URL: 'https://www.instagram.com/p/C6abcDEFgh1/', Description: 'Закат над Невой 🌅 #питер' },
    { Account: 'Reels', 'User Name': 'reels.daily', 'Post Created': '2024-05-05 07:30:00 PDT', Type: 'Video', Likes: '10', Views: '4,500', URL: 'https://www.instagram.com/reel/C6xyz987/', Description: '' , Title: 'حفل موسيقي' },
    { Account: 'No handle', 'User Name': '', 'Post Created': '2024-05-05 08:00:00 UTC', URL: 'https://www.instagram.com/p/C6nohandle/', Description: 'x' },
  ]);
  const source = `file:${file}`;

  it('takes the handle as the author (the export has no account id) and the shortcode as the id', async () => {
    const items = await collect(crowdtangleSource(file));
    expect(items.map((i) => (i.kind === 'post' ? i.post : [i.line, i.reason]))).toEqual([
      { platform: 'instagram', nativeId: 'C6abcDEFgh1', source, url: 'https://www.instagram.com/p/C6abcDEFgh1/', createdAt: Date.UTC(2024, 4, 4, 16), author: 'maria.photo', text: 'Закат над Невой 🌅 #питер', metrics: { likes: 2001, replies: 33 } },
      { platform: 'instagram', nativeId: 'C6xyz987', source, url: 'https://www.instagram.com/reel/C6xyz987/', createdAt: Date.UTC(2024, 4, 5, 14, 30), author: 'reels.daily', text: 'حفل موسيقي', metrics: { likes: 10, views: 4500 } },
      [4, 'field User Name: missing'],
    ]);
    await checkSourceContract(() => crowdtangleSource(file), { posts: 2, bad: 1 });
  });
});

describe('metaContentLibrarySource', () => {
  const facebookHeader = [
    'id', 'creation_time', 'modified_time', 'text', 'lang', 'is_branded_content', 'content_type', 'statistics.like_count', 'statistics.love_count',
    'statistics.comment_count', 'statistics.reaction_count', 'statistics.views', 'statistics.share_count', 'post_owner.type', 'post_owner.id',
    'post_owner.name', 'surface.type', 'surface.id', 'surface.name', 'mcl_url',
  ];
  const file = writeCsv('mcl-facebook.csv', facebookHeader, [
    { id: '900001', creation_time: '2024-09-01T10:00:00', text: '选举辩论今晚开始 🗳️', lang: 'zh', 'statistics.like_count': '40', 'statistics.reaction_count': '55', 'statistics.comment_count': '7', 'statistics.share_count': '3', 'statistics.views': '', 'post_owner.type': 'page', 'post_owner.id': '7770001', 'post_owner.name': '电视台', mcl_url: 'https://www.facebook.com/mcl/post/900001' },
    { id: '900002', creation_time: '2024-09-01T11:30:00+0000', text: 'نتائج الانتخابات\r\nالأولية', lang: 'ar', 'post_owner.id': '7770002', 'post_owner.name': 'الجريدة' },
    { id: '900003', creation_time: '', text: 'no time', 'post_owner.id': '7770003' },
    { id: '900004', creation_time: '2024-09-01T12:00:00', text: 'no owner', 'post_owner.name': 'Nameless' },
  ]);
  const source = `file:${file}`;

  it('reads Facebook exports with post_owner.id as the author', async () => {
    const items = await collect(metaContentLibrarySource(file));
    expect(items.map((i) => (i.kind === 'post' ? i.post : [i.line, i.reason]))).toEqual([
      { platform: 'facebook', nativeId: '900001', source, url: 'https://www.facebook.com/mcl/post/900001', createdAt: Date.UTC(2024, 8, 1, 10), author: '7770001', text: '选举辩论今晚开始 🗳️', metrics: { likes: 55, replies: 7, reposts: 3 }, langHint: 'zh' },
      { platform: 'facebook', nativeId: '900002', source, createdAt: Date.UTC(2024, 8, 1, 11, 30), author: '7770002', text: 'نتائج الانتخابات\r\nالأولية', langHint: 'ar' },
      [5, 'field creation_time: missing'],
      [6, 'field post_owner.id: missing'],
    ]);
    await checkSourceContract(() => metaContentLibrarySource(file), { posts: 2, bad: 2 });
  });

  it('recognises Instagram exports by their columns', async () => {
    const ig = writeCsv('mcl-instagram.csv', ['id', 'creation_time', 'text', 'lang', 'statistics.like_count', 'statistics.comment_count', 'statistics.views', 'post_owner.id', 'post_owner.name', 'post_owner.username', 'mcl_url'], [
      { id: '800001', creation_time: '1725184800', text: 'سلام از شیراز 🌸', lang: 'fa', 'statistics.like_count': '12', 'post_owner.id': '6660001', 'post_owner.username': 'shiraz.photos' },
    ]);
    const items = await collect(metaContentLibrarySource(ig));
    expect(items.map((i) => i.kind === 'post' && i.post)).toEqual([
      { platform: 'instagram', nativeId: '800001', source: `file:${ig}`, createdAt: 1725184800000, author: '6660001', text: 'سلام از شیراز 🌸', metrics: { likes: 12 }, langHint: 'fa' },
    ]);
  });

  it('refuses an export without the columns that identify a post', async () => {
    const bad = writeCsv('mcl-bad.csv', ['id', 'creation_time', 'text'], [{ id: '1', creation_time: '2024-01-01', text: 'x' }]);
    await expect(collect(metaContentLibrarySource(bad))).rejects.toThrow(/without a "post_owner.id" column/);
  });
});

describe('postIdFromUrl', () => {
  it('finds the post id in the URL shapes exports use', () => {
    expect(postIdFromUrl('https://www.facebook.com/123/posts/456')).toBe('456');
    expect(postIdFromUrl('https://www.facebook.com/groups/123/permalink/456/')).toBe('456');
    expect(postIdFromUrl('https://www.facebook.com/photo.php?fbid=456&set=a.1')).toBe('456');
    expect(postIdFromUrl('https://www.facebook.com/page/posts/pfbid02Xyz')).toBe('pfbid02Xyz');
    expect(postIdFromUrl('https://www.instagram.com/tv/B1abc/?igshid=1')).toBe('B1abc');
    expect(postIdFromUrl('not a url')).toBeUndefined();
  });
});
