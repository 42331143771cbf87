import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { AppError } from '../core/shared/errors';
import { requireWorkspace } from '../services/access.service';
import type { App } from '../services/app';
import { assertCsrf, authenticate } from './authenticate';
import type { RouteDef } from './define-route';
import { openApiDocument } from './openapi';
import { parseInput } from './parse';
import { allRoutes } from './routes';
import { webhookRoutes } from './webhooks';
import { webformRoutes } from './routes/webform.routes';

export interface HttpOptions {
  /** Folder of the built web UI (dist/web); the API works without it. */
  webDir?: string | null;
  routes?: RouteDef[];
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details !== undefined ? { details } : {}) } };
}

/** True for errors that mean the database cannot be reached (rather than a bug). */
function isDatabaseDown(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === 'ETIMEDOUT' || code === 'SQLITE_BUSY';
}

/** Registers one route: authenticate → CSRF → params → workspace access → query/body → handler. */
function register(f: FastifyInstance, app: App, def: RouteDef): void {
  f.route({
    method: def.method,
    url: def.url,
    async handler(req, reply) {
      const who = await authenticate(app, req);
      if (def.auth.kind !== 'public' && !who.actor) {
        throw new AppError('ERR_UNAUTHENTICATED', 'Sign in to continue.');
      }
      assertCsrf(req, who);
      const params = parseInput(def.params, req.params, 'path');
      const scope =
        def.auth.kind === 'workspace' ? await requireWorkspace(app, who.actor!, (params as { ws: string }).ws, def.auth.permission) : undefined;
      const query = parseInput(def.query, req.query, 'query');
      const body = parseInput(def.body, req.body, 'request body');
      const result = await def.handler({ app, actor: who.actor as never, scope: scope as never, params, query, body, req, reply });
      if (reply.sent) return reply;
      reply.code(def.status ?? 200);
      if (def.status === 204) return reply.send();
      return result;
    },
  });
}

/** The HTTP server: the JSON API under /api, the OpenAPI document, and the web UI for every other path. */
export async function buildHttpApp(app: App, opts: HttpOptions = {}): Promise<FastifyInstance> {
  const routes = opts.routes ?? allRoutes;
  const f: FastifyInstance = Fastify({
    loggerInstance: app.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: app.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;

  f.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });

  f.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'ERR_TOO_MANY_ATTEMPTS') reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      return reply.code(err.status).send(errorBody(err.code, err.message, err.details));
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(errorBody('ERR_PAYLOAD_TOO_LARGE', 'The request is too large (at most 1 MB).'));
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send(errorBody('ERR_UNSUPPORTED_MEDIA_TYPE', 'Send this request as JSON (content-type: application/json).'));
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe instanceof SyntaxError)) {
      return reply.code(400).send(errorBody('ERR_VALIDATION', 'The request body is not valid JSON.'));
    }
    if (isDatabaseDown(err)) {
      req.log.error({ err }, 'database unavailable');
      return reply.code(503).send(errorBody('ERR_DATABASE_UNAVAILABLE', 'The database does not answer. Try again in a moment.'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.code(fe.statusCode).send(errorBody('ERR_VALIDATION', fe.message));
    }
    req.log.error({ err, url: req.url, method: req.method }, 'unexpected error');
    return reply.code(500).send(errorBody('ERR_INTERNAL', 'Something went wrong on our side. It has been logged; try again.'));
  });

  for (const def of routes.filter((d) => !d.rawBody)) register(f, app, def);
  await f.register(async (raw) => {
    // Uploads: the body stays an unread stream until the handler has checked who asks; it then applies its own limits.
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_req, _payload, done) => done(null));
    for (const def of routes.filter((d) => d.rawBody)) register(raw, app, def);
  });
  await f.register(webhookRoutes, { app });
  await f.register(webformRoutes, { app });
  const doc = openApiDocument(routes, '0.1.0');
  f.get('/api/openapi.json', async () => doc);

  const webDir = opts.webDir === undefined ? join(process.cwd(), 'dist/web') : opts.webDir;
  const hasWeb = !!webDir && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await f.register(fastifyStatic, {
      root: webDir!,
      wildcard: false,
      index: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  f.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || req.method !== 'GET') {
      return reply.code(404).send(errorBody('ERR_NOT_FOUND', `There is no ${req.method} ${req.url.split('?')[0]}. See /api/openapi.json.`));
    }
    if (!hasWeb) {
      return reply.code(503).type('text/plain').send('The web interface is not built yet. Run `npm run build` (npm start does this for you).');
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return f;
}
