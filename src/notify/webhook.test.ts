import { afterEach, describe, expect, it } from 'vitest';
import { deliveryIdFor } from './alert-sender.js';
import { sampleAlert } from './sample-alerts.js';
import { startWebhookReceiver, unusedLoopbackPort, type WebhookReceiver } from './webhook-receiver.js';
import { signBody, verifySignature, WebhookSender, type WebhookPayload } from './webhook.js';

const SECRET = 'test-secret-0123456789';
const FAST = { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 50 };

let receiver: WebhookReceiver | undefined;
let sender: WebhookSender | undefined;
afterEach(async () => {
  await sender?.close();
  await receiver?.close();
  sender = undefined;
  receiver = undefined;
});

const live = () => new AbortController().signal;

describe('verifySignature', () => {
  const body = '{"type":"alert","deliveryId":"d1"}';

  it('accepts the HMAC-SHA256 of the exact body', () => {
    const header = signBody(SECRET, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, body, header)).toBe(true);
    expect(verifySignature(SECRET, Buffer.from(body), [header])).toBe(true);
  });

  it('rejects another secret, a changed body and malformed headers', () => {
    const header = signBody(SECRET, body);
    expect(verifySignature('another-secret-0123456', body, header)).toBe(false);
    expect(verifySignature(SECRET, body.replace('d1', 'd2'), header)).toBe(false);
    expect(verifySignature(SECRET, body, undefined)).toBe(false);
    expect(verifySignature(SECRET, body, '')).toBe(false);
    expect(verifySignature(SECRET, body, header.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifySignature(SECRET, body, header.slice(0, -2))).toBe(false);
    expect(verifySignature(SECRET, body, `sha256=${'zz'.repeat(32)}`)).toBe(false);
  });
});

describe('WebhookSender over loopback', () => {
  it('POSTs a signed JSON body the receiver can verify', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, baseUrl: 'http://127.0.0.1:8080/', policy: FAST });
    const alert = sampleAlert();
    const deliveryId = deliveryIdFor('ops-hook', alert.id);
    const outcome = await sender.send(alert, { deliveryId, signal: live() });

    expect(outcome).toEqual({ ok: true, attempts: 1, status: 200 });
    expect(receiver.requests).toHaveLength(1);
    const req = receiver.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.signatureValid).toBe(true);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-tidewatch-delivery']).toBe(deliveryId);
    expect(Number(req.headers['x-tidewatch-timestamp'])).toBeGreaterThan(1_600_000_000);
    const payload = JSON.parse(req.body) as WebhookPayload;
    expect(payload.type).toBe('alert');
    expect(payload.deliveryId).toBe(deliveryId);
    expect(payload.alert).toEqual(alert);
    expect(payload.alertUrl).toBe('http://127.0.0.1:8080/alerts/alrt_0001');
  });

  it('a receiver with the wrong secret sees an invalid signature', async () => {
    receiver = await startWebhookReceiver({ secret: 'not-the-senders-secret' });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: FAST });
    await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(receiver.requests[0]!.signatureValid).toBe(false);
  });

  it('retries on 500 with the same delivery id and body until it succeeds', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, reply: (r) => (r.n <= 2 ? { status: 500 } : { status: 204 }) });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: { ...FAST, maxAttempts: 5 } });
    const retries: number[] = [];
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd-500', signal: live(), onRetry: (a) => retries.push(a) });

    expect(outcome).toMatchObject({ ok: true, attempts: 3, status: 204 });
    expect(retries).toEqual([1, 2]);
    expect(receiver.requests.map((r) => r.headers['x-tidewatch-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(receiver.requests.map((r) => r.headers['x-tidewatch-delivery']))).toEqual(new Set(['d-500']));
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('retries after a timeout when the receiver hangs', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, reply: (r) => (r.n === 1 ? 'hang' : { status: 200 }) });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: { ...FAST, timeoutMs: 200, maxAttempts: 3 } });
    const details: string[] = [];
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd-hang', signal: live(), onRetry: (_a, d) => details.push(d) });

    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(details).toEqual(['no response within 200 ms']);
    expect(receiver.requests).toHaveLength(2);
  });

  it('gives up after the last try on a receiver that always times out, reporting the reason', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, reply: () => 'hang' });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: { ...FAST, timeoutMs: 100, maxAttempts: 3 } });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(outcome).toMatchObject({ ok: false, attempts: 3, reason: 'timeout' });
    expect(outcome.detail).toContain('gave up after 3 attempts');
    expect(receiver.requests).toHaveLength(3);
  });

  it('does not retry a 4xx other than 408/429', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, reply: () => ({ status: 401, body: 'bad signature' }) });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: { ...FAST, maxAttempts: 5 } });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(outcome).toEqual({ ok: false, attempts: 1, reason: 'http-status', status: 401, detail: 'HTTP 401: bad signature' });
    expect(receiver.requests).toHaveLength(1);
  });

  it('retries a 429 and honours Retry-After', async () => {
    receiver = await startWebhookReceiver({
      secret: SECRET,
      reply: (r) => (r.n === 1 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200 }),
    });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: FAST });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(receiver.requests).toHaveLength(2);
  });

  it('waits at least Retry-After (capped) before retrying', async () => {
    receiver = await startWebhookReceiver({
      secret: SECRET,
      reply: (r) => (r.n === 1 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 200 }),
    });
    // Backoff alone would be ≤ 2 ms; Retry-After 1 s is capped to 300 ms here.
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 300 } });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(outcome.ok).toBe(true);
    const gap = receiver.requests[1]!.receivedAt - receiver.requests[0]!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(290); // a lower bound only: the wait cannot be shorter
  });

  it('reports a network error when nothing listens, after retrying', async () => {
    const port = await unusedLoopbackPort();
    sender = new WebhookSender({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET, policy: { ...FAST, maxAttempts: 3 } });
    const retries: number[] = [];
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live(), onRetry: (a) => retries.push(a) });
    expect(outcome).toMatchObject({ ok: false, attempts: 3, reason: 'network' });
    expect(outcome.detail).toMatch(/ECONNREFUSED/);
    expect(retries).toEqual([1, 2]);
  });

  it('stops at once when its signal aborts mid-request', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, reply: () => 'hang' });
    sender = new WebhookSender({ url: receiver.url, secret: SECRET, policy: { ...FAST, timeoutMs: 60_000 } });
    const ac = new AbortController();
    receiver.onRequest = () => ac.abort();
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: ac.signal });
    expect(outcome).toMatchObject({ ok: false, reason: 'shutdown', attempts: 1 });
  });
});
