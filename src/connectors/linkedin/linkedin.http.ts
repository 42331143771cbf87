import { ConnectorError } from '../errors';
import type { ConnectorContext, Credentials } from '../types';
import { LINKEDIN_API, LINKEDIN_VERSION } from './linkedin.capabilities';
import { isRevoked, linkedinFailure } from './linkedin.errors';

/** Rest.li 2.0 encoding of one value (a URN in a path or query): also `(`, `)`, `,` and `'`. Pure. */
export const restliEncode = (v: string) => encodeURIComponent(v).replace(/[()',!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A Rest.li query string from plain values (each encoded) and ready-made parts such as `List(...)`. Pure. */
export function restliQuery(values: Record<string, string | number | undefined>, raw: Record<string, string> = {}): string {
  const parts = Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => `${encodeURIComponent(k)}=${restliEncode(String(v))}`);
  for (const [k, v] of Object.entries(raw)) parts.push(`${encodeURIComponent(k)}=${v}`);
  return parts.join('&');
}

/** `List(a,b)` of URNs, each Rest.li-encoded. Pure. */
export const restliList = (urns: string[]) => `List(${urns.map(restliEncode).join(',')})`;

/** A signed-in LinkedIn REST client for one connector call. */
export interface LinkedInApi {
  get<T>(path: string, query?: string): Promise<T>;
  /** POST JSON; returns the body (when any) and the created entity's id from `x-restli-id`. */
  post<T>(path: string, json: unknown, query?: string): Promise<{ body: T | null; id: string | null }>;
  /** PUT raw bytes to an upload URL LinkedIn handed out (https, a linkedin.com host). */
  upload(url: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** DELETE; a 404 counts as already gone. */
  del(path: string): Promise<void>;
}

async function readBody(res: Response): Promise<{ json: unknown; raw: string }> {
  const raw = await res.text().catch(() => '');
  try {
    return { json: raw ? JSON.parse(raw) : null, raw };
  } catch {
    return { json: null, raw };
  }
}

function isLinkedInUploadUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'linkedin.com' || u.hostname.endsWith('.linkedin.com'));
  } catch {
    return false;
  }
}

/** The newest credentials per context, so that calls after a refresh use the new token (not refresh again). */
const sessions = new WeakMap<ConnectorContext, { credentials: Credentials }>();

/**
 * A LinkedIn REST client over `ctx.fetch`: bearer token, `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0`
 * on every API call. A request answered 401 (unless the member revoked access) asks `ctx.refreshCredentials` once
 * and is retried once; later requests on the same context use the new token. Failures become typed
 * {@link ConnectorError}s; network errors and time-outs become `transient`.
 */
export function linkedinApi(ctx: ConnectorContext): LinkedInApi {
  const session = sessions.get(ctx) ?? { credentials: ctx.credentials };
  sessions.set(ctx, session);

  async function call(method: string, url: string, body?: BodyInit, headers: Record<string, string> = {}, allow404 = false) {
    let refreshed = false;
    for (;;) {
      const h: Record<string, string> = { authorization: `Bearer ${session.credentials.accessToken ?? ''}`, ...headers };
      if (url.startsWith(LINKEDIN_API)) Object.assign(h, { 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0', accept: 'application/json' });
      let res: Response;
      try {
        res = await ctx.fetch(url, { method, headers: h, body });
      } catch (e) {
        if (e instanceof ConnectorError) throw e;
        throw new ConnectorError('transient', `LinkedIn could not be reached (${(e as Error)?.name ?? 'error'})`, { platformReason: (e as Error)?.message });
      }
      const { json, raw } = await readBody(res);
      if (res.status === 401 && !refreshed && ctx.refreshCredentials && !isRevoked(json)) {
        refreshed = true;
        session.credentials = await ctx.refreshCredentials();
        continue;
      }
      if (res.status === 404 && allow404) return { json: null, res };
      if (!res.ok) throw linkedinFailure(res.status, res.headers, json, raw, ctx.now());
      return { json, res };
    }
  }
  const api = (path: string, query?: string) => `${LINKEDIN_API}${path}${query ? `?${query}` : ''}`;

  return {
    async get(path, query) {
      return (await call('GET', api(path, query))).json as never;
    },
    async post(path, json, query) {
      const { json: body, res } = await call('POST', api(path, query), JSON.stringify(json), { 'content-type': 'application/json' });
      return { body: body as never, id: res.headers.get('x-restli-id') };
    },
    async upload(url, bytes, contentType) {
      if (!isLinkedInUploadUrl(url)) throw new ConnectorError('rejected', 'LinkedIn handed out an upload address outside linkedin.com; not sending the image there.');
      await call('PUT', url, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }), { 'content-type': contentType });
    },
    async del(path) {
      await call('DELETE', api(path), undefined, { 'x-restli-method': 'DELETE' }, true);
    },
  };
}
