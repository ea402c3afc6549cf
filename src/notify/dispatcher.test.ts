import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseChannel, type Channel, type ChannelInput } from '../model/channel.js';
import type { AlertSender, DeliveryContext, DeliveryOutcome } from './alert-sender.js';
import { JsonlDeadLetterFile, readDeadLetters, type DeadLetter } from './dead-letter.js';
import { AlertDispatcher, type AlertDispatcherOptions } from './dispatcher.js';
import type { NotifiableAlert } from './notifiable-alert.js';
import { sampleAlert } from './sample-alerts.js';
import { startWebhookReceiver, unusedLoopbackPort, type WebhookReceiver } from './webhook-receiver.js';

const SECRET = 'dispatcher-test-secret';
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 300 };

function channel(input: Partial<ChannelInput> & { name: string }): Channel {
  return parseChannel({ kind: 'sse', ...input });
}

/** A sender that records what it was asked to deliver and answers at once. */
class RecordingSender implements AlertSender {
  sent: Array<{ alert: NotifiableAlert; deliveryId: string }> = [];
  closed = false;
  async send(alert: NotifiableAlert, ctx: DeliveryContext): Promise<DeliveryOutcome> {
    this.sent.push({ alert, deliveryId: ctx.deliveryId });
    return { ok: true, attempts: 1 };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

let dispatcher: AlertDispatcher | undefined;
const receivers: WebhookReceiver[] = [];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidewatch-notify-'));
});
afterEach(async () => {
  await dispatcher?.shutdown({ timeoutMs: 0 });
  dispatcher = undefined;
  for (const r of receivers.splice(0)) await r.close();
  await rm(dir, { recursive: true, force: true });
});

function recordingDispatcher(channels: Channel[], extra: Partial<AlertDispatcherOptions> = {}) {
  const senders = new Map<string, RecordingSender>();
  const letters: DeadLetter[] = [];
  dispatcher = new AlertDispatcher({
    channels,
    createSender: (c) => {
      const s = new RecordingSender();
      senders.set(c.name, s);
      return s;
    },
    deadLetters: (l) => letters.push(l),
    ...extra,
  });
  return { d: dispatcher, senders, letters };
}

describe('AlertDispatcher rules', () => {
  it('applies watch, kind and significance filters and skips disabled channels', async () => {
    const { d, senders } = recordingDispatcher([
      channel({ name: 'all' }),
      channel({ name: 'vaccines-only', watches: ['vaccines'] }),
      channel({ name: 'emerging-only', kinds: ['emerging'] }),
      channel({ name: 'strong', minSignificance: 10 }),
      channel({ name: 'off', enabled: false }),
    ]);
    const report = d.dispatch(sampleAlert({ id: 'a1', watch: 'vaccines', kind: 'spike', significance: 8.3 }));
    expect(report).toEqual({
      queued: 2,
      decisions: { all: 'queued', 'vaccines-only': 'queued', 'emerging-only': 'filtered', strong: 'filtered', off: 'disabled' },
    });
    expect(d.dispatch(sampleAlert({ id: 'a2', watch: 'elections', significance: 12 })).decisions).toEqual({
      all: 'queued',
      'vaccines-only': 'filtered',
      'emerging-only': 'filtered',
      strong: 'queued',
      off: 'disabled',
    });
    await d.whenIdle();
    expect(senders.get('all')!.sent.map((s) => s.alert.id)).toEqual(['a1', 'a2']);
    expect(senders.get('vaccines-only')!.sent.map((s) => s.alert.id)).toEqual(['a1']);
    expect(senders.get('strong')!.sent.map((s) => s.alert.id)).toEqual(['a2']);
    expect(senders.get('emerging-only')!.sent).toEqual([]);
    expect(d.metrics.channel('strong').filtered).toBe(1);
  });

  it('de-duplicates by alert id', async () => {
    const { d, senders } = recordingDispatcher([channel({ name: 'c', cooldownSeconds: 0 })]);
    expect(d.dispatch(sampleAlert({ id: 'same' })).decisions.c).toBe('queued');
    expect(d.dispatch(sampleAlert({ id: 'same' })).decisions.c).toBe('duplicate');
    await d.whenIdle();
    expect(senders.get('c')!.sent).toHaveLength(1);
    expect(d.metrics.channel('c').duplicate).toBe(1);
  });

  it('holds back a repeat alert for the same surge during the cool-down', async () => {
    let now = Date.UTC(2025, 0, 15, 10, 0);
    const { d, senders } = recordingDispatcher([channel({ name: 'c', cooldownSeconds: 600 })], { now: () => now });
    expect(d.dispatch(sampleAlert({ id: 's1', watch: 'w', kind: 'spike' })).decisions.c).toBe('queued');
    now += 5 * 60_000;
    expect(d.dispatch(sampleAlert({ id: 's2', watch: 'w', kind: 'spike' })).decisions.c).toBe('cooldown');
    // Another watch, or another emerging term, is another surge.
    expect(d.dispatch(sampleAlert({ id: 's3', watch: 'other', kind: 'spike' })).decisions.c).toBe('queued');
    expect(d.dispatch(sampleAlert({ id: 'e1', watch: 'w', kind: 'emerging', terms: ['recall'] })).decisions.c).toBe('queued');
    expect(d.dispatch(sampleAlert({ id: 'e2', watch: 'w', kind: 'emerging', terms: ['recall'] })).decisions.c).toBe('cooldown');
    expect(d.dispatch(sampleAlert({ id: 'e3', watch: 'w', kind: 'emerging', terms: ['strike'] })).decisions.c).toBe('queued');
    now += 5 * 60_000 + 1;
    expect(d.dispatch(sampleAlert({ id: 's4', watch: 'w', kind: 'spike' })).decisions.c).toBe('queued');
    await d.whenIdle();
    expect(senders.get('c')!.sent.map((s) => s.alert.id)).toEqual(['s1', 's3', 'e1', 'e3', 's4']);
    expect(d.metrics.channel('c').cooldown).toBe(2);
  });

  it('keeps quiet hours in the channel time zone, across midnight', () => {
    let now = 0;
    const { d } = recordingDispatcher(
      [channel({ name: 'berlin', cooldownSeconds: 0, quietHours: { start: '22:00', end: '07:00', tz: 'Europe/Berlin' } })],
      { now: () => now },
    );
    const at = (iso: string, id: string) => {
      now = Date.parse(iso);
      return d.dispatch(sampleAlert({ id })).decisions.berlin;
    };
    expect(at('2025-01-15T20:59:00Z', 'a')).toBe('queued'); // 21:59 in Berlin (CET)
    expect(at('2025-01-15T21:00:00Z', 'b')).toBe('quiet'); // 22:00
    expect(at('2025-01-16T02:00:00Z', 'c')).toBe('quiet'); // 03:00
    expect(at('2025-01-16T05:59:00Z', 'd')).toBe('quiet'); // 06:59
    expect(at('2025-01-16T06:00:00Z', 'e')).toBe('queued'); // 07:00
    expect(at('2025-07-15T20:30:00Z', 'f')).toBe('quiet'); // 22:30 in summer (CEST)
    expect(d.metrics.channel('berlin').quiet).toBe(4);
  });

  it('hands each channel a stable delivery id per alert', async () => {
    const { d, senders } = recordingDispatcher([channel({ name: 'a' }), channel({ name: 'b' })]);
    d.dispatch(sampleAlert({ id: 'x' }));
    await d.whenIdle();
    const a = senders.get('a')!.sent[0]!.deliveryId;
    const b = senders.get('b')!.sent[0]!.deliveryId;
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });

  it('applies a new channel list live and closes what it replaced', async () => {
    const { d, senders } = recordingDispatcher([channel({ name: 'a', cooldownSeconds: 0 })]);
    d.dispatch(sampleAlert({ id: '1' }));
    await d.whenIdle();
    const oldA = senders.get('a')!;
    d.setChannels([channel({ name: 'a', cooldownSeconds: 0, minSignificance: 1 }), channel({ name: 'b' })]);
    await d.whenIdle();
    expect(oldA.closed).toBe(true);
    // De-duplication state carried over to the new "a".
    expect(d.dispatch(sampleAlert({ id: '1' })).decisions).toEqual({ a: 'duplicate', b: 'queued' });
  });
});

describe('AlertDispatcher over loopback', () => {
  it('delivers a signed webhook and counts it', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET });
    receivers.push(receiver);
    dispatcher = new AlertDispatcher({
      channels: [channel({ name: 'hook', kind: 'webhook', url: receiver.url, secret: SECRET })],
      baseUrl: 'http://127.0.0.1:8080',
    });
    dispatcher.dispatch(sampleAlert());
    const [req] = await receiver.waitForRequests(1);
    expect(req!.signatureValid).toBe(true);
    expect(JSON.parse(req!.body).alert.id).toBe('alrt_0001');
    await dispatcher.whenIdle();
    expect(dispatcher.metrics.snapshot().hook).toMatchObject({ enqueued: 1, delivered: 1, failures: 0, retries: 0, deadLetters: 0 });
  });

  it('retries a failing receiver and writes a dead letter after the last try', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET, reply: () => ({ status: 500, body: 'boom' }) });
    receivers.push(receiver);
    const file = new JsonlDeadLetterFile(join(dir, 'data', 'dead-letters.jsonl'));
    dispatcher = new AlertDispatcher({
      channels: [channel({ name: 'hook', kind: 'webhook', url: receiver.url, secret: SECRET, maxAttempts: 3 })],
      deadLetters: file.sink,
      retryPolicy: FAST_RETRY,
    });
    dispatcher.dispatch(sampleAlert());
    await dispatcher.whenIdle();
    await file.close();

    expect(receiver.requests).toHaveLength(3);
    const { letters, bad } = await readDeadLetters(file.path);
    expect(bad).toEqual([]);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      channel: 'hook',
      channelKind: 'webhook',
      alertId: 'alrt_0001',
      reason: 'http-status',
      status: 500,
      attempts: 3,
      alert: sampleAlert(),
    });
    expect(letters[0]!.detail).toBe('HTTP 500: boom (gave up after 3 attempts)');
    expect(letters[0]!.deliveryId).toBe(receiver.requests[0]!.headers['x-tidewatch-delivery']);
    expect(dispatcher.metrics.snapshot().hook).toMatchObject({ delivered: 0, failures: 3, retries: 2, deadLetters: 1 });
  });

  it('10,000 alerts to a dead receiver: dispatch returns at once, the queue bound holds, every alert is dead-lettered', async () => {
    const port = await unusedLoopbackPort();
    const letters: DeadLetter[] = [];
    dispatcher = new AlertDispatcher({
      channels: [channel({ name: 'dead', kind: 'webhook', url: `http://127.0.0.1:${port}/hook`, secret: SECRET, maxAttempts: 2, cooldownSeconds: 0 })],
      deadLetters: (l) => letters.push(l),
      queueCapacity: 100,
      retryPolicy: FAST_RETRY,
    });
    for (let i = 0; i < 10_000; i++) {
      const report = dispatcher.dispatch(sampleAlert({ id: `a${i}` }));
      // A plain synchronous answer, not a promise: the caller never waits on the network.
      expect(report.decisions.dead).toBe('queued');
    }
    const stats = dispatcher.queueStats().dead!;
    expect(stats.queued).toBe(100);
    expect(stats.maxQueued).toBe(100);
    // Nothing was sent while the caller was dispatching: delivery starts after it returns.
    expect(stats.inFlight).toBe(0);
    expect(letters).toHaveLength(9_900);
    expect(new Set(letters.map((l) => l.reason))).toEqual(new Set(['queue-full']));
    expect(letters[0]!.alertId).toBe('a0'); // the oldest go first

    await dispatcher.whenIdle();
    expect(dispatcher.queueStats().dead!.maxInFlight).toBeLessThanOrEqual(4);
    expect(letters).toHaveLength(10_000);
    const tried = letters.filter((l) => l.reason === 'network');
    expect(tried).toHaveLength(100);
    expect(tried.every((l) => l.attempts === 2 && /ECONNREFUSED/.test(l.detail))).toBe(true);
    expect(new Set(letters.map((l) => l.alertId)).size).toBe(10_000);
    expect(dispatcher.metrics.snapshot().dead).toMatchObject({ enqueued: 10_000, delivered: 0, dropped: 9_900, deadLetters: 10_000 });
  });

  it('a hanging receiver holds at most its concurrency and never delays another channel', async () => {
    const hanging = await startWebhookReceiver({ secret: SECRET, reply: () => 'hang' });
    const healthy = await startWebhookReceiver({ secret: SECRET });
    receivers.push(hanging, healthy);
    const letters: DeadLetter[] = [];
    dispatcher = new AlertDispatcher({
      channels: [
        channel({ name: 'stuck', kind: 'webhook', url: hanging.url, secret: SECRET, cooldownSeconds: 0, timeoutMs: 60_000 }),
        channel({ name: 'ok', kind: 'webhook', url: healthy.url, secret: SECRET, cooldownSeconds: 0 }),
      ],
      deadLetters: (l) => letters.push(l),
      queueCapacity: 50,
      concurrency: 4,
    });
    for (let i = 0; i < 10_000; i++) dispatcher.dispatch(sampleAlert({ id: `a${i}` }));
    // The healthy channel's queue keeps the newest 50 and all of them arrive while "stuck" hangs.
    await healthy.waitForRequests(50);
    expect(healthy.requests.map((r) => JSON.parse(r.body).alert.id)).toContain('a9999');
    await hanging.waitForRequests(4);
    expect(hanging.hanging).toBe(4);
    expect(dispatcher.queueStats().stuck).toMatchObject({ queued: 46, inFlight: 4, maxInFlight: 4, maxQueued: 50 });

    const result = await dispatcher.shutdown({ timeoutMs: 50 });
    expect(result.drained).toBe(false);
    expect(result.abandoned).toBe(50); // 46 queued + 4 in flight
    expect(hanging.requests).toHaveLength(4);
    const stuck = letters.filter((l) => l.channel === 'stuck');
    expect(stuck).toHaveLength(10_000);
    expect(stuck.filter((l) => l.reason === 'shutdown')).toHaveLength(50);
    expect(stuck.filter((l) => l.reason === 'queue-full')).toHaveLength(9_950);
    expect(letters.filter((l) => l.channel === 'ok' && l.reason !== 'queue-full')).toEqual([]);
    dispatcher = undefined;
  });

  it('shutdown drains what is queued when the receiver keeps up', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET });
    receivers.push(receiver);
    dispatcher = new AlertDispatcher({
      channels: [channel({ name: 'hook', kind: 'webhook', url: receiver.url, secret: SECRET, cooldownSeconds: 0 })],
    });
    for (let i = 0; i < 200; i++) dispatcher.dispatch(sampleAlert({ id: `a${i}` }));
    const result = await dispatcher.shutdown({ timeoutMs: 30_000 });
    expect(result).toEqual({ drained: true, abandoned: 0 });
    expect(receiver.requests).toHaveLength(200);
    expect(dispatcher.dispatch(sampleAlert({ id: 'late' })).decisions.hook).toBe('stopped');
    dispatcher = undefined;
  });
});
