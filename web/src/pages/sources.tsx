import { useEffect } from 'preact/hooks';
import { api, type SourceHealth } from '../api.js';
import { formatAgo, formatNumber, formatTime } from '../format.js';
import { useLoad } from '../hooks.js';

export default function SourcesPage() {
  const sources = useLoad(() => api<{ sources: SourceHealth[] }>('/api/sources'), []);
  useEffect(() => {
    const t = window.setInterval(sources.reload, 5000);
    return () => window.clearInterval(t);
  }, []);
  return (
    <div class="page">
      <h1>Sources</h1>
      {sources.error ? <p class="error">{sources.error}</p> : null}
      <div class="card table-wrap">
        <table>
          <thead>
            <tr>
              <th>source</th>
              <th>status</th>
              <th class="num">posts/s</th>
              <th>last post</th>
              <th class="num">lag</th>
              <th class="num">errors</th>
            </tr>
          </thead>
          <tbody>
            {(sources.data?.sources ?? []).map((s) => (
              <tr key={s.name} data-source={s.name}>
                <td>{s.name}</td>
                <td>
                  <span class={`badge status-${s.status}`}>{s.status}</span>
                </td>
                <td class="num">{formatNumber(s.rate)}</td>
                <td>{formatTime(s.lastPostAt)}</td>
                <td class="num">{formatAgo(s.lagMs)}</td>
                <td class="num">{s.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {sources.data && sources.data.sources.length === 0 ? <p class="muted">No sources have delivered posts yet.</p> : null}
      </div>
      {(sources.data?.sources ?? [])
        .filter((s) => s.quarantined.length > 0)
        .map((s) => (
          <section class="card" key={s.name}>
            <h2>Quarantined from {s.name}</h2>
            <ul class="quarantine">
              {s.quarantined.map((q) => (
                <li key={q.line}>
                  line {q.line}: {q.reason} <code dir="auto">{q.excerpt}</code>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
