import { useEffect, useMemo } from 'preact/hooks';
import { type Alert, api, type KeyedSeries, type Point, type SearchPage, type SentimentSeries, type TopList } from '../api.js';
import { Bars, SuppressedNote } from '../components/bars.js';
import { PostList } from '../components/post-list.js';
import { grid, TimeChart } from '../components/time-chart.js';
import { formatTime, RANGES } from '../format.js';
import { useLoad, useThrottled } from '../hooks.js';
import { alertOf, onLive } from '../live.js';
import { navigate } from '../router.js';

const STEP = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
type Bucket = keyof typeof STEP;

function bucketFor(range: string): Bucket {
  return range === '-7d' ? 'hour' : range === '-24h' ? 'hour' : 'minute';
}

export default function WatchPage({ params, search }: { params: Record<string, string>; search: URLSearchParams }) {
  const name = params.name;
  const range = search.get('range') ?? '-6h';
  const bucket = bucketFor(range);
  const sel = { watch: name, from: range };

  const watch = useLoad(() => api<{ name: string; query: string; description?: string }>(`/api/watches/${encodeURIComponent(name)}`), [name]);
  const volume = useLoad(() => api<{ points: Point[]; from: number; to: number }>('/api/series/volume', { params: { ...sel, bucket } }), [name, range]);
  const alerts = useLoad(() => api<{ alerts: Alert[] }>('/api/alerts', { params: { watch: name, limit: 100 } }), [name]);
  const sentiment = useLoad(() => api<SentimentSeries & { from: number; to: number }>('/api/series/sentiment', { params: { ...sel, bucket } }), [name, range]);
  const languages = useLoad(() => api<KeyedSeries>('/api/series/languages', { params: { ...sel, bucket: range === '-7d' ? 'day' : 'hour' } }), [name, range]);
  const tops = useLoad(
    () => Promise.all((['terms', 'hashtags', 'links', 'domains'] as const).map((k) => api<TopList>(`/api/top/${k}`, { params: { ...sel, limit: 10 } }))),
    [name, range],
  );
  const samples = useLoad(() => api<SearchPage>('/api/search', { params: { watch: name, limit: 10 } }), [name]);

  const refreshVolume = useThrottled(volume.reload, 2000);
  const refreshRest = useThrottled(() => {
    samples.reload();
    sentiment.reload();
  }, 10_000);
  const reloadLatest = useThrottled(() => {
    volume.reload();
    samples.reload();
  }, 0);
  useEffect(() => {
    // Figures are cached for up to 2 s on the server: one more load after the stream goes quiet
    // makes sure the last posts show.
    let settle: number | undefined;
    const offCounts = onLive('counts', (d) => {
      const c = d as { watches: Record<string, number> };
      if (c.watches[name]) {
        refreshVolume();
        refreshRest();
        window.clearTimeout(settle);
        settle = window.setTimeout(reloadLatest, 2500);
      }
    });
    const offAlert = onLive('alert', (d) => {
      if (alertOf(d).watch === name) alerts.reload();
    });
    return () => {
      window.clearTimeout(settle);
      offCounts();
      offAlert();
    };
  }, [name]);

  const chart = useMemo(() => {
    if (!volume.data) return null;
    const times = grid(volume.data.from, volume.data.to, STEP[bucket]);
    const counts = new Map(volume.data.points.map((p) => [p.t, p.count]));
    const band = new Map<number, { baseline: number; upper: number }>();
    for (const a of alerts.data?.alerts ?? []) {
      for (const p of a.series) {
        const t = Math.floor(p.t / STEP[bucket]) * STEP[bucket];
        const scale = STEP[bucket] / Math.max(1, a.windowMs);
        band.set(t, { baseline: p.baseline * scale, upper: p.upper * scale });
      }
    }
    const markers = (alerts.data?.alerts ?? []).map((a) => ({ t: a.firedAt, label: a.id }));
    return {
      times,
      series: [
        { label: 'posts', values: times.map((t) => counts.get(t) ?? 0), color: '#2563eb', fill: 'rgba(37,99,235,0.08)' },
        { label: 'baseline', values: times.map((t) => band.get(t)?.baseline ?? null), color: '#888', dash: [5, 4], width: 1 },
        { label: 'upper band', values: times.map((t) => band.get(t)?.upper ?? null), color: 'rgba(136,136,136,0.6)', width: 1 },
      ],
      markers,
    };
  }, [volume.data, alerts.data, bucket]);

  const sentimentChart = useMemo(() => {
    if (!sentiment.data) return null;
    const times = grid(sentiment.data.from, sentiment.data.to, STEP[bucket]);
    const byT = new Map(sentiment.data.points.map((p) => [p.t, p]));
    return { times, series: [{ label: 'mean sentiment', values: times.map((t) => byT.get(t)?.mean ?? null), color: '#7c3aed' }] };
  }, [sentiment.data, bucket]);

  const setRange = (r: string) => navigate(`/watches/${encodeURIComponent(name)}?range=${encodeURIComponent(r)}`, true);
  const total = volume.data?.points.reduce((s, p) => s + p.count, 0) ?? 0;

  if (watch.error) return <p class="error card">{watch.error}</p>;
  return (
    <div class="page watch-page" data-watch={name}>
      <div class="page-head">
        <h1 dir="auto">{name}</h1>
        <code dir="auto">{watch.data?.query}</code>
        <div class="range-picker" role="group" aria-label="time range">
          {RANGES.map((r) => (
            <button key={r.from} class={r.from === range ? 'active' : ''} onClick={() => setRange(r.from)}>
              {r.label}
            </button>
          ))}
        </div>
      </div>
      {watch.data?.description ? <p dir="auto">{watch.data.description}</p> : null}
      <section class="card">
        <h2>
          Volume <span class="muted" data-testid="volume-total">{total} posts</span>
        </h2>
        {chart ? <TimeChart times={chart.times} series={chart.series} band={{ upper: 2, lower: 1, fill: 'rgba(136,136,136,0.18)' }} markers={chart.markers} yLabel={`posts / ${bucket}`} /> : <div class="chart-placeholder" />}
        <p class="muted legend-note">Dashed: the detector's baseline around each alert, shaded up to its threshold. Red lines: alerts.</p>
        {(alerts.data?.alerts ?? []).length > 0 ? (
          <ul class="alert-list">
            {alerts.data!.alerts.slice(0, 5).map((a) => (
              <li key={a.id}>
                <a href={`/alerts/${encodeURIComponent(a.id)}`}>
                  {a.kind} at {formatTime(a.firedAt)}
                </a>{' '}
                <span class="muted">{a.terms.slice(0, 4).map((t) => t.term).join(', ')}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <div class="two-col">
        <section class="card">
          <h2>Sentiment</h2>
          {sentimentChart ? <TimeChart times={sentimentChart.times} series={sentimentChart.series} yRange={[-1, 1]} height={160} /> : null}
          <SuppressedNote suppressed={sentiment.data?.suppressed} />
        </section>
        <section class="card">
          <h2>Languages</h2>
          <Bars rows={Object.entries(languages.data?.totals ?? {}).map(([label, value]) => ({ label, value }))} suppressed={languages.data?.suppressed} />
        </section>
      </div>
      <div class="four-col">
        {(['Terms', 'Hashtags', 'Links', 'Domains'] as const).map((title, i) => {
          const t = tops.data?.[i];
          return (
            <section class="card" key={title}>
              <h2>{title}</h2>
              <Bars
                dirAuto
                rows={(t?.items ?? []).map((r) => ({ label: title === 'Hashtags' ? `#${r.value}` : r.value, value: r.posts }))}
                suppressed={t?.suppressed}
              />
            </section>
          );
        })}
      </div>
      <section class="card">
        <h2>Latest posts</h2>
        <PostList posts={samples.data?.posts ?? []} empty="No matching posts yet." />
        <a href={`/search?watch=${encodeURIComponent(name)}`}>Search this watch</a>
      </section>
    </div>
  );
}
