import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SIGNATURE_HEADER, verifySignature } from './webhook.js';

/**
 * A loopback webhook receiver: records each request, checks its signature and answers as told.
 * Used by the delivery tests and the alert-latency bench, and a reference for writing a receiver.
 * Listens on 127.0.0.1 only.
 */

export interface ReceivedRequest {
  /** 1-based arrival order. */
  n: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether X-Tidewatch-Signature matched the receiver's secret (undefined without a secret). */
  signatureValid: boolean | undefined;
  /** performance.now() when the whole body had arrived. */
  receivedAt: number;
}

/** What to answer: a status (with optional headers/body), or 'hang' to never answer. */
export type ReceiverReply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface WebhookReceiverOptions {
  secret?: string;
  /** Decides the reply per request; default 200. */
  reply?: (req: ReceivedRequest) => ReceiverReply;
  port?: number;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Called for every request as it arrives (after recording). */
  onRequest?: (req: ReceivedRequest) => void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<ReceivedRequest[]>;
  /** Requests currently held open by 'hang'. */
  readonly hanging: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: Array<{ count: number; resolve: (r: ReceivedRequest[]) => void }> = [];
  const hung = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const received: ReceivedRequest = {
        n: requests.length + 1,
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: raw.toString('utf8'),
        signatureValid: options.secret === undefined ? undefined : verifySignature(options.secret, raw, req.headers[SIGNATURE_HEADER]),
        receivedAt: performance.now(),
      };
      requests.push(received);
      receiver.onRequest?.(received);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (requests.length >= waiters[i]!.count) waiters.splice(i, 1)[0]!.resolve(requests.slice());
      }
      const reply = options.reply?.(received) ?? { status: 200 };
      if (reply === 'hang') {
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
      res.end(reply.body ?? (reply.status < 300 ? 'ok' : 'error'));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    requests,
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve(requests.slice());
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    get hanging() {
      return hung.size;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

/** A loopback port with nothing listening (bound, then released), for "receiver down" cases. */
export async function unusedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
