import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/shared/errors';
import type { Actor, App } from '../services/app';
import { authenticateSession, authenticateToken } from '../services/auth.service';
import { SESSION_COOKIE, readCookie } from './cookies';
import { origin } from './origin';

export interface Authenticated {
  actor: Actor | null;
  by: 'cookie' | 'bearer' | null;
}

/**
 * Finds who makes the request: a bearer token when an Authorization header is sent (an invalid one is refused,
 * never silently replaced by the cookie), else the session cookie. Anonymous when neither is present or valid.
 */
export async function authenticate(app: App, req: FastifyRequest): Promise<Authenticated> {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m ? await authenticateToken(app, m[1], origin(req)) : null;
    if (!actor) throw new AppError('ERR_UNAUTHENTICATED', 'The API token is unknown, expired or revoked. Create a new one under Account → API tokens.');
    return { actor, by: 'bearer' };
  }
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!token) return { actor: null, by: null };
  const actor = await authenticateSession(app, token, origin(req));
  return actor ? { actor, by: 'cookie' } : { actor: null, by: null };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for state-changing requests: with a session cookie the `x-csrf-token` header must carry the
 * session's token; anonymous requests must be JSON (a cross-site HTML form cannot send that). Bearer requests are
 * not exposed to CSRF.
 */
export function assertCsrf(req: FastifyRequest, a: Authenticated): void {
  if (SAFE.has(req.method) || a.by === 'bearer') return;
  if (a.by === 'cookie') {
    if (req.headers['x-csrf-token'] !== a.actor!.csrf) {
      throw new AppError('ERR_CSRF', 'This request lacks a valid CSRF token. Reload the page and try again.');
    }
    return;
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', 'Send this request as JSON (content-type: application/json).');
  }
}
