/**
 * Connecting a Mastodon account: Regie registers itself as an app on the person's instance (POST /api/v1/apps),
 * sends the person to the instance's authorize page (authorization code with PKCE S256), exchanges the code for a
 * token (POST /oauth/token) and reads the account (GET /api/v1/accounts/verify_credentials). Mastodon tokens do not
 * expire and cannot be refreshed: a refused token means connecting again.
 */
import { ConnectorError } from '../errors';
import type { AccountInfo, ConnectorLog, Credentials, HttpFetch, OAuthApp } from '../types';
import { mastodonRequest, normalizeInstanceUrl, type MastodonClient } from './mastodon.api';
import { MASTODON_DEFAULT_MAX_CHARACTERS, MASTODON_SCOPES } from './mastodon.capabilities';
import type { MastodonAccount, MastodonApplication, MastodonInstance, MastodonToken } from './mastodon.entities';

const SCOPE = MASTODON_SCOPES.join(' ');

/** Registers Regie on the instance; the answer holds the instance's client id and secret for this installation. */
export async function registerApp(fetch: HttpFetch, p: { instanceUrl: string; redirectUri: string; appName: string; website: string }): Promise<OAuthApp> {
  const baseUrl = normalizeInstanceUrl(p.instanceUrl);
  const { body } = await mastodonRequest<MastodonApplication>({ fetch, baseUrl, now: () => new Date() }, 'POST', '/api/v1/apps', {
    json: { client_name: p.appName, redirect_uris: [p.redirectUri], scopes: SCOPE, website: p.website },
  });
  if (!body?.client_id || !body.client_secret) throw new ConnectorError('transient', 'The Mastodon server did not return app credentials.');
  return { clientId: body.client_id, clientSecret: body.client_secret, instanceUrl: baseUrl };
}

function instanceOf(app: OAuthApp): string {
  if (!app.instanceUrl) throw new ConnectorError('rejected', 'A Mastodon app registration needs the instance URL.');
  return normalizeInstanceUrl(app.instanceUrl);
}

/**
 * The instance's authorize URL with PKCE (S256) and `force_login`, so that an advisor who is signed in to their
 * own account on the same instance is asked which account to connect instead of connecting theirs by accident.
 */
export function authorizeUrl(app: OAuthApp, p: { state: string; codeChallenge: string; redirectUri: string }): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: p.redirectUri,
    scope: SCOPE,
    state: p.state,
    code_challenge: p.codeChallenge,
    code_challenge_method: 'S256',
    force_login: 'true',
  });
  return `${instanceOf(app)}/oauth/authorize?${q.toString()}`;
}

/** The account as Regie shows it: `username@domain` as handle, the instance as serviceUrl. */
export function toAccountInfo(a: MastodonAccount, baseUrl: string, domain?: string): AccountInfo {
  const host = domain || new URL(baseUrl).host;
  return {
    remoteId: String(a.id),
    handle: `${a.username}@${host}`,
    displayName: a.display_name || a.username,
    avatarUrl: a.avatar || undefined,
    serviceUrl: baseUrl,
  };
}

/**
 * Reads the signed-in account and (best effort) the instance: its domain for the handle, and its character limit,
 * which is logged when it differs from the 500 Regie validates against (capabilities are static).
 */
export async function readAccount(c: MastodonClient, log?: ConnectorLog): Promise<AccountInfo> {
  const { body: account } = await mastodonRequest<MastodonAccount>(c, 'GET', '/api/v1/accounts/verify_credentials');
  if (!account?.id || !account.username) throw new ConnectorError('transient', 'The Mastodon server returned no account.');
  let instance: MastodonInstance | undefined;
  try {
    instance = (await mastodonRequest<MastodonInstance>(c, 'GET', '/api/v2/instance')).body;
  } catch (err) {
    if (err instanceof ConnectorError && (err.failure === 'auth_expired' || err.failure === 'auth_revoked')) throw err;
    log?.warn({ instance: c.baseUrl, failure: (err as ConnectorError).failure }, 'Mastodon instance information unavailable');
  }
  const max = instance?.configuration?.statuses?.max_characters;
  if (typeof max === 'number' && max !== MASTODON_DEFAULT_MAX_CHARACTERS) {
    log?.info({ instance: c.baseUrl, maxCharacters: max, validatedAgainst: MASTODON_DEFAULT_MAX_CHARACTERS }, 'Mastodon instance has its own status length');
  }
  return toAccountInfo(account, c.baseUrl, typeof instance?.domain === 'string' ? instance.domain : undefined);
}

/** Exchanges the authorization code (with the PKCE verifier) for a token, then reads the account it belongs to. */
export async function exchangeCode(
  fetch: HttpFetch,
  app: OAuthApp,
  p: { code: string; codeVerifier: string; redirectUri: string },
  now: Date,
): Promise<{ credentials: Credentials; account: AccountInfo }> {
  const baseUrl = instanceOf(app);
  const anon: MastodonClient = { fetch, baseUrl, now: () => now };
  const { body: token } = await mastodonRequest<MastodonToken>(anon, 'POST', '/oauth/token', {
    json: {
      grant_type: 'authorization_code',
      code: p.code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: p.redirectUri,
      code_verifier: p.codeVerifier,
      scope: SCOPE,
    },
  });
  if (!token?.access_token) throw new ConnectorError('transient', 'The Mastodon server returned no access token.');
  const account = await readAccount({ ...anon, token: token.access_token });
  return {
    credentials: { accessToken: token.access_token, instanceUrl: baseUrl, scope: token.scope ?? SCOPE },
    account,
  };
}
