import { z } from 'zod';
import { extractEntities } from '../../enrich/entities.js';
import { tokenize } from '../../enrich/tokenize.js';
import type { Post } from '../../model/post.js';
import type { WatchRecord } from '../deps.js';
import { type App, HttpError, RangeQuery, type RouteContext, rangeOf } from '../http-common.js';
import { publicPost } from '../privacy.js';

const WATCH_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,63}$/u;

export const WatchBody = z.object({
  name: z.string().regex(WATCH_NAME, 'letters, digits, space, "_", "-", "." (max 64), starting with a letter or digit'),
  query: z.string().min(1, 'must not be empty').max(2000),
  description: z.string().max(500).optional(),
});

const WatchOut = z.object({
  name: z.string(),
  query: z.string(),
  description: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const Diagnostic = z.object({ severity: z.enum(['error', 'warning']), message: z.string(), start: z.number(), end: z.number() });

const HOUR = 3_600_000;

/** A watch with what the overview shows: last 24 h of hourly volume, current rate, change, open alerts. */
export interface WatchSummary extends WatchRecord {
  sparkline: { t: number; count: number }[];
  /** Posts in the last hour. */
  lastHour: number;
  /** Relative change of the last hour against the hour before, null when that was empty. */
  change: number | null;
  openAlerts: number;
  error?: string;
}

export function registerWatchRoutes(app: App, ctx: RouteContext): void {
  const { deps } = ctx;

  const summarise = async (w: WatchRecord, openByWatch: Map<string, number>): Promise<WatchSummary> => {
    const now = ctx.now();
    const to = Math.floor(now / 60_000) * 60_000 + 60_000;
    const from = to - 24 * HOUR;
    try {
      ctx.compile(w.query);
      const sparkline = await ctx.cached(`spark:${w.query}:${to}`, async () => {
        const pre = await deps.watchVolume?.(w.name, 'hour', Math.floor(from / HOUR) * HOUR, to);
        return pre ?? ctx.reader.volume(w.query, 'hour', Math.floor(from / HOUR) * HOUR, to);
      });
      const [lastHour, prevHour] = await ctx.cached(`rate:${w.query}:${to}`, async () => {
        const minutes = await deps.watchVolume?.(w.name, 'minute', to - 2 * HOUR, to);
        if (minutes) {
          const sum = (a: number, b: number) => minutes.filter((p) => p.t >= a && p.t < b).reduce((s, p) => s + p.count, 0);
          return [sum(to - HOUR, to), sum(to - 2 * HOUR, to - HOUR)];
        }
        const last = ctx.watchView({ watch: w.name }, to - HOUR, to);
        const prev = ctx.watchView({ watch: w.name }, to - 2 * HOUR, to - HOUR);
        if (last && prev) return [last.count(), prev.count()];
        return Promise.all([ctx.reader.count(w.query, to - HOUR, to), ctx.reader.count(w.query, to - 2 * HOUR, to - HOUR)]);
      });
      return {
        ...w,
        sparkline,
        lastHour,
        change: prevHour > 0 ? Number(((lastHour - prevHour) / prevHour).toFixed(3)) : null,
        openAlerts: openByWatch.get(w.name) ?? 0,
      };
    } catch (err) {
      return { ...w, sparkline: [], lastHour: 0, change: null, openAlerts: openByWatch.get(w.name) ?? 0, error: (err as Error).message };
    }
  };

  app.get(
    '/api/watches',
    {
      schema: {
        tags: ['watches'],
        summary: 'List watches with their overview figures',
        querystring: z.object({ summary: z.enum(['true', 'false']).default('true') }),
      },
    },
    async (req) => {
      const watches = await deps.watches.list();
      if (req.query.summary === 'false') return { watches };
      const open = await deps.alerts.list({ status: 'open', limit: 10_000 });
      const openByWatch = new Map<string, number>();
      for (const a of open) if (a.watch) openByWatch.set(a.watch, (openByWatch.get(a.watch) ?? 0) + 1);
      return { watches: await Promise.all(watches.map((w) => summarise(w, openByWatch))) };
    },
  );

  app.get(
    '/api/watches/:name',
    { schema: { tags: ['watches'], summary: 'One watch', params: z.object({ name: z.string() }), response: { 200: WatchOut } } },
    async (req) => {
      const w = await deps.watches.get(req.params.name);
      if (!w) throw new HttpError(404, 'not_found', `watch "${req.params.name}" not found`);
      return w;
    },
  );

  const save = async (input: z.infer<typeof WatchBody>): Promise<WatchRecord> => {
    const errors = deps.query.lint(input.query).filter((d) => d.severity === 'error');
    if (errors.length) {
      throw new HttpError(400, 'invalid_query', `body.query: ${errors[0].message} (column ${errors[0].start + 1})`, { field: 'body.query', diagnostics: errors });
    }
    return deps.watches.put(input);
  };

  app.post(
    '/api/watches',
    { config: { role: 'analyst' }, schema: { tags: ['watches'], summary: 'Create a watch (analyst)', body: WatchBody, response: { 201: WatchOut } } },
    async (req, reply) => {
      if (await deps.watches.get(req.body.name)) throw new HttpError(409, 'conflict', `watch "${req.body.name}" already exists`);
      const w = await save(req.body);
      ctx.audit(req, 'watch.create', w.name, { query: w.query });
      return reply.code(201).send(w);
    },
  );

  app.put(
    '/api/watches/:name',
    {
      config: { role: 'analyst' },
      schema: { tags: ['watches'], summary: 'Create or replace a watch (analyst)', params: z.object({ name: z.string() }), body: WatchBody.omit({ name: true }), response: { 200: WatchOut } },
    },
    async (req) => {
      const parsed = WatchBody.shape.name.safeParse(req.params.name);
      if (!parsed.success) throw new HttpError(400, 'invalid_request', `params.name: ${parsed.error.issues[0].message}`, { field: 'params.name' });
      const w = await save({ ...req.body, name: req.params.name });
      ctx.audit(req, 'watch.update', w.name, { query: w.query });
      return w;
    },
  );

  app.delete(
    '/api/watches/:name',
    { config: { role: 'analyst' }, schema: { tags: ['watches'], summary: 'Delete a watch (analyst)', params: z.object({ name: z.string() }) } },
    async (req, reply) => {
      if (!(await deps.watches.delete(req.params.name))) throw new HttpError(404, 'not_found', `watch "${req.params.name}" not found`);
      ctx.audit(req, 'watch.delete', req.params.name);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/watches/lint',
    {
      schema: {
        tags: ['watches'],
        summary: 'Check a query; diagnostics point at their place (0-based offsets)',
        body: z.object({ query: z.string().max(2000) }),
        response: { 200: z.object({ ok: z.boolean(), diagnostics: z.array(Diagnostic) }) },
      },
    },
    async (req) => {
      const diagnostics = deps.query.lint(req.body.query);
      return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
    },
  );

  app.post(
    '/api/watches/test',
    {
      schema: {
        tags: ['watches'],
        summary: 'Try a query: matches in a range of stored posts, and against sample texts',
        body: RangeQuery.extend({
          query: z.string().min(1).max(2000),
          texts: z.array(z.string().max(10_000)).max(50).optional(),
        }),
      },
    },
    async (req) => {
      const { query, texts } = req.body;
      ctx.compile(query);
      const { from, to } = rangeOf(req.body, ctx.now());
      const [matches, sample] = await Promise.all([ctx.reader.count(query, from, to), ctx.reader.search(query, from, to, 5).then((p) => p.posts.map(publicPost))]);
      ctx.audit(req, 'watch.test', query, { from, to });
      const textResults = (texts ?? []).map((text) => {
        const post: Post = {
          id: 'test:0', platform: 'test', source: 'test', createdAt: 0, ingestedAt: 0, authorKey: '0'.repeat(32), text,
          lang: 'und', langConfidence: 0, tokens: tokenize(text), ...extractEntities(text),
        };
        return { text, matches: deps.query.matches(query, post) };
      });
      return { query, from, to, matches, sample, texts: textResults };
    },
  );
}
