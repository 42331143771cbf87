import { ConnectorError } from '../errors';
import type { Credentials, HttpFetch, OAuthApp } from '../types';
import { X_AUTHORIZE_URL, X_SCOPES, X_TOKEN_URL } from './x.capabilities';
import { xFailure } from './x.errors';

/**
 * The X consent URL: OAuth 2.0 Authorization Code with PKCE (S256), asking for {@link X_SCOPES}. Pure.
 */
export function xAuthorizeUrl(app: OAuthApp, p: { state: string; codeChallenge: string; redirectUri: string }): string {
  const u = new URL(X_AUTHORIZE_URL);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', app.clientId);
  u.searchParams.set('redirect_uri', p.redirectUri);
  u.searchParams.set('scope', X_SCOPES.join(' '));
  u.searchParams.set('state', p.state);
  u.searchParams.set('code_challenge', p.codeChallenge);
  u.searchParams.set('code_challenge_method', 'S256');
  return u.toString();
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  token_type?: string;
}

/** Turns a token answer into stored credentials (`accessToken`, `refreshToken`, `expiresAt` ISO, `scope`). Pure. */
export function xCredentialsFrom(t: TokenAnswer, now: Date): Credentials {
  if (!t.access_token) throw new ConnectorError('rejected', 'X answered without an access token.');
  const c: Credentials = { accessToken: t.access_token };
  if (t.refresh_token) c.refreshToken = t.refresh_token;
  if (t.expires_in) c.expiresAt = new Date(now.getTime() + t.expires_in * 1000).toISOString();
  if (t.scope) c.scope = t.scope;
  return c;
}

/** POSTs a form to the X token endpoint (Basic client authentication for confidential apps) and reads the answer. */
async function tokenRequest(fetch: HttpFetch, app: OAuthApp, form: Record<string, string>, now: Date): Promise<Credentials> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (app.clientSecret) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString('base64')}`;
  let res: Response;
  try {
    res = await fetch(X_TOKEN_URL, { method: 'POST', headers, body: new URLSearchParams({ ...form, client_id: app.clientId }).toString() });
  } catch (e) {
    if (e instanceof ConnectorError) throw e;
    throw new ConnectorError('transient', 'X could not be reached', { platformReason: (e as Error)?.message });
  }
  const raw = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    // An invalid or already-used (rotated) refresh token or code answers 400 invalid_request: the sign-in is gone.
    if (res.status === 400 && form.grant_type === 'refresh_token') {
      throw new ConnectorError('auth_revoked', 'X no longer accepts the refresh token; connect the account again.', { status: 400, platformReason: raw.slice(0, 300) });
    }
    throw xFailure(res.status, res.headers, body, raw, now);
  }
  return xCredentialsFrom((body ?? {}) as TokenAnswer, now);
}

/** Exchanges an authorization code (with its PKCE verifier) for credentials. */
export function xExchangeCode(fetch: HttpFetch, app: OAuthApp, p: { code: string; codeVerifier: string; redirectUri: string }, now: Date): Promise<Credentials> {
  return tokenRequest(fetch, app, { grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, code_verifier: p.codeVerifier }, now);
}

/**
 * Refreshes X credentials with the stored refresh token. X ROTATES refresh tokens: the old one stops working as
 * soon as this succeeds, so the caller must store the result before anything else and never run two at once (the
 * context's single-flight `refreshCredentials` is the place to call this from; connectors never call it).
 */
export function refreshXCredentials(fetch: HttpFetch, app: OAuthApp, credentials: Credentials, now: Date): Promise<Credentials> {
  if (!credentials.refreshToken) return Promise.reject(new ConnectorError('auth_expired', 'No refresh token stored for this X account; connect it again.'));
  return tokenRequest(fetch, app, { grant_type: 'refresh_token', refresh_token: credentials.refreshToken }, now);
}
