import { afterEach, describe, expect, it } from 'vitest';
import { sampleAlert } from './sample-alerts.js';
import { chatMessage, escapeChatText, SlackSender, type ChatMessage } from './slack.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

let receiver: WebhookReceiver | undefined;
let sender: SlackSender | undefined;
afterEach(async () => {
  await sender?.close();
  await receiver?.close();
  sender = undefined;
  receiver = undefined;
});

describe('chatMessage', () => {
  it('summarises kind, watch, observed vs baseline, significance, terms and the alert link', () => {
    const msg = chatMessage(sampleAlert(), 'http://127.0.0.1:8080/');
    expect(msg.text).toBe(':rotating_light: spike in "vaccines": 120/min vs 14 baseline — <http://127.0.0.1:8080/alerts/alrt_0001|open alert>');
    const [att] = msg.attachments;
    expect(att!.title_link).toBe('http://127.0.0.1:8080/alerts/alrt_0001');
    const fields = Object.fromEntries(att!.fields.map((f) => [f.title, f.value]));
    expect(fields).toMatchObject({
      Watch: 'vaccines',
      Kind: 'spike',
      'Observed vs baseline': '120/min vs 14/min',
      Significance: '8.3',
      'Driving terms': 'recall, batch, #vaccinerecall',
      Languages: 'en 62%, zh 21%',
    });
    expect(att!.ts).toBe(Date.UTC(2025, 0, 15, 10, 0) / 1000);
  });

  it("escapes Slack's control characters in post text and keeps link syntax intact", () => {
    const msg = chatMessage(sampleAlert({ representative: [{ text: 'a <b> & <!channel>', url: 'https://example.org/x?a=1|2>' }] }));
    expect(msg.text).not.toContain('<http'); // no base URL, no link
    expect(msg.attachments[0]!.text).toBe('> a &lt;b&gt; &amp; &lt;!channel&gt; <https://example.org/x?a=1%7C2%3E|link>');
    expect(escapeChatText('<@U123>')).toBe('&lt;@U123&gt;');
  });

  it('labels stream-wide emerging alerts', () => {
    const msg = chatMessage(sampleAlert({ kind: 'emerging', watch: null, terms: ['strike'], context: ['lyon', 'metro'] }));
    expect(msg.text).toContain('emerging in all posts');
    expect(msg.attachments[0]!.fields.find((f) => f.title === 'Watch')!.value).toBe('all posts');
    expect(msg.attachments[0]!.fields.find((f) => f.title === 'Its posts also mention')!.value).toBe('lyon, metro');
  });
});

describe('SlackSender over loopback', () => {
  it('POSTs the message as JSON to the incoming-webhook URL', async () => {
    receiver = await startWebhookReceiver();
    sender = new SlackSender({ url: receiver.url, baseUrl: 'http://127.0.0.1:8080' });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: new AbortController().signal });
    expect(outcome).toEqual({ ok: true, attempts: 1, status: 200 });
    const req = receiver.requests[0]!;
    expect(req.headers['content-type']).toBe('application/json');
    const body = JSON.parse(req.body) as ChatMessage;
    expect(body).toEqual(chatMessage(sampleAlert(), 'http://127.0.0.1:8080'));
  });

  it('does not retry a payload the chat service rejects', async () => {
    receiver = await startWebhookReceiver({ reply: () => ({ status: 400, body: 'invalid_payload' }) });
    sender = new SlackSender({ url: receiver.url, policy: { baseDelayMs: 5 } });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: new AbortController().signal });
    expect(outcome).toMatchObject({ ok: false, attempts: 1, reason: 'http-status', status: 400, detail: 'HTTP 400: invalid_payload' });
  });
});

describe('languages', () => {
  it('turns per-language post counts (the Alert model) into shares', () => {
    const msg = chatMessage(sampleAlert({ languages: { zh: 10, en: 30, 'und': 0 } }));
    expect(msg.attachments[0]!.fields.find((f) => f.title === 'Languages')!.value).toBe('en 75%, zh 25%, und 0%');
  });
});
