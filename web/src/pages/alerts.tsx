import { useEffect, useState } from 'preact/hooks';
import { type Alert, api } from '../api.js';
import { formatNumber, formatTime } from '../format.js';
import { useLoad } from '../hooks.js';
import { alertOf, onLive } from '../live.js';

export default function AlertsPage({ search }: { search: URLSearchParams }) {
  const status = search.get('status') ?? '';
  const list = useLoad(() => api<{ alerts: Alert[] }>('/api/alerts', { params: { status, limit: 200 } }), [status]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  useEffect(() => {
    const off = onLive('alert', (d) => {
      setFresh((s) => new Set(s).add(alertOf(d).id));
      list.reload();
    });
    const offUpd = onLive('alert-updated', () => list.reload());
    return () => {
      off();
      offUpd();
    };
  }, [status]);
  const ack = async (id: string) => {
    await api(`/api/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' });
    list.reload();
  };
  return (
    <div class="page">
      <div class="page-head">
        <h1>Alerts</h1>
        <div class="range-picker">
          {[
            ['', 'all'],
            ['open', 'open'],
            ['acknowledged', 'acknowledged'],
          ].map(([v, label]) => (
            <a key={v} class={`button ${v === status ? 'active' : ''}`} href={v ? `/alerts?status=${v}` : '/alerts'}>
              {label}
            </a>
          ))}
        </div>
      </div>
      {list.error ? <p class="error">{list.error}</p> : null}
      <div class="card table-wrap">
        <table class="alerts-table">
          <thead>
            <tr>
              <th>fired</th>
              <th>kind</th>
              <th>watch / terms</th>
              <th class="num">observed</th>
              <th class="num">baseline</th>
              <th class="num">significance</th>
              <th>status</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.alerts ?? []).map((a) => (
              <tr key={a.id} class={fresh.has(a.id) ? 'fresh' : ''} data-alert-id={a.id}>
                <td>
                  <a href={`/alerts/${encodeURIComponent(a.id)}`}>{formatTime(a.firedAt)}</a>
                </td>
                <td>
                  <span class={`badge kind-${a.kind}`}>{a.kind}</span>
                </td>
                <td dir="auto">
                  <a href={`/alerts/${encodeURIComponent(a.id)}`}>{a.watch ?? 'all posts'}</a> <span class="muted">{a.terms.slice(0, 4).map((t) => t.term).join(', ')}</span>
                </td>
                <td class="num">{formatNumber(a.observed)}</td>
                <td class="num">{formatNumber(a.baseline)}</td>
                <td class="num">{a.significance.toFixed(1)}</td>
                <td>{a.status === 'open' ? <button onClick={() => ack(a.id)}>acknowledge</button> : a.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && list.data.alerts.length === 0 ? <p class="muted">No alerts.</p> : null}
      </div>
    </div>
  );
}
