import { statusAfterFailure } from '../core/channels/status';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { connectorFor } from '../connectors';
import { ConnectorError } from '../connectors/errors';
import type { ConnectInput, Connector, InboundItem } from '../connectors/types';
import { findChannel, findConnectedAccount, insertChannel, insertInboundItems, listChannels, updateChannel } from '../db/repos/channels.repo';
import type { ChannelsTable } from '../db/schema';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { releaseWaiting } from './publishing.service';
import { lockChannelsForIngest } from '../db/repos/inbox.repo';
import { fileIntoInbox, tellInboxes, type InboxTouch } from './inbox-ingest.service';
import type { AttachmentStorage } from './message-attachments.service';
import { channelContext, sealCredentials } from './channel-context';

/** A channel as the API shows it: never its credentials. */
export function channelView(app: App, r: ChannelsTable) {
  const connector = connectorFor(r.kind, app.connectors);
  return {
    id: r.id,
    kind: r.kind,
    kindName: connector?.displayName ?? r.kind,
    name: r.name,
    language: (r.language as 'nl' | 'en' | null) ?? null,
    account: { remoteId: r.account_remote_id, handle: r.account_handle, displayName: r.account_display_name, avatarUrl: r.avatar_url, serviceUrl: r.service_url },
    status: r.disconnected_at ? 'disconnected' : r.status,
    statusDetail: r.status_detail,
    rateLimitedUntil: r.rate_limited_until,
    lastSyncAt: r.last_sync_at,
    lastErrorAt: r.last_error_at,
    createdAt: r.created_at,
    disconnectedAt: r.disconnected_at,
    sandbox: r.kind === 'sandbox',
  };
}
export type ChannelView = ReturnType<typeof channelView>;

/** The connectors on offer, with how each connects and what it can do. */
export function availableConnectors(app: App) {
  return app.connectors.map((c) => ({
    kind: c.kind,
    displayName: c.displayName,
    auth: c.auth.kind,
    connectFields: c.connectFields ?? [],
    capabilities: c.capabilities,
  }));
}

export async function channelsOf(app: App, scope: WorkspaceScope): Promise<ChannelView[]> {
  return (await listChannels(app.db, scope.workspaceId)).map((r) => channelView(app, r));
}

async function requireChannel(app: App, scope: WorkspaceScope, id: string): Promise<ChannelsTable> {
  const row = await findChannel(app.db, scope.workspaceId, id);
  if (!row) throw notFound('This channel');
  return row;
}

function requireConnector(app: App, kind: string): Connector {
  const c = connectorFor(kind, app.connectors);
  if (!c) throw new AppError('ERR_VALIDATION', `Regie has no channel type '${kind}'.`, [{ path: 'kind', message: 'unknown channel type' }]);
  return c;
}

/** A connector failure as an API error the person can act on. */
function asAppError(err: unknown, what: string): AppError {
  if (err instanceof ConnectorError) {
    const reason = err.details.platformReason ? ` (${err.details.platformReason.slice(0, 300)})` : '';
    return new AppError('ERR_CHANNEL_FAILED', `${what}: ${err.message}${reason}`, { failure: err.failure });
  }
  return err instanceof AppError ? err : new AppError('ERR_CHANNEL_FAILED', `${what}: ${(err as Error)?.message ?? 'unknown error'}`);
}

/**
 * Connects an account with typed credentials (app password, mail login, sandbox). The platform is asked first
 * (outside any transaction); then the channel is stored with its credentials sealed, and recorded.
 */
export async function connectChannel(
  app: App,
  actor: Actor,
  scope: WorkspaceScope,
  kind: string,
  name: string | undefined,
  input: ConnectInput,
  reconnectId?: string,
): Promise<ChannelView> {
  const connector = requireConnector(app, kind);
  if (!connector.connect) throw new AppError('ERR_VALIDATION', `${connector.displayName} is connected through its own sign-in page.`);
  for (const f of connector.connectFields ?? []) {
    if (f.required && !input[f.name]?.trim()) throw new AppError('ERR_VALIDATION', `Fill in ${f.name}.`, [{ path: f.name, message: 'required' }]);
  }
  let connected;
  try {
    connected = await connector.connect(app.http.platform, input, app.clock.now());
  } catch (err) {
    throw asAppError(err, `Could not connect ${connector.displayName}`);
  }
  return storeChannel(app, actor, scope, connector, name, connected, reconnectId);
}

/** Stores a freshly connected account as a channel (shared by typed-credential and OAuth connections). */
export async function storeChannel(
  app: App,
  actor: Actor,
  scope: WorkspaceScope,
  connector: Connector,
  name: string | undefined,
  connected: Awaited<ReturnType<NonNullable<Connector['connect']>>>,
  reconnectId?: string,
): Promise<ChannelView> {
  if (reconnectId) return reconnect(app, actor, scope, connector, reconnectId, connected);
  const id = newId();
  const now = app.clock.now().toISOString();
  const a = connected.account;
  const row: ChannelsTable = {
    workspace_id: scope.workspaceId,
    id,
    kind: connector.kind,
    name: name?.trim() || a.displayName || a.handle,
    account_remote_id: a.remoteId,
    account_handle: a.handle,
    account_display_name: a.displayName,
    avatar_url: a.avatarUrl ?? null,
    service_url: a.serviceUrl ?? null,
    status: 'healthy',
    status_detail: null,
    rate_limited_until: null,
    last_sync_at: null,
    last_error_at: null,
    credentials: sealCredentials(app, id, connected.credentials),
    credentials_version: 1,
    refresh_lease_until: null,
    inbound_cursor: null,
    created_by: actor.userId,
    created_at: now,
    disconnected_at: null,
    language: null,
  };
  await app.db.transaction().execute(async (q) => {
    const existing = await findConnectedAccount(q, scope.workspaceId, connector.kind, a.remoteId);
    if (existing) throw new AppError('ERR_CHANNEL_EXISTS', `This ${connector.displayName} account is already connected as “${existing.name}”. Reconnect that channel instead.`);
    await insertChannel(q, row);
    await writeAudit(app, q, actor, {
      action: 'channel.connected',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'channel',
      objectId: id,
      summary: { after: { kind: connector.kind, name: row.name, account: a.handle } },
    });
  });
  return channelView(app, row);
}

/** Records what a failed platform call means for the channel's status. */
async function recordFailure(app: App, row: ChannelsTable, err: unknown): Promise<void> {
  if (!(err instanceof ConnectorError)) return;
  const now = app.clock.now();
  const change = statusAfterFailure(err.failure, now, { retryAfterMs: err.details.retryAfterMs, platformReason: err.details.platformReason, channelName: row.name });
  await updateChannel(app.db, row.id, { status: change.status, status_detail: change.detail, rate_limited_until: change.rateLimitedUntil, last_error_at: now.toISOString() });
}

/** "Test connection": asks the platform whether the credentials work; updates the status either way. */
export async function testChannel(app: App, scope: WorkspaceScope, id: string): Promise<ChannelView> {
  const row = await requireChannel(app, scope, id);
  if (row.disconnected_at) throw new AppError('ERR_CHANNEL_FAILED', 'This channel is disconnected. Connect the account again.');
  const { connector, ctx } = channelContext(app, row);
  try {
    const account = await connector.verify(ctx);
    await updateChannel(app.db, row.id, {
      status: 'healthy',
      status_detail: null,
      rate_limited_until: null,
      account_handle: account.handle,
      account_display_name: account.displayName,
      avatar_url: account.avatarUrl ?? row.avatar_url,
      last_sync_at: app.clock.now().toISOString(),
    });
  } catch (err) {
    await recordFailure(app, row, err);
  }
  return channelView(app, (await findChannel(app.db, scope.workspaceId, id))!);
}

/**
 * Fetches what came in since the stored cursor and stores it (duplicates skipped) together with the new cursor in
 * one transaction, after the platform call. Returns how many items were new.
 */
export async function syncChannel(app: App, row: ChannelsTable): Promise<{ added: number }> {
  const { connector, ctx } = channelContext(app, row);
  if (!connector.poll || row.disconnected_at) return { added: 0 };
  let result;
  try {
    result = await connector.poll(ctx, row.inbound_cursor);
  } catch (err) {
    await recordFailure(app, row, err);
    throw asAppError(err, `Could not fetch new messages from ${row.name}`);
  }
  const now = app.clock.now().toISOString();
  const touched: InboxTouch[] = [];
  const added = await app.db.transaction().execute(async (q) => {
    const n = await storeInbound(q, row, result.items, now, touched, app);
    await updateChannel(q, row.id, { inbound_cursor: result.cursor, last_sync_at: now, status: 'healthy', status_detail: null, rate_limited_until: null });
    return n;
  });
  tellInboxes(app, touched);
  return { added };
}

/**
 * Stores inbound items of a channel in the caller's transaction, as received and filed into the inbox
 * (conversations, messages, contacts); duplicates (same remote id) are skipped in both. With `storage`, the
 * attachments' bytes of new messages are kept in the media storage.
 */
export async function storeInbound(q: App['db'], row: Pick<ChannelsTable, 'workspace_id' | 'id'>, items: InboundItem[], receivedAt: string, touched?: InboxTouch[], storage?: AttachmentStorage): Promise<number> {
  if (items.length === 0) return 0;
  await lockChannelsForIngest(q, [row.id]);
  await fileIntoInbox(q, row, items, receivedAt, touched, storage);
  return insertInboundItems(
    q,
    items.map((i) => ({
      workspace_id: row.workspace_id,
      channel_id: row.id,
      remote_id: i.remoteId,
      id: newId(),
      kind: i.kind,
      thread_remote_id: i.threadRemoteId,
      from_self: i.fromSelf ? 1 : 0,
      item: JSON.stringify({ ...i, attachments: i.attachments?.map(({ bytes: _b, ...rest }) => rest) }),
      created_at: i.createdAt,
      received_at: receivedAt,
    })),
  );
}

export async function syncChannelIn(app: App, scope: WorkspaceScope, id: string) {
  const row = await requireChannel(app, scope, id);
  const r = await syncChannel(app, row);
  return { ...r, channel: channelView(app, (await findChannel(app.db, scope.workspaceId, id))!) };
}

/** Renames a channel and/or sets the language it speaks (nl, en, or null for none); the code checks posts against it. */
export async function renameChannel(app: App, actor: Actor, scope: WorkspaceScope, id: string, name: string | undefined, language?: 'nl' | 'en' | null): Promise<ChannelView> {
  const row = await requireChannel(app, scope, id);
  const patch = { ...(name !== undefined ? { name: name.trim() } : {}), ...(language !== undefined ? { language } : {}) };
  await app.db.transaction().execute(async (q) => {
    await updateChannel(q, id, patch);
    await writeAudit(app, q, actor, { action: 'channel.renamed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'channel', objectId: id, summary: { before: { name: row.name, language: row.language }, after: { name: patch.name ?? row.name, language: patch.language !== undefined ? patch.language : row.language } } });
  });
  return channelView(app, { ...row, ...patch });
}

/** Disconnects a channel: its stored credentials are wiped at once; history stays. */
export async function disconnectChannel(app: App, actor: Actor, scope: WorkspaceScope, id: string): Promise<ChannelView> {
  const row = await requireChannel(app, scope, id);
  if (row.disconnected_at) return channelView(app, row);
  const now = app.clock.now().toISOString();
  const patch = { disconnected_at: now, status: 'disconnected', status_detail: null, credentials: sealCredentials(app, id, {}) };
  await app.db.transaction().execute(async (q) => {
    await updateChannel(q, id, patch);
    await writeAudit(app, q, actor, { action: 'channel.disconnected', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'channel', objectId: id, summary: { before: { name: row.name, account: row.account_handle } } });
  });
  return channelView(app, { ...row, ...patch });
}

/**
 * Puts fresh credentials on an existing channel ("reconnect"): only for the same account, so a channel's history
 * never silently changes hands. Clears the error state and a disconnection.
 */
async function reconnect(
  app: App,
  actor: Actor,
  scope: WorkspaceScope,
  connector: Connector,
  id: string,
  connected: Awaited<ReturnType<NonNullable<Connector['connect']>>>,
): Promise<ChannelView> {
  const row = await requireChannel(app, scope, id);
  if (row.kind !== connector.kind) throw new AppError('ERR_VALIDATION', 'Reconnect a channel with the same platform.', [{ path: 'kind', message: 'different platform' }]);
  if (row.account_remote_id !== connected.account.remoteId) {
    throw new AppError('ERR_VALIDATION', `You signed in as ${connected.account.handle}, but this channel is ${row.account_handle}. Sign in with that account, or connect a new channel.`, [{ path: 'account', message: 'different account' }]);
  }
  const patch = {
    credentials: sealCredentials(app, id, connected.credentials),
    credentials_version: Number(row.credentials_version) + 1,
    refresh_lease_until: null,
    status: 'healthy',
    status_detail: null,
    rate_limited_until: null,
    disconnected_at: null,
    account_handle: connected.account.handle,
    account_display_name: connected.account.displayName,
    avatar_url: connected.account.avatarUrl ?? row.avatar_url,
  };
  await app.db.transaction().execute(async (q) => {
    await updateChannel(q, id, patch);
    const released = await releaseWaiting(app, q, scope.workspaceId, 'channel_needs_reconnect', id);
    await writeAudit(app, q, actor, { action: 'channel.reconnected', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'channel', objectId: id, summary: { after: { account: connected.account.handle }, postsRescheduled: released.rescheduled, postsNeedingNewTime: released.missed } });
  });
  return channelView(app, { ...row, ...patch });
}
