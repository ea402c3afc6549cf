import { useEffect, useState } from 'preact/hooks';
import { type Alert, api, type WatchSummary } from '../api.js';
import { Sparkline } from '../components/sparkline.js';
import { formatChange, formatNumber, formatTime } from '../format.js';
import { useLoad, useThrottled } from '../hooks.js';
import { alertOf, onLive } from '../live.js';

const HOUR = 3_600_000;

export default function Overview() {
  const watches = useLoad(() => api<{ watches: WatchSummary[] }>('/api/watches'), []);
  const alerts = useLoad(() => api<{ alerts: Alert[] }>('/api/alerts', { params: { limit: 8 } }), []);
  const [perSecond, setPerSecond] = useState<number | null>(null);
  const [liveByWatch, setLiveByWatch] = useState<Record<string, number>>({});
  const refreshWatches = useThrottled(watches.reload, 15_000);
  const refreshAlerts = useThrottled(alerts.reload, 1000);

  useEffect(() => {
    const offCounts = onLive('counts', (d) => {
      const c = d as { posts: number; watches: Record<string, number> };
      setPerSecond(c.posts);
      setLiveByWatch((prev) => {
        const next = { ...prev };
        for (const [w, n] of Object.entries(c.watches)) next[w] = (next[w] ?? 0) + n;
        return next;
      });
      refreshWatches();
    });
    const offAlert = onLive('alert', (d) => {
      alertOf(d);
      refreshAlerts();
      refreshWatches();
    });
    return () => {
      offCounts();
      offAlert();
    };
  }, []);

  const now = Date.now();
  const to = Math.floor(now / 60_000) * 60_000 + 60_000;
  const from = Math.floor((to - 24 * HOUR) / HOUR) * HOUR;
  const list = watches.data?.watches ?? [];

  return (
    <div class="page overview">
      <div class="page-head">
        <h1>Watches</h1>
        <span class="muted" data-testid="stream-rate">
          {perSecond === null ? 'waiting for the stream…' : `${formatNumber(perSecond)} posts/s ingested`}
        </span>
        <a class="button" href="/settings#new-watch">
          New watch
        </a>
      </div>
      {watches.error ? <p class="error">{watches.error}</p> : null}
      {watches.data && list.length === 0 ? (
        <p class="card">
          No watches yet. <a href="/settings#new-watch">Create one</a> to follow a topic.
        </p>
      ) : null}
      <div class="watch-grid">
        {list.map((w) => (
          <a key={w.name} href={`/watches/${encodeURIComponent(w.name)}`} class="card watch-card" data-watch={w.name}>
            <div class="watch-card-head">
              <strong dir="auto">{w.name}</strong>
              {w.openAlerts > 0 ? <span class="badge alert-badge">{w.openAlerts} open</span> : null}
            </div>
            <code class="watch-query" dir="auto">
              {w.query}
            </code>
            <Sparkline points={w.sparkline} from={from} to={to} step={HOUR} />
            <div class="watch-figures">
              <span>
                <b>{formatNumber(w.lastHour)}</b> posts last hour
              </span>
              <span class={w.change !== null && w.change > 0.5 ? 'up' : ''}>{formatChange(w.change)}</span>
              {liveByWatch[w.name] ? <span class="muted">+{liveByWatch[w.name]} live</span> : null}
            </div>
            {w.error ? <p class="error">{w.error}</p> : null}
          </a>
        ))}
      </div>
      <section class="card">
        <h2>Latest alerts</h2>
        {alerts.data && alerts.data.alerts.length === 0 ? <p class="muted">No alerts yet.</p> : null}
        <ul class="alert-list">
          {(alerts.data?.alerts ?? []).map((a) => (
            <li key={a.id}>
              <a href={`/alerts/${encodeURIComponent(a.id)}`}>
                <span class={`badge kind-${a.kind}`}>{a.kind}</span> <span dir="auto">{a.watch ?? a.terms.map((t) => t.term).slice(0, 3).join(', ')}</span>
              </a>{' '}
              <span class="muted">
                {formatTime(a.firedAt)} · {formatNumber(a.observed)} vs {formatNumber(a.baseline)} · {a.status}
              </span>
            </li>
          ))}
        </ul>
        <a href="/alerts">All alerts</a>
      </section>
    </div>
  );
}
