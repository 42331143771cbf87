import { ConnectorError } from '../errors';
import type { ConnectorContext, Credentials } from '../types';
import { X_API } from './x.capabilities';
import { xFailure, xReason } from './x.errors';

export type Query = Record<string, string | number | undefined>;

/** A signed-in X API client for one connector call. */
export interface XApi {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, json?: unknown): Promise<T>;
  /** DELETE; a 404 counts as already gone and resolves to null. */
  del<T>(path: string): Promise<T | null>;
}

/** Builds `path?query` against the X API host, leaving out undefined values. */
export function xUrl(path: string, query: Query = {}): string {
  const u = new URL(path, X_API);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

async function readBody(res: Response): Promise<{ json: unknown; raw: string }> {
  const raw = await res.text().catch(() => '');
  try {
    return { json: raw ? JSON.parse(raw) : null, raw };
  } catch {
    return { json: null, raw };
  }
}

/** The newest credentials per context, so that calls after a refresh use the new token (not refresh again). */
const sessions = new WeakMap<ConnectorContext, { credentials: Credentials }>();

/**
 * An X API client over `ctx.fetch` with the account's bearer token. A request answered 401 asks
 * `ctx.refreshCredentials` once (X refresh tokens rotate, so the connector never refreshes by itself) and is
 * retried once; later requests on the same context use the new token. Any other failure becomes a typed
 * {@link ConnectorError}; a network error or time-out becomes `transient`.
 */
export function xApi(ctx: ConnectorContext): XApi {
  const session = sessions.get(ctx) ?? { credentials: ctx.credentials };
  sessions.set(ctx, session);

  async function call<T>(method: string, url: string, json?: unknown, allow404 = false): Promise<T | null> {
    let refreshed = false;
    for (;;) {
      const headers: Record<string, string> = { authorization: `Bearer ${session.credentials.accessToken ?? ''}`, accept: 'application/json' };
      if (json !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await ctx.fetch(url, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
      } catch (e) {
        if (e instanceof ConnectorError) throw e;
        throw new ConnectorError('transient', `X could not be reached (${(e as Error)?.name ?? 'error'})`, { platformReason: (e as Error)?.message });
      }
      if (res.status === 401 && !refreshed && ctx.refreshCredentials) {
        refreshed = true;
        await res.body?.cancel().catch(() => {});
        session.credentials = await ctx.refreshCredentials();
        continue;
      }
      const { json: body, raw } = await readBody(res);
      if (res.status === 404 && allow404) return null;
      if (!res.ok) throw xFailure(res.status, res.headers, body, raw, ctx.now());
      const b = body as { data?: unknown; errors?: unknown[] } | null;
      if (b && b.data === undefined && Array.isArray(b.errors) && b.errors.length && method !== 'DELETE') {
        const reason = xReason(b, raw);
        throw new ConnectorError('rejected', reason, { status: res.status, platformReason: reason });
      }
      return body as T;
    }
  }

  return {
    get: async (path, query) => (await call('GET', xUrl(path, query))) as never,
    post: async (path, json) => (await call('POST', xUrl(path), json)) as never,
    del: (path) => call('DELETE', xUrl(path), undefined, true),
  };
}
