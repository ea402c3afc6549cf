import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ChannelConfigError, parseChannel, parseChannelList, type Channel } from '../model/channel.js';

/**
 * channels.json in the data folder: `{ "channels": [ ... ] }`. Written atomically (temp file +
 * rename) with mode 0600 because it holds webhook secrets and SMTP passwords.
 */

export const CHANNELS_FILE_NAME = 'channels.json';

export async function readChannelsFile(path: string): Promise<Channel[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const msg = `${path}: not valid JSON (${(err as Error).message})`;
    throw new ChannelConfigError(msg, [msg]);
  }
  const list = json && typeof json === 'object' && !Array.isArray(json) ? (json as { channels?: unknown }).channels : json;
  return parseChannelList(list ?? []);
}

export async function writeChannelsFile(path: string, channels: readonly Channel[]): Promise<void> {
  const valid = parseChannelList(channels);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ channels: valid }, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** Adds a channel (or replaces the one with the same name when `replace`); returns the new list. */
export async function addChannelToFile(path: string, input: unknown, replace = false): Promise<Channel[]> {
  const channel = parseChannel(input);
  const channels = await readChannelsFile(path);
  const i = channels.findIndex((c) => c.name === channel.name);
  if (i >= 0 && !replace) {
    const msg = `name: a channel named "${channel.name}" already exists`;
    throw new ChannelConfigError(msg, [msg]);
  }
  if (i >= 0) channels[i] = channel;
  else channels.push(channel);
  await writeChannelsFile(path, channels);
  return channels;
}

/** Removes a channel by name; returns whether it existed. */
export async function removeChannelFromFile(path: string, name: string): Promise<boolean> {
  const channels = await readChannelsFile(path);
  const rest = channels.filter((c) => c.name !== name);
  if (rest.length === channels.length) return false;
  await writeChannelsFile(path, rest);
  return true;
}
