import { ConnectorError } from '../errors';
import type { AccountInfo, ConnectorContext, Credentials, HttpFetch, OAuthApp } from '../types';
import { LINKEDIN_AUTHORIZE_URL, LINKEDIN_SCOPES, LINKEDIN_TOKEN_URL } from './linkedin.capabilities';
import { linkedinFailure } from './linkedin.errors';
import { linkedinApi, restliQuery } from './linkedin.http';
import { orgUrn } from './linkedin.map';

/** The LinkedIn consent URL (authorization code; LinkedIn offers PKCE to native apps only, so no challenge). Pure. */
export function linkedinAuthorizeUrl(app: OAuthApp, p: { state: string; codeChallenge: string; redirectUri: string }): string {
  const u = new URL(LINKEDIN_AUTHORIZE_URL);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', app.clientId);
  u.searchParams.set('redirect_uri', p.redirectUri);
  u.searchParams.set('state', p.state);
  u.searchParams.set('scope', LINKEDIN_SCOPES.join(' '));
  return u.toString();
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope?: string;
}

/** Stored credentials from a token answer: `accessToken`, `expiresAt`, and `refreshToken`/`refreshExpiresAt` when given. Pure. */
export function linkedinCredentialsFrom(t: TokenAnswer, now: Date): Credentials {
  if (!t.access_token) throw new ConnectorError('rejected', 'LinkedIn answered without an access token.');
  const at = (secs: number) => new Date(now.getTime() + secs * 1000).toISOString();
  const c: Credentials = { accessToken: t.access_token };
  if (t.expires_in) c.expiresAt = at(t.expires_in);
  if (t.refresh_token) c.refreshToken = t.refresh_token;
  if (t.refresh_token_expires_in) c.refreshExpiresAt = at(t.refresh_token_expires_in);
  if (t.scope) c.scope = t.scope;
  return c;
}

async function tokenRequest(fetch: HttpFetch, app: OAuthApp, form: Record<string, string>, now: Date): Promise<Credentials> {
  let res: Response;
  try {
    res = await fetch(LINKEDIN_TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...form, client_id: app.clientId, client_secret: app.clientSecret }).toString(),
    });
  } catch (e) {
    if (e instanceof ConnectorError) throw e;
    throw new ConnectorError('transient', 'LinkedIn could not be reached', { platformReason: (e as Error)?.message });
  }
  const raw = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {
    /* not JSON */
  }
  if (res.status === 400 && form.grant_type === 'refresh_token') {
    throw new ConnectorError('auth_revoked', 'LinkedIn no longer accepts the refresh token; connect the page again.', { status: 400, platformReason: raw.slice(0, 300) });
  }
  if (!res.ok) throw linkedinFailure(res.status, res.headers, body, raw, now);
  return linkedinCredentialsFrom((body ?? {}) as TokenAnswer, now);
}

/** Exchanges an authorization code for credentials (client secret in the form, as LinkedIn asks). */
export function linkedinExchangeCode(fetch: HttpFetch, app: OAuthApp, p: { code: string; redirectUri: string }, now: Date): Promise<Credentials> {
  return tokenRequest(fetch, app, { grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri }, now);
}

/**
 * Refreshes LinkedIn credentials (only apps LinkedIn granted programmatic refresh get a refresh token; others
 * must reconnect every 60 days). For the context's single-flight `refreshCredentials`; connectors never call it.
 */
export function refreshLinkedInCredentials(fetch: HttpFetch, app: OAuthApp, credentials: Credentials, now: Date): Promise<Credentials> {
  if (!credentials.refreshToken) return Promise.reject(new ConnectorError('auth_expired', 'This LinkedIn app has no refresh token; connect the page again.'));
  return tokenRequest(fetch, app, { grant_type: 'refresh_token', refresh_token: credentials.refreshToken }, now);
}

interface Acl {
  organization?: string;
  role?: string;
  state?: string;
}

/** The organizations the signed-in member administers (approved ADMINISTRATOR role), as URNs. */
export async function administeredOrganizations(ctx: ConnectorContext): Promise<string[]> {
  const answer = await linkedinApi(ctx).get<{ elements?: Acl[] }>('/rest/organizationAcls', restliQuery({ q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED' }));
  return (answer?.elements ?? []).filter((a) => a.organization && a.role === 'ADMINISTRATOR' && (a.state ?? 'APPROVED') === 'APPROVED').map((a) => a.organization!);
}

/** The page as an account: URN, vanity name as handle, localized name. */
export async function organizationAccount(ctx: ConnectorContext, urn: string): Promise<AccountInfo> {
  const id = orgUrn(urn).split(':').pop()!;
  const o = await linkedinApi(ctx).get<{ id?: number; localizedName?: string; vanityName?: string }>(`/rest/organizations/${encodeURIComponent(id)}`);
  return { remoteId: orgUrn(urn), handle: o?.vanityName || id, displayName: o?.localizedName || o?.vanityName || id };
}
