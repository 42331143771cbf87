import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from '../services/auth.service';

/** The client address (behind a trusted proxy: the forwarded one) and user agent of a request. */
export function origin(req: FastifyRequest): RequestOrigin {
  return { ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null };
}
