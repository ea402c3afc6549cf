import { Agent, errors, request, type Dispatcher } from 'undici';
import { abortableSleep, type DeliveryOutcome } from './alert-sender.js';

/**
 * POSTing a body with a per-attempt timeout and retries with exponential backoff and jitter.
 * Retried: network errors, timeouts, 5xx, 429 (honouring Retry-After). Not retried: other 4xx
 * (the receiver will refuse the same request again) and redirects (webhooks do not follow them).
 */

export interface RetryPolicy {
  /** Total tries, the first included. */
  maxAttempts: number;
  /** Delay after the first failure; doubles each time up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Whole-attempt timeout: connect, headers and body. */
  timeoutMs: number;
  /** A Retry-After longer than this is cut to it, so one receiver cannot park a queue for hours. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 5_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Delay before retry number `failedAttempt` (1 after the first failure): "equal jitter", i.e.
 * half the exponential step plus a random half, so retries still spread out but never collapse
 * to zero.
 */
export function backoffDelay(failedAttempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined) return undefined;
  const trimmed = v.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP-date forms all start with a day name; anything else (e.g. "-5") is not one.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export type AttemptResult =
  | { ok: true; status: number }
  | {
      ok: false;
      retryable: boolean;
      reason: 'http-status' | 'timeout' | 'network' | 'shutdown';
      detail: string;
      status?: number;
      retryAfterMs?: number;
    };

export interface PostRequest {
  url: string;
  body: string;
  /** Headers for a given attempt (1-based), so timestamps and signatures can be fresh per try. */
  headers: (attempt: number) => Record<string, string>;
}

export interface PostOptions {
  policy: RetryPolicy;
  signal: AbortSignal;
  dispatcher?: Dispatcher;
  onRetry?: (attempt: number, detail: string) => void;
  random?: () => number;
}

/** Keep-alive pool for alert receivers: delivery latency is dominated by connection setup otherwise. */
export function createDeliveryAgent(connectionsPerOrigin = 4): Agent {
  return new Agent({
    connections: connectionsPerOrigin,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connect: { timeout: 10_000 },
  });
}

const TIMEOUT_ERRORS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export async function postOnce(
  req: PostRequest,
  attempt: number,
  timeoutMs: number,
  signal: AbortSignal,
  dispatcher?: Dispatcher,
): Promise<AttemptResult> {
  if (signal.aborted) return { ok: false, retryable: false, reason: 'shutdown', detail: 'delivery stopped' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await request(req.url, {
      method: 'POST',
      body: req.body,
      headers: req.headers(attempt),
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(dispatcher ? { dispatcher } : {}),
    });
    // Read the (small) reply so the keep-alive connection is reusable.
    const text = await res.body.text().catch(() => '');
    const status = res.statusCode;
    if (status >= 200 && status < 300) return { ok: true, status };
    const snippet = text.slice(0, 200).replace(/\s+/g, ' ').trim();
    const detail = `HTTP ${status}${snippet ? `: ${snippet}` : ''}`;
    if (status >= 500 || status === 429 || status === 408) {
      const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
      return { ok: false, retryable: true, reason: 'http-status', detail, status, retryAfterMs };
    }
    return { ok: false, retryable: false, reason: 'http-status', detail, status };
  } catch (err) {
    if (signal.aborted && !timedOut) return { ok: false, retryable: false, reason: 'shutdown', detail: 'delivery stopped' };
    const code = (err as { code?: string }).code ?? '';
    if (timedOut || TIMEOUT_ERRORS.has(code) || err instanceof errors.HeadersTimeoutError) {
      return { ok: false, retryable: true, reason: 'timeout', detail: `no response within ${timeoutMs} ms` };
    }
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const message = [code, (err as Error).message, cause?.code].filter(Boolean).join(' ');
    return { ok: false, retryable: true, reason: 'network', detail: message || String(err) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

export async function postWithRetries(req: PostRequest, opts: PostOptions): Promise<DeliveryOutcome> {
  const { policy, signal } = opts;
  let last: AttemptResult | undefined;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (signal.aborted) return { ok: false, attempts: attempt - 1, reason: 'shutdown', detail: 'delivery stopped' };
    last = await postOnce(req, attempt, policy.timeoutMs, signal, opts.dispatcher);
    if (last.ok) return { ok: true, attempts: attempt, status: last.status };
    if (last.reason === 'shutdown') return { ok: false, attempts: attempt, reason: 'shutdown', detail: last.detail };
    if (!last.retryable || attempt === policy.maxAttempts) {
      const detail = last.retryable ? `${last.detail} (gave up after ${attempt} attempts)` : last.detail;
      return { ok: false, attempts: attempt, reason: last.reason, detail, status: last.status };
    }
    let delay = backoffDelay(attempt, policy, opts.random);
    if (last.retryAfterMs !== undefined) delay = Math.max(delay, Math.min(last.retryAfterMs, policy.maxRetryAfterMs));
    opts.onRetry?.(attempt, last.detail);
    if (!(await abortableSleep(delay, signal))) {
      return { ok: false, attempts: attempt, reason: 'shutdown', detail: `delivery stopped while waiting to retry after: ${last.detail}`, status: last.status };
    }
  }
  /* c8 ignore next */
  return { ok: false, attempts: policy.maxAttempts, reason: 'error', detail: 'unreachable' };
}
