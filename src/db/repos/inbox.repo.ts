import { runsOnPostgres } from '../dialect';
import { insertCompiled, runCompiled, updateByIdCompiled } from './prepared';
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
  await insertCompiled(q, 'contacts', [contact]);
  if ((await insertCompiled(q, 'contact_identities', [identity], ['workspace_id', 'channel_id', 'remote_id'])) === 1) return contact.id;
  await q.deleteFrom('contacts').where('id', '=', contact.id).execute();
  const existing = await findIdentity(q, identity.workspace_id, identity.channel_id, identity.remote_id);
  return existing!.contact_id;
}

/** The conversation of a platform thread. */
export function findConversationByThread(q: Q, workspaceId: string, channelId: string, threadRemoteId: string) {
  return q.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('thread_remote_id', '=', threadRemoteId).executeTakeFirst();
}

/** Chunks of `values` small enough for one `in (…)` list on either database. */
function chunks<T>(values: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * The conversations of these platform threads of a channel, by thread id. With `lock`, their rows stay locked until
 * the transaction ends (PostgreSQL; SQLite's one writer needs none), so what is read is what gets rewritten.
 */
export async function findConversationsByThreads(q: Q, workspaceId: string, channelId: string, threadRemoteIds: string[], lock = false): Promise<Map<string, ConversationsTable>> {
  const out = new Map<string, ConversationsTable>();
  const forUpdate = lock && runsOnPostgres(q);
  for (const part of chunks([...new Set(threadRemoteIds)].sort())) {
    const rows = await runCompiled(q, `conversationsByThreads:${part.length}:${forUpdate}`, [workspaceId, channelId, ...part], (ws: string, ch: string, ...threads: string[]) => {
      const query = q.selectFrom('conversations').selectAll().where('workspace_id', '=', ws).where('channel_id', '=', ch).where('thread_remote_id', 'in', threads).orderBy('thread_remote_id');
      return forUpdate ? query.forUpdate() : query;
    });
    for (const row of rows) out.set(row.thread_remote_id, row);
  }
  return out;
}

/** The contacts behind these author identities on a channel, by the identity's remote id. */
export async function findIdentities(q: Q, workspaceId: string, channelId: string, remoteIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(remoteIds)])) {
    const rows = await runCompiled(q, `identities:${part.length}`, [workspaceId, channelId, ...part], (ws: string, ch: string, ...ids: string[]) =>
      q.selectFrom('contact_identities').select(['remote_id', 'contact_id']).where('workspace_id', '=', ws).where('channel_id', '=', ch).where('remote_id', 'in', ids),
    );
    for (const r of rows) out.set(r.remote_id, r.contact_id);
  }
  return out;
}

/** Creates the conversation of a thread, or returns the one another transaction created meanwhile. */
export async function insertConversation(q: Q, row: ConversationsTable): Promise<ConversationsTable> {
  if ((await insertCompiled(q, 'conversations', [row], ['workspace_id', 'channel_id', 'thread_remote_id'])) === 1) return row;
  return (await findConversationByThread(q, row.workspace_id, row.channel_id, row.thread_remote_id))!;
}

/** Writes the given columns of a conversation (only those: every index over another column stays untouched). */
export async function updateConversation(q: Q, id: string, patch: Partial<Omit<ConversationsTable, 'id' | 'workspace_id'>>): Promise<void> {
  await updateByIdCompiled(q, 'conversations', id, patch);
}

/** The columns of `next` whose values differ from `before`: what an update has to write. */
export function changedColumns<T extends object>(before: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(next) as Array<keyof T>) if (next[k] !== before[k]) out[k] = next[k];
  return out;
}

/** Inserts the message unless the channel already has one with its remote id; true when it was new. */
export async function insertMessageOnce(q: Q, row: MessagesTable): Promise<boolean> {
  return (await insertCompiled(q, 'messages', [row], ['workspace_id', 'channel_id', 'remote_id'])) === 1;
}

/**
 * Takes the write lock on channels' rows until the transaction ends, in id order, so concurrent ingests into one
 * channel take turns instead of overwriting each other's counts or deadlocking on its contacts and conversations
 * (PostgreSQL; SQLite has one writer at a time already).
 */
export async function lockChannelsForIngest(q: Q, channelIds: string[]): Promise<void> {
  if (channelIds.length === 0 || !runsOnPostgres(q)) return;
  await q.selectFrom('channels').select('id').where('id', 'in', [...new Set(channelIds)].sort()).orderBy('id').forUpdate().execute();
}

/** Reads a conversation fresh and keeps its row locked until the transaction ends (see findConversationsByThreads). */
export function lockConversation(q: Q, workspaceId: string, id: string) {
  const query = q.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  return (runsOnPostgres(q) ? query.forUpdate() : query).executeTakeFirst();
}
