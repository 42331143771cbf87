/**
 * A plain JSON XRPC client for one Bluesky account: every call goes through the context's platform fetch, every
 * failure becomes a typed ConnectorError, and an expired access token is refreshed once (through
 * `ctx.refreshCredentials`) and the call retried once.
 */
import { ConnectorError, failureFromStatus, retryAfterMs } from '../errors';
import type { ConnectorContext, Credentials, HttpFetch } from '../types';

/** The service used when a person connects without naming one (Bluesky's own entryway). */
export const DEFAULT_SERVICE = 'https://bsky.social';

/** A strong reference to a record: its at-uri and content hash. */
export interface StrongRef {
  uri: string;
  cid: string;
}

/** A blob reference as the PDS returns it from uploadBlob (stored in records as it is). */
export type BlobRef = { $type: 'blob'; ref: { $link: string }; mimeType: string; size: number };

type Params = Record<string, string | number | string[] | undefined>;

interface CallSpec {
  nsid: string;
  method: 'GET' | 'POST';
  params?: Params;
  body?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  /** Overrides the session's bearer token (refreshSession uses the refresh JWT); null sends none. */
  token?: string | null;
}

const AUTH_EXPIRED_CODES = new Set(['ExpiredToken', 'InvalidToken']);
const AUTH_REVOKED_CODES = new Set(['AccountTakedown', 'AccountDeactivated', 'AccountNotFound']);

/** The base URL of an account's service (PDS or entryway), without a trailing slash. */
export function serviceOf(credentials: Credentials, fallback?: string): string {
  return (credentials.service || fallback || DEFAULT_SERVICE).replace(/\/+$/, '');
}

function query(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Maps a failed XRPC answer to a ConnectorError. Bluesky answers an expired or unreadable access token with 400
 * `ExpiredToken`/`InvalidToken` (so those count as auth_expired like a 401), and a rate limit with 429 plus either
 * `Retry-After` or `RateLimit-Reset` (epoch seconds).
 */
export function xrpcFailure(status: number, headers: Headers, body: string, now: Date): ConnectorError {
  let code = '';
  let message = '';
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown };
    if (typeof json.error === 'string') code = json.error;
    if (typeof json.message === 'string') message = json.message;
  } catch {
    message = body.slice(0, 300);
  }
  const reason = [code, message].filter(Boolean).join(': ') || `HTTP ${status}`;
  const details = { status, platformReason: reason, ...(code ? { platformCode: code } : {}) };
  if (AUTH_REVOKED_CODES.has(code) && status < 500) return new ConnectorError('auth_revoked', `Bluesky refused the account (${reason})`, details);
  if (AUTH_EXPIRED_CODES.has(code) && status < 500) return new ConnectorError('auth_expired', `Bluesky no longer accepts the sign-in (${reason})`, details);
  if (status === 429) {
    let wait = retryAfterMs(headers.get('retry-after'), now);
    const reset = Number(headers.get('ratelimit-reset'));
    if (wait === undefined && Number.isFinite(reset) && reset > 0) wait = Math.max(0, reset * 1000 - now.getTime());
    return new ConnectorError('rate_limited', 'Bluesky asks to slow down', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  const err = failureFromStatus(status, now, headers.get('retry-after'), reason);
  return new ConnectorError(err.failure, err.message, { ...err.details, ...(code ? { platformCode: code } : {}) });
}

/**
 * One XRPC call with the given fetch. Network failures and timeouts become `transient`; ConnectorErrors pass
 * through as they are; a non-2xx answer becomes the error from {@link xrpcFailure}.
 */
export async function xrpcCall<T>(fetch: HttpFetch, service: string, spec: CallSpec, token: string | null, now: Date): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (spec.bytes) {
    headers['content-type'] = spec.contentType ?? 'application/octet-stream';
    body = spec.bytes as unknown as BodyInit;
  } else if (spec.method === 'POST' && spec.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(spec.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(`${service}/xrpc/${spec.nsid}${query(spec.params)}`, { method: spec.method, headers, body });
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    const timedOut = (err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError';
    throw new ConnectorError('transient', timedOut ? 'Bluesky did not answer in time' : 'Bluesky could not be reached', { platformReason: (err as Error)?.message });
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw xrpcFailure(res.status, res.headers, text, now);
  if (!text) return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ConnectorError('transient', `Bluesky answered ${spec.nsid} with something that is not JSON`, { status: res.status });
  }
}

/** The session part of stored credentials, as createSession and refreshSession return it. */
export interface SessionOut {
  accessJwt: string;
  refreshJwt: string;
  did: string;
  handle: string;
}

/** Credentials to store for a session on `service`. */
export function credentialsFrom(session: SessionOut, service: string): Credentials {
  return { accessJwt: session.accessJwt, refreshJwt: session.refreshJwt, did: session.did, handle: session.handle, service };
}

/**
 * Exchanges the refresh JWT for a new session (com.atproto.server.refreshSession; the old refresh JWT stops
 * working). A refused refresh means the person must reconnect: auth_revoked.
 */
export async function refreshSession(fetch: HttpFetch, credentials: Credentials, now: Date): Promise<Credentials> {
  const service = serviceOf(credentials);
  try {
    const s = await xrpcCall<SessionOut>(fetch, service, { nsid: 'com.atproto.server.refreshSession', method: 'POST' }, credentials.refreshJwt, now);
    return credentialsFrom(s, service);
  } catch (e) {
    if (e instanceof ConnectorError && e.failure === 'auth_expired') {
      throw new ConnectorError('auth_revoked', 'The Bluesky sign-in can no longer be renewed: reconnect the account.', e.details);
    }
    throw e;
  }
}

/**
 * The XRPC client for one call of a connector: holds the (possibly refreshed) credentials for the rest of the call,
 * so that a publish with several requests refreshes at most once.
 */
export class BlueskyClient {
  private credentials: Credentials;
  private refreshed = false;

  constructor(private readonly ctx: ConnectorContext) {
    this.credentials = ctx.credentials;
  }

  /** The account's DID (from the stored session, else the account's remote id). */
  get did(): string {
    return this.credentials.did || this.ctx.account.remoteId;
  }

  get handle(): string {
    return this.credentials.handle || this.ctx.account.handle;
  }

  private get service(): string {
    return serviceOf(this.credentials, this.ctx.account.serviceUrl);
  }

  private async call<T>(spec: CallSpec): Promise<T> {
    const token = spec.token === undefined ? this.credentials.accessJwt : spec.token;
    try {
      return await xrpcCall<T>(this.ctx.fetch, this.service, spec, token, this.ctx.now());
    } catch (e) {
      if (!(e instanceof ConnectorError) || e.failure !== 'auth_expired' || spec.token !== undefined) throw e;
      if (!this.ctx.refreshCredentials || this.refreshed) throw e;
      this.refreshed = true;
      try {
        this.credentials = await this.ctx.refreshCredentials();
      } catch (err) {
        if (err instanceof ConnectorError) throw err;
        throw new ConnectorError('transient', 'The Bluesky sign-in could not be renewed just now', { platformReason: (err as Error)?.message });
      }
      return xrpcCall<T>(this.ctx.fetch, this.service, spec, this.credentials.accessJwt, this.ctx.now());
    }
  }

  /** An XRPC query (GET). */
  get<T>(nsid: string, params?: Params): Promise<T> {
    return this.call<T>({ nsid, method: 'GET', params });
  }

  /** An XRPC procedure (POST with a JSON body). */
  post<T>(nsid: string, body: unknown): Promise<T> {
    return this.call<T>({ nsid, method: 'POST', body });
  }

  /** Uploads bytes as a blob to reference from a record. */
  async uploadBlob(bytes: Uint8Array, mimeType: string): Promise<BlobRef> {
    const out = await this.call<{ blob: BlobRef }>({ nsid: 'com.atproto.repo.uploadBlob', method: 'POST', bytes, contentType: mimeType });
    return out.blob;
  }

  /** A record of this account, or null when the PDS says it does not exist. */
  async getRecord<T = Record<string, unknown>>(collection: string, rkey: string, repo = this.did): Promise<(StrongRef & { value: T }) | null> {
    try {
      return await this.get<StrongRef & { value: T }>('com.atproto.repo.getRecord', { repo, collection, rkey });
    } catch (e) {
      if (e instanceof ConnectorError && e.details.platformCode === 'RecordNotFound') return null;
      throw e;
    }
  }

  /** Creates a record with a chosen record key. */
  createRecord(collection: string, rkey: string, record: Record<string, unknown>): Promise<StrongRef> {
    return this.post<StrongRef>('com.atproto.repo.createRecord', { repo: this.did, collection, rkey, record });
  }

  /** Deletes a record of this account; deleting one that is already gone succeeds. */
  async deleteRecord(collection: string, rkey: string): Promise<void> {
    await this.post('com.atproto.repo.deleteRecord', { repo: this.did, collection, rkey });
  }

  /** A handle's DID, or null when it does not resolve (the PDS answers 400). */
  async resolveHandle(handle: string): Promise<string | null> {
    try {
      const out = await this.get<{ did?: string }>('com.atproto.identity.resolveHandle', { handle });
      return typeof out.did === 'string' && out.did.startsWith('did:') ? out.did : null;
    } catch (e) {
      if (e instanceof ConnectorError && e.failure === 'rejected' && e.details.status === 400) return null;
      throw e;
    }
  }
}
