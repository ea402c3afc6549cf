import type { Dispatcher } from 'undici';
import { ALERT_CONTEXT_TITLE } from '../model/alert.js';
import type { AlertSender, DeliveryContext, DeliveryOutcome } from './alert-sender.js';
import { createDeliveryAgent, DEFAULT_RETRY_POLICY, postWithRetries, type RetryPolicy } from './http-post.js';
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

/**
 * Chat incoming-webhook messages. Uses `text` plus a legacy attachment with fields because both
 * Slack and Mattermost render that shape (Mattermost ignores Block Kit); link syntax `<url|label>`
 * is Slack's and Mattermost translates it.
 */

export interface ChatAttachmentField {
  title: string;
  value: string;
  short: boolean;
}

export interface ChatAttachment {
  fallback: string;
  color: string;
  title: string;
  title_link?: string;
  text?: string;
  fields: ChatAttachmentField[];
  footer: string;
  ts: number;
}

export interface ChatMessage {
  text: string;
  attachments: ChatAttachment[];
}

/** Slack's three control characters in message text; everything else is literal. */
export function escapeChatText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL made safe inside Slack's `<url|label>` link syntax. */
function chatLinkUrl(url: string): string {
  return url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function chatMessage(alert: NotifiableAlert, baseUrl?: string): ChatMessage {
  const link = alertPageUrl(baseUrl, alert.id);
  const headline = escapeChatText(alertHeadline(alert));
  const unit = rateUnit(alert.windowMs);
  const terms = alertTerms(alert).slice(0, 10);
  const fields: ChatAttachmentField[] = [
    { title: 'Watch', value: escapeChatText(alertWatchLabel(alert)), short: true },
    { title: 'Kind', value: escapeChatText(alert.kind), short: true },
    {
      title: 'Observed vs baseline',
      value: `${formatCount(alert.observed)}${unit} vs ${formatCount(alert.baseline)}${unit}`,
      short: true,
    },
    { title: 'Significance', value: formatSignificance(alert.significance), short: true },
  ];
  if (terms.length) fields.push({ title: 'Driving terms', value: escapeChatText(terms.join(', ')), short: false });
  if (alert.context?.length) fields.push({ title: ALERT_CONTEXT_TITLE, value: escapeChatText(alert.context.join(', ')), short: false });
  const langs = languageLabels(alert.languages);
  if (langs.length) fields.push({ title: 'Languages', value: escapeChatText(langs.join(', ')), short: false });
  fields.push({ title: 'Started', value: alertTimeIso(alert.startedAt), short: true });

  const posts = representativePosts(alert, 2)
    .map((p) => `> ${escapeChatText(oneLine(p.text ?? '', 280))}${p.url ? ` <${chatLinkUrl(p.url)}|link>` : ''}`)
    .join('\n');

  const firedAt = typeof alert.firedAt === 'number' ? alert.firedAt : Date.parse(alert.firedAt);
  return {
    text: link ? `:rotating_light: ${headline} — <${link}|open alert>` : `:rotating_light: ${headline}`,
    attachments: [
      {
        fallback: alertHeadline(alert),
        color: alert.kind === 'spike' ? '#d9534f' : '#f0ad4e',
        title: `tidewatch ${alert.kind} alert`,
        ...(link ? { title_link: link } : {}),
        ...(posts ? { text: posts } : {}),
        fields,
        footer: 'tidewatch',
        ts: Number.isFinite(firedAt) ? Math.floor(firedAt / 1000) : Math.floor(Date.now() / 1000),
      },
    ],
  };
}

export interface SlackSenderOptions {
  url: string;
  baseUrl?: string;
  policy?: Partial<RetryPolicy>;
  dispatcher?: Dispatcher;
  random?: () => number;
}

export class SlackSender implements AlertSender {
  private readonly policy: RetryPolicy;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(private readonly options: SlackSenderOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.ownsDispatcher = !options.dispatcher;
    // Chat services rate-limit per hook; two connections are plenty.
    this.dispatcher = options.dispatcher ?? createDeliveryAgent(2);
  }

  send(alert: NotifiableAlert, ctx: DeliveryContext): Promise<DeliveryOutcome> {
    const body = JSON.stringify(chatMessage(alert, this.options.baseUrl));
    return postWithRetries(
      { url: this.options.url, body, headers: () => ({ 'content-type': 'application/json', 'user-agent': 'tidewatch/1' }) },
      { policy: this.policy, signal: ctx.signal, dispatcher: this.dispatcher, onRetry: ctx.onRetry, random: this.options.random },
    );
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.destroy().catch(() => {});
  }
}
