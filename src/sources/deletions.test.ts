import { describe, expect, it } from 'vitest';
import { bufferInput } from './byte-input.js';
import { parseDeletionLine, readDeletions } from './deletions.js';

describe('deletion notices', () => {
  it('reads tidewatch ids and X compliance results and events', () => {
    expect(parseDeletionLine('x:1460323737035677698', 1)).toEqual({ kind: 'delete', line: 1, id: 'x:1460323737035677698', reason: 'deleted' });
    expect(parseDeletionLine('  mastodon:109372  ', 2)).toMatchObject({ kind: 'delete', id: 'mastodon:109372' });
    expect(parseDeletionLine('{"id":"1460323737035677698","action":"delete","created_at":"2021-11-15T19:08:05.000Z","redacted_at":"2021-11-16T22:28:40.000Z","reason":"deleted"}', 3)).toEqual({
      kind: 'delete', line: 3, id: 'x:1460323737035677698', reason: 'x:delete',
    });
    expect(parseDeletionLine('{"id":"42","action":"suspend"}', 4)).toMatchObject({ kind: 'delete', id: 'x:42', reason: 'x:suspend' });
    expect(parseDeletionLine('{"id":"42","action":"scrub_geo"}', 5)).toEqual({ kind: 'skip', line: 5, reason: 'action scrub_geo leaves the post public' });
    expect(parseDeletionLine('{"data":{"delete":{"tweet":{"id":"7","author_id":"9"},"event_at":"2021-11-16T00:00:00.000Z"}}}', 6)).toMatchObject({ kind: 'delete', id: 'x:7', reason: 'x:delete' });
    expect(parseDeletionLine('{"user_suspend":{"tweet":{"id":"8"}}}', 7)).toMatchObject({ kind: 'delete', id: 'x:8' });
    expect(parseDeletionLine('   ', 8)).toBeUndefined();
  });

  it('names what is wrong with a line it cannot use', () => {
    expect(parseDeletionLine('1460323737035677698', 1)).toMatchObject({ kind: 'bad', reason: expect.stringContaining('not a post id') });
    expect(parseDeletionLine('{"id":', 2)).toMatchObject({ kind: 'bad', line: 2, reason: expect.stringContaining('bad JSON'), excerpt: '{"id":' });
    expect(parseDeletionLine('[1]', 3)).toMatchObject({ kind: 'bad', reason: expect.stringContaining('not a post id') });
    expect(parseDeletionLine('{"id":"abc","action":"delete"}', 4)).toMatchObject({ kind: 'bad', reason: expect.stringContaining('not an X post id') });
    expect(parseDeletionLine('{"id":12,"action":"delete"}', 5)).toMatchObject({ kind: 'bad' });
    expect(parseDeletionLine('{"delete":{"tweet":{}}}', 6)).toMatchObject({ kind: 'bad', reason: '"delete" event without a tweet id' });
    expect(parseDeletionLine('{"hello":"world"}', 7)).toMatchObject({ kind: 'bad', reason: expect.stringContaining('not an X compliance record') });
    expect(parseDeletionLine(`x:${'9'.repeat(300)}`, 8)).toMatchObject({ kind: 'bad' });
  });

  it('reads a file with line numbers that count blank lines, and reports invalid UTF-8 as a bad line', async () => {
    const bytes = Buffer.concat([Buffer.from('x:1\n\n{"id":"2","action":"delete"}\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('x:3\n')]);
    const items = [];
    for await (const batch of readDeletions(bufferInput(bytes))) items.push(...batch);
    expect(items.map((i) => [i.line, i.kind, 'id' in i ? i.id : undefined])).toEqual([
      [1, 'delete', 'x:1'],
      [3, 'delete', 'x:2'],
      [4, 'bad', undefined],
      [5, 'delete', 'x:3'],
    ]);
  });
});
