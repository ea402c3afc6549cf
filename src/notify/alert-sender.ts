import { createHash } from 'node:crypto';
import type { DeadLetterReason } from './dead-letter.js';
import type { NotifiableAlert } from './notifiable-alert.js';

/** What a sender is given with each alert. */
export interface DeliveryContext {
  /** Stable per (channel, alert): the same across retries and restarts, so receivers can dedupe. */
  deliveryId: string;
  /** Aborted when delivery shuts down; a sender stops retrying and reports `shutdown`. */
  signal: AbortSignal;
  /** Told about each failed attempt that will be retried. */
  onRetry?: (attempt: number, detail: string) => void;
}

export interface DeliveryOutcome {
  ok: boolean;
  /** Attempts made (0 when the alert never reached a try). */
  attempts: number;
  reason?: DeadLetterReason;
  detail?: string;
  status?: number;
}

/** One channel kind's transport. Implementations: webhook, slack, email, sse. */
export interface AlertSender {
  send(alert: NotifiableAlert, ctx: DeliveryContext): Promise<DeliveryOutcome>;
  /** Releases sockets and pools. */
  close?(): Promise<void>;
}

export function deliveryIdFor(channelName: string, alertId: string): string {
  return createHash('sha256').update(channelName).update('\0').update(alertId).digest('hex').slice(0, 32);
}

/** A sleep that ends early (resolving false) when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
