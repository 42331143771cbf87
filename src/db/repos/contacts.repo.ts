import { sql } from 'kysely';
import { lockForUpdate, type Dialect } from '../dialect';
import type { ContactsTable } from '../schema';
import type { Q } from './types';

/** A contact of the workspace, or undefined (also for a contact of another workspace). */
export function findContact(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The contacts with these ids in the workspace, locked for the rest of the transaction, in id order (no deadlocks). */
export function lockContacts(q: Q, dialect: Dialect, workspaceId: string, ids: string[]) {
  return lockForUpdate(dialect, q.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).orderBy('id')).execute();
}

/** A contact's identities with their channel's kind and name, oldest first. */
export function identitiesOf(q: Q, workspaceId: string, contactId: string) {
  return q
    .selectFrom('contact_identities')
    .leftJoin('channels', (j) => j.onRef('channels.id', '=', 'contact_identities.channel_id').onRef('channels.workspace_id', '=', 'contact_identities.workspace_id'))
    .select(['contact_identities.channel_id', 'contact_identities.remote_id', 'contact_identities.handle', 'contact_identities.display_name', 'channels.kind as channel_kind', 'channels.name as channel_name'])
    .where('contact_identities.workspace_id', '=', workspaceId)
    .where('contact_identities.contact_id', '=', contactId)
    .orderBy('contact_identities.created_at')
    .orderBy('contact_identities.channel_id')
    .orderBy('contact_identities.remote_id')
    .execute();
}

/** A contact's conversations with their channel, newest activity first, at most `limit`. */
export function conversationsOfContact(q: Q, workspaceId: string, contactId: string, limit: number) {
  return q
    .selectFrom('conversations')
    .leftJoin('channels', (j) => j.onRef('channels.id', '=', 'conversations.channel_id').onRef('channels.workspace_id', '=', 'conversations.workspace_id'))
    .select(['conversations.id', 'conversations.subject', 'conversations.preview', 'conversations.status', 'conversations.last_message_at', 'channels.kind as channel_kind', 'channels.name as channel_name'])
    .where('conversations.workspace_id', '=', workspaceId)
    .where('conversations.contact_id', '=', contactId)
    .orderBy('conversations.last_message_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .limit(limit)
    .execute();
}

export async function updateContactRow(q: Q, workspaceId: string, id: string, patch: Partial<Omit<ContactsTable, 'workspace_id' | 'id'>>): Promise<void> {
  await q.updateTable('contacts').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertContactRow(q: Q, row: ContactsTable): Promise<void> {
  await q.insertInto('contacts').values(row).execute();
}

/** Moves every identity of contact `from` to `to`; returns how many moved. */
export async function moveIdentities(q: Q, workspaceId: string, from: string, to: string): Promise<number> {
  const r = await q.updateTable('contact_identities').set({ contact_id: to }).where('workspace_id', '=', workspaceId).where('contact_id', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Moves one identity of contact `from` to `to`; false when `from` has no such identity. */
export async function moveIdentity(q: Q, workspaceId: string, from: string, to: string, channelId: string, remoteId: string): Promise<boolean> {
  const r = await q
    .updateTable('contact_identities')
    .set({ contact_id: to })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', from)
    .where('channel_id', '=', channelId)
    .where('remote_id', '=', remoteId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The identities of a contact (channel and remote id only). */
export function identityKeysOf(q: Q, workspaceId: string, contactId: string) {
  return q.selectFrom('contact_identities').select(['channel_id', 'remote_id', 'handle', 'display_name']).where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).execute();
}

/**
 * Moves the conversations of contact `from` (only those on `channelId` when given) and the messages `from` wrote
 * (on that channel, when given) to `to`; returns the ids of the conversations that moved.
 */
export async function moveConversations(q: Q, workspaceId: string, from: string, to: string, channelId: string | null): Promise<string[]> {
  let convs = q.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('contact_id', '=', from);
  if (channelId !== null) convs = convs.where('channel_id', '=', channelId);
  const ids = (await convs.execute()).map((r) => r.id);
  let upd = q.updateTable('conversations').set({ contact_id: to }).where('workspace_id', '=', workspaceId).where('contact_id', '=', from);
  if (channelId !== null) upd = upd.where('channel_id', '=', channelId);
  await upd.execute();
  let msgs = q.updateTable('messages').set({ contact_id: to }).where('workspace_id', '=', workspaceId).where('contact_id', '=', from);
  if (channelId !== null) msgs = msgs.where('channel_id', '=', channelId);
  await msgs.execute();
  return ids;
}

/** Contacts merged into `from` earlier now point at `to`, so `mergedInto` is always one step from a live contact. */
export async function repointMerged(q: Q, workspaceId: string, from: string, to: string): Promise<void> {
  await q.updateTable('contacts').set({ merged_into: to }).where('workspace_id', '=', workspaceId).where('merged_into', '=', from).execute();
}

/** A handle as compared for merge suggestions: lower case, without outer spaces or leading '@'. */
const handleKeySql = sql<string>`ltrim(lower(trim(handle)), '@')`;

/**
 * What merge suggestions are made of: the workspace's live contacts (id, name, e-mail), and only those identities
 * whose handle (compared as in core/inbox/contact-merge) more than one contact carries.
 */
export async function mergeFacts(q: Q, workspaceId: string) {
  const contacts = await q.selectFrom('contacts').select(['id', 'display_name', 'email']).where('workspace_id', '=', workspaceId).where('merged_into', 'is', null).execute();
  const shared = q
    .selectFrom('contact_identities')
    .select(handleKeySql.as('k'))
    .where('workspace_id', '=', workspaceId)
    .where('handle', 'is not', null)
    .groupBy(handleKeySql)
    .having((eb) => eb.fn.count('contact_id').distinct(), '>', 1);
  const identities = await q
    .selectFrom('contact_identities')
    .select(['contact_id', 'channel_id', 'handle'])
    .where('workspace_id', '=', workspaceId)
    .where('handle', 'is not', null)
    .where(handleKeySql, 'in', shared)
    .execute();
  return { contacts, identities };
}

/** `text` as a LIKE pattern that finds it anywhere, lower case, with `%`, `_` and `\` taken literally. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Up to `limit` live (not merged) contacts of the workspace whose name or e-mail, or one of whose identities'
 * handle or name, contains `text` (lower-cased; SQLite folds only ASCII letters); all live contacts when `text` is
 * null. Each with how many identities it has and its latest conversation activity; newest activity first, then
 * by name and id.
 */
export function searchContacts(q: Q, workspaceId: string, text: string | null, limit: number) {
  const lastActivity = sql<string | null>`(select max(cv.last_message_at) from conversations cv where cv.workspace_id = contacts.workspace_id and cv.contact_id = contacts.id)`;
  const identityCount = sql<number>`(select count(*) from contact_identities ci where ci.workspace_id = contacts.workspace_id and ci.contact_id = contacts.id)`;
  let query = q
    .selectFrom('contacts')
    .select(['contacts.id', 'contacts.display_name', 'contacts.email', 'contacts.vip', 'contacts.tags'])
    .select([lastActivity.as('last_activity_at'), identityCount.as('identity_count')])
    .where('contacts.workspace_id', '=', workspaceId)
    .where('contacts.merged_into', 'is', null);
  if (text !== null) {
    const like = (column: string) => sql<boolean>`lower(${sql.ref(column)}) like ${containsPattern(text)} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        like('contacts.display_name'),
        like('contacts.email'),
        eb.exists(
          eb
            .selectFrom('contact_identities as ci')
            .select(sql`1`.as('one'))
            .whereRef('ci.workspace_id', '=', 'contacts.workspace_id')
            .whereRef('ci.contact_id', '=', 'contacts.id')
            .where((e) => e.or([like('ci.handle'), like('ci.display_name')])),
        ),
      ]),
    );
  }
  return query
    .orderBy(sql`case when ${lastActivity} is null then 1 else 0 end`)
    .orderBy('last_activity_at', 'desc')
    .orderBy('contacts.display_name')
    .orderBy('contacts.id')
    .limit(limit)
    .execute();
}

/** The handles of these contacts' identities (those that have one), oldest identity first. */
export function handlesOf(q: Q, workspaceId: string, contactIds: string[]) {
  if (contactIds.length === 0) return Promise.resolve([]);
  return q
    .selectFrom('contact_identities')
    .select(['contact_id', 'handle'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .where('handle', 'is not', null)
    .orderBy('created_at')
    .orderBy('channel_id')
    .execute();
}
