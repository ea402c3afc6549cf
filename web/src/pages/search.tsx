import { useEffect, useState } from 'preact/hooks';
import { api, apiUrl, type PublicPost, type SearchPage } from '../api.js';
import { PostList } from '../components/post-list.js';
import { QueryInput } from '../components/query-input.js';
import { navigate } from '../router.js';

export default function SearchPageView({ search }: { search: URLSearchParams }) {
  const q = search.get('q') ?? '';
  const watch = search.get('watch') ?? '';
  const [draft, setDraft] = useState(q);
  const [posts, setPosts] = useState<PublicPost[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [searched, setSearched] = useState(false);

  const run = async (cursor?: string) => {
    if (!q && !watch) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await api<SearchPage>('/api/search', { params: { q, watch: q ? undefined : watch, limit: 50, cursor } });
      setPosts((prev) => (cursor ? [...prev, ...page.posts] : page.posts));
      setNext(page.next);
      setSearched(true);
    } catch (e) {
      setError((e as Error).message);
      setPosts([]);
      setNext(null);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setDraft(q || '');
    void run();
  }, [q, watch]);

  // The input's own value: a query pasted and submitted at once may not have reached `draft` yet.
  const submit = (form: HTMLFormElement) => navigate(`/search?q=${encodeURIComponent(form.querySelector<HTMLInputElement>('#search-query')?.value ?? draft)}`);
  const exportParams = q ? { q } : { watch };
  return (
    <div class="page search-page">
      <h1>Search</h1>
      <form
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        {/* Enter submits the form (implicit submission): one navigation, from the input's value. */}
        <QueryInput id="search-query" value={draft} onInput={setDraft} placeholder={watch ? `watch: ${watch}` : undefined} />
        <button type="submit">Search</button>
      </form>
      <p class="muted help">
        Words are ANDed; <code>OR</code>, <code>NOT</code> or <code>-word</code>, <code>( )</code>, <code>"a phrase"</code>, <code>a NEAR/3 b</code>, <code>word*</code>, <code>#tag</code>,{' '}
        <code>lang:es</code>, <code>platform:</code>, <code>domain:</code>, <code>has:link</code>, <code>is:reply</code>, <code>sentiment:negative</code>.
      </p>
      {error ? <p class="error">{error}</p> : null}
      {searched ? (
        <p class="muted" data-testid="result-count">
          {posts.length} {next ? '+ more' : ''} posts{watch && !q ? ` in watch ${watch}` : ''} ·{' '}
          <a href={apiUrl('/api/export/search', { ...exportParams, format: 'csv' }, true)} download>
            export CSV
          </a>{' '}
          ·{' '}
          <a href={apiUrl('/api/export/search', { ...exportParams, format: 'jsonl' }, true)} download>
            JSONL
          </a>
        </p>
      ) : null}
      <div class="card">
        <PostList posts={posts} empty={searched ? 'No posts match.' : 'Type a query.'} />
        {next ? (
          <button disabled={loading} onClick={() => run(next)}>
            {loading ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
