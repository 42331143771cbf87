import type { ContactIdentitiesTable, ContactsTable, ConversationsTable, MessagesTable } from '../schema';
import type { Q } from './types';

export function findIdentity(q: Q, workspaceId: string, channelId: string, remoteId: string) {
  return q.selectFrom('contact_identities').select(['contact_id']).where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('remote_id', '=', remoteId).executeTakeFirst();
}

/**
 * Creates a contact with its first identity and returns its id; when another transaction created the same
 * identity meanwhile, drops the new contact and returns the existing one.
 */
export async function insertContact(q: Q, contact: ContactsTable, identity: ContactIdentitiesTable): Promise<string> {
  await q.insertInto('contacts').values(contact).execute();
  const r = await q.insertInto('contact_identities').values(identity).onConflict((oc) => oc.columns(['workspace_id', 'channel_id', 'remote_id']).doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return contact.id;
  await q.deleteFrom('contacts').where('id', '=', contact.id).execute();
  const existing = await findIdentity(q, identity.workspace_id, identity.channel_id, identity.remote_id);
  return existing!.contact_id;
}

export function findConversationByThread(q: Q, workspaceId: string, channelId: string, threadRemoteId: string) {
  return q.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('thread_remote_id', '=', threadRemoteId).executeTakeFirst();
}

/** Creates the conversation of a thread, or returns the one another transaction created meanwhile. */
export async function insertConversation(q: Q, row: ConversationsTable): Promise<ConversationsTable> {
  const r = await q.insertInto('conversations').values(row).onConflict((oc) => oc.columns(['workspace_id', 'channel_id', 'thread_remote_id']).doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return row;
  return (await findConversationByThread(q, row.workspace_id, row.channel_id, row.thread_remote_id))!;
}

export async function updateConversation(q: Q, id: string, patch: Partial<Omit<ConversationsTable, 'id' | 'workspace_id'>>): Promise<void> {
  await q.updateTable('conversations').set(patch).where('id', '=', id).execute();
}

/** Inserts the message unless the channel already has one with its remote id; true when it was new. */
export async function insertMessageOnce(q: Q, row: MessagesTable): Promise<boolean> {
  const r = await q.insertInto('messages').values(row).onConflict((oc) => oc.columns(['workspace_id', 'channel_id', 'remote_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Takes the write lock on channels' rows until the transaction ends (a no-op update, the same on both databases),
 * in id order, so concurrent ingests into one channel take turns instead of overwriting each other's counts or
 * deadlocking on its contacts and conversations.
 */
export async function lockChannelsForIngest(q: Q, channelIds: string[]): Promise<void> {
  for (const id of [...new Set(channelIds)].sort()) await q.updateTable('channels').set((eb) => ({ id: eb.ref('id') })).where('id', '=', id).execute();
}

/** Takes the write lock on a conversation's row until the transaction ends, then reads it (fresh). */
export async function lockConversation(q: Q, workspaceId: string, id: string) {
  await q.updateTable('conversations').set((eb) => ({ id: eb.ref('id') })).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  return q.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}
