import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { SmtpConfig } from '../model/channel.js';
import { alertEmail, EmailSender, escapeHtml } from './email.js';
import { sampleAlert } from './sample-alerts.js';

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  mail: ParsedMail;
}

interface LoopbackSmtp {
  port: number;
  received: Received[];
  authAttempts: Array<{ username?: string; password?: string }>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1. `rejectFirst` answers the first N messages with `code`. */
async function startSmtp(opts: { auth?: { user: string; pass: string }; rejectFirst?: number; code?: number } = {}): Promise<LoopbackSmtp> {
  const received: Received[] = [];
  const authAttempts: LoopbackSmtp['authAttempts'] = [];
  let seen = 0;
  const server = new SMTPServer({
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !opts.auth,
    logger: false,
    onAuth(auth, _session, cb) {
      authAttempts.push({ username: auth.username, password: auth.password ?? undefined });
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        seen++;
        if (opts.rejectFirst && seen <= opts.rejectFirst) {
          cb(Object.assign(new Error('Try again later'), { responseCode: opts.code ?? 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              mail,
            });
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, authAttempts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let smtp: LoopbackSmtp | undefined;
let sender: EmailSender | undefined;
afterEach(async () => {
  await sender?.close();
  await smtp?.close();
  sender = undefined;
  smtp = undefined;
});

function smtpConfig(port: number, extra: Partial<SmtpConfig> = {}): SmtpConfig {
  return { host: '127.0.0.1', port, secure: false, from: 'tidewatch <alerts@tidewatch.test>', to: ['desk@newsroom.test', 'oncall@newsroom.test'], ...extra };
}

const live = () => new AbortController().signal;

describe('alertEmail', () => {
  it('escapes post text in HTML and keeps it verbatim in plain text', () => {
    const mail = alertEmail(
      sampleAlert({ representative: [{ text: '<script>alert(1)</script> "quoted" & more', url: 'javascript:alert(1)' }] }),
      'http://127.0.0.1:8080',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(escapeHtml('<script>alert(1)</script> "quoted" & more'));
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).toContain('<script>alert(1)</script> "quoted" & more');
    expect(mail.text).toContain('Open the alert: http://127.0.0.1:8080/alerts/alrt_0001');
  });

  it('builds the subject from kind, watch, observed and baseline', () => {
    expect(alertEmail(sampleAlert()).subject).toBe('[tidewatch] spike in "vaccines": 120/min vs 14 baseline');
    expect(alertEmail(sampleAlert({ watch: 'a\r\nBcc: x@y.test' })).subject).not.toMatch(/[\r\n]/);
  });
});

describe('EmailSender over a loopback SMTP server', () => {
  it('delivers the alert e-mail to every recipient', async () => {
    smtp = await startSmtp();
    sender = new EmailSender({ smtp: smtpConfig(smtp.port), baseUrl: 'http://127.0.0.1:8080' });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'dlv123', signal: live() });

    expect(outcome).toEqual({ ok: true, attempts: 1 });
    expect(smtp.received).toHaveLength(1);
    const { mail, envelopeFrom, envelopeTo } = smtp.received[0]!;
    expect(envelopeFrom).toBe('alerts@tidewatch.test');
    expect(envelopeTo).toEqual(['desk@newsroom.test', 'oncall@newsroom.test']);
    expect(mail.subject).toBe('[tidewatch] spike in "vaccines": 120/min vs 14 baseline');
    expect(mail.messageId).toBe('<dlv123@tidewatch>');
    expect(mail.headers.get('x-tidewatch-alert')).toBe('alrt_0001');
    expect(mail.text).toContain('Observed:      120/min');
    expect(mail.text).toContain('Baseline:      14/min');
    expect(mail.text).toContain('Driving terms: recall, batch, #vaccinerecall');
    expect(mail.text).toContain('疫苗批次召回');
    // The post's markup arrives escaped in the HTML part, not as live tags.
    expect(mail.html).toContain('&#60;b&#62;recall&#60;/b&#62; of batch 42 &#38; asks');
    expect(mail.html).not.toContain('<b>recall</b>');
    expect(mail.html).toContain('href="http://127.0.0.1:8080/alerts/alrt_0001"');
  });

  it('authenticates with user and password', async () => {
    smtp = await startSmtp({ auth: { user: 'tw', pass: 's3cret' } });
    sender = new EmailSender({ smtp: smtpConfig(smtp.port, { user: 'tw', pass: 's3cret' }) });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(outcome.ok).toBe(true);
    expect(smtp.authAttempts).toEqual([{ username: 'tw', password: 's3cret' }]);
    expect(smtp.received).toHaveLength(1);
  });

  it('fails without retrying on bad credentials (5xx)', async () => {
    smtp = await startSmtp({ auth: { user: 'tw', pass: 's3cret' } });
    sender = new EmailSender({ smtp: smtpConfig(smtp.port, { user: 'tw', pass: 'wrong' }), policy: { baseDelayMs: 5 } });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(outcome).toMatchObject({ ok: false, attempts: 1, reason: 'smtp', status: 535 });
    expect(smtp.received).toHaveLength(0);
  });

  it('retries a transient 4xx refusal and then delivers', async () => {
    smtp = await startSmtp({ rejectFirst: 1, code: 451 });
    sender = new EmailSender({ smtp: smtpConfig(smtp.port), policy: { baseDelayMs: 5, maxAttempts: 3 } });
    const retries: number[] = [];
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live(), onRetry: (a) => retries.push(a) });
    expect(outcome).toEqual({ ok: true, attempts: 2 });
    expect(retries).toEqual([1]);
    expect(smtp.received).toHaveLength(1);
  });

  it('reports the SMTP refusal after the last try', async () => {
    smtp = await startSmtp({ rejectFirst: 10, code: 452 });
    sender = new EmailSender({ smtp: smtpConfig(smtp.port), policy: { baseDelayMs: 5, maxAttempts: 2 } });
    const outcome = await sender.send(sampleAlert(), { deliveryId: 'd', signal: live() });
    expect(outcome).toMatchObject({ ok: false, attempts: 2, reason: 'smtp', status: 452 });
    expect(outcome.detail).toContain('Try again later');
  });
});
