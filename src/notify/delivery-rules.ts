import type { Channel, QuietHours } from '../model/channel.js';
import { alertTopicKey, type NotifiableAlert } from './notifiable-alert.js';

/** Pure per-channel rules: which alerts a channel wants, quiet hours, cool-down keys. */

export const DEFAULT_COOLDOWN_MS = 15 * 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight in `tz` at instant `ms` (DST-aware through Intl). */
export function minutesInZone(tz: string, ms: number): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(tz, f);
  }
  let hour = 0;
  let minute = 0;
  for (const p of f.formatToParts(ms)) {
    if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return hour * 60 + minute;
}

function hhmm(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

/**
 * True inside [start, end) local time; a window whose end is before its start runs over midnight
 * (22:00–07:00). start == end means no quiet time.
 */
export function isQuietTime(quiet: QuietHours, ms: number): boolean {
  const start = hhmm(quiet.start);
  const end = hhmm(quiet.end);
  if (start === end) return false;
  const now = minutesInZone(quiet.tz, ms);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The channel's watch, kind and significance filters. */
export function channelWants(channel: Channel, alert: NotifiableAlert): boolean {
  if (channel.watches.length > 0 && (!alert.watch || !channel.watches.includes(alert.watch))) return false;
  if (channel.kinds && !(channel.kinds as readonly string[]).includes(alert.kind)) return false;
  if (channel.minSignificance !== undefined && !(alert.significance >= channel.minSignificance)) return false;
  return true;
}

/** "The same surge": one watch, one kind, one topic (see alertTopicKey). */
export function cooldownKey(alert: NotifiableAlert): string {
  return `${alert.watch ?? ''}\u0000${alert.kind}\u0000${alertTopicKey(alert)}`;
}

export function channelCooldownMs(channel: Channel, fallback: number = DEFAULT_COOLDOWN_MS): number {
  return channel.cooldownSeconds !== undefined ? channel.cooldownSeconds * 1000 : fallback;
}
