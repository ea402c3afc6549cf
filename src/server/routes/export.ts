import { Readable } from 'node:stream';
import { z } from 'zod';
import { csvRow } from '../csv.js';
import { type App, BucketParam, HttpError, RangeQuery, type RouteContext, bucketOf, rangeOf } from '../http-common.js';
import { type PublicPost, publicPost } from '../privacy.js';
import { SERIES_METRICS, Selection, computeSeries } from './analytics.js';

const Format = z.enum(['csv', 'jsonl']).default('jsonl');
const POST_COLUMNS: (keyof PublicPost)[] = ['id', 'platform', 'source', 'url', 'createdAt', 'author', 'lang', 'text', 'hashtags', 'links', 'domains', 'sentiment'];
const PAGE = 500;

function contentType(format: 'csv' | 'jsonl'): string {
  return format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
}

export function registerExportRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/export/search',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['export'],
        summary: 'Stream every post matching a query or watch as CSV or JSONL (analyst)',
        querystring: RangeQuery.merge(Selection).extend({ format: Format, limit: z.coerce.number().int().min(1).max(5_000_000).default(1_000_000) }),
      },
    },
    async (req, reply) => {
      if (!req.query.q && !req.query.watch) throw new HttpError(400, 'invalid_request', 'querystring.q: required (or watch)', { field: 'querystring.q' });
      const { from, to } = rangeOf(req.query, ctx.now(), 3650 * 86_400_000);
      const sel = await ctx.selection(req.query);
      const { format, limit } = req.query;
      ctx.audit(req, 'export.search', sel.label, { from, to, format, limit });
      const reader = ctx.reader;
      // Page by keyset between chunks so no statement stays open while the client reads.
      async function* lines(): AsyncGenerator<string> {
        if (format === 'csv') yield csvRow(POST_COLUMNS);
        let sent = 0;
        let after: { createdAt: number; rowid: number } | undefined;
        while (sent < limit) {
          const page = await reader.search(sel.query, from, to, Math.min(PAGE, limit - sent), after);
          let chunk = '';
          for (const post of page.posts) {
            const p = publicPost(post);
            chunk += format === 'csv' ? csvRow(POST_COLUMNS.map((c) => p[c])) : `${JSON.stringify(p)}\n`;
          }
          sent += page.posts.length;
          if (chunk) yield chunk;
          if (!page.next) break;
          after = page.next;
        }
      }
      const name = `tidewatch-search-${new Date(ctx.now()).toISOString().slice(0, 19).replace(/:/g, '')}.${format}`;
      return reply.type(contentType(format)).header('content-disposition', `attachment; filename="${name}"`).send(Readable.from(lines()));
    },
  );

  app.get(
    '/api/export/series/:metric',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['export'],
        summary: 'A series as CSV or JSONL (analyst); suppressed cells are left out and reported in a last row',
        params: z.object({ metric: z.enum(SERIES_METRICS) }),
        querystring: RangeQuery.merge(Selection).extend({ bucket: BucketParam.optional(), format: Format }),
      },
    },
    async (req, reply) => {
      const { from, to } = rangeOf(req.query, ctx.now());
      const bucket = bucketOf(req.query.bucket, from, to);
      const sel = await ctx.selection(req.query);
      const { format } = req.query;
      ctx.audit(req, `export.series.${req.params.metric}`, sel.label, { from, to, bucket, format });
      const series = await computeSeries(ctx, req.params.metric, req.query, sel.query, bucket, from, to);
      const points = series.points as Record<string, unknown>[];
      const columns = points.length ? Object.keys(points[0]) : ['t'];
      let body = format === 'csv' ? csvRow(['time', ...columns]) : '';
      for (const p of points) {
        body += format === 'csv' ? csvRow([new Date(p.t as number).toISOString(), ...columns.map((c) => p[c])]) : `${JSON.stringify(p)}\n`;
      }
      if ('suppressed' in series && format === 'jsonl') body += `${JSON.stringify({ suppressed: series.suppressed })}\n`;
      return reply.type(contentType(format)).header('content-disposition', `attachment; filename="tidewatch-${req.params.metric}.${format}"`).send(body);
    },
  );
}
