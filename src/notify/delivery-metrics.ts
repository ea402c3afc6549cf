/**
 * Delivery counters per channel. Plain numbers, cheap to bump on the hot path; the metrics module
 * turns `samples()` into Prometheus text at /metrics.
 */

export interface ChannelCounters {
  /** Alerts accepted into the channel's queue. */
  enqueued: number;
  /** Deliveries that reached the receiver (2xx, SMTP accepted, SSE published). */
  delivered: number;
  /** Failed attempts (each try that failed, including the last). */
  failures: number;
  /** Attempts after the first. */
  retries: number;
  /** Alerts given up on and recorded as dead letters (any reason). */
  deadLetters: number;
  /** Of those, alerts evicted because the channel's queue was full. */
  dropped: number;
  /** Alerts not sent by rule, by reason. */
  filtered: number;
  quiet: number;
  cooldown: number;
  duplicate: number;
  /** Sum and count of enqueue-to-delivered latency, milliseconds. */
  latencyMsSum: number;
  latencyMsMax: number;
}

export interface MetricSample {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  labels: Record<string, string>;
  value: number;
}

function emptyCounters(): ChannelCounters {
  return {
    enqueued: 0,
    delivered: 0,
    failures: 0,
    retries: 0,
    deadLetters: 0,
    dropped: 0,
    filtered: 0,
    quiet: 0,
    cooldown: 0,
    duplicate: 0,
    latencyMsSum: 0,
    latencyMsMax: 0,
  };
}

const SAMPLE_DEFS: Array<[keyof ChannelCounters, string, string]> = [
  ['enqueued', 'tidewatch_notify_enqueued_total', 'Alerts queued for delivery'],
  ['delivered', 'tidewatch_notify_deliveries_total', 'Alerts delivered'],
  ['failures', 'tidewatch_notify_failures_total', 'Failed delivery attempts'],
  ['retries', 'tidewatch_notify_retries_total', 'Delivery retries'],
  ['deadLetters', 'tidewatch_notify_dead_letters_total', 'Alerts recorded as dead letters'],
  ['dropped', 'tidewatch_notify_dropped_total', 'Alerts evicted from a full delivery queue'],
  ['latencyMsSum', 'tidewatch_notify_latency_ms_sum', 'Sum of enqueue-to-delivered latency (ms)'],
];

export class DeliveryMetrics {
  private readonly byChannel = new Map<string, ChannelCounters>();
  /** Dead letters that could not be recorded (the sink failed or was over its bound). */
  deadLettersLost = 0;

  channel(name: string): ChannelCounters {
    let c = this.byChannel.get(name);
    if (!c) {
      c = emptyCounters();
      this.byChannel.set(name, c);
    }
    return c;
  }

  recordLatency(name: string, ms: number): void {
    const c = this.channel(name);
    c.latencyMsSum += ms;
    if (ms > c.latencyMsMax) c.latencyMsMax = ms;
  }

  snapshot(): Record<string, ChannelCounters> {
    const out: Record<string, ChannelCounters> = {};
    for (const [name, c] of this.byChannel) out[name] = { ...c };
    return out;
  }

  /** Counters as labelled samples; gauges (queue depth, in flight) come from the dispatcher. */
  samples(): MetricSample[] {
    const out: MetricSample[] = [];
    for (const [channel, c] of this.byChannel) {
      for (const [key, name, help] of SAMPLE_DEFS) {
        out.push({ name, help, type: 'counter', labels: { channel }, value: c[key] });
      }
      for (const reason of ['filtered', 'quiet', 'cooldown', 'duplicate'] as const) {
        out.push({
          name: 'tidewatch_notify_suppressed_total',
          help: 'Alerts not sent by channel rules',
          type: 'counter',
          labels: { channel, reason },
          value: c[reason],
        });
      }
    }
    out.push({
      name: 'tidewatch_notify_dead_letters_lost_total',
      help: 'Dead letters that could not be recorded',
      type: 'counter',
      labels: {},
      value: this.deadLettersLost,
    });
    return out;
  }
}
