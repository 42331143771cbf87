/**
 * A small Meta Graph API client over the context's fetch: one pinned version, the token in an Authorization
 * header (never in URLs or logs), `appsecret_proof` when the connection has one, and typed failures.
 */
import { createHmac } from 'node:crypto';
import { ConnectorError } from '../errors';
import type { ConnectorContext, HttpFetch } from '../types';
import { graphFailure } from './graph-errors';

/** The Graph API version every Meta call uses; bump it deliberately, together with the fixtures. */
export const GRAPH_VERSION = 'v23.0';
/** Graph's only host; tests point it at loopback through the context's fetch, never through configuration. */
export const GRAPH_HOST = 'https://graph.facebook.com';
/** Meta's login dialog lives on www.facebook.com, versioned like the API. */
export const DIALOG_HOST = 'https://www.facebook.com';
const USER_AGENT = 'Regie/0.1.0';

/** Who calls Graph: the fetch to use, a clock, the access token and (optionally) its appsecret_proof. */
export interface GraphAuth {
  fetch: HttpFetch;
  now(): Date;
  token: string;
  proof?: string;
}

export type GraphQuery = Record<string, string | number | boolean | undefined>;

export interface GraphRequest {
  query?: GraphQuery;
  /** Sent as application/x-www-form-urlencoded (Graph's native form). */
  form?: GraphQuery;
  json?: unknown;
  multipart?: FormData;
  timeoutMs?: number;
}

/** HMAC-SHA256 of the access token with the app secret, hex: Graph's `appsecret_proof` (required when the app enables "Require App Secret"). */
export function appSecretProof(appSecret: string, token: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex');
}

/** The Graph URL for `path` (with or without a leading slash) in the pinned version, with the query's defined values. */
export function graphUrl(path: string, query: GraphQuery = {}): string {
  const u = new URL(`${GRAPH_HOST}/${GRAPH_VERSION}/${path.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

function encodeForm(form: GraphQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v !== undefined) p.set(k, String(v));
  return p;
}

/**
 * Calls Graph and returns the parsed JSON body. Throws ConnectorError for every failure: Graph error objects and
 * HTTP statuses through {@link graphFailure}, unreadable answers as `transient`; network errors already arrive
 * from the fetch as `transient` and pass through unchanged.
 */
export async function graphCall<T = Record<string, unknown>>(g: GraphAuth, method: 'GET' | 'POST' | 'DELETE', path: string, req: GraphRequest = {}): Promise<T> {
  const url = graphUrl(path, { ...req.query, appsecret_proof: g.proof });
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json' };
  if (g.token) headers.authorization = `Bearer ${g.token}`;
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = encodeForm(req.form).toString();
  } else if (req.multipart) {
    body = req.multipart;
  }
  let res: Response;
  try {
    res = await g.fetch(url, { method, headers, body, timeoutMs: req.timeoutMs });
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    throw new ConnectorError('transient', 'Meta could not be reached', { platformReason: (err as Error)?.message });
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = null;
  }
  if (!res.ok || (parsed && typeof parsed === 'object' && 'error' in parsed)) throw graphFailure(res.status, parsed, res.headers, g.now(), text);
  if (parsed === null || typeof parsed !== 'object') throw new ConnectorError('transient', 'Meta answered something that is not JSON', { status: res.status });
  return parsed as T;
}

/** The Graph caller for a connected channel: its stored `accessToken` (and `appsecretProof`). */
export function graphFor(ctx: ConnectorContext): GraphAuth {
  const token = ctx.credentials.accessToken;
  if (!token) throw new ConnectorError('auth_revoked', 'This Meta channel has no access token stored; reconnect it.');
  return { fetch: ctx.fetch, now: () => ctx.now(), token, proof: ctx.credentials.appsecretProof || undefined };
}

/** Epoch seconds or milliseconds (Meta uses both) or an ISO/Graph timestamp → ISO 8601; `fallback` when unreadable. */
export function isoTime(t: unknown, fallback: Date): string {
  if (typeof t === 'number' && Number.isFinite(t)) return new Date(t > 1e12 ? t : t * 1000).toISOString();
  if (typeof t === 'string' && /^\d+$/.test(t)) return isoTime(Number(t), fallback);
  if (typeof t === 'string') {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return fallback.toISOString();
}
