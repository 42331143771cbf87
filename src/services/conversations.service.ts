import { PRIORITIES, type Priority } from '../core/inbox/routing';
import { searchQueryOf } from '../core/inbox/search-terms';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { countViews, listConversations, type ConversationListQuery, type ConversationListRow } from '../db/repos/inbox-list.repo';
import { conversationSummaryRow, findConversation, insertEvent, patchConversation } from '../db/repos/conversations.repo';
import { lockConversation } from '../db/repos/inbox.repo';
import { findTeam, teamIdsOf } from '../db/repos/teams.repo';
import type { Q } from '../db/repos/types';
import { bool } from '../db/repos/types';
import type { ConversationsTable } from '../db/schema';
import type { WorkspaceScope } from './access.service';
import type { Actor, App, InboxEvent } from './app';
import { writeAudit } from './audit.service';
import { workspacePeople } from './inbox-people';
import { pausesAfter, slaFields, teamTerms } from './inbox-sla';
import { notify, sendPending, type PendingMail } from './notifications.service';

export const STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

const json = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

/** A conversation as lists and the conversation page show it (the API contract's ConversationSummary). */
export function summaryOf(row: ConversationListRow) {
  return {
    id: row.id,
    channelId: row.channel_id,
    channelKind: row.channel_kind,
    channelName: row.channel_name,
    kind: row.kind,
    subject: row.subject,
    status: row.status,
    snoozedUntil: row.snoozed_until,
    teamId: row.team_id,
    teamName: row.team_name,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    priority: row.priority,
    tags: json<string[]>(row.tags, []),
    sentiment: row.sentiment,
    language: row.language,
    messageCount: Number(row.message_count),
    lastMessageAt: row.last_message_at,
    lastInboundAt: row.last_inbound_at,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    contact: { id: row.contact_id, name: row.contact_name, vip: bool(row.contact_vip) },
    preview: row.preview ?? '',
    sla: { state: row.sla_state, dueAt: row.sla_due_at, firstResponseDueAt: row.sla_first_due_at, resolutionDueAt: row.sla_resolution_due_at },
    awaitingApproval: Number(row.awaiting_approval ?? 0),
  };
}
export type ConversationSummary = ReturnType<typeof summaryOf>;

/** What an inbox page asks for: a view, filters, a search text and a page (the rest comes from who asks). */
export type InboxQuery = Pick<ConversationListQuery, 'view' | 'status' | 'channelId' | 'teamId' | 'tag' | 'sentiment' | 'sla' | 'priority' | 'contactId' | 'limit'> & {
  /** The search as typed; see core/inbox/search-terms searchQueryOf. */
  q?: string;
  cursor?: string;
};

/** The inbox list: a view, filters and full-text search, sorted by SLA urgency, a page at a time. */
export async function listInbox(app: App, actor: Actor, scope: WorkspaceScope, query: InboxQuery) {
  const now = app.clock.now().toISOString();
  const teamIds = await teamIdsOf(app.db, scope.workspaceId, actor.userId);
  const search = query.q?.trim() ? searchQueryOf(query.q) : null;
  const base = { workspaceId: scope.workspaceId, userId: actor.userId, teamIds, now };
  if (query.q?.trim() && !search) return { items: [], nextCursor: null, counts: await countViews(app.db, base) };
  const [page, counts] = await Promise.all([
    listConversations(app.db, app.dialect, { ...query, ...base, search, cursor: query.cursor ?? null }),
    countViews(app.db, base),
  ]);
  return { items: page.rows.map(summaryOf), nextCursor: page.nextCursor, counts };
}

/** A conversation of this workspace, or ERR_NOT_FOUND (also for another workspace's). */
export async function requireConversation(q: Q, scope: WorkspaceScope, id: string): Promise<ConversationsTable> {
  const c = await findConversation(q, scope.workspaceId, id);
  if (!c) throw notFound('This conversation');
  return c;
}

export async function conversationSummary(q: Q, scope: WorkspaceScope, id: string): Promise<ConversationSummary> {
  const row = await conversationSummaryRow(q, scope.workspaceId, id);
  if (!row) throw notFound('This conversation');
  return summaryOf(row as ConversationListRow);
}

export interface ConversationPatch {
  status?: Status;
  snoozedUntil?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
  priority?: Priority;
  tags?: string[];
}

function normalTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter((t) => t.length > 0 && t.length <= 40))].slice(0, 20);
}

/**
 * Changes a conversation: status (pending and snoozed pause the resolution clock, resolved stops it), assignee
 * (a person of this workspace, who is told), team and priority (the SLA clocks follow the new terms), tags. One
 * transaction with a timeline entry per change and one audit record.
 */
export async function changeConversation(app: App, actor: Actor, scope: WorkspaceScope, id: string, patch: ConversationPatch): Promise<ConversationSummary> {
  const now = app.clock.now();
  const iso = now.toISOString();
  let mails: PendingMail = [];
  await app.db.transaction().execute(async (q) => {
    const conv = await lockConversation(q, scope.workspaceId, id);
    if (!conv) throw notFound('This conversation');
    const next: ConversationsTable = { ...conv, updated_at: iso };
    const events: Array<{ kind: string; data: Record<string, unknown> }> = [];
    if (patch.status !== undefined && (patch.status !== conv.status || patch.status === 'snoozed')) {
      let until: string | null = null;
      if (patch.status === 'snoozed') {
        until = patch.snoozedUntil ?? null;
        if (!until || Number.isNaN(Date.parse(until)) || Date.parse(until) <= now.getTime()) {
          throw new AppError('ERR_VALIDATION', 'Snoozing needs a time in the future: until when?', { problems: ['snoozedUntil: a future time is required'] });
        }
        until = new Date(until).toISOString();
      }
      next.sla_paused = pausesAfter(conv, patch.status, iso, until);
      next.status = patch.status;
      next.snoozed_until = until;
      next.resolved_at = patch.status === 'resolved' ? iso : null;
      events.push({ kind: 'status', data: { from: conv.status, to: patch.status, snoozedUntil: until } });
    }
    if (patch.assigneeId !== undefined && patch.assigneeId !== conv.assignee_id) {
      const people = await workspacePeople(q, scope.workspaceId, now);
      const person = patch.assigneeId ? people.find((p) => p.userId === patch.assigneeId) : null;
      if (patch.assigneeId && !person) throw new AppError('ERR_VALIDATION', 'Only people who work in this workspace can be assigned.', { problems: ['assigneeId: not in this workspace'] });
      next.assignee_id = patch.assigneeId;
      events.push({ kind: 'assigned', data: { assigneeId: patch.assigneeId, assigneeName: person?.name ?? null, previousId: conv.assignee_id } });
      if (person && person.userId !== actor.userId) {
        mails = mails.concat(
          await notify(app, q, [{ id: person.userId, email: person.email }], {
            kind: 'conversation.assigned',
            workspaceId: scope.workspaceId,
            subjectType: 'conversation',
            subjectId: id,
            payload: { by: actor.name, contact: conv.subject ?? conv.preview ?? '' },
            mail: { subject: `Aan jou toegewezen / Assigned to you: ${conv.subject ?? (conv.preview ?? '').slice(0, 60)}`, text: `${actor.name} assigned a conversation to you in Regie.` },
          }),
        );
      }
    }
    if (patch.teamId !== undefined && patch.teamId !== conv.team_id) {
      const team = patch.teamId ? await findTeam(q, scope.workspaceId, patch.teamId) : null;
      if (patch.teamId && (!team || team.archived_at)) throw notFound('This team');
      next.team_id = patch.teamId;
      events.push({ kind: 'team', data: { teamId: patch.teamId, teamName: team?.name ?? null } });
    }
    if (patch.priority !== undefined && patch.priority !== conv.priority) {
      if (!(PRIORITIES as readonly string[]).includes(patch.priority)) throw new AppError('ERR_VALIDATION', 'Unknown priority.', { problems: ['priority'] });
      next.priority = patch.priority;
      events.push({ kind: 'priority', data: { from: conv.priority, to: patch.priority } });
    }
    if (patch.tags !== undefined) {
      const tags = normalTags(patch.tags);
      const before = json<string[]>(conv.tags, []);
      if (JSON.stringify(tags) !== JSON.stringify(before)) {
        next.tags = JSON.stringify(tags);
        events.push({ kind: 'tags', data: { added: tags.filter((t) => !before.includes(t)), removed: before.filter((t) => !tags.includes(t)) } });
      }
    }
    if (events.length === 0) return;
    const team = next.team_id ? await findTeam(q, scope.workspaceId, next.team_id) : undefined;
    Object.assign(next, slaFields(next, teamTerms(team), iso));
    const { workspace_id: _w, id: _i, ...cols } = next;
    await patchConversation(q, scope.workspaceId, id, cols);
    for (const e of events) await insertEvent(q, { workspace_id: scope.workspaceId, id: newId(), conversation_id: id, actor_id: actor.userId, actor_org_id: scope.actingOrgId, kind: e.kind, body: null, data: JSON.stringify(e.data), created_at: iso });
    await writeAudit(app, q, actor, { action: 'conversation.changed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: id, summary: Object.fromEntries(events.map((e) => [e.kind, e.data])) });
  });
  await sendPending(app, mails);
  tell(app, scope.workspaceId, id, 'updated');
  return conversationSummary(app.db, scope, id);
}

/** People named in a note as "@Full Name" or "@e-mail" (longest names first, so "@Anna de Vries" beats "@Anna"). */
export function mentionedIn<P extends { name: string; email: string }>(body: string, people: P[]): P[] {
  const lower = body.toLowerCase();
  const found: P[] = [];
  for (const p of [...people].sort((a, b) => b.name.length - a.name.length)) {
    if (lower.includes(`@${p.email.toLowerCase()}`) || lower.includes(`@${p.name.toLowerCase()}`)) found.push(p);
  }
  return found;
}

/** An internal note on the conversation (never sent); the people it @mentions are told. */
export async function addNote(app: App, actor: Actor, scope: WorkspaceScope, id: string, body: string) {
  const iso = app.clock.now().toISOString();
  const eventId = newId();
  let mails: PendingMail = [];
  await app.db.transaction().execute(async (q) => {
    const conv = await requireConversation(q, scope, id);
    const people = await workspacePeople(q, scope.workspaceId, app.clock.now());
    const mentioned = mentionedIn(body, people);
    await insertEvent(q, { workspace_id: scope.workspaceId, id: eventId, conversation_id: id, actor_id: actor.userId, actor_org_id: scope.actingOrgId, kind: 'note', body, data: JSON.stringify({ mentions: mentioned.map((p) => p.userId) }), created_at: iso });
    await patchConversation(q, scope.workspaceId, id, { updated_at: iso });
    await writeAudit(app, q, actor, { action: 'conversation.noted', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: id, summary: { note: eventId, mentions: mentioned.map((p) => p.userId) } });
    mails = await notify(
      app,
      q,
      mentioned.map((p) => ({ id: p.userId, email: p.email })),
      {
        kind: 'conversation.mentioned',
        workspaceId: scope.workspaceId,
        subjectType: 'conversation',
        subjectId: id,
        payload: { by: actor.name, excerpt: body.slice(0, 200), subject: conv.subject },
        mail: { subject: `${actor.name} noemt je / mentions you`, text: `${actor.name}: ${body.slice(0, 500)}` },
      },
      actor.userId,
    );
  });
  await sendPending(app, mails);
  tell(app, scope.workspaceId, id, 'note');
  return { id: eventId, kind: 'note' as const, actor: { userId: actor.userId, name: actor.name, orgName: scope.agencyName ?? scope.organizationName, isAgency: scope.agencyName !== null }, body, data: {}, createdAt: iso };
}

/** Tells open inboxes about a change (after the commit). */
export function tell(app: App, workspaceId: string, conversationId: string, change: InboxEvent['change']): void {
  app.events.publish(workspaceId, { type: 'conversation', conversationId, change });
}
