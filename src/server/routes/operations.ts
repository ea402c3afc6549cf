import { z } from 'zod';
import { ALERT_STATUS_VALUES, type Alert } from '../../model/alert.js';
import { ChannelSchema, describeChannel } from '../../model/channel.js';
import { type App, HttpError, type RouteContext, parseTime } from '../http-common.js';
import { suppressBelowK } from '../privacy.js';

/** An alert as served: language/platform shares are withheld when the alert rests on fewer than k posts. */
function alertOut(alert: Alert, k: number, baseUrl: string | undefined) {
  const shares = (m: Record<string, number>) => {
    // The detector counts posts, not authors; a share of fewer than k posts is withheld.
    const { items, suppressed } = suppressBelowK(Object.entries(m).map(([key, posts]) => ({ key, posts, authors: posts })), k);
    return { items: Object.fromEntries(items.map((i) => [i.key, i.posts])), suppressed };
  };
  const languages = shares(alert.languages);
  const platforms = shares(alert.platforms);
  return {
    ...alert,
    languages: languages.items,
    platforms: platforms.items,
    suppressed: { languages: languages.suppressed, platforms: platforms.suppressed },
    url: baseUrl ? `${baseUrl.replace(/\/+$/, '')}/alerts/${encodeURIComponent(alert.id)}` : null,
  };
}

export function registerOperationsRoutes(app: App, ctx: RouteContext): void {
  const { deps } = ctx;

  app.get(
    '/api/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Alerts, newest first',
        querystring: z.object({
          status: z.enum(ALERT_STATUS_VALUES).optional(),
          watch: z.string().optional(),
          since: z.string().optional().describe('epoch ms, ISO time or -24h'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (req) => {
      const since = req.query.since === undefined ? undefined : parseTime(req.query.since, ctx.now(), 0);
      const alerts = await deps.alerts.list({ status: req.query.status, watch: req.query.watch, since, limit: req.query.limit });
      return { alerts: alerts.map((a) => alertOut(a, ctx.k, deps.baseUrl)) };
    },
  );

  app.get(
    '/api/alerts/:id',
    { schema: { tags: ['alerts'], summary: 'One alert with its explanation: series and baseline band, driving terms, representative posts', params: z.object({ id: z.string() }) } },
    async (req) => {
      const alert = await deps.alerts.get(req.params.id);
      if (!alert) throw new HttpError(404, 'not_found', `alert "${req.params.id}" not found`);
      ctx.audit(req, 'alert.read', alert.id);
      return alertOut(alert, ctx.k, deps.baseUrl);
    },
  );

  app.post(
    '/api/alerts/:id/ack',
    { config: { role: 'analyst' }, schema: { tags: ['alerts'], summary: 'Acknowledge an alert (analyst)', params: z.object({ id: z.string() }) } },
    async (req) => {
      const alert = await deps.alerts.acknowledge(req.params.id, ctx.now());
      if (!alert) throw new HttpError(404, 'not_found', `alert "${req.params.id}" not found`);
      ctx.audit(req, 'alert.ack', alert.id);
      deps.live.publish('alert-updated', { id: alert.id, status: alert.status, acknowledgedAt: alert.acknowledgedAt });
      return alertOut(alert, ctx.k, deps.baseUrl);
    },
  );

  app.get('/api/channels', { schema: { tags: ['channels'], summary: 'Delivery channels (secrets redacted)' } }, async () => ({
    channels: (await deps.channels.list()).map(describeChannel),
  }));

  app.put(
    '/api/channels/:name',
    {
      config: { role: 'admin' },
      schema: { tags: ['channels'], summary: 'Create or replace a channel (admin)', params: z.object({ name: z.string() }), body: z.record(z.string(), z.unknown()) },
    },
    async (req) => {
      const parsed = ChannelSchema.safeParse({ ...req.body, name: req.params.name });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = ['body', ...issue.path.map(String)].join('.');
        throw new HttpError(400, 'invalid_request', `${field}: ${issue.message}`, { field });
      }
      await deps.channels.put(parsed.data);
      ctx.audit(req, 'channel.put', parsed.data.name, { kind: parsed.data.kind });
      return describeChannel(parsed.data);
    },
  );

  app.delete(
    '/api/channels/:name',
    { config: { role: 'admin' }, schema: { tags: ['channels'], summary: 'Delete a channel (admin)', params: z.object({ name: z.string() }) } },
    async (req, reply) => {
      if (!(await deps.channels.delete(req.params.name))) throw new HttpError(404, 'not_found', `channel "${req.params.name}" not found`);
      ctx.audit(req, 'channel.delete', req.params.name);
      return reply.code(204).send();
    },
  );

  app.get('/api/sources', { schema: { tags: ['sources'], summary: 'Sources and their health: rate, last post, lag, errors, quarantined records' } }, async () => ({
    sources: deps.sources ? await deps.sources.list() : [],
  }));

  app.post(
    '/api/deletions',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['sources'],
        summary: 'Apply deletions a platform announced (admin)',
        description:
          'Removes each post with everything counted from it (volume and watch series, alerts’ representative posts) and remembers its id, so a later import does not store it again. Ids not stored are remembered too.',
        body: z.object({
          ids: z.array(z.string().min(1).max(512).describe('platform:id, e.g. x:1460323737035677698')).min(1).max(10_000),
          reason: z.string().min(1).max(64).optional().describe('why, e.g. x:delete (default: deleted)'),
        }),
      },
    },
    async (req) => {
      const result = await deps.store.deletePosts(req.body.ids, { reason: req.body.reason, at: ctx.now() });
      ctx.audit(req, 'posts.delete', `${req.body.ids.length} ids`, { ...result });
      return result;
    },
  );

  app.get(
    '/api/audit',
    {
      config: { role: 'admin' },
      schema: { tags: ['admin'], summary: 'The audit log, newest first (admin)', querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), since: z.string().optional() }) },
    },
    async (req) => ({
      entries: ctx.authStore.readAudit({ limit: req.query.limit, since: req.query.since ? parseTime(req.query.since, ctx.now(), 0) : 0 }),
    }),
  );

  app.get('/api/me', { schema: { tags: ['admin'], summary: 'The caller: role and whether auth is on' } }, async (req) => ({
    actor: req.caller.actor,
    role: req.caller.role,
    auth: deps.auth?.mode ?? 'off',
    kAnonymity: ctx.k,
  }));

  app.get('/api/stats', { schema: { tags: ['analytics'], summary: 'Store totals: posts, time span, languages, platforms, quarantined' } }, async () =>
    ctx.cached('stats', async () => {
      const s = await deps.store.stats();
      const { items, suppressed } = suppressBelowK(
        Object.entries(s.languages).map(([key, posts]) => ({ key, posts, authors: posts })),
        ctx.k,
      );
      return { ...s, languages: Object.fromEntries(items.map((i) => [i.key, i.posts])), suppressed };
    }),
  );
}
