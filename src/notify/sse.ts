import type { AlertSender, DeliveryContext, DeliveryOutcome } from './alert-sender.js';
import { alertPageUrl, type NotifiableAlert } from './notifiable-alert.js';

/**
 * Server-sent events (WHATWG HTML §9.2) fan-out for the API and dashboard. Transport-agnostic:
 * the HTTP layer sets SSE_HEADERS and hands over its writable (node's ServerResponse, fastify's
 * reply.raw). Publishing never waits on a subscriber: each one has a bounded buffer, and one that
 * falls behind (a stalled browser tab) is disconnected; it reconnects with Last-Event-ID and is
 * replayed from a ring of recent events, or told with a `gap` event that it must refetch.
 */

/** The part of a node Writable (e.g. http.ServerResponse) the hub uses. */
export interface SseWritable {
  write(chunk: string): boolean;
  end(): void;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener?(event: 'drain' | 'close', listener: () => void): unknown;
  destroy?(): unknown;
}

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // Tells nginx-style proxies not to buffer the stream.
  'x-accel-buffering': 'no',
};

export interface SseHubOptions {
  /** Events kept for Last-Event-ID replay. */
  replaySize?: number;
  /** Comment line sent this often so proxies keep the connection and dead peers surface; 0 = off. */
  heartbeatMs?: number;
  /** Bytes a subscriber may have waiting (beyond the socket's own buffer) before it is dropped. */
  maxBufferedBytes?: number;
  /** Reconnection delay advertised to clients. */
  retryMs?: number;
}

export interface SubscribeOptions {
  /** The Last-Event-ID request header (or `lastEventId` query parameter) of a reconnecting client. */
  lastEventId?: string | string[];
  /**
   * Also receive events published on these topics (e.g. `channel:<name>` from an sse channel).
   * Everyone receives topic-less events (the general feed); topic events go only to those who ask.
   */
  topics?: readonly string[];
}

interface RingEntry {
  seq: number;
  topic: string | undefined;
  chunk: string;
}

class Subscriber {
  pending: string[] = [];
  pendingBytes = 0;
  waitingDrain = false;
  closed = false;
  readonly onDrain = () => this.flush();

  constructor(
    readonly writer: SseWritable,
    readonly topics: ReadonlySet<string> | undefined,
    private readonly maxBufferedBytes: number,
    private readonly drop: (s: Subscriber) => void,
  ) {}

  wants(topic: string | undefined): boolean {
    return topic === undefined || (this.topics !== undefined && this.topics.has(topic));
  }

  send(chunk: string): void {
    if (this.closed) return;
    if (this.waitingDrain) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes > this.maxBufferedBytes) this.drop(this);
      return;
    }
    if (!this.writer.write(chunk)) {
      this.waitingDrain = true;
      this.writer.once('drain', this.onDrain);
    }
  }

  private flush(): void {
    this.waitingDrain = false;
    while (!this.closed && this.pending.length) {
      const chunk = this.pending.shift()!;
      this.pendingBytes -= chunk.length;
      if (!this.writer.write(chunk)) {
        this.waitingDrain = true;
        this.writer.once('drain', this.onDrain);
        return;
      }
    }
  }
}

export interface SseHubStats {
  subscribers: number;
  published: number;
  /** Subscribers disconnected for falling behind. */
  dropped: number;
}

export class SseHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly ring: RingEntry[] = [];
  private ringStart = 0;
  private seq = 0;
  /** Distinguishes this process's ids from a previous one's, so a stale Last-Event-ID is seen as a gap. */
  private readonly epoch = Date.now().toString(36);
  private readonly replaySize: number;
  private readonly maxBufferedBytes: number;
  private readonly retryMs: number;
  private readonly heartbeat: NodeJS.Timeout | undefined;
  private droppedCount = 0;
  private closed = false;

  constructor(options: SseHubOptions = {}) {
    this.replaySize = options.replaySize ?? 500;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
    this.retryMs = options.retryMs ?? 3000;
    const hb = options.heartbeatMs ?? 15_000;
    if (hb > 0) {
      this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n', undefined), hb);
      this.heartbeat.unref();
    }
  }

  get stats(): SseHubStats {
    return { subscribers: this.subscribers.size, published: this.seq, dropped: this.droppedCount };
  }

  /** Adds a subscriber; returns the function that removes it. The writer's 'close' removes it too. */
  subscribe(writer: SseWritable, options: SubscribeOptions = {}): () => void {
    const sub = new Subscriber(writer, options.topics ? new Set(options.topics) : undefined, this.maxBufferedBytes, (s) =>
      this.dropSlow(s),
    );
    if (this.closed) {
      writer.end();
      return () => {};
    }
    this.subscribers.add(sub);
    const onClose = () => this.remove(sub);
    writer.once('close', onClose);
    sub.send(`retry: ${this.retryMs}\n: connected\n\n`);
    const last = Array.isArray(options.lastEventId) ? options.lastEventId[0] : options.lastEventId;
    if (last !== undefined && last !== '') this.replay(sub, last);
    return () => {
      writer.removeListener?.('close', onClose);
      if (this.remove(sub)) writer.end();
    };
  }

  /** Sends an event to every subscriber that wants its topic; returns the event id. Never blocks. */
  publish(event: string, data: unknown, topic?: string): string {
    const seq = ++this.seq;
    const id = `${this.epoch}-${seq}`;
    const name = event.replace(/[\r\n]/g, '');
    const chunk = `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data) ?? 'null'}\n\n`;
    this.ring.push({ seq, topic, chunk });
    if (this.ring.length - this.ringStart > this.replaySize) this.ringStart++;
    // Compact occasionally instead of shifting on every publish.
    if (this.ringStart > 1024 && this.ringStart * 2 > this.ring.length) {
      this.ring.splice(0, this.ringStart);
      this.ringStart = 0;
    }
    this.broadcast(chunk, topic);
    return id;
  }

  /** Ends every subscriber and stops the heartbeat. */
  close(): void {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const sub of [...this.subscribers]) {
      this.remove(sub);
      sub.writer.end();
    }
  }

  private broadcast(chunk: string, topic: string | undefined): void {
    for (const sub of this.subscribers) if (sub.wants(topic)) sub.send(chunk);
  }

  private replay(sub: Subscriber, lastEventId: string): void {
    const m = /^([0-9a-z]+)-(\d+)$/.exec(lastEventId);
    const oldest = this.ring[this.ringStart]?.seq ?? this.seq + 1;
    const lastSeq = m && m[1] === this.epoch ? Number(m[2]) : undefined;
    if (lastSeq === undefined || lastSeq < oldest - 1 || lastSeq > this.seq) {
      // Events were missed that the ring no longer holds (or the id is from another process).
      sub.send(`event: gap\ndata: ${JSON.stringify({ lastEventId, replayed: this.ring.length - this.ringStart })}\n\n`);
      for (let i = this.ringStart; i < this.ring.length; i++) {
        const e = this.ring[i]!;
        if (sub.wants(e.topic)) sub.send(e.chunk);
      }
      return;
    }
    for (let i = this.ringStart + (lastSeq - oldest + 1); i < this.ring.length; i++) {
      const e = this.ring[i]!;
      if (sub.wants(e.topic)) sub.send(e.chunk);
    }
  }

  private dropSlow(sub: Subscriber): void {
    if (!this.remove(sub)) return;
    this.droppedCount++;
    // A stalled peer would never flush end(); destroy frees the socket now.
    if (sub.writer.destroy) sub.writer.destroy();
    else sub.writer.end();
  }

  private remove(sub: Subscriber): boolean {
    if (sub.closed) return false;
    sub.closed = true;
    sub.pending = [];
    sub.pendingBytes = 0;
    sub.writer.removeListener?.('drain', sub.onDrain);
    return this.subscribers.delete(sub);
  }
}

/** Delivers a channel's alerts to the live feed as `alert` events on topic `channel:<name>`. */
export class SseSender implements AlertSender {
  constructor(
    private readonly hub: SseHub,
    private readonly channelName: string,
    private readonly baseUrl?: string,
  ) {}

  async send(alert: NotifiableAlert, ctx: DeliveryContext): Promise<DeliveryOutcome> {
    const alertUrl = alertPageUrl(this.baseUrl, alert.id);
    this.hub.publish('alert', { channel: this.channelName, deliveryId: ctx.deliveryId, alert, ...(alertUrl ? { alertUrl } : {}) }, `channel:${this.channelName}`);
    return { ok: true, attempts: 1 };
  }
}
