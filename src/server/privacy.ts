import type { Post } from '../model/post.js';

/**
 * Privacy in API outputs. Authors appear only as their stored pseudonym; any breakdown whose
 * cell rests on fewer than k distinct authors is withheld and counted as suppressed, so a chart
 * can never single out a handful of people (PRODUCT.md, principle 2).
 */

export const DEFAULT_K_ANONYMITY = 5;

export interface AuthorCounted {
  posts: number;
  /** Distinct author pseudonyms behind the posts. */
  authors: number;
}

export interface Suppression {
  k: number;
  /** Rows withheld. */
  rows: number;
  /** Posts those rows counted. */
  posts: number;
}

/** Keeps rows with at least k distinct authors; says how many were withheld. */
export function suppressBelowK<T extends AuthorCounted>(rows: readonly T[], k: number): { items: T[]; suppressed: Suppression } {
  const items: T[] = [];
  const suppressed: Suppression = { k, rows: 0, posts: 0 };
  for (const row of rows) {
    if (row.authors >= k) items.push(row);
    else {
      suppressed.rows++;
      suppressed.posts += row.posts;
    }
  }
  return { items, suppressed };
}

/** A post as the API shows it. */
export interface PublicPost {
  id: string;
  platform: string;
  source: string;
  url: string | null;
  createdAt: number;
  /** The author's keyed pseudonym, never a handle. */
  author: string;
  text: string;
  lang: string;
  hashtags: string[];
  links: string[];
  domains: string[];
  sentiment: { label: string; score: number } | null;
}

export function publicPost(post: Post): PublicPost {
  return {
    id: post.id,
    platform: post.platform,
    source: post.source,
    url: post.url ?? null,
    createdAt: post.createdAt,
    author: post.authorKey,
    text: post.text,
    lang: post.lang,
    hashtags: post.hashtags,
    links: post.links,
    domains: post.domains,
    sentiment: post.sentiment ?? null,
  };
}
