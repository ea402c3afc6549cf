import type { Alert } from '../model/alert.js';
import type { Channel } from '../model/channel.js';
import type { AlertListOptions, AlertRepository, ChannelRepository } from './deps.js';

/**
 * In-memory alert and channel storage: the server's stand-ins for tests and for wiring before
 * the persistent ones are connected. Same contracts as the real repositories.
 */

export class MemoryAlertRepository implements AlertRepository {
  private readonly alerts = new Map<string, Alert>();

  /** Adds (or replaces) an alert, as the detector's sink would. */
  add(alert: Alert): void {
    this.alerts.set(alert.id, alert);
  }
  async list(options: AlertListOptions): Promise<Alert[]> {
    return [...this.alerts.values()]
      .filter((a) => (!options.status || a.status === options.status) && (!options.watch || a.watch === options.watch) && (options.since === undefined || a.firedAt >= options.since))
      .sort((a, b) => b.firedAt - a.firedAt)
      .slice(0, options.limit);
  }
  async get(id: string): Promise<Alert | undefined> {
    return this.alerts.get(id);
  }
  async acknowledge(id: string, at: number): Promise<Alert | undefined> {
    const a = this.alerts.get(id);
    if (!a) return undefined;
    const acked: Alert = { ...a, status: 'acknowledged', acknowledgedAt: at };
    this.alerts.set(id, acked);
    return acked;
  }
}

export class MemoryChannelRepository implements ChannelRepository {
  private readonly channels = new Map<string, Channel>();
  async list(): Promise<Channel[]> {
    return [...this.channels.values()];
  }
  async put(channel: Channel): Promise<void> {
    this.channels.set(channel.name, channel);
  }
  async delete(name: string): Promise<boolean> {
    return this.channels.delete(name);
  }
}
