import type { Channel } from '../model/channel.js';
import { deliveryIdFor, type AlertSender, type DeliveryOutcome } from './alert-sender.js';
import type { DeadLetter, DeadLetterReason, DeadLetterSink } from './dead-letter.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { channelCooldownMs, channelWants, cooldownKey, DEFAULT_COOLDOWN_MS, isQuietTime } from './delivery-rules.js';
import { EmailSender } from './email.js';
import type { RetryPolicy } from './http-post.js';
import type { NotifiableAlert } from './notifiable-alert.js';
import { SlackSender } from './slack.js';
import { SseSender, type SseHub } from './sse.js';
import { WebhookSender } from './webhook.js';

/**
 * Routes alerts to channels off the caller's path. dispatch() only applies the channel rules and
 * pushes onto a bounded per-channel queue; workers (a few per channel) drain the queues. A dead or
 * hanging receiver therefore fills only its own queue: the oldest queued alert is evicted (and
 * dead-lettered) to make room, so memory stays bounded and the freshest alerts go first when the
 * receiver recovers.
 */

export type DispatchDecision = 'queued' | 'disabled' | 'filtered' | 'duplicate' | 'quiet' | 'cooldown' | 'stopped';

export interface DispatchReport {
  /** Channels the alert was queued for. */
  queued: number;
  decisions: Record<string, DispatchDecision>;
}

export interface SenderDeps {
  sseHub?: SseHub;
  baseUrl?: string;
  concurrency: number;
  /** Backoff and timeout defaults; a channel's maxAttempts/timeoutMs win over these. */
  retryPolicy?: Partial<RetryPolicy>;
}

export type SenderFactory = (channel: Channel, deps: SenderDeps) => AlertSender;

export interface AlertDispatcherOptions {
  channels: readonly Channel[];
  /** Where undeliverable alerts go (e.g. JsonlDeadLetterFile#sink, or the store). */
  deadLetters?: DeadLetterSink;
  /** Needed when an `sse` channel is configured. */
  sseHub?: SseHub;
  /** Dashboard base URL for alert links. */
  baseUrl?: string;
  metrics?: DeliveryMetrics;
  /** Alerts waiting per channel before the oldest is evicted; default 1000. */
  queueCapacity?: number;
  /** Deliveries in flight per channel; default by kind (webhook 4, email 2, slack 1, sse 1). */
  concurrency?: number;
  /** Cool-down for channels that do not set cooldownSeconds. */
  defaultCooldownMs?: number;
  /** Alert ids remembered per channel for de-duplication; default 10,000. */
  dedupCapacity?: number;
  /** Backoff and timeout defaults for the built-in senders (see DEFAULT_RETRY_POLICY). */
  retryPolicy?: Partial<RetryPolicy>;
  /** Builds a channel's transport; the default knows webhook, slack, email and sse. */
  createSender?: SenderFactory;
  now?: () => number;
  /** Each finished delivery, for logging. Must not throw. */
  onOutcome?: (channel: string, alert: NotifiableAlert, outcome: DeliveryOutcome) => void;
}

const DEFAULT_CONCURRENCY: Record<Channel['kind'], number> = { webhook: 4, email: 2, slack: 1, sse: 1 };

export const createChannelSender: SenderFactory = (channel, deps) => {
  const policy = {
    ...deps.retryPolicy,
    ...(channel.maxAttempts !== undefined ? { maxAttempts: channel.maxAttempts } : {}),
    ...(channel.timeoutMs !== undefined ? { timeoutMs: channel.timeoutMs } : {}),
  };
  switch (channel.kind) {
    case 'webhook':
      return new WebhookSender({ url: channel.url!, secret: channel.secret!, policy, baseUrl: deps.baseUrl, connections: deps.concurrency });
    case 'slack':
      return new SlackSender({ url: channel.url!, policy, baseUrl: deps.baseUrl });
    case 'email':
      return new EmailSender({ smtp: channel.smtp!, policy, baseUrl: deps.baseUrl });
    case 'sse':
      if (!deps.sseHub) throw new Error(`channel "${channel.name}": an sse channel needs the dispatcher's sseHub`);
      return new SseSender(deps.sseHub, channel.name, deps.baseUrl);
  }
};

interface Task {
  alert: NotifiableAlert;
  deliveryId: string;
  enqueuedAt: number;
}

/** FIFO with O(1) push/shift and a hard capacity. */
class BoundedQueue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  constructor(readonly capacity: number) {}
  get length(): number {
    return this.items.length - this.head;
  }
  /** Pushes; returns the evicted oldest item when full. */
  push(item: T): T | undefined {
    let evicted: T | undefined;
    if (this.length >= this.capacity) evicted = this.shift();
    this.items.push(item);
    return evicted;
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  drain(): T[] {
    const rest = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return rest;
  }
}

class ChannelRuntime {
  readonly queue: BoundedQueue<Task>;
  inFlight = 0;
  maxInFlightSeen = 0;
  maxQueuedSeen = 0;
  pumpScheduled = false;
  retired = false;
  /** Alert ids seen, in insertion order (a Map as LRU). */
  seen = new Map<string, true>();
  /** Cool-down key → time its last alert was queued. */
  lastSent = new Map<string, number>();

  constructor(
    readonly channel: Channel,
    readonly sender: AlertSender,
    readonly concurrency: number,
    capacity: number,
  ) {
    this.queue = new BoundedQueue(capacity);
  }

  get idle(): boolean {
    return this.inFlight === 0 && this.queue.length === 0;
  }
}

export interface ChannelQueueStats {
  kind: Channel['kind'];
  queued: number;
  inFlight: number;
  /** High-water marks since start, to check the bounds hold. */
  maxQueued: number;
  maxInFlight: number;
  capacity: number;
  concurrency: number;
}

export interface ShutdownResult {
  /** True when every queue emptied within the timeout. */
  drained: boolean;
  /** Alerts dead-lettered because delivery stopped. */
  abandoned: number;
}

export class AlertDispatcher {
  readonly metrics: DeliveryMetrics;
  private runtimes = new Map<string, ChannelRuntime>();
  /** Runtimes replaced by setChannels that are still draining. */
  private retiring = new Set<ChannelRuntime>();
  private readonly abort = new AbortController();
  private readonly now: () => number;
  private readonly createSender: SenderFactory;
  private stopping = false;
  private idleWaiters: Array<() => void> = [];
  private abandoned = 0;

  constructor(private readonly options: AlertDispatcherOptions) {
    this.metrics = options.metrics ?? new DeliveryMetrics();
    this.now = options.now ?? Date.now;
    this.createSender = options.createSender ?? createChannelSender;
    this.setChannels(options.channels);
  }

  /**
   * Applies a new channel list (e.g. after `tidewatch channel add`). Unchanged channels keep their
   * queues; changed or removed ones finish what they hold in the background. De-duplication and
   * cool-down state carry over by channel name.
   */
  setChannels(channels: readonly Channel[]): void {
    const next = new Map<string, ChannelRuntime>();
    for (const channel of channels) {
      const old = this.runtimes.get(channel.name);
      if (old && JSON.stringify(old.channel) === JSON.stringify(channel)) {
        next.set(channel.name, old);
        continue;
      }
      const concurrency = this.options.concurrency ?? DEFAULT_CONCURRENCY[channel.kind];
      const sender = this.createSender(channel, {
        sseHub: this.options.sseHub,
        baseUrl: this.options.baseUrl,
        concurrency,
        retryPolicy: this.options.retryPolicy,
      });
      const rt = new ChannelRuntime(channel, sender, concurrency, this.options.queueCapacity ?? 1000);
      if (old) {
        rt.seen = old.seen;
        rt.lastSent = old.lastSent;
      }
      this.metrics.channel(channel.name);
      next.set(channel.name, rt);
    }
    for (const [name, rt] of this.runtimes) {
      if (next.get(name) !== rt) this.retire(rt);
    }
    this.runtimes = next;
  }

  /**
   * Routes one alert. Synchronous and cheap: it never touches the network, never waits and never
   * throws for a channel's sake.
   */
  dispatch(alert: NotifiableAlert): DispatchReport {
    const decisions: Record<string, DispatchDecision> = {};
    let queued = 0;
    const now = this.now();
    for (const rt of this.runtimes.values()) {
      const d = this.route(rt, alert, now);
      decisions[rt.channel.name] = d;
      if (d === 'queued') queued++;
    }
    return { queued, decisions };
  }

  /** Queue depth and in-flight count per channel (gauges for /metrics). */
  queueStats(): Record<string, ChannelQueueStats> {
    const out: Record<string, ChannelQueueStats> = {};
    for (const [name, rt] of this.runtimes) {
      out[name] = {
        kind: rt.channel.kind,
        queued: rt.queue.length,
        inFlight: rt.inFlight,
        maxQueued: rt.maxQueuedSeen,
        maxInFlight: rt.maxInFlightSeen,
        capacity: rt.queue.capacity,
        concurrency: rt.concurrency,
      };
    }
    return out;
  }

  /** Resolves when every queue is empty and nothing is in flight. */
  whenIdle(): Promise<void> {
    if (this.allIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops accepting alerts, lets queued ones go out for up to `timeoutMs`, then aborts what is in
   * flight and dead-letters everything left with reason `shutdown`, and closes the transports.
   */
  async shutdown(options: { timeoutMs?: number } = {}): Promise<ShutdownResult> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      this.whenIdle().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    this.abort.abort();
    const all = [...this.runtimes.values(), ...this.retiring];
    for (const rt of all) {
      for (const task of rt.queue.drain()) {
        this.abandoned++;
        this.deadLetter(rt, task, { ok: false, attempts: 0, reason: 'shutdown', detail: 'delivery stopped before this alert was tried' });
      }
    }
    // In-flight senders see the abort and settle promptly with a `shutdown` outcome.
    await this.whenIdle();
    await Promise.all(all.map((rt) => rt.sender.close?.().catch(() => {})));
    return { drained, abandoned: this.abandoned };
  }

  private route(rt: ChannelRuntime, alert: NotifiableAlert, now: number): DispatchDecision {
    const { channel } = rt;
    const counters = this.metrics.channel(channel.name);
    if (!channel.enabled) return 'disabled';
    if (!channelWants(channel, alert)) {
      counters.filtered++;
      return 'filtered';
    }
    if (rt.seen.has(alert.id)) {
      counters.duplicate++;
      return 'duplicate';
    }
    rt.seen.set(alert.id, true);
    if (rt.seen.size > (this.options.dedupCapacity ?? 10_000)) rt.seen.delete(rt.seen.keys().next().value!);
    if (this.stopping) {
      this.abandoned++;
      this.deadLetter(rt, this.task(rt, alert, now), { ok: false, attempts: 0, reason: 'shutdown', detail: 'dispatched after shutdown began' });
      return 'stopped';
    }
    if (channel.quietHours && isQuietTime(channel.quietHours, now)) {
      counters.quiet++;
      return 'quiet';
    }
    const cooldownMs = channelCooldownMs(channel, this.options.defaultCooldownMs ?? DEFAULT_COOLDOWN_MS);
    if (cooldownMs > 0) {
      const key = cooldownKey(alert);
      const last = rt.lastSent.get(key);
      if (last !== undefined && now - last < cooldownMs) {
        counters.cooldown++;
        return 'cooldown';
      }
      rt.lastSent.set(key, now);
      if (rt.lastSent.size > 10_000) {
        for (const [k, t] of rt.lastSent) if (now - t >= cooldownMs) rt.lastSent.delete(k);
      }
    }
    const evicted = rt.queue.push(this.task(rt, alert, now));
    counters.enqueued++;
    if (evicted) {
      counters.dropped++;
      this.deadLetter(rt, evicted, {
        ok: false,
        attempts: 0,
        reason: 'queue-full',
        detail: `queue of ${rt.queue.capacity} full (receiver slow or down); oldest alert evicted`,
      });
    }
    if (rt.queue.length > rt.maxQueuedSeen) rt.maxQueuedSeen = rt.queue.length;
    this.schedulePump(rt);
    return 'queued';
  }

  private task(rt: ChannelRuntime, alert: NotifiableAlert, now: number): Task {
    return { alert, deliveryId: deliveryIdFor(rt.channel.name, alert.id), enqueuedAt: now };
  }

  private schedulePump(rt: ChannelRuntime): void {
    if (rt.pumpScheduled) return;
    rt.pumpScheduled = true;
    // Deferred so the network work starts after the caller's synchronous path returns.
    setImmediate(() => {
      rt.pumpScheduled = false;
      this.pump(rt);
    });
  }

  private pump(rt: ChannelRuntime): void {
    while (rt.inFlight < rt.concurrency && rt.queue.length > 0 && !this.abort.signal.aborted) {
      const task = rt.queue.shift()!;
      rt.inFlight++;
      if (rt.inFlight > rt.maxInFlightSeen) rt.maxInFlightSeen = rt.inFlight;
      void this.deliver(rt, task).finally(() => {
        rt.inFlight--;
        this.pump(rt);
        this.settle(rt);
      });
    }
  }

  private async deliver(rt: ChannelRuntime, task: Task): Promise<void> {
    const name = rt.channel.name;
    const counters = this.metrics.channel(name);
    let outcome: DeliveryOutcome;
    try {
      outcome = await rt.sender.send(task.alert, {
        deliveryId: task.deliveryId,
        signal: this.abort.signal,
        onRetry: () => {
          counters.failures++;
          counters.retries++;
        },
      });
    } catch (err) {
      outcome = { ok: false, attempts: 1, reason: 'error', detail: (err as Error)?.message ?? String(err) };
    }
    if (outcome.ok) {
      counters.delivered++;
      this.metrics.recordLatency(name, Math.max(0, this.now() - task.enqueuedAt));
    } else {
      if (outcome.reason !== 'shutdown' && outcome.attempts > 0) counters.failures++;
      if (outcome.reason === 'shutdown') this.abandoned++;
      this.deadLetter(rt, task, outcome);
    }
    try {
      this.options.onOutcome?.(name, task.alert, outcome);
    } catch {
      // A logging hook must not break delivery.
    }
  }

  private deadLetter(rt: ChannelRuntime, task: Task, outcome: DeliveryOutcome): void {
    this.metrics.channel(rt.channel.name).deadLetters++;
    const sink = this.options.deadLetters;
    if (!sink) {
      this.metrics.deadLettersLost++;
      return;
    }
    const letter: DeadLetter = {
      at: new Date(this.now()).toISOString(),
      channel: rt.channel.name,
      channelKind: rt.channel.kind,
      deliveryId: task.deliveryId,
      alertId: task.alert.id,
      reason: (outcome.reason ?? 'error') as DeadLetterReason,
      detail: outcome.detail ?? '',
      attempts: outcome.attempts,
      ...(outcome.status !== undefined ? { status: outcome.status } : {}),
      alert: task.alert,
    };
    try {
      sink(letter);
    } catch {
      this.metrics.deadLettersLost++;
    }
  }

  private retire(rt: ChannelRuntime): void {
    rt.retired = true;
    this.retiring.add(rt);
    this.settle(rt);
  }

  private settle(rt: ChannelRuntime): void {
    if (rt.retired && rt.idle && this.retiring.delete(rt)) {
      void rt.sender.close?.().catch(() => {});
    }
    if (this.idleWaiters.length && this.allIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private allIdle(): boolean {
    for (const rt of this.runtimes.values()) if (!rt.idle) return false;
    for (const rt of this.retiring) if (!rt.idle) return false;
    return true;
  }
}
