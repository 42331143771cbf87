import { createHash } from 'node:crypto';
import { AppError } from '../core/shared/errors';
import { newSecret } from '../core/shared/ids';
import { connectorFor } from '../connectors';
import { ConnectorError } from '../connectors/errors';
import type { AccountInfo, Connector, Credentials, OAuthApp } from '../connectors/types';
import { insertOAuthState, takeOAuthState } from '../db/repos/providers.repo';
import { requireWorkspace, type WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { storeChannel } from './channels.service';
import { providerApp, storeProviderApp } from './providers.service';
import { seal, unseal } from './sealed-box';
import { hashToken } from './tokens';

const STATE_TTL_MS = 10 * 60_000;

interface StatePayload {
  codeVerifier: string;
  redirectUri: string;
  provider: string;
  instanceUrl?: string;
  name?: string;
  reconnectId?: string;
}

/** Accounts offered after a sign-in, waiting for the person to choose one (sealed, 10 minutes, once). */
interface ChoicePayload {
  choices: Array<{ credentials: Credentials; account: AccountInfo }>;
  name?: string;
  reconnectId?: string;
}

const CHOICE_PREFIX = 'choice:';

/** A Mastodon-style instance address, normalised to its origin; https only (http only for localhost, in tests). */
export function normaliseInstanceUrl(input: string | undefined): string {
  const raw = (input ?? '').trim();
  let u: URL;
  try {
    u = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new AppError('ERR_VALIDATION', 'Type the address of your server, e.g. mastodon.social.', [{ path: 'instanceUrl', message: 'not an address' }]);
  }
  const local = u.hostname === 'localhost' || u.hostname.startsWith('127.');
  if (u.protocol !== 'https:' && !local) throw new AppError('ERR_VALIDATION', 'The server must be reachable over https.', [{ path: 'instanceUrl', message: 'https only' }]);
  return u.origin;
}

async function oauthAppFor(app: App, actor: Actor, connector: Connector, instanceUrl: string | undefined, redirectUri: string): Promise<{ provider: string; oauth: OAuthApp; instanceUrl?: string }> {
  if (connector.auth.kind === 'oauth2') {
    const p = await providerApp(app, connector.auth.provider);
    if (!p) throw new AppError('ERR_PROVIDER_NOT_CONFIGURED', `An administrator must first enter the ${connector.displayName} app credentials (Administration → Platforms).`);
    return { provider: connector.auth.provider, oauth: p };
  }
  if (connector.auth.kind === 'oauth2-per-instance') {
    const origin = normaliseInstanceUrl(instanceUrl);
    const provider = `${connector.kind}:${new URL(origin).host}`;
    const known = await providerApp(app, provider);
    if (known) return { provider, oauth: { ...known, instanceUrl: origin }, instanceUrl: origin };
    let registered: OAuthApp;
    try {
      // The instance is typed by a person: register through the guarded fetch (no private addresses).
      registered = await connector.registerApp!(app.http.untrusted, { instanceUrl: origin, redirectUri, appName: 'Regie', website: app.config.publicUrl });
    } catch (err) {
      throw new AppError('ERR_CHANNEL_FAILED', `Could not register Regie on ${origin}: ${(err as Error).message}`);
    }
    await storeProviderApp(app, app.db, provider, registered.clientId, { clientSecret: registered.clientSecret, instanceUrl: origin }, actor.userId);
    return { provider, oauth: { ...registered, instanceUrl: origin }, instanceUrl: origin };
  }
  throw new AppError('ERR_VALIDATION', `${connector.displayName} is connected with a form, not a sign-in page.`);
}

/**
 * Starts connecting an OAuth channel: registers Regie on the instance when needed (Mastodon), stores a one-time state
 * with a PKCE verifier (sealed), and returns the platform's sign-in URL to send the person to.
 */
export async function startOAuth(app: App, actor: Actor, scope: WorkspaceScope, kind: string, input: { instanceUrl?: string; name?: string; reconnectId?: string }) {
  const connector = connectorFor(kind, app.connectors);
  if (!connector?.authorizeUrl) throw new AppError('ERR_VALIDATION', `'${kind}' is not connected through a sign-in page.`, [{ path: 'kind', message: 'no OAuth' }]);
  const redirectUri = `${app.config.publicUrl}/api/oauth/callback`;
  const { provider, oauth, instanceUrl } = await oauthAppFor(app, actor, connector, input.instanceUrl, redirectUri);
  const state = newSecret(24);
  const codeVerifier = newSecret(48);
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  const payload: StatePayload = { codeVerifier, redirectUri, provider, instanceUrl, name: input.name, reconnectId: input.reconnectId };
  await insertOAuthState(app.db, {
    state_hash: hashToken(state),
    workspace_id: scope.workspaceId,
    kind,
    sealed: seal(app.keys.credentials, payload, `oauth:${hashToken(state)}`),
    created_by: actor.userId,
    expires_at: new Date(app.clock.now().getTime() + STATE_TTL_MS).toISOString(),
  });
  return { authorizeUrl: connector.authorizeUrl(oauth, { state, codeChallenge, redirectUri }) };
}

/**
 * Finishes connecting after the platform sends the person back: the state must exist, be unexpired, belong to this
 * person, and the person must still be allowed to manage the workspace's channels. Returns where to send them.
 */
export async function completeOAuth(
  app: App,
  actor: Actor,
  q: { state?: string; code?: string; error?: string },
): Promise<{ workspaceId: string; channelId: string } | { workspaceId: string; choose: string }> {
  if (!q.state) throw new AppError('ERR_OAUTH_STATE_INVALID', 'This sign-in link is incomplete. Start connecting the channel again.');
  const stateHash = hashToken(q.state);
  const row = await app.db.transaction().execute((t) => takeOAuthState(t, stateHash, app.clock.now().toISOString()));
  if (!row || row.created_by !== actor.userId || row.kind.startsWith(CHOICE_PREFIX)) throw new AppError('ERR_OAUTH_STATE_INVALID', 'This sign-in expired or was started by someone else. Start connecting the channel again.');
  const scope = await requireWorkspace(app, actor, row.workspace_id, 'channels.manage');
  if (q.error || !q.code) throw new AppError('ERR_CHANNEL_FAILED', `The platform did not give access${q.error ? ` (${q.error.slice(0, 100)})` : ''}.`);
  const payload = unseal<StatePayload>(app.keys.credentials, row.sealed, `oauth:${stateHash}`);
  const connector = connectorFor(row.kind, app.connectors)!;
  const p = await providerApp(app, payload.provider);
  if (!p) throw new AppError('ERR_PROVIDER_NOT_CONFIGURED', 'The platform app was removed meanwhile.');
  const fetch = payload.instanceUrl ? app.http.untrusted : app.http.platform;
  let connected: { credentials: Credentials; account: AccountInfo };
  try {
    connected = await connector.exchangeCode!(fetch, { ...p, instanceUrl: payload.instanceUrl }, { code: q.code, codeVerifier: payload.codeVerifier, redirectUri: payload.redirectUri }, app.clock.now());
  } catch (err) {
    const why = err instanceof ConnectorError ? err.details.platformReason ?? err.message : (err as Error).message;
    throw new AppError('ERR_CHANNEL_FAILED', `The platform refused to connect: ${why}`);
  }
  if (connector.listAccounts) {
    let choices;
    try {
      choices = await connector.listAccounts(fetch, { ...p, instanceUrl: payload.instanceUrl }, connected, app.clock.now());
    } catch (err) {
      throw new AppError('ERR_CHANNEL_FAILED', `Could not list your accounts: ${(err as Error).message}`);
    }
    if (choices.length === 0) throw new AppError('ERR_CHANNEL_FAILED', `This sign-in manages no ${connector.displayName} account Regie can connect.`);
    if (choices.length > 1) {
      const token = newSecret(24);
      const sealed: ChoicePayload = { choices, name: payload.name, reconnectId: payload.reconnectId };
      await insertOAuthState(app.db, {
        state_hash: hashToken(token),
        workspace_id: scope.workspaceId,
        kind: CHOICE_PREFIX + row.kind,
        sealed: seal(app.keys.credentials, sealed, `oauth:${hashToken(token)}`),
        created_by: actor.userId,
        expires_at: new Date(app.clock.now().getTime() + STATE_TTL_MS).toISOString(),
      });
      return { workspaceId: scope.workspaceId, choose: token };
    }
    connected = choices[0];
  }
  const view = await storeChannel(app, actor, scope, connector, payload.name, connected, payload.reconnectId);
  return { workspaceId: scope.workspaceId, channelId: view.id };
}

async function openChoice(app: App, actor: Actor, scope: WorkspaceScope, token: string, take: boolean) {
  const hash = hashToken(token);
  const now = app.clock.now().toISOString();
  const row = take
    ? await app.db.transaction().execute((t) => takeOAuthState(t, hash, now))
    : await app.db.selectFrom('oauth_states').selectAll().where('state_hash', '=', hash).where('expires_at', '>', now).executeTakeFirst();
  if (!row || row.created_by !== actor.userId || row.workspace_id !== scope.workspaceId || !row.kind.startsWith(CHOICE_PREFIX)) {
    throw new AppError('ERR_OAUTH_STATE_INVALID', 'This choice expired. Start connecting the channel again.');
  }
  return { kind: row.kind.slice(CHOICE_PREFIX.length), payload: unseal<ChoicePayload>(app.keys.credentials, row.sealed, `oauth:${hash}`) };
}

/** The accounts a sign-in may connect, for the person to choose from (no credentials leave the server). */
export async function accountChoices(app: App, actor: Actor, scope: WorkspaceScope, token: string) {
  const { kind, payload } = await openChoice(app, actor, scope, token, false);
  const connector = connectorFor(kind, app.connectors)!;
  return {
    kind,
    kindName: connector.displayName,
    items: payload.choices.map((c, index) => ({ index, account: { handle: c.account.handle, displayName: c.account.displayName, avatarUrl: c.account.avatarUrl ?? null } })),
  };
}

/** Connects the chosen account; the choice works once. */
export async function chooseAccount(app: App, actor: Actor, scope: WorkspaceScope, token: string, index: number) {
  const { kind, payload } = await openChoice(app, actor, scope, token, true);
  const chosen = payload.choices[index];
  if (!chosen) throw new AppError('ERR_VALIDATION', 'Choose one of the accounts shown.', [{ path: 'index', message: 'out of range' }]);
  return storeChannel(app, actor, scope, connectorFor(kind, app.connectors)!, payload.name, chosen, payload.reconnectId);
}
