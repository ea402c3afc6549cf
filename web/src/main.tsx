import { type ComponentType, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { setToken } from './api.js';
import { onLiveStatus, restartLive } from './live.js';
import { useLocation } from './router.js';
import './styles.css';

type Page = ComponentType<{ params: Record<string, string>; search: URLSearchParams }>;

/** Each page is its own chunk: the first screen loads only what it shows. */
const ROUTES: { pattern: RegExp; keys: string[]; load: () => Promise<{ default: Page }> }[] = [
  { pattern: /^\/$/, keys: [], load: () => import('./pages/overview.js') },
  { pattern: /^\/watches\/([^/]+)$/, keys: ['name'], load: () => import('./pages/watch.js') },
  { pattern: /^\/alerts$/, keys: [], load: () => import('./pages/alerts.js') },
  { pattern: /^\/alerts\/([^/]+)$/, keys: ['id'], load: () => import('./pages/alert.js') },
  { pattern: /^\/search$/, keys: [], load: () => import('./pages/search.js') },
  { pattern: /^\/sources$/, keys: [], load: () => import('./pages/sources.js') },
  { pattern: /^\/settings$/, keys: [], load: () => import('./pages/settings.js') },
];

const NAV = [
  ['/', 'Overview'],
  ['/alerts', 'Alerts'],
  ['/search', 'Search'],
  ['/sources', 'Sources'],
  ['/settings', 'Settings'],
] as const;

function LiveDot() {
  const [up, setUp] = useState(false);
  useEffect(() => onLiveStatus(setUp), []);
  return (
    <span class={`live-dot ${up ? 'up' : 'down'}`} data-live={up ? 'up' : 'down'} title={up ? 'live updates connected' : 'live updates disconnected'}>
      {up ? 'live' : 'offline'}
    </span>
  );
}

function TokenPrompt({ onDone }: { onDone: () => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="card token-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim());
        restartLive();
        onDone();
      }}
    >
      <h2>API token needed</h2>
      <p>This tidewatch requires a token. Create one with <code>tidewatch token create --role viewer</code> and paste it here.</p>
      <input type="password" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} placeholder="tw_…" aria-label="API token" />
      <button type="submit">Use token</button>
    </form>
  );
}

function App() {
  const { path, search } = useLocation();
  const [page, setPage] = useState<{ path: string; Component: Page; params: Record<string, string> } | null>(null);
  const [needToken, setNeedToken] = useState(false);
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    const h = () => setNeedToken(true);
    window.addEventListener('tidewatch:unauthorized', h);
    return () => window.removeEventListener('tidewatch:unauthorized', h);
  }, []);

  useEffect(() => {
    const route = ROUTES.find((r) => r.pattern.test(path));
    if (!route) {
      setPage({ path, Component: NotFound, params: {} });
      return;
    }
    const m = route.pattern.exec(path)!;
    const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    let cancelled = false;
    route.load().then((mod) => !cancelled && setPage({ path, Component: mod.default, params }));
    return () => {
      cancelled = true;
    };
  }, [path]);

  const section = '/' + (path.split('/')[1] ?? '');
  return (
    <>
      <header class="top">
        <a href="/" class="brand">
          tidewatch
        </a>
        <nav>
          {NAV.map(([href, label]) => (
            <a key={href} href={href} class={(href === '/' ? path === '/' || section === '/watches' : section === href) ? 'active' : ''}>
              {label}
            </a>
          ))}
        </nav>
        <LiveDot />
      </header>
      <main key={epoch}>
        {needToken ? (
          <TokenPrompt
            onDone={() => {
              setNeedToken(false);
              setEpoch((e) => e + 1);
            }}
          />
        ) : page && page.path === path ? (
          <page.Component params={page.params} search={search} />
        ) : (
          <p class="muted">Loading…</p>
        )}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <section class="card">
      <h1>Not found</h1>
      <p>
        Back to the <a href="/">overview</a>.
      </p>
    </section>
  );
}

render(<App />, document.getElementById('app')!);

// Most visits go on to a watch: fetch its page (and the chart library) once the first one is idle.
const idle = (window as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 300));
idle(() => void ROUTES[1].load());
