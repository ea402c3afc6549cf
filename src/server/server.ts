import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { SSE_HEADERS } from '../notify/sse.js';
import { AuthStore, type Role, roleAtLeast } from './auth-store.js';
import type { CompiledSqlite, ServerDeps } from './deps.js';
import { type App, type Caller, HttpError, type RouteContext } from './http-common.js';
import { HttpMetrics } from './http-metrics.js';
import { DEFAULT_K_ANONYMITY } from './privacy.js';
import { RecentIndex } from './recent-index.js';
import { SqliteSourceHealth } from './source-health.js';
import { registerAnalyticsRoutes } from './routes/analytics.js';
import { registerExportRoutes } from './routes/export.js';
import { registerOperationsRoutes } from './routes/operations.js';
import { registerWatchRoutes } from './routes/watches.js';
import { type AnalyticsReader, inlineReader, readerWorkerScript, workerReader } from './analytics-reader.js';

export const DEFAULT_PORT = 7420;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_RATE_LIMIT = { max: 3000, windowMs: 60_000 };
/** Reader threads for SQL figures (measured: a second one did not lower the tail on two cores). */
export const DEFAULT_READER_THREADS = 1;

export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The built dashboard: dist/web inside the package (this file is dist/src/server/server.js or src/server/server.ts). */
export function defaultWebDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Built output has assets/; web/ in the source tree has an index.html too, which must not be served.
  for (const candidate of [resolve(here, '../../web'), resolve(here, '../../dist/web')]) {
    if (existsSync(join(candidate, 'index.html')) && existsSync(join(candidate, 'assets'))) return candidate;
  }
  return resolve(here, '../../dist/web');
}

/** The dashboard renders post text as text; the policy is a second line against injected markup. */
const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

const PUBLIC_PREFIXES = ['/healthz', '/api/openapi.json', '/api/docs'];

function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h && /^Bearer\s+/i.test(h)) return h.replace(/^Bearer\s+/i, '').trim();
  // EventSource and download links cannot set headers.
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' ? q : undefined;
}

class TtlCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}
  get<T>(key: string, compute: () => T | Promise<T>): Promise<T> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.value as Promise<T>;
    if (this.entries.size > 1000) {
      for (const [k, e] of this.entries) if (t - e.at >= this.ttlMs) this.entries.delete(k);
      if (this.entries.size > 1000) this.entries.clear();
    }
    const value = Promise.resolve().then(compute);
    this.entries.set(key, { at: t, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}

/**
 * Builds the HTTP API and dashboard server (not listening; see startServer). Routes are
 * validated with zod and described in the OpenAPI document at /api/openapi.json.
 */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now;
  const authMode = deps.auth?.mode ?? 'off';
  const k = deps.kAnonymity ?? DEFAULT_K_ANONYMITY;
  const authStore = new AuthStore(deps.db);
  const inWorker = (deps.readerThreads ?? DEFAULT_READER_THREADS) > 0 && deps.db.name !== ':memory:' && readerWorkerScript() !== undefined;
  const reader: AnalyticsReader = inWorker ? workerReader(deps.db.name, deps.readerThreads ?? DEFAULT_READER_THREADS) : inlineReader(deps.db, deps.query);
  // The store's source health scans recent posts: off the server's thread too, with the other SQL.
  const sources = inWorker && deps.sources instanceof SqliteSourceHealth ? { list: () => reader.sourceHealth((deps.sources as SqliteSourceHealth).now()) } : deps.sources;
  const metrics = new HttpMetrics();
  // A live dashboard tolerates figures up to a second old; dashboards ask for the same ones again and again.
  const cache = new TtlCache(1000, now);
  const compiledCache = new Map<string, CompiledSqlite>();
  const horizon = deps.recentHorizonMs ?? 86_400_000;
  const recent = deps.recentIndex ?? (horizon > 0 ? new RecentIndex(deps.db, () => deps.watches.list(), { horizonMs: horizon, now }) : undefined);

  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  // Responses are documented with zod schemas but serialised as they are (no re-validation cost).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('caller', null as unknown as Caller);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'tidewatch API',
        version: '0.1.0',
        description:
          'Watches, series, top lists, search, alerts, channels, sources, exports and a live event stream. ' +
          'Authors appear only as pseudonyms; breakdowns resting on fewer than k distinct authors are withheld and counted in `suppressed`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'an API token from `tidewatch token create --role viewer|analyst|admin`' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0];
    const isApi = path.startsWith('/api/') || path === '/metrics';
    if (!isApi || PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) {
      req.caller = { key: `ip:${req.ip}`, actor: 'anonymous', role: 'viewer' };
      return;
    }
    if (authMode === 'off') {
      req.caller = { key: `ip:${req.ip}`, actor: 'local', role: 'admin' };
    } else {
      const token = bearerOf(req);
      const info = token ? authStore.verify(token, now()) : undefined;
      if (!info) throw new HttpError(401, 'unauthorized', token ? 'unknown or revoked token' : 'an API token is required: Authorization: Bearer <token>');
      req.caller = { key: `token:${info.id}`, actor: `token:${info.id}:${info.name}`, role: info.role };
    }
    const needed: Role = req.routeOptions.config?.role ?? 'viewer';
    if (!roleAtLeast(req.caller.role, needed)) {
      throw new HttpError(403, 'forbidden', `this needs the ${needed} role; the token has ${req.caller.role}`);
    }
  });

  const limit = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  await app.register(rateLimit, {
    global: true,
    max: limit.max,
    timeWindow: limit.windowMs,
    hook: 'preHandler',
    keyGenerator: (req) => req.caller?.key ?? req.ip,
    allowList: (req) => {
      const path = req.url.split('?')[0];
      return !(path.startsWith('/api/') || path === '/metrics') || path === '/api/live' || PUBLIC_PREFIXES.some((p) => path.startsWith(p));
    },
    errorResponseBuilder: (_req, context) => {
      const err = new HttpError(429, 'rate_limited', `rate limit of ${context.max} requests per ${context.after} reached; retry later`);
      return err;
    },
  });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });

  app.addHook('onResponse', async (req, reply) => {
    metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const issues = err.validation.map((v) => ({
        field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).send({ error: 'invalid_request', message: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues });
    }
    if (err instanceof HttpError) {
      if (err.statusCode === 429) reply.header('retry-after', String(Math.ceil(limit.windowMs / 1000)));
      return reply.code(err.statusCode).send({ error: err.code, message: err.message, ...err.details });
    }
    const e = err as { statusCode?: number; message: string; code?: string };
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send({ error: e.code ?? 'bad_request', message: e.message });
    }
    req.log.error(err);
    return reply.code(500).send({ error: 'internal', message: 'internal error' });
  });

  const ctx: RouteContext = {
    deps: { ...deps, sources },
    reader,
    authStore,
    k,
    now,
    audit(req, action, target, detail = {}) {
      authStore.audit({ at: now(), actor: req.caller.actor, role: req.caller.role, action, target, detail, ip: req.ip });
    },
    compile(query) {
      let c = compiledCache.get(query);
      if (c) return c;
      const errors = deps.query.lint(query).filter((d) => d.severity === 'error');
      if (errors.length) {
        throw new HttpError(400, 'invalid_query', `${errors[0].message} (column ${errors[0].start + 1})`, { field: 'query', diagnostics: errors });
      }
      c = deps.query.compileSqlite(query);
      if (compiledCache.size > 500) compiledCache.clear();
      compiledCache.set(query, c);
      return c;
    },
    async selection(params) {
      if (params.q) return { query: params.q, compiled: ctx.compile(params.q), label: params.q };
      if (params.watch) {
        const w = await deps.watches.get(params.watch);
        if (!w) throw new HttpError(404, 'not_found', `watch "${params.watch}" not found`);
        return { query: w.query, compiled: ctx.compile(w.query), label: `watch:${w.name}` };
      }
      return { query: null, compiled: null, label: 'all posts' };
    },
    cached: (key, compute) => cache.get(key, compute),
    watchView: (params, from, to) => (params.watch && !params.q ? recent?.view(params.watch, from, to) : undefined),
    partialWatchView: (params, from, to) => (params.watch && !params.q ? recent?.partialView(params.watch, from, to) : undefined),
  };
  app.addHook('onClose', async () => reader.close());
  app.addHook('onClose', async () => authStore.close());
  if (recent) {
    // Catching up reads the horizon's posts in chunks between requests; until then figures come from SQL.
    void recent.start().catch((err: Error) => app.log.error(err, 'recent index stopped'));
    app.addHook('onClose', async () => recent.stop());
  }

  const maxRowid = deps.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM posts');
  app.get('/healthz', { schema: { tags: ['meta'], summary: 'Liveness: 200 with the post count when the store answers' } }, async () => {
    const posts = (maxRowid.get() as { n: number }).n;
    return { ok: true, posts, recentIndex: recent ? (recent.ready ? 'ready' : 'building') : 'off' };
  });

  app.get('/api/openapi.json', { schema: { hide: true } as object }, async () => app.swagger());

  metrics.addGauges(async () => {
    const posts = (deps.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM posts').get() as { n: number }).n;
    const quarantined = (deps.db.prepare('SELECT COUNT(*) AS n FROM quarantine').get() as { n: number }).n;
    const hubStats = (deps.live as { stats?: { subscribers: number; published: number } }).stats;
    return {
      tidewatch_posts_stored: { help: 'Highest stored post row id (posts ever stored, before purges).', value: posts },
      tidewatch_quarantined_records: { help: 'Records in quarantine.', value: quarantined },
      tidewatch_live_subscribers: { help: 'Open /api/live connections.', value: hubStats?.subscribers ?? 0 },
      tidewatch_live_events_published: { help: 'Events published to the live feed.', value: hubStats?.published ?? 0 },
    };
  });
  app.get('/metrics', { schema: { tags: ['meta'], summary: 'Prometheus metrics (text format)' } }, async (_req, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.render()),
  );

  app.get(
    '/api/live',
    {
      schema: {
        tags: ['live'],
        summary: 'Server-sent events: `alert` (a new alert), `alert-updated`, `counts` (posts per second, per watch)',
        description: 'Reconnect with Last-Event-ID to replay what was missed; a `gap` event says the client must refetch.',
      },
    },
    (req, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, SSE_HEADERS);
      reply.raw.flushHeaders?.();
      const lastEventId = req.headers['last-event-id'] ?? (req.query as Record<string, string | undefined>).lastEventId;
      deps.live.subscribe(reply.raw, { lastEventId });
    },
  );

  registerWatchRoutes(app, ctx);
  registerAnalyticsRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerOperationsRoutes(app, ctx);

  const webDir = deps.webDir ?? defaultWebDir();
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res, path) => {
        if (path.includes(`${join('/', 'assets', '/')}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && !path.startsWith('/api/') && path !== '/metrics' && !/\.[a-z0-9]+$/i.test(path)) {
      // The dashboard is a single-page app: its routes all load index.html.
      if (hasWeb) return reply.header('cache-control', 'no-cache').header('content-security-policy', DASHBOARD_CSP).sendFile('index.html');
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The dashboard is not built (no index.html in ${webDir}). Run \`npm run build\`; the API is at /api/docs.\n`);
    }
    return reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${path}` });
  });

  return app;
}

export interface StartServerOptions {
  host?: string;
  port?: number;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the server. Binding anything but a loopback address without token auth is refused:
 * the API would otherwise hand every post and admin action to the network.
 */
export async function startServer(deps: ServerDeps, options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  if (!isLoopbackHost(host) && (deps.auth?.mode ?? 'off') !== 'tokens') {
    throw new ServerConfigError(
      `refusing to listen on ${host} without authentication: anyone who can reach it could read and change everything. ` +
        'Create a token (tidewatch token create --role admin) and enable auth, or bind 127.0.0.1.',
    );
  }
  const app = await createServer(deps);
  await app.listen({ host, port });
  const addr = app.server.address();
  const boundPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host.replace(/^\[|\]$/g, '')}]` : host;
  return { app, url: `http://${shownHost}:${boundPort}`, close: () => app.close() };
}
