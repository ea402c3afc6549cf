import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { AlertSender, DeliveryContext, DeliveryOutcome } from './alert-sender.js';
import { createDeliveryAgent, DEFAULT_RETRY_POLICY, postWithRetries, type RetryPolicy } from './http-post.js';
import { alertPageUrl, type NotifiableAlert } from './notifiable-alert.js';

/**
 * Signed JSON webhooks.
 *
 * Each request carries:
 *   X-Tidewatch-Signature: sha256=<hex HMAC-SHA256(secret, raw request body)>
 *   X-Tidewatch-Timestamp: <unix seconds of this attempt>
 *   X-Tidewatch-Delivery:  <delivery id, the same on every retry of the same alert to the same channel>
 *   X-Tidewatch-Attempt:   <1-based try number>
 *
 * A receiver checks the signature over the raw bytes it received, before parsing them:
 *
 *   import { verifySignature } from 'tidewatch/notify';
 *   if (!verifySignature(secret, rawBody, req.headers['x-tidewatch-signature'])) return reply(401);
 *
 * and treats a repeated X-Tidewatch-Delivery as already handled (a retry after a lost reply).
 * The body is the same on every retry: { type: 'alert', deliveryId, alert, alertUrl? }.
 */

export const SIGNATURE_HEADER = 'x-tidewatch-signature';
export const TIMESTAMP_HEADER = 'x-tidewatch-timestamp';
export const DELIVERY_HEADER = 'x-tidewatch-delivery';
export const ATTEMPT_HEADER = 'x-tidewatch-attempt';

const USER_AGENT = 'tidewatch-webhook/1';

export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * True when `header` is `sha256=<hex>` and equals HMAC-SHA256(secret, body). Compares in constant
 * time; pass the raw body bytes exactly as received (re-serialised JSON will not match).
 */
export function verifySignature(
  secret: string,
  body: string | Uint8Array,
  header: string | readonly string[] | null | undefined,
): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(value.trim());
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(m[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookPayload {
  type: 'alert';
  deliveryId: string;
  alert: NotifiableAlert;
  alertUrl?: string;
}

export function webhookBody(alert: NotifiableAlert, deliveryId: string, baseUrl?: string): string {
  const payload: WebhookPayload = { type: 'alert', deliveryId, alert };
  const alertUrl = alertPageUrl(baseUrl, alert.id);
  if (alertUrl) payload.alertUrl = alertUrl;
  return JSON.stringify(payload);
}

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  policy?: Partial<RetryPolicy>;
  /** Dashboard base URL for `alertUrl`. */
  baseUrl?: string;
  /** Connection pool; one is made (and closed by close()) when not given. */
  dispatcher?: Dispatcher;
  /** Connections kept to the receiver when the sender makes its own pool. */
  connections?: number;
  random?: () => number;
}

export class WebhookSender implements AlertSender {
  private readonly policy: RetryPolicy;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(private readonly options: WebhookSenderOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher = options.dispatcher ?? createDeliveryAgent(options.connections);
  }

  send(alert: NotifiableAlert, ctx: DeliveryContext): Promise<DeliveryOutcome> {
    const body = webhookBody(alert, ctx.deliveryId, this.options.baseUrl);
    const signature = signBody(this.options.secret, body);
    return postWithRetries(
      {
        url: this.options.url,
        body,
        headers: (attempt) => ({
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [SIGNATURE_HEADER]: signature,
          [TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)),
          [DELIVERY_HEADER]: ctx.deliveryId,
          [ATTEMPT_HEADER]: String(attempt),
        }),
      },
      { policy: this.policy, signal: ctx.signal, dispatcher: this.dispatcher, onRetry: ctx.onRetry, random: this.options.random },
    );
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.destroy().catch(() => {});
  }
}
