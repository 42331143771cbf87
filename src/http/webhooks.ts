import type { FastifyInstance } from 'fastify';
import type { App } from '../services/app';
import { receiveWebhook } from '../services/webhooks.service';

/**
 * Webhook endpoints (`/api/webhooks/:kind`), in their own plugin so that bodies reach the connector as raw bytes:
 * signatures are computed over exactly what the platform sent. No session, no CSRF: the signature is the proof.
 * Answers never echo the request.
 */
export async function webhookRoutes(f: FastifyInstance, opts: { app: App }): Promise<void> {
  const { app } = opts;
  f.removeAllContentTypeParsers();
  f.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  const handler = async (req: any, reply: any) => {
    const outcome = await receiveWebhook(app, req.params.kind, {
      method: req.method,
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : (v as string | undefined)])),
      query: req.query ?? {},
    });
    if (outcome.kind === 'challenge') return reply.code(outcome.status).type(outcome.contentType).send(outcome.body);
    if (outcome.kind === 'refused') return reply.code(outcome.status).send({ error: { code: outcome.code, message: outcome.message } });
    return reply.code(200).send({ received: outcome.received, stored: outcome.stored });
  };
  f.get('/api/webhooks/:kind', handler);
  f.post('/api/webhooks/:kind', handler);
}
