import { z } from 'zod';
import type { Bucket } from '../../store/store.js';
import { type App, BucketParam, HttpError, RangeQuery, type RouteContext, bucketOf, decodeCursor, encodeCursor, rangeOf } from '../http-common.js';
import { publicPost, suppressBelowK } from '../privacy.js';
import { BUCKET_MS, type KeyedPoint, type TopKind } from '../sqlite-analytics.js';

export const Selection = z.object({
  watch: z.string().min(1).optional().describe('a watch name'),
  q: z.string().min(1).max(2000).optional().describe('a query in the query language'),
});

const SeriesQuery = RangeQuery.merge(Selection).extend({ bucket: BucketParam.optional() });

export const SERIES_METRICS = ['volume', 'sentiment', 'languages', 'platforms'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

/** Keyed cells with fewer than k authors are withheld; each bucket says how many posts were. */
function suppressKeyed(rows: KeyedPoint[], k: number) {
  const { items, suppressed } = suppressBelowK(rows, k);
  const withheldByT = new Map<number, number>();
  for (const r of rows) if (r.authors < k) withheldByT.set(r.t, (withheldByT.get(r.t) ?? 0) + r.posts);
  const totals = new Map<string, number>();
  for (const r of items) totals.set(r.key, (totals.get(r.key) ?? 0) + r.posts);
  return {
    points: items.map(({ t, key, posts }) => ({ t, key, posts })),
    withheld: [...withheldByT].map(([t, posts]) => ({ t, posts })),
    totals: Object.fromEntries([...totals].sort((a, b) => b[1] - a[1])),
    suppressed,
  };
}

/** One series for a selection; shared by the series route and the series export. */
export function computeSeries(ctx: RouteContext, metric: SeriesMetric, sel: { watch?: string; q?: string }, query: string | null, bucket: Bucket, from: number, to: number) {
  // Dashboards ask for the same figures again and again: each is computed at most once a second.
  return ctx.cached(`series:${metric}:${sel.q ? '' : (sel.watch ?? '')}:${query}:${bucket}:${from}:${to}`, () => seriesOf(ctx, metric, sel, query, bucket, from, to));
}

async function seriesOf(ctx: RouteContext, metric: SeriesMetric, sel: { watch?: string; q?: string }, query: string | null, bucket: Bucket, from: number, to: number) {
  const a = ctx.reader;
  const view = ctx.watchView(sel, from, to);
  const size = BUCKET_MS[bucket];
  switch (metric) {
    case 'volume': {
      const pre = sel.watch && !sel.q ? await ctx.deps.watchVolume?.(sel.watch, bucket, from, to) : undefined;
      return { points: pre ?? view?.volume(size) ?? (await a.volume(query, bucket, from, to)) };
    }
    case 'sentiment': {
      const rows = view ? view.sentiment(size) : await a.sentiment(query, bucket, from, to);
      let withheld = 0;
      const points = rows.map((r) => {
        if (r.authors >= ctx.k) return { t: r.t, posts: r.posts, mean: r.mean === null ? null : Number(r.mean.toFixed(4)), positive: r.positive, neutral: r.neutral, negative: r.negative, suppressed: false };
        withheld++;
        return { t: r.t, posts: r.posts, mean: null, positive: null, neutral: null, negative: null, suppressed: true };
      });
      return { points, suppressed: { k: ctx.k, rows: withheld, posts: rows.filter((r) => r.authors < ctx.k).reduce((s, r) => s + r.posts, 0) } };
    }
    case 'languages':
    case 'platforms': {
      const field = metric === 'languages' ? 'lang' : 'platform';
      const rows = view ? view.breakdown(field, size) : await a.breakdown(query, field, bucket, from, to);
      return suppressKeyed(rows, ctx.k);
    }
  }
}

const ENTITY_KINDS = { hashtags: 'h', links: 'u', domains: 'd' } as const;

export function registerAnalyticsRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/series/:metric',
    {
      schema: {
        tags: ['analytics'],
        summary: 'A time series for a watch, a query, or all posts',
        description:
          'volume: posts per bucket. sentiment: mean score and label counts per bucket. languages/platforms: posts per bucket and key. ' +
          'Cells resting on fewer than k distinct authors are withheld and counted in `suppressed`.',
        params: z.object({ metric: z.enum(SERIES_METRICS) }),
        querystring: SeriesQuery,
      },
    },
    async (req) => {
      const now = ctx.now();
      const { from, to } = rangeOf(req.query, now);
      const bucket = bucketOf(req.query.bucket, from, to);
      const sel = await ctx.selection(req.query);
      ctx.audit(req, `series.${req.params.metric}`, sel.label, { from, to, bucket });
      const body = await computeSeries(ctx, req.params.metric, req.query, sel.query, bucket, from, to);
      return { metric: req.params.metric, selection: sel.label, from, to, bucket, ...body };
    },
  );

  app.get(
    '/api/top/:kind',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Top terms, hashtags, links or domains for a watch or query over a range',
        description: 'Counted over the newest matching posts (at most 20,000; `sampled` says when the sample was full). Rows with fewer than k distinct authors are withheld.',
        params: z.object({ kind: z.enum(['terms', 'hashtags', 'links', 'domains']) }),
        querystring: RangeQuery.merge(Selection).extend({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      },
    },
    async (req) => {
      const { from, to } = rangeOf(req.query, ctx.now());
      const sel = await ctx.selection(req.query);
      const kind = req.params.kind as TopKind;
      ctx.audit(req, `top.${kind}`, sel.label, { from, to });
      // Ask for more than the limit: suppressed rows must not shorten the list.
      const want = req.query.limit * 3;
      const r = await ctx.cached(`top:${kind}:${req.query.q ? '' : (req.query.watch ?? '')}:${sel.query}:${from}:${to}:${want}`, async () => {
        const view = ctx.watchView(req.query, from, to);
        if (!view) return ctx.reader.top(sel.query, kind, from, to, want);
        if (kind === 'terms') {
          const newest = view.newest(2000).map((c) => c.rowid);
          return { rows: await ctx.reader.termsOfRowids(newest, want), sampledPosts: newest.length, sampled: newest.length === 2000 };
        }
        const t = view.top(ENTITY_KINDS[kind], want);
        return { rows: t.rows, sampledPosts: t.posts, sampled: false };
      });
      const { items, suppressed } = suppressBelowK(r.rows, ctx.k);
      return { kind, selection: sel.label, from, to, items: items.slice(0, req.query.limit), suppressed, sampledPosts: r.sampledPosts, sampled: r.sampled };
    },
  );

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Full-text search with the query language, newest first, cursor pagination',
        querystring: RangeQuery.merge(Selection).extend({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional().describe('`next` from the previous page'),
        }),
      },
    },
    async (req) => {
      if (!req.query.q && !req.query.watch) throw new HttpError(400, 'invalid_request', 'querystring.q: required (or watch)', { field: 'querystring.q' });
      const now = ctx.now();
      const { from, to } = rangeOf(req.query, now, 3650 * 86_400_000);
      const sel = await ctx.selection(req.query);
      const after = req.query.cursor ? decodeCursor(req.query.cursor) : undefined;
      ctx.audit(req, 'search', sel.label, { from, to, cursor: req.query.cursor ?? null });
      // The newest matches of a watch come from the index when it holds the whole page.
      const view = ctx.partialWatchView(req.query, from, to);
      const newest = view?.newest(req.query.limit + 1, after);
      let page;
      if (view && newest && (view.complete || newest.length > req.query.limit)) {
        const shown = newest.slice(0, req.query.limit);
        const last = shown[shown.length - 1];
        page = { posts: await ctx.reader.postsByRowid(shown.map((c) => c.rowid)), next: newest.length > req.query.limit && last ? last : null };
      } else {
        page = await ctx.cached(`search:${sel.query}:${from}:${to}:${req.query.limit}:${req.query.cursor ?? ''}`, () =>
          ctx.reader.search(sel.query, from, to, req.query.limit, after),
        );
      }
      return { query: sel.label, from, to, posts: page.posts.map(publicPost), next: page.next ? encodeCursor(page.next) : null };
    },
  );
}
