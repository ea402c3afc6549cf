import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { ALERT_CONTEXT_TITLE } from '../model/alert.js';
import type { SmtpConfig } from '../model/channel.js';
import { abortableSleep, type AlertSender, type DeliveryContext, type DeliveryOutcome } from './alert-sender.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './http-post.js';
import {
  alertHeadline,
  alertPageUrl,
  alertTerms,
  alertTimeIso,
  alertWatchLabel,
  formatCount,
  formatSignificance,
  languageLabels,
  rateUnit,
  representativePosts,
  type NotifiableAlert,
} from './notifiable-alert.js';

/** Alert e-mails over SMTP (nodemailer, pooled connection), plain text plus escaped HTML. */

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only http(s) links become anchors: a post's URL must not smuggle `javascript:` into a mail client. */
function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function emailSubject(alert: NotifiableAlert): string {
  return `[tidewatch] ${alertHeadline(alert)}`.replace(/[\r\n]+/g, ' ');
}

export function alertEmail(alert: NotifiableAlert, baseUrl?: string): AlertEmail {
  const unit = rateUnit(alert.windowMs);
  const link = alertPageUrl(baseUrl, alert.id);
  const rows: Array<[string, string]> = [
    ['Watch', alertWatchLabel(alert)],
    ['Kind', alert.kind],
    ['Observed', `${formatCount(alert.observed)}${unit}`],
    ['Baseline', `${formatCount(alert.baseline)}${unit}`],
    ['Significance', formatSignificance(alert.significance)],
    ['Started', alertTimeIso(alert.startedAt)],
    ['Fired', alertTimeIso(alert.firedAt)],
  ];
  const terms = alertTerms(alert);
  if (terms.length) rows.push(['Driving terms', terms.slice(0, 15).join(', ')]);
  if (alert.context?.length) rows.push([ALERT_CONTEXT_TITLE, alert.context.join(', ')]);
  const langs = languageLabels(alert.languages);
  if (langs.length) rows.push(['Languages', langs.join(', ')]);
  const posts = representativePosts(alert, 5);
  const headline = alertHeadline(alert);

  const text = [
    headline,
    '',
    ...rows.map(([k, v]) => `${`${k}:`.padEnd(15)}${v}`),
    ...(posts.length ? ['', 'Representative posts:', ...posts.flatMap((p) => [`  - ${(p.text ?? '').replace(/\s+/g, ' ').trim()}`, ...(p.url ? [`    ${p.url}`] : [])])] : []),
    ...(link ? ['', `Open the alert: ${link}`] : []),
    '',
    '-- ',
    'tidewatch',
  ].join('\n');

  const postItems = posts
    .map((p) => {
      const href = safeHref(p.url);
      const body = escapeHtml(p.text ?? '');
      return `<li><blockquote style="margin:0">${body}</blockquote>${href ? ` <a href="${escapeHtml(href)}">source</a>` : ''}</li>`;
    })
    .join('');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2 style="margin:0 0 8px">${escapeHtml(headline)}</h2>`,
    '<table cellpadding="4" style="border-collapse:collapse">',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...(postItems ? ['<h3>Representative posts</h3>', `<ul>${postItems}</ul>`] : []),
    ...(link ? [`<p><a href="${escapeHtml(link)}">Open the alert in tidewatch</a></p>`] : []),
    '</body></html>',
  ].join('\n');

  return { subject: emailSubject(alert), text, html };
}

export interface EmailSenderOptions {
  smtp: SmtpConfig;
  baseUrl?: string;
  /** maxAttempts/backoff for transient SMTP failures (4xx replies, connection errors); timeoutMs bounds each socket phase. */
  policy?: Partial<RetryPolicy>;
  /** Passed to the TLS layer, e.g. `{ rejectUnauthorized: false }` for a self-signed relay. */
  tls?: { rejectUnauthorized?: boolean };
  random?: () => number;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

export class EmailSender implements AlertSender {
  private readonly policy: RetryPolicy;
  private readonly transport: Transporter;

  constructor(private readonly options: EmailSenderOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, ...options.policy };
    const { smtp } = options;
    this.transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
      pool: true,
      maxConnections: 2,
      connectionTimeout: this.policy.timeoutMs,
      greetingTimeout: this.policy.timeoutMs,
      socketTimeout: this.policy.timeoutMs * 2,
      ...(options.tls ? { tls: options.tls } : {}),
    });
  }

  async send(alert: NotifiableAlert, ctx: DeliveryContext): Promise<DeliveryOutcome> {
    const mail = alertEmail(alert, this.options.baseUrl);
    const message = {
      from: this.options.smtp.from,
      to: this.options.smtp.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${ctx.deliveryId}@tidewatch>`,
      headers: { 'X-Tidewatch-Alert': alert.id, 'X-Tidewatch-Delivery': ctx.deliveryId },
    };
    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      if (ctx.signal.aborted) return { ok: false, attempts: attempt - 1, reason: 'shutdown', detail: 'delivery stopped' };
      try {
        await this.transport.sendMail(message);
        return { ok: true, attempts: attempt };
      } catch (e) {
        const err = e as SmtpError;
        const permanent = err.responseCode !== undefined && err.responseCode >= 500;
        const detail = err.response ?? [err.code, err.message].filter(Boolean).join(' ');
        if (permanent || attempt === this.policy.maxAttempts) {
          const reason = err.code === 'ETIMEDOUT' ? 'timeout' : err.responseCode !== undefined ? 'smtp' : err.code === 'EAUTH' ? 'smtp' : 'network';
          return {
            ok: false,
            attempts: attempt,
            reason,
            detail: permanent ? detail : `${detail} (gave up after ${attempt} attempts)`,
            ...(err.responseCode !== undefined ? { status: err.responseCode } : {}),
          };
        }
        ctx.onRetry?.(attempt, detail);
        if (!(await abortableSleep(backoffDelay(attempt, this.policy, this.options.random), ctx.signal))) {
          return { ok: false, attempts: attempt, reason: 'shutdown', detail: `delivery stopped while waiting to retry after: ${detail}` };
        }
      }
    }
    return { ok: false, attempts: this.policy.maxAttempts, reason: 'error', detail: 'unreachable' };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
