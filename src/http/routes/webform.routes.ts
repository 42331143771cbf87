import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { App } from '../../services/app';
import { preflightWebform, receiveWebformMessage, type WebformAnswer } from '../../services/webform.service';
import { WIDGET_JS } from '../webform-widget';

const MESSAGES = '/api/public/webform/:publicKey/messages';

/** Sets the CORS answer headers: the origin only when it is an allowed website; always `Vary: Origin`. */
function cors(reply: FastifyReply, allowOrigin: string | null): void {
  reply.header('vary', 'Origin');
  if (allowOrigin) reply.header('access-control-allow-origin', allowOrigin);
}

function send(reply: FastifyReply, a: WebformAnswer) {
  cors(reply, a.allowOrigin);
  reply.header('cache-control', 'no-store');
  if (a.retryAfterSeconds) reply.header('retry-after', String(a.retryAfterSeconds));
  return reply.code(a.status).send(a.body);
}

/**
 * The website channel's public endpoints, in their own plugin (no session, no CSRF: the allowed-website check and
 * the spam and rate rules guard it): the embeddable widget script, and the message endpoint with its CORS
 * preflight. Bodies arrive as raw bytes and are parsed by the service, within its own size limit. Answers never
 * echo the request.
 */
export async function webformRoutes(f: FastifyInstance, opts: { app: App }): Promise<void> {
  const { app } = opts;
  f.removeAllContentTypeParsers();
  f.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
  f.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      reply.header('vary', 'Origin');
      return reply.code(413).send({ error: { code: 'ERR_PAYLOAD_TOO_LARGE', message: 'The message is too large. Shorten it and send again.' } });
    }
    throw err;
  });

  f.get('/widget.js', async (_req, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(WIDGET_JS),
  );

  f.options(MESSAGES, async (req, reply) => {
    const { publicKey } = req.params as { publicKey: string };
    const a = await preflightWebform(app, publicKey, req.headers.origin);
    if ('body' in a) return send(reply, a);
    cors(reply, a.allowOrigin);
    return reply
      .code(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .send();
  });

  f.post(MESSAGES, async (req, reply) => {
    const { publicKey } = req.params as { publicKey: string };
    const a = await receiveWebformMessage(app, {
      publicKey,
      origin: req.headers.origin,
      ip: req.ip ?? null,
      contentType: req.headers['content-type'],
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    });
    return send(reply, a);
  });
}
