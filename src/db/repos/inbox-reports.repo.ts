import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../schema';
import type { Q } from './types';

/** Which conversations a report covers: those of the workspace whose first message lies in [startAt, endAt). */
export interface ReportScope {
  workspaceId: string;
  startAt: string;
  endAt: string;
  teamId?: string;
  channelId?: string;
}

type ConvEb = ExpressionBuilder<DB, 'conversations'>;

const inScope = (s: ReportScope) => (eb: ConvEb) =>
  eb.and([
    eb('conversations.workspace_id', '=', s.workspaceId),
    eb('conversations.first_message_at', '>=', s.startAt),
    eb('conversations.first_message_at', '<', s.endAt),
    ...(s.teamId !== undefined ? [eb('conversations.team_id', '=', s.teamId)] : []),
    ...(s.channelId !== undefined ? [eb('conversations.channel_id', '=', s.channelId)] : []),
  ]);

/**
 * How many conversations in scope per channel, kind, team and sentiment together (one pass, counted by the
 * database; the combinations are few). Roll up per dimension with `labelled`.
 */
export async function groupCounts(q: Q, s: ReportScope) {
  const rows = await q
    .selectFrom('conversations')
    .select(['channel_id', 'kind', 'team_id', 'sentiment', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where(inScope(s))
    .groupBy(['channel_id', 'kind', 'team_id', 'sentiment'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** The organization that wrote the conversation's first reply sent through Regie (Regie's own left out). */
const firstReplyOrg = (eb: ConvEb) =>
  eb
    .selectFrom('messages')
    .innerJoin('replies', (j) => j.onRef('replies.workspace_id', '=', 'messages.workspace_id').onRef('replies.id', '=', 'messages.reply_id'))
    .select('replies.author_org_id')
    .whereRef('messages.workspace_id', '=', 'conversations.workspace_id')
    .whereRef('messages.conversation_id', '=', 'conversations.id')
    .where('messages.direction', '=', 'out')
    .where('replies.author_org_id', 'is not', null)
    .orderBy('messages.created_at')
    .orderBy('replies.author_org_id')
    .limit(1)
    .as('first_org_id');

const TIME_COLUMNS = ['team_id', 'first_message_at', 'first_response_at', 'resolved_at', 'sla_first_due_at', 'sla_resolution_due_at'] as const;

/** Only what the time figures need, for every conversation in scope: times, due times, team, first replier. */
export function timeRows(q: Q, s: ReportScope) {
  return q.selectFrom('conversations').select([...TIME_COLUMNS, firstReplyOrg]).where(inScope(s)).execute();
}

/**
 * Conversations in scope for lists and the CSV, with what `timeRows` has: the latest `limit` (by first message),
 * or all of them oldest first for `limit` null.
 */
export function reportConversations(q: Q, s: ReportScope, limit: number | null) {
  const query = q
    .selectFrom('conversations')
    .select(['id', 'channel_id', 'kind', 'subject', 'status', 'priority', 'sentiment', 'tags', ...TIME_COLUMNS, firstReplyOrg])
    .where(inScope(s));
  return limit === null
    ? query.orderBy('first_message_at').orderBy('id').execute()
    : query.orderBy('first_message_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** How many replies each organization sent (outgoing messages made through the gate) in the conversations in scope. */
export async function repliesPerOrg(q: Q, s: ReportScope): Promise<Array<{ orgId: string | null; count: number }>> {
  const rows = await q
    .selectFrom('messages')
    .innerJoin('replies', (j) => j.onRef('replies.workspace_id', '=', 'messages.workspace_id').onRef('replies.id', '=', 'messages.reply_id'))
    .select(['replies.author_org_id', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('messages.workspace_id', '=', s.workspaceId)
    .where('messages.direction', '=', 'out')
    // A semi-join, so that the database starts from the conversations in scope rather than from every message.
    .where('messages.conversation_id', 'in', (eb) => eb.selectFrom('conversations').select('conversations.id').where(inScope(s)))
    .groupBy('replies.author_org_id')
    .execute();
  return rows.map((r) => ({ orgId: r.author_org_id, count: Number(r.count) }));
}

/** The tag lists (JSON) of the conversations in scope that have tags. */
export async function tagLists(q: Q, s: ReportScope): Promise<string[]> {
  const rows = await q.selectFrom('conversations').select('tags').where(inScope(s)).where('tags', '<>', '[]').execute();
  return rows.map((r) => r.tags);
}

/**
 * Texts of the latest `limit` inbound messages sent in [startAt, endAt), of conversations on the filtered team and
 * channel (whenever those conversations started).
 */
export async function inboundTexts(q: Q, s: ReportScope, limit: number): Promise<string[]> {
  let query = q
    .selectFrom('messages')
    .select(['messages.text', 'messages.subject'])
    .where('messages.workspace_id', '=', s.workspaceId)
    .where('messages.direction', '=', 'in')
    .where('messages.created_at', '>=', s.startAt)
    .where('messages.created_at', '<', s.endAt);
  if (s.channelId !== undefined) query = query.where('messages.channel_id', '=', s.channelId);
  if (s.teamId !== undefined) {
    const teamId = s.teamId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('conversations').select('conversations.id').whereRef('conversations.id', '=', 'messages.conversation_id').where('conversations.workspace_id', '=', s.workspaceId).where('conversations.team_id', '=', teamId)),
    );
  }
  const rows = await query.orderBy('messages.created_at', 'desc').limit(limit).execute();
  return rows.map((r) => (r.subject ? `${r.subject}\n${r.text}` : r.text));
}

/** Names and kinds (client or agency) of organizations. */
export function organizationsByIds(q: Q, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return q.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', 'in', ids).execute();
}

/** The workspace's teams (archived ones too: old conversations keep them) with their business hours. */
export function teamsOf(q: Q, workspaceId: string) {
  return q.selectFrom('teams').select(['id', 'name', 'business_hours']).where('workspace_id', '=', workspaceId).execute();
}

/** The workspace's channels (disconnected ones too). */
export function channelsOf(q: Q, workspaceId: string) {
  return q.selectFrom('channels').select(['id', 'name', 'kind']).where('workspace_id', '=', workspaceId).execute();
}
