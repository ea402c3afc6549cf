/**
 * The server's Prometheus metrics (text exposition format 0.0.4): request counts and latency
 * histogram per route, plus gauges sampled when scraped. One registry per server.
 */

const BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export type GaugeSampler = () => Promise<Record<string, { help: string; value: number }>>;

export class HttpMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly samplers: GaugeSampler[] = [];

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${escapeLabel(method)}",route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hkey = `method="${escapeLabel(method)}",route="${escapeLabel(route)}"`;
    let h = this.durations.get(hkey);
    if (!h) this.durations.set(hkey, (h = { counts: BUCKETS_S.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < BUCKETS_S.length; i++) if (seconds <= BUCKETS_S[i]) h.counts[i]++;
    h.sum += seconds;
    h.count++;
  }

  addGauges(sampler: GaugeSampler): void {
    this.samplers.push(sampler);
  }

  async render(): Promise<string> {
    const out: string[] = [];
    out.push('# HELP tidewatch_http_requests_total HTTP requests by route and status.', '# TYPE tidewatch_http_requests_total counter');
    for (const [labels, n] of this.requests) out.push(`tidewatch_http_requests_total{${labels}} ${n}`);
    out.push('# HELP tidewatch_http_request_duration_seconds HTTP request latency.', '# TYPE tidewatch_http_request_duration_seconds histogram');
    for (const [labels, h] of this.durations) {
      BUCKETS_S.forEach((b, i) => out.push(`tidewatch_http_request_duration_seconds_bucket{${labels},le="${b}"} ${h.counts[i]}`));
      out.push(`tidewatch_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      out.push(`tidewatch_http_request_duration_seconds_sum{${labels}} ${h.sum.toFixed(6)}`);
      out.push(`tidewatch_http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    for (const sampler of this.samplers) {
      for (const [name, g] of Object.entries(await sampler())) {
        out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.value}`);
      }
    }
    return `${out.join('\n')}\n`;
  }
}
