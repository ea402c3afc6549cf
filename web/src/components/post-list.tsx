import type { PublicPost } from '../api.js';
import { formatTime, safeHref } from '../format.js';

/**
 * Posts as text only: Preact escapes every string, nothing here uses innerHTML, and `dir="auto"`
 * lets Arabic, Persian, Uyghur or Hebrew posts run right-to-left.
 */
export function PostList({ posts, empty = 'No posts.' }: { posts: PublicPost[]; empty?: string }) {
  if (posts.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="posts">
      {posts.map((p) => {
        const href = safeHref(p.url);
        return (
          <li key={p.id} class="post" data-post-id={p.id}>
            <p class="post-text" dir="auto" lang={p.lang === 'und' ? undefined : p.lang}>
              {p.text}
            </p>
            <p class="post-meta">
              {p.author ? <span title="author pseudonym">{p.author.slice(0, 8)} · </span> : null}
              {p.platform} · {p.lang} · {formatTime(p.createdAt)}
              {p.sentiment ? ` · ${p.sentiment.label}` : ''}
              {href ? (
                <>
                  {' · '}
                  <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                    original
                  </a>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
