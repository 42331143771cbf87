import { connectorFor } from '../connectors';
import { ConnectorError } from '../connectors/errors';
import type { Connector, ConnectorContext, Credentials, OAuthApp } from '../connectors/types';
import { findChannelById, storeRefreshed, takeRefreshLease } from '../db/repos/channels.repo';
import type { ChannelsTable } from '../db/schema';
import type { App } from './app';
import { providerApp } from './providers.service';
import { seal, unseal } from './sealed-box';

const LEASE_MS = 30_000;
const WAIT_STEP_MS = 100;
const inFlight = new Map<string, Promise<{ credentials: Credentials; version: number }>>();

/** Opens a channel's stored credentials (bound to the channel id, so a copied blob does not open elsewhere). */
export function openCredentials(app: App, row: Pick<ChannelsTable, 'id' | 'credentials'>): Credentials {
  return unseal<Credentials>(app.keys.credentials, row.credentials, `channel:${row.id}`);
}

/** Seals credentials for storage in the channel's row. */
export function sealCredentials(app: App, channelId: string, credentials: Credentials): string {
  return seal(app.keys.credentials, credentials, `channel:${channelId}`);
}

/**
 * New credentials for a channel whose token expired, obtained ONCE however many callers (in this process and in
 * others sharing the database) ask at the same moment: in-process callers share one promise; across processes the
 * first takes a lease row, refreshes and bumps `credentials_version`, the others wait for the new version. Platforms
 * that rotate refresh tokens on use therefore never see the same refresh token twice.
 */
export function refreshChannelCredentials(
  app: App,
  connector: Connector,
  channelId: string,
  seenVersion: number,
  oauthApp: OAuthApp | null,
): Promise<{ credentials: Credentials; version: number }> {
  const key = `${channelId}@${seenVersion}`;
  const running = inFlight.get(key);
  if (running) return running;
  const p = (async () => {
    if (!connector.refresh) throw new ConnectorError('auth_expired', `${connector.displayName} sign-ins cannot be refreshed; reconnect the channel.`);
    const deadline = Date.now() + LEASE_MS + 5_000;
    while (Date.now() < deadline) {
      const row = await findChannelById(app.db, channelId);
      if (!row) throw new ConnectorError('auth_revoked', 'The channel no longer exists.');
      if (row.credentials_version > seenVersion) return { credentials: openCredentials(app, row), version: Number(row.credentials_version) };
      const now = app.clock.now();
      if (await takeRefreshLease(app.db, channelId, seenVersion, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString())) {
        const fresh = await connector.refresh(app.http.platform, oauthApp, openCredentials(app, row), now);
        if (!(await storeRefreshed(app.db, channelId, seenVersion, sealCredentials(app, channelId, fresh)))) {
          throw new ConnectorError('transient', 'Another process changed the channel while refreshing; try again.');
        }
        return { credentials: fresh, version: seenVersion + 1 };
      }
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
    }
    throw new ConnectorError('transient', 'Waited too long for another process to refresh the sign-in.');
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

/** The context a connector gets for one channel: its account, decrypted credentials, fetchers, clock, refresh. */
export function channelContext(app: App, row: ChannelsTable, oauthApp: OAuthApp | null = null): { connector: Connector; ctx: ConnectorContext } {
  const connector = connectorFor(row.kind, app.connectors);
  if (!connector) throw new ConnectorError('rejected', `This installation has no connector for ${row.kind}.`);
  let version = Number(row.credentials_version);
  const ctx: ConnectorContext = {
    account: {
      remoteId: row.account_remote_id,
      handle: row.account_handle,
      displayName: row.account_display_name,
      ...(row.avatar_url ? { avatarUrl: row.avatar_url } : {}),
      ...(row.service_url ? { serviceUrl: row.service_url } : {}),
    },
    credentials: openCredentials(app, row),
    fetch: app.http.platform,
    fetchUntrusted: app.http.untrusted,
    now: () => app.clock.now(),
    log: { info: (o, m) => app.log.info({ channel: row.id, ...o }, m), warn: (o, m) => app.log.warn({ channel: row.id, ...o }, m) },
  };
  if (connector.refresh) {
    ctx.refreshCredentials = async () => {
      const fresh = await refreshChannelCredentials(app, connector, row.id, version, oauthApp ?? (await oauthAppOfChannel(app, connector, row)));
      version = fresh.version;
      ctx.credentials = fresh.credentials;
      return fresh.credentials;
    };
  }
  return { connector, ctx };
}

/** The platform app a channel was connected through (needed to refresh its sign-in), or null. */
async function oauthAppOfChannel(app: App, connector: Connector, row: ChannelsTable): Promise<OAuthApp | null> {
  if (connector.auth.kind === 'oauth2') return providerApp(app, connector.auth.provider);
  if (connector.auth.kind === 'oauth2-per-instance' && row.service_url) return providerApp(app, `${connector.kind}:${new URL(row.service_url).host}`);
  return null;
}
