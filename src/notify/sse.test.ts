import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SSE_HEADERS, SseHub, SseSender, type SseHubOptions } from './sse.js';
import { sampleAlert } from './sample-alerts.js';

interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal EventSource-style parser over a real HTTP response stream. */
class StreamReader {
  events: SseEvent[] = [];
  comments: string[] = [];
  retry: number | undefined;
  ended = false;
  private buf = '';
  private waiters: Array<() => void> = [];

  constructor(readonly res: IncomingMessage) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => this.feed(chunk));
    res.on('end', () => this.finish());
    res.on('close', () => this.finish());
    res.on('error', () => this.finish());
  }

  private finish(): void {
    this.ended = true;
    this.notify();
  }

  private feed(chunk: string): void {
    this.buf += chunk;
    let i: number;
    while ((i = this.buf.indexOf('\n\n')) >= 0) {
      const block = this.buf.slice(0, i);
      this.buf = this.buf.slice(i + 2);
      const ev: SseEvent = { data: '' };
      let hasData = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
        else if (line.startsWith('id: ')) ev.id = line.slice(4);
        else if (line.startsWith('event: ')) ev.event = line.slice(7);
        else if (line.startsWith('data: ')) {
          ev.data += (hasData ? '\n' : '') + line.slice(6);
          hasData = true;
        }
      }
      if (hasData) this.events.push(ev);
    }
    this.notify();
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async until(pred: () => boolean): Promise<void> {
    while (!pred()) {
      if (this.ended) throw new Error(`stream ended; events so far: ${this.events.length}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

let server: Server | undefined;
let hub: SseHub | undefined;
const responses: IncomingMessage[] = [];

afterEach(async () => {
  for (const r of responses.splice(0)) r.destroy();
  hub?.close();
  hub = undefined;
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
  }
});

async function serve(options: SseHubOptions): Promise<{ hub: SseHub; port: number }> {
  const h = new SseHub(options);
  const s = createServer((req, res) => {
    res.writeHead(200, SSE_HEADERS);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const topic = url.searchParams.get('topic');
    h.subscribe(res, { lastEventId: req.headers['last-event-id'], ...(topic ? { topics: [topic] } : {}) });
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  server = s;
  hub = h;
  return { hub: h, port: (s.address() as AddressInfo).port };
}

function connect(port: number, opts: { lastEventId?: string; path?: string } = {}): Promise<StreamReader> {
  return new Promise((resolve, reject) => {
    const req = get(
      { host: '127.0.0.1', port, path: opts.path ?? '/events', headers: opts.lastEventId ? { 'last-event-id': opts.lastEventId } : {} },
      (res) => {
        responses.push(res);
        resolve(new StreamReader(res));
      },
    );
    req.on('error', reject);
  });
}

async function subscribed(h: SseHub, n: number): Promise<void> {
  while (h.stats.subscribers < n) await new Promise((r) => setTimeout(r, 5));
}

describe('SseHub over a real HTTP stream', () => {
  it('streams published events with ids, names and JSON data', async () => {
    const { hub, port } = await serve({ heartbeatMs: 0 });
    const client = await connect(port);
    await subscribed(hub, 1);
    expect(client.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');

    const id1 = hub.publish('alert', { id: 'a1', observed: 120 });
    const id2 = hub.publish('volume', { watch: 'w', n: 3 });
    await client.until(() => client.events.length >= 2);

    expect(client.retry).toBe(3000);
    expect(client.events).toEqual([
      { id: id1, event: 'alert', data: '{"id":"a1","observed":120}' },
      { id: id2, event: 'volume', data: '{"watch":"w","n":3}' },
    ]);
  });

  it('sends heartbeats as comments', async () => {
    const { hub, port } = await serve({ heartbeatMs: 20 });
    const client = await connect(port);
    await subscribed(hub, 1);
    await client.until(() => client.comments.includes('heartbeat'));
    expect(client.events).toHaveLength(0);
  });

  it('replays what a reconnecting client missed after its Last-Event-ID', async () => {
    const { hub, port } = await serve({ heartbeatMs: 0, replaySize: 10 });
    const first = await connect(port);
    await subscribed(hub, 1);
    hub.publish('alert', { n: 1 });
    await first.until(() => first.events.length === 1);
    const lastSeen = first.events[0]!.id!;
    first.res.destroy();
    while (hub.stats.subscribers > 0) await new Promise((r) => setTimeout(r, 5));

    hub.publish('alert', { n: 2 });
    hub.publish('alert', { n: 3 });
    const again = await connect(port, { lastEventId: lastSeen });
    await again.until(() => again.events.length >= 2);
    hub.publish('alert', { n: 4 });
    await again.until(() => again.events.length >= 3);
    expect(again.events.map((e) => JSON.parse(e.data).n)).toEqual([2, 3, 4]);
  });

  it('tells a client whose Last-Event-ID fell out of the ring that there is a gap', async () => {
    const { hub, port } = await serve({ heartbeatMs: 0, replaySize: 3 });
    const firstId = hub.publish('alert', { n: 1 });
    for (let n = 2; n <= 6; n++) hub.publish('alert', { n });
    const client = await connect(port, { lastEventId: firstId });
    await client.until(() => client.events.length >= 4);
    expect(client.events[0]!.event).toBe('gap');
    expect(client.events.slice(1).map((e) => JSON.parse(e.data).n)).toEqual([4, 5, 6]);

    const stranger = await connect(port, { lastEventId: 'zzz-12' });
    await stranger.until(() => stranger.events.length >= 1);
    expect(stranger.events[0]!.event).toBe('gap');
  });

  it('filters by topic', async () => {
    const { hub, port } = await serve({ heartbeatMs: 0 });
    const ops = await connect(port, { path: '/events?topic=channel:ops' });
    const all = await connect(port);
    await subscribed(hub, 2);
    hub.publish('alert', { to: 'desk' }, 'channel:desk');
    hub.publish('alert', { to: 'ops' }, 'channel:ops');
    hub.publish('status', { to: 'everyone' });
    await ops.until(() => ops.events.length >= 2);
    await all.until(() => all.events.length >= 1);
    hub.publish('status', { to: 'everyone again' });
    await all.until(() => all.events.length >= 2);
    expect(ops.events.map((e) => JSON.parse(e.data).to)).toEqual(['ops', 'everyone']);
    // Without topics, a subscriber gets the general feed only, not each channel's copy.
    expect(all.events.map((e) => JSON.parse(e.data).to)).toEqual(['everyone', 'everyone again']);
  });

  it('drops a subscriber that stops reading, without blocking publish or other subscribers', async () => {
    const { hub, port } = await serve({ heartbeatMs: 0, maxBufferedBytes: 256 * 1024 });
    const stalled = await connect(port);
    const healthy = await connect(port);
    await subscribed(hub, 2);
    stalled.res.pause(); // stop reading: kernel buffers fill, then the server's writes back up

    const payload = 'x'.repeat(16 * 1024);
    let published = 0;
    // Bounded: at most 4,000 × 16 KiB. publish() is synchronous, so each call returning is the proof it did not block.
    while (hub.stats.dropped === 0 && published < 4000) {
      hub.publish('alert', { n: published, payload });
      published++;
      // Bursts well under the bound, so only a reader that has stopped can exceed it.
      if (published % 4 === 0) {
        // Let the sockets move (and the healthy client read) between bursts.
        await new Promise((r) => setImmediate(r));
        await healthy.until(() => healthy.events.length >= published);
      }
    }
    expect(hub.stats.dropped).toBe(1);
    expect(hub.stats.subscribers).toBe(1);
    await healthy.until(() => healthy.events.length >= published);
    expect(JSON.parse(healthy.events.at(-1)!.data).n).toBe(published - 1);

    hub.publish('alert', { n: 'after' });
    await healthy.until(() => healthy.events.length === published + 1);
    // The server cut the stalled connection: once the client reads again it sees the end.
    stalled.res.resume();
    await stalled.until(() => stalled.ended).catch(() => {});
    expect(stalled.ended).toBe(true);
    expect(stalled.events.length).toBeLessThan(published);
  });

  it('an sse channel publishes alerts on its topic', async () => {
    const { hub, port } = await serve({ heartbeatMs: 0 });
    const client = await connect(port, { path: '/events?topic=channel:live' });
    await subscribed(hub, 1);
    const sender = new SseSender(hub, 'live', 'http://127.0.0.1:8080');
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd1', signal: new AbortController().signal });
    expect(outcome).toEqual({ ok: true, attempts: 1 });
    await client.until(() => client.events.length >= 1);
    const data = JSON.parse(client.events[0]!.data);
    expect(client.events[0]!.event).toBe('alert');
    expect(data).toMatchObject({ channel: 'live', deliveryId: 'd1', alert: { id: 'alrt_0001' }, alertUrl: 'http://127.0.0.1:8080/alerts/alrt_0001' });
  });
});
