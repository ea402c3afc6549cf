/**
 * Dispatch-to-arrival latency of signed webhooks on loopback, with the event loop kept busy in
 * slices the way an ingest loop keeps it (the end-to-end figure is bench:alerts). Prints JSON.
 *
 *   npx tsx src/notify/delivery.bench.ts [alerts=2000] [busyMsPerSlice=20]
 */
import { AlertDispatcher } from './dispatcher.js';
import { parseChannel } from '../model/channel.js';
import { sampleAlert } from './sample-alerts.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const alerts = Number(process.argv[2] ?? 2000);
const busyMs = Number(process.argv[3] ?? 20);
const secret = 'bench-secret-0123456789';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const receiver = await startWebhookReceiver({ secret });
const dispatcher = new AlertDispatcher({
  channels: [parseChannel({ name: 'bench', kind: 'webhook', url: receiver.url, secret, cooldownSeconds: 0 })],
});
const sentAt = new Map<string, number>();
const latencies: number[] = [];
let invalid = 0;
receiver.onRequest = (r) => {
  const id = (JSON.parse(r.body) as { alert: { id: string } }).alert.id;
  latencies.push(r.receivedAt - sentAt.get(id)!);
  if (!r.signatureValid) invalid++;
};

const started = performance.now();
for (let i = 0; i < alerts; i++) {
  // A slice of synchronous work (an ingest batch), then one alert, then yield.
  const until = performance.now() + (i % 10 === 0 ? busyMs : 0);
  while (performance.now() < until);
  const id = `bench-${i}`;
  sentAt.set(id, performance.now());
  dispatcher.dispatch(sampleAlert({ id }));
  await new Promise((r) => setImmediate(r));
}
await receiver.waitForRequests(alerts);
const elapsedMs = performance.now() - started;
await dispatcher.shutdown({ timeoutMs: 1000 });
await receiver.close();

latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    bench: 'notify.webhook-latency',
    alerts,
    busyMsPerSlice: busyMs,
    elapsedMs: Math.round(elapsedMs),
    latencyMs: {
      p50: +percentile(latencies, 50).toFixed(2),
      p99: +percentile(latencies, 99).toFixed(2),
      max: +(latencies.at(-1) ?? NaN).toFixed(2),
    },
    invalidSignatures: invalid,
  }),
);
