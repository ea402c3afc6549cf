import type { Channel } from '../model/channel.js';
import { addChannelToFile, readChannelsFile, removeChannelFromFile } from '../notify/channel-file.js';
import type { ChannelRepository } from './deps.js';

/** Channels in the data folder's channels.json (the file `tidewatch channel add` writes). */
export class FileChannelRepository implements ChannelRepository {
  constructor(private readonly path: string) {}
  list(): Promise<Channel[]> {
    return readChannelsFile(this.path);
  }
  async put(channel: Channel): Promise<void> {
    await addChannelToFile(this.path, channel, true);
  }
  delete(name: string): Promise<boolean> {
    return removeChannelFromFile(this.path, name);
  }
}
