/**
 * The one place that talks HTTP to a Mastodon instance: builds URLs on the instance, sends the bearer token, sends
 * JSON (never form bodies), and turns every non-2xx answer into a typed ConnectorError with Mastodon's own `error`
 * text as the reason. Rate limits: Retry-After when sent, else Mastodon's X-RateLimit-Reset (an ISO time).
 */
import { ConnectorError, failureFromStatus } from '../errors';
import type { ConnectorContext, HttpFetch } from '../types';

/** How to reach one instance as one account (or as nobody, for app registration and the token exchange). */
export interface MastodonClient {
  fetch: HttpFetch;
  baseUrl: string;
  token?: string;
  now(): Date;
}

export interface RequestOptions {
  query?: URLSearchParams;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The canonical base URL of an instance from what a person typed (`mastodon.social`, `https://x.y/`, `@me@x.y`):
 * https only (plain http only for a loopback test instance), no path, query or credentials. Throws `rejected`.
 */
export function normalizeInstanceUrl(input: string): string {
  let raw = input.trim();
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(raw);
  if (handle) raw = handle[1];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = `https://${raw}`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConnectorError('rejected', `"${input}" is not the address of a Mastodon server.`);
  }
  const secure = u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname));
  if (!secure || u.username || u.password || !u.hostname) {
    throw new ConnectorError('rejected', `"${input}" is not a secure (https) address of a Mastodon server.`);
  }
  return `${u.protocol}//${u.host}`.toLowerCase();
}

/** The client for a connected account: instance from the credentials (or the account's serviceUrl), its token. */
export function clientFor(ctx: ConnectorContext): MastodonClient {
  const base = ctx.credentials.instanceUrl || ctx.account.serviceUrl;
  const token = ctx.credentials.accessToken;
  if (!base || !token) throw new ConnectorError('auth_revoked', 'This Mastodon channel has no instance or access token: connect it again.');
  return { fetch: ctx.fetch, baseUrl: normalizeInstanceUrl(base), token, now: () => ctx.now() };
}

/** Mastodon's reason from an error body: `error` (sometimes nested) plus `error_description` when given. */
export function platformReason(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const err = typeof body.error === 'object' && body.error ? (body.error as { error?: unknown }).error : body.error;
    const parts = [err, body.error_description].filter((p): p is string => typeof p === 'string' && p.length > 0);
    if (parts.length) return parts.join(': ');
  } catch {
    /* not JSON: fall through */
  }
  return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The typed failure for a Mastodon error answer. */
export function mastodonFailure(status: number, headers: Headers, bodyText: string, now: Date): ConnectorError {
  const reason = platformReason(bodyText);
  if (status === 422 && /not finished processing/i.test(reason)) {
    return new ConnectorError('transient', 'Mastodon is still processing the media; try again shortly.', { status, platformReason: reason });
  }
  const retryAt = headers.get('retry-after') ?? (status === 429 ? headers.get('x-ratelimit-reset') : null);
  return failureFromStatus(status, now, retryAt, reason);
}

/** Sends one request; resolves with the parsed JSON of a 2xx answer, throws a ConnectorError otherwise. */
export async function mastodonRequest<T>(c: MastodonClient, method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const qs = opts.query?.toString();
  const url = `${c.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  let res: Response;
  try {
    res = await c.fetch(url, { method, headers, body, timeoutMs: opts.timeoutMs });
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    throw new ConnectorError('transient', `${new URL(c.baseUrl).host} could not be reached`, { platformReason: (err as Error)?.message });
  }
  const text = await res.text();
  if (!res.ok) throw mastodonFailure(res.status, res.headers, text, c.now());
  if (!text) return { status: res.status, body: undefined as T, headers: res.headers };
  try {
    return { status: res.status, body: JSON.parse(text) as T, headers: res.headers };
  } catch {
    throw new ConnectorError('transient', `${new URL(c.baseUrl).host} answered with something that is not JSON`, { status: res.status });
  }
}
