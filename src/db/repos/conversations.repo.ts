import type { ConversationEventsTable, ConversationsTable, ExpertRequestsTable, RepliesTable, SavedRepliesTable } from '../schema';
import { skipLocked, type Dialect } from '../dialect';
import { insertCompiled } from './prepared';
import type { Q } from './types';

export function findConversation(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function patchConversation(q: Q, workspaceId: string, id: string, patch: Partial<Omit<ConversationsTable, 'workspace_id' | 'id'>>): Promise<void> {
  await q.updateTable('conversations').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export function conversationMessages(q: Q, workspaceId: string, conversationId: string) {
  return q
    .selectFrom('messages as m')
    .leftJoin('contacts as ct', 'ct.id', 'm.contact_id')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .leftJoin('contact_identities as ci', (j) => j.onRef('ci.workspace_id', '=', 'm.workspace_id').onRef('ci.channel_id', '=', 'm.channel_id').onRef('ci.contact_id', '=', 'm.contact_id'))
    .leftJoin('replies as r', 'r.id', 'm.reply_id')
    .leftJoin('organizations as o', 'o.id', 'r.author_org_id')
    .select(['m.id', 'm.direction', 'm.kind', 'm.text', 'm.html', 'm.subject', 'm.url', 'm.language', 'm.sentiment', 'm.created_at', 'm.contact_id', 'm.author_user_id', 'm.reply_id', 'm.reply_ref', 'm.remote_id', 'm.attachments'])
    .select(['ct.display_name as contact_name', 'ci.handle as contact_handle', 'u.name as user_name', 'o.name as org_name', 'o.id as org_id', 'r.author_id as reply_author_id'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.conversation_id', '=', conversationId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export function findMessage(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertEvent(q: Q, row: ConversationEventsTable): Promise<void> {
  await insertCompiled(q, 'conversation_events', [row]);
}

export function conversationEvents(q: Q, workspaceId: string, conversationId: string) {
  return q
    .selectFrom('conversation_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .leftJoin('organizations as o', 'o.id', 'e.actor_org_id')
    .select(['e.id', 'e.kind', 'e.body', 'e.data', 'e.created_at', 'e.actor_id', 'e.actor_org_id', 'u.name as actor_name', 'o.name as org_name'])
    .where('e.workspace_id', '=', workspaceId)
    .where('e.conversation_id', '=', conversationId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export async function insertReply(q: Q, row: RepliesTable): Promise<void> {
  await q.insertInto('replies').values(row).execute();
}

export function findReply(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('replies').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function updateReply(q: Q, id: string, patch: Partial<Omit<RepliesTable, 'workspace_id' | 'id'>>): Promise<void> {
  await q.updateTable('replies').set(patch).where('id', '=', id).execute();
}

export function conversationReplies(q: Q, workspaceId: string, conversationId: string) {
  return q
    .selectFrom('replies as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .leftJoin('users as a', 'a.id', 'r.approved_by')
    .leftJoin('organizations as o', 'o.id', 'r.author_org_id')
    .selectAll('r')
    .select(['u.name as author_name', 'a.name as approver_name', 'o.name as org_name'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.conversation_id', '=', conversationId)
    .where('r.state', '<>', 'sent')
    .orderBy('r.created_at')
    .execute();
}

/** Claims replies due to go (queued, or sending with a lapsed lease) for `worker` until `leaseUntil`. */
export async function claimReplies(q: Q, dialect: Dialect, worker: string, now: string, leaseUntil: string, limit: number): Promise<Array<{ id: string }>> {
  const due = skipLocked(
    dialect,
    q
      .selectFrom('replies')
      .select('id')
      .where('state', 'in', ['queued', 'sending'])
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('created_at')
      .limit(limit),
  );
  return q
    .updateTable('replies')
    .set({ lease_owner: worker, lease_until: leaseUntil })
    .where('id', 'in', due)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning(['id'])
    .execute();
}

export function listSavedReplies(q: Q, workspaceId: string) {
  return q
    .selectFrom('saved_replies as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .selectAll('s')
    .select('u.name as created_by_name')
    .where('s.workspace_id', '=', workspaceId)
    .orderBy('s.title')
    .execute();
}

export function findSavedReply(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('saved_replies').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertSavedReply(q: Q, row: SavedRepliesTable): Promise<void> {
  await q.insertInto('saved_replies').values(row).execute();
}

export async function updateSavedReply(q: Q, workspaceId: string, id: string, patch: Partial<Omit<SavedRepliesTable, 'workspace_id' | 'id'>>): Promise<void> {
  await q.updateTable('saved_replies').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function deleteSavedReply(q: Q, workspaceId: string, id: string): Promise<void> {
  await q.deleteFrom('saved_replies').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertExpertRequest(q: Q, row: ExpertRequestsTable): Promise<void> {
  await q.insertInto('expert_requests').values(row).execute();
}

export function findExpertRequestByToken(q: Q, tokenHash: string) {
  return q.selectFrom('expert_requests').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function conversationExpertRequests(q: Q, workspaceId: string, conversationId: string) {
  return q.selectFrom('expert_requests').selectAll().where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).orderBy('created_at').execute();
}

export async function updateExpertRequest(q: Q, id: string, patch: Partial<Omit<ExpertRequestsTable, 'workspace_id' | 'id'>>): Promise<void> {
  await q.updateTable('expert_requests').set(patch).where('id', '=', id).execute();
}

/** One conversation with the names lists show (channel, team, assignee, contact) and its replies awaiting approval. */
export function conversationSummaryRow(q: Q, workspaceId: string, id: string) {
  return q
    .selectFrom('conversations as c')
    .innerJoin('channels as ch', 'ch.id', 'c.channel_id')
    .innerJoin('contacts as ct', 'ct.id', 'c.contact_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .selectAll('c')
    .select(['ch.kind as channel_kind', 'ch.name as channel_name', 't.name as team_name', 'u.name as assignee_name', 'ct.display_name as contact_name', 'ct.vip as contact_vip'])
    .select((eb) => eb.selectFrom('replies as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.conversation_id', '=', 'c.id').where('r.state', '=', 'awaiting_approval').as('awaiting_approval'))
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}
