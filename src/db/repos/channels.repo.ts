import type { ChannelsTable, InboundItemsTable } from '../schema';
import { insertCompiled } from './prepared';
import type { Q } from './types';

export async function insertChannel(q: Q, row: ChannelsTable): Promise<void> {
  await q.insertInto('channels').values(row).execute();
}

/** A workspace's channels, connected ones first, newest first. */
export function listChannels(q: Q, workspaceId: string) {
  return q.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).orderBy('disconnected_at', 'desc').orderBy('created_at', 'desc').execute();
}

export function findChannel(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function findChannelById(q: Q, id: string) {
  return q.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The connected (not disconnected) channel of this kind and account in the workspace, if any. */
export function findConnectedAccount(q: Q, workspaceId: string, kind: string, accountRemoteId: string) {
  return q
    .selectFrom('channels')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('account_remote_id', '=', accountRemoteId)
    .where('disconnected_at', 'is', null)
    .executeTakeFirst();
}

export async function updateChannel(q: Q, id: string, patch: Partial<Omit<ChannelsTable, 'id' | 'workspace_id'>>): Promise<void> {
  await q.updateTable('channels').set(patch).where('id', '=', id).execute();
}

/** Takes the refresh lease when no one holds it and the credentials are still at `version`; true when taken. */
export async function takeRefreshLease(q: Q, id: string, version: number, now: string, until: string): Promise<boolean> {
  const r = await q
    .updateTable('channels')
    .set({ refresh_lease_until: until })
    .where('id', '=', id)
    .where('credentials_version', '=', version)
    .where((eb) => eb.or([eb('refresh_lease_until', 'is', null), eb('refresh_lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Stores refreshed credentials under the lease: bumps the version and releases the lease. */
export async function storeRefreshed(q: Q, id: string, version: number, sealed: string): Promise<boolean> {
  const r = await q
    .updateTable('channels')
    .set({ credentials: sealed, credentials_version: version + 1, refresh_lease_until: null })
    .where('id', '=', id)
    .where('credentials_version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Stores inbound items, skipping ones already stored (same channel and remote id); returns how many were new. */
export async function insertInboundItems(q: Q, rows: InboundItemsTable[]): Promise<number> {
  let added = 0;
  // One statement per hundred items (well under either database's limit on bound values).
  for (let i = 0; i < rows.length; i += 100) added += await insertCompiled(q, 'inbound_items', rows.slice(i, i + 100), ['workspace_id', 'channel_id', 'remote_id']);
  return added;
}

export function listInboundItems(q: Q, workspaceId: string, channelId: string, limit: number) {
  return q
    .selectFrom('inbound_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('channel_id', '=', channelId)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
}
