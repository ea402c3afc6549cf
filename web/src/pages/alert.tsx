import { useMemo } from 'preact/hooks';
import { type Alert, api, type PublicPost } from '../api.js';
import { Bars } from '../components/bars.js';
import { PostList } from '../components/post-list.js';
import { TimeChart } from '../components/time-chart.js';
import { formatNumber, formatTime } from '../format.js';
import { useLoad } from '../hooks.js';

export default function AlertPage({ params }: { params: Record<string, string> }) {
  const alert = useLoad(() => api<Alert>(`/api/alerts/${encodeURIComponent(params.id)}`), [params.id]);
  const a = alert.data;
  const chart = useMemo(() => {
    if (!a || a.series.length === 0) return null;
    const times = a.series.map((p) => p.t);
    return {
      times,
      series: [
        { label: 'observed', values: a.series.map((p) => p.observed), color: '#2563eb', width: 2 },
        { label: 'baseline', values: a.series.map((p) => p.baseline), color: '#888', dash: [5, 4], width: 1 },
        { label: 'threshold', values: a.series.map((p) => p.upper), color: 'rgba(136,136,136,0.6)', width: 1 },
      ],
    };
  }, [a]);
  if (alert.error) return <p class="error card">{alert.error}</p>;
  if (!a) return <p class="muted">Loading…</p>;
  const ack = async () => {
    await api(`/api/alerts/${encodeURIComponent(a.id)}/ack`, { method: 'POST' });
    alert.reload();
  };
  const posts: PublicPost[] = a.representative.map((p) => ({
    id: p.id, platform: p.platform ?? '', source: '', url: null, createdAt: p.createdAt, author: '', text: p.text, lang: p.lang ?? 'und', hashtags: [], links: [], domains: [], sentiment: null,
  }));
  const perMinute = a.windowMs === 60_000 ? '/min' : ` per ${Math.round(a.windowMs / 60_000)} min`;
  return (
    <div class="page alert-page" data-alert-id={a.id}>
      <div class="page-head">
        <h1>
          <span class={`badge kind-${a.kind}`}>{a.kind}</span>{' '}
          {a.watch ? (
            <a href={`/watches/${encodeURIComponent(a.watch)}`} dir="auto">
              {a.watch}
            </a>
          ) : (
            'all posts'
          )}
        </h1>
        <span class="muted">
          fired {formatTime(a.firedAt)} · rise began {formatTime(a.startedAt)} · {a.status}
        </span>
        {a.status === 'open' ? <button onClick={ack}>acknowledge</button> : null}
      </div>
      <section class="card explanation" data-testid="explanation">
        <h2>Why this alert</h2>
        <p class="headline">
          <b>{formatNumber(a.observed)}</b>
          {perMinute} observed against a baseline of <b>{formatNumber(a.baseline)}</b>
          {perMinute} — <b>{a.significance.toFixed(1)}</b> standard deviations above normal.
        </p>
        {chart ? <TimeChart times={chart.times} series={chart.series} band={{ upper: 2, lower: 1, fill: 'rgba(136,136,136,0.18)' }} markers={[{ t: a.firedAt, label: 'fired' }]} yLabel="posts" /> : null}
      </section>
      <div class="two-col">
        <section class="card">
          <h2>Driving terms</h2>
          <table class="terms-table">
            <thead>
              <tr>
                <th>term</th>
                <th class="num">observed</th>
                <th class="num">baseline</th>
                <th class="num">significance</th>
              </tr>
            </thead>
            <tbody>
              {a.terms.map((t) => (
                <tr key={t.term}>
                  <td dir="auto">{t.term}</td>
                  <td class="num">{formatNumber(t.observed)}</td>
                  <td class="num">{formatNumber(t.baseline)}</td>
                  <td class="num">{t.significance.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {a.context?.length ? (
            <p class="muted" data-testid="alert-context" dir="auto">
              Most of its posts also mention: {a.context.join(', ')}
            </p>
          ) : null}
        </section>
        <section class="card">
          <h2>Languages</h2>
          <Bars rows={Object.entries(a.languages).map(([label, value]) => ({ label, value }))} suppressed={a.suppressed?.languages} />
          <h2>Platforms</h2>
          <Bars rows={Object.entries(a.platforms).map(([label, value]) => ({ label, value }))} suppressed={a.suppressed?.platforms} />
        </section>
      </div>
      <section class="card">
        <h2>Representative posts</h2>
        <PostList posts={posts} />
      </section>
    </div>
  );
}
