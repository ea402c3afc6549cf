import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelConfigError } from '../model/channel.js';
import { addChannelToFile, readChannelsFile, removeChannelFromFile } from './channel-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidewatch-channels-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('channels.json', () => {
  it('adds, lists and removes channels, keeping the file private', async () => {
    const path = join(dir, 'data', 'channels.json');
    expect(await readChannelsFile(path)).toEqual([]);
    await addChannelToFile(path, { name: 'live', kind: 'sse' });
    await addChannelToFile(path, { name: 'hook', kind: 'webhook', url: 'http://127.0.0.1:9/h', secret: '0123456789abcdef' });
    expect((await readChannelsFile(path)).map((c) => c.name)).toEqual(['live', 'hook']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8')).channels).toHaveLength(2);

    await expect(addChannelToFile(path, { name: 'live', kind: 'sse' })).rejects.toThrow('already exists');
    await addChannelToFile(path, { name: 'live', kind: 'sse', enabled: false }, true);
    expect((await readChannelsFile(path))[0]!.enabled).toBe(false);

    expect(await removeChannelFromFile(path, 'hook')).toBe(true);
    expect(await removeChannelFromFile(path, 'hook')).toBe(false);
    expect((await readChannelsFile(path)).map((c) => c.name)).toEqual(['live']);
  });

  it('reports bad JSON and bad entries as ChannelConfigError', async () => {
    const path = join(dir, 'channels.json');
    await writeFile(path, '{ nope');
    await expect(readChannelsFile(path)).rejects.toBeInstanceOf(ChannelConfigError);
    await writeFile(path, JSON.stringify({ channels: [{ name: 'x', kind: 'slack' }] }));
    await expect(readChannelsFile(path)).rejects.toThrow('channels[0].url: required for a slack channel');
  });
});
