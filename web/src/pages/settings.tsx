import { useState } from 'preact/hooks';
import { api, ApiError, getToken, setToken } from '../api.js';
import { QueryInput } from '../components/query-input.js';
import { useLoad } from '../hooks.js';
import { restartLive } from '../live.js';
import { navigate } from '../router.js';

interface WatchRow {
  name: string;
  query: string;
  description?: string;
}

function WatchForm({ initial, onSaved }: { initial?: WatchRow; onSaved: (w: WatchRow) => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [query, setQuery] = useState(initial?.query ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body = { query, ...(description ? { description } : {}) };
      const saved = initial
        ? await api<WatchRow>(`/api/watches/${encodeURIComponent(initial.name)}`, { method: 'PUT', body })
        : await api<WatchRow>('/api/watches', { method: 'POST', body: { name, ...body } });
      onSaved(saved);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form class="card form" id={initial ? undefined : 'new-watch'} onSubmit={submit}>
      <h2>{initial ? `Edit ${initial.name}` : 'New watch'}</h2>
      {initial ? null : (
        <label>
          Name
          <input name="name" value={name} required maxLength={64} dir="auto" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
      )}
      <label for={initial ? undefined : 'watch-query'}>Query</label>
      <QueryInput id={initial ? undefined : 'watch-query'} value={query} onInput={setQuery} />
      <label>
        Description
        <input name="description" value={description} maxLength={500} dir="auto" onInput={(e) => setDescription((e.target as HTMLInputElement).value)} />
      </label>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <button type="submit">{initial ? 'Save' : 'Create watch'}</button>
    </form>
  );
}

function ChannelForm({ onSaved }: { onSaved: () => void }) {
  const [kind, setKind] = useState('webhook');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body: Record<string, unknown> = { kind };
      if (url) body.url = url;
      if (secret) body.secret = secret;
      await api(`/api/channels/${encodeURIComponent(name)}`, { method: 'PUT', body });
      setName('');
      setUrl('');
      setSecret('');
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form class="form" onSubmit={submit}>
      <h3>Add a channel</h3>
      <label>
        Name <input value={name} required onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
          <option value="webhook">signed webhook</option>
          <option value="slack">Slack / Mattermost</option>
          <option value="sse">live feed</option>
        </select>
      </label>
      {kind === 'webhook' || kind === 'slack' ? (
        <label>
          URL <input type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        </label>
      ) : null}
      {kind === 'webhook' ? (
        <label>
          Signing secret (16+ characters) <input type="password" value={secret} onInput={(e) => setSecret((e.target as HTMLInputElement).value)} />
        </label>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
      <button type="submit">Add channel</button>
      <p class="muted">E-mail channels: <code>tidewatch channel add</code>.</p>
    </form>
  );
}

export default function SettingsPage() {
  const watches = useLoad(() => api<{ watches: WatchRow[] }>('/api/watches', { params: { summary: 'false' } }), []);
  const channels = useLoad(() => api<{ channels: Record<string, unknown>[] }>('/api/channels'), []);
  const me = useLoad(() => api<{ role: string; auth: string; kAnonymity: number }>('/api/me'), []);
  const [editing, setEditing] = useState<string | null>(null);
  const remove = async (name: string) => {
    if (!confirm(`Delete watch "${name}"?`)) return;
    await api(`/api/watches/${encodeURIComponent(name)}`, { method: 'DELETE' });
    watches.reload();
  };
  const removeChannel = async (name: string) => {
    await api(`/api/channels/${encodeURIComponent(name)}`, { method: 'DELETE' });
    channels.reload();
  };
  return (
    <div class="page settings">
      <h1>Settings</h1>
      <div class="two-col">
        <WatchForm onSaved={(w) => navigate(`/watches/${encodeURIComponent(w.name)}`)} />
        <section class="card">
          <h2>Watches</h2>
          <ul class="settings-list">
            {(watches.data?.watches ?? []).map((w) => (
              <li key={w.name}>
                <a href={`/watches/${encodeURIComponent(w.name)}`} dir="auto">
                  {w.name}
                </a>{' '}
                <code dir="auto">{w.query}</code> <button onClick={() => setEditing(editing === w.name ? null : w.name)}>edit</button>{' '}
                <button class="danger" onClick={() => remove(w.name)}>
                  delete
                </button>
                {editing === w.name ? (
                  <WatchForm
                    initial={w}
                    onSaved={() => {
                      setEditing(null);
                      watches.reload();
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section class="card">
        <h2>Channels</h2>
        <ul class="settings-list">
          {(channels.data?.channels ?? []).map((c) => (
            <li key={String(c.name)}>
              <b>{String(c.name)}</b> {String(c.kind)} {c.url ? <code>{String(c.url)}</code> : null} <button class="danger" onClick={() => removeChannel(String(c.name))}>delete</button>
            </li>
          ))}
        </ul>
        {channels.error ? <p class="error">{channels.error}</p> : null}
        <ChannelForm onSaved={channels.reload} />
      </section>
      <section class="card">
        <h2>Access</h2>
        <p>
          Role: <b>{me.data?.role ?? '…'}</b> · authentication {me.data?.auth === 'tokens' ? 'by API token' : 'off (local only)'} · breakdowns need at least{' '}
          {me.data?.kAnonymity ?? 5} distinct authors.
        </p>
        {getToken() ? (
          <button
            onClick={() => {
              setToken(null);
              restartLive();
              location.reload();
            }}
          >
            Forget my token
          </button>
        ) : null}
        <p>
          API reference: <a href="/api/docs/">/api/docs</a> (OpenAPI at <a href="/api/openapi.json">/api/openapi.json</a>).
        </p>
      </section>
    </div>
  );
}
