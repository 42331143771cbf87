import { checkText, verdictOf } from '../core/code';
import { replyApprovalReasons, whyNotApprover, type ReplyWriter } from '../core/inbox/reply-rules';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { roleCan } from '../core/workspaces/roles';
import { findChannel } from '../db/repos/channels.repo';
import { findMessage, findReply, insertEvent, insertReply, updateReply } from '../db/repos/conversations.repo';
import type { Q } from '../db/repos/types';
import type { RepliesTable } from '../db/schema';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { codeInForce } from './code.service';
import { requireConversation, tell } from './conversations.service';
import { sendReply } from './gate.service';
import { workspacePeople, type InboxPerson } from './inbox-people';
import { inboxSettingsOf } from './inbox-settings.service';
import { notify, sendPending, type PendingMail } from './notifications.service';
import { languageOf } from './post-checks';
import { replyRow } from './reply-row';

const SEND_LEASE_MS = 60_000;
const json = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

/** A reply as the conversation page shows it, with whether `actor` may approve it and why not. */
export async function replyView(q: Q, scope: WorkspaceScope, actor: Actor, r: RepliesTable) {
  const names = await q.selectFrom('users').select(['id', 'name']).where('id', 'in', [r.author_id, r.approved_by, '-'].filter((x): x is string => !!x)).execute();
  const org = r.author_org_id ? await q.selectFrom('organizations').select(['name', 'kind']).where('id', '=', r.author_org_id).executeTakeFirst() : undefined;
  const name = (id: string | null) => names.find((n) => n.id === id)?.name ?? null;
  const whyNot = whyNotApprover({ userId: actor.userId, isAgency: scope.agencyName !== null, canApprove: roleCan(scope.access.role, 'inbox.approve') }, writersOf(r));
  return {
    id: r.id,
    conversationId: r.conversation_id,
    inReplyToMessageId: r.in_reply_to_message_id,
    text: r.text,
    source: r.source,
    state: r.state,
    author: { userId: r.author_id, name: r.author_id ? (name(r.author_id) ?? '') : r.source === 'expert' ? 'Expert' : 'Regie', orgName: org?.name ?? null, isAgency: org?.kind === 'agency' },
    approvalReasons: json<string[]>(r.approval_reasons, []),
    approvedBy: r.approved_by ? { userId: r.approved_by, name: name(r.approved_by) ?? '' } : null,
    youMayApprove: r.state === 'awaiting_approval' && whyNot === null,
    whyNot: r.state === 'awaiting_approval' ? whyNot : null,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    remoteUrl: r.remote_url,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}
export type ReplyView = Awaited<ReturnType<typeof replyView>>;

const writersOf = (r: RepliesTable) => [r.author_id, ...json<string[]>(r.editor_ids, [])].filter((x): x is string => !!x);

/** The writer facts the reply rules need: agency or own, and whether the mandate lets them reply without approval here. */
function writerFacts(people: InboxPerson[], ids: string[], channelId: string): ReplyWriter[] {
  return ids.map((id) => {
    const p = people.find((x) => x.userId === id);
    if (!p) return { userId: id, isAgency: true, mayReplyWithoutApproval: false };
    return { userId: id, isAgency: p.isAgency, mayReplyWithoutApproval: p.mayReplyWithoutApproval && (p.channelIds === null || p.channelIds.includes(channelId)) };
  });
}

async function requireReply(q: Q, scope: WorkspaceScope, id: string): Promise<RepliesTable> {
  const r = await findReply(q, scope.workspaceId, id);
  if (!r) throw notFound('This reply');
  return r;
}

/** The code's verdict on a reply text for this channel now; a block is refused with its findings. */
async function checkReplyText(q: Q, workspaceId: string, channelId: string, text: string, now: string) {
  const code = await codeInForce(q, workspaceId);
  const channel = await findChannel(q, workspaceId, channelId);
  const findings = checkText(code.compiled, { text, context: 'reply', sendAt: now, channelLanguage: channel ? languageOf(channel) : undefined });
  const verdict = verdictOf(findings);
  if (verdict === 'block') throw new AppError('ERR_CODE_BLOCKS', 'The organization’s code blocks this reply. Change the marked words and send again.', { findings, codeVersion: code.version });
  return { verdict, codeVersion: code.version };
}

/**
 * Where a reply goes after its text is final: to an approver when the rules ask for one (approvers are told), else
 * into the queue with a short lease for this request, so the caller sends it through the gate at once.
 */
async function route(app: App, q: Q, actor: Actor, scope: WorkspaceScope, r: RepliesTable, verdict: string, leaseOwner: string): Promise<PendingMail> {
  const now = app.clock.now();
  const conv = await requireConversation(q, scope, r.conversation_id);
  const msg = await findMessage(q, scope.workspaceId, r.in_reply_to_message_id);
  const people = await workspacePeople(q, scope.workspaceId, now);
  const { replyRules } = await inboxSettingsOf(q, scope.workspaceId);
  const reasons = replyApprovalReasons(replyRules, { writers: writerFacts(people, writersOf(r), r.channel_id), sentiment: (msg?.sentiment ?? conv.sentiment) as 'negative' | 'neutral' | 'positive', codeVerdict: verdict as 'pass' });
  const iso = now.toISOString();
  if (reasons.length > 0) {
    await updateReply(q, r.id, { state: 'awaiting_approval', approval_reasons: JSON.stringify(reasons), reason_code: 'not_approved', reason_text: null, updated_at: iso });
    const approvers = people.filter((p) => !p.isAgency && roleCan(p.role as 'owner', 'inbox.approve') && !writersOf(r).includes(p.userId));
    return notify(app, q, approvers.map((p) => ({ id: p.userId, email: p.email })), {
      kind: 'reply.awaiting_approval',
      workspaceId: scope.workspaceId,
      subjectType: 'conversation',
      subjectId: r.conversation_id,
      payload: { by: actor.name, reasons, excerpt: r.text.slice(0, 200) },
      mail: { subject: `Antwoord wacht op goedkeuring / Reply awaiting approval`, text: `${actor.name}: “${r.text.slice(0, 500)}”` },
    });
  }
  await updateReply(q, r.id, { state: 'queued', approval_reasons: '[]', sent_by: actor.userId, lease_owner: leaseOwner, lease_until: new Date(now.getTime() + SEND_LEASE_MS).toISOString(), next_attempt_at: iso, reason_code: null, reason_text: null, updated_at: iso });
  return [];
}

async function sendNowIfQueued(app: App, id: string, leaseOwner: string): Promise<void> {
  const r = await app.db.selectFrom('replies').select(['state', 'lease_owner']).where('id', '=', id).executeTakeFirst();
  if (r?.state === 'queued' && r.lease_owner === leaseOwner) await sendReply(app, id, leaseOwner);
}

async function finish(app: App, actor: Actor, scope: WorkspaceScope, id: string, mails: PendingMail, leaseOwner: string | null): Promise<ReplyView> {
  await sendPending(app, mails);
  if (leaseOwner) await sendNowIfQueued(app, id, leaseOwner);
  const r = (await findReply(app.db, scope.workspaceId, id))!;
  tell(app, scope.workspaceId, r.conversation_id, 'reply');
  return replyView(app.db, scope, actor, r);
}

/**
 * A reply written in the inbox. The code is checked on the text (a block is refused, nothing stored). As a
 * suggestion (advisors) it waits for an agent to take it over; otherwise it goes to an approver when the rules ask
 * for one, or out through the gate at once.
 */
export async function createReply(app: App, actor: Actor, scope: WorkspaceScope, conversationId: string, input: { text: string; inReplyToMessageId?: string | null; suggestion?: boolean }): Promise<ReplyView> {
  const iso = app.clock.now().toISOString();
  const id = newId();
  const leaseOwner = `web-${id}`;
  const mails = await app.db.transaction().execute(async (q) => {
    const conv = await requireConversation(q, scope, conversationId);
    const target = input.inReplyToMessageId
      ? await findMessage(q, scope.workspaceId, input.inReplyToMessageId)
      : await q.selectFrom('messages').selectAll().where('workspace_id', '=', scope.workspaceId).where('conversation_id', '=', conv.id).where('direction', '=', 'in').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    if (!target || target.conversation_id !== conv.id) throw new AppError('ERR_VALIDATION', 'There is no message in this conversation to reply to.', { problems: ['inReplyToMessageId'] });
    const { verdict } = await checkReplyText(q, scope.workspaceId, conv.channel_id, input.text, iso);
    const row = replyRow({ id, workspace_id: scope.workspaceId, conversation_id: conv.id, channel_id: conv.channel_id, in_reply_to_message_id: target.id, text: input.text, source: input.suggestion ? 'suggestion' : 'agent', state: 'suggested', author_id: actor.userId, author_org_id: scope.actingOrgId, created_at: iso });
    await insertReply(q, row);
    await insertEvent(q, { workspace_id: scope.workspaceId, id: newId(), conversation_id: conv.id, actor_id: actor.userId, actor_org_id: scope.actingOrgId, kind: 'reply', body: null, data: JSON.stringify({ replyId: id, action: input.suggestion ? 'suggested' : 'written' }), created_at: iso });
    await writeAudit(app, q, actor, { action: input.suggestion ? 'reply.suggested' : 'reply.written', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: conv.id, summary: { reply: id, text: input.text.slice(0, 500) } });
    if (input.suggestion) return [];
    return route(app, q, actor, scope, row, verdict, leaseOwner);
  });
  return finish(app, actor, scope, id, mails, input.suggestion ? null : leaseOwner);
}

/** An approver of the organization approves a waiting reply; it leaves through the gate at once. */
export async function approveReply(app: App, actor: Actor, scope: WorkspaceScope, id: string): Promise<ReplyView> {
  const iso = app.clock.now().toISOString();
  const leaseOwner = `web-approve-${newId()}`;
  await app.db.transaction().execute(async (q) => {
    const r = await requireReply(q, scope, id);
    if (r.state !== 'awaiting_approval') throw new AppError('ERR_INVALID_STATE', 'This reply is not waiting for approval (any more).');
    refuseApprover(actor, scope, r);
    await updateReply(q, id, { state: 'queued', approved_by: actor.userId, approved_at: iso, sent_by: actor.userId, lease_owner: leaseOwner, lease_until: new Date(Date.parse(iso) + SEND_LEASE_MS).toISOString(), next_attempt_at: iso, reason_code: null, reason_text: null, updated_at: iso });
    await writeAudit(app, q, actor, { action: 'reply.approved', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: r.conversation_id, summary: { reply: id, reasons: json<string[]>(r.approval_reasons, []) } });
  });
  return finish(app, actor, scope, id, [], leaseOwner);
}

function refuseApprover(actor: Actor, scope: WorkspaceScope, r: RepliesTable): void {
  const why = whyNotApprover({ userId: actor.userId, isAgency: scope.agencyName !== null, canApprove: roleCan(scope.access.role, 'inbox.approve') }, writersOf(r));
  if (why === 'own_work') throw new AppError('ERR_OWN_WORK', 'You wrote (part of) this reply; someone else of the organization approves it.');
  if (why) throw new AppError('ERR_CANNOT_APPROVE', 'Only the organization’s own approvers (owners and editors) approve replies.');
}

/** An approver sends a waiting reply back, with a note for its author. */
export async function rejectReply(app: App, actor: Actor, scope: WorkspaceScope, id: string, note: string): Promise<ReplyView> {
  const iso = app.clock.now().toISOString();
  const mails = await app.db.transaction().execute(async (q) => {
    const r = await requireReply(q, scope, id);
    if (r.state !== 'awaiting_approval') throw new AppError('ERR_INVALID_STATE', 'This reply is not waiting for approval (any more).');
    refuseApprover(actor, scope, r);
    await updateReply(q, id, { state: 'rejected', reason_code: 'rejected_by_approver', reason_text: note || null, updated_at: iso });
    await writeAudit(app, q, actor, { action: 'reply.rejected', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: r.conversation_id, summary: { reply: id, note } });
    const authors = await q.selectFrom('users').select(['id', 'email']).where('id', 'in', writersOf(r).concat(['-'])).execute();
    return notify(app, q, authors, { kind: 'reply.rejected', workspaceId: scope.workspaceId, subjectType: 'conversation', subjectId: r.conversation_id, payload: { by: actor.name, note }, mail: { subject: 'Antwoord teruggestuurd / Reply sent back', text: `${actor.name}: ${note}` } }, actor.userId);
  });
  return finish(app, actor, scope, id, mails, null);
}

/**
 * An agent takes over a suggestion or an expert's draft, perhaps edited: the agent joins its writers and it goes
 * on like any reply (approval where the rules say so: the suggestion's author counts).
 */
export async function acceptReply(app: App, actor: Actor, scope: WorkspaceScope, id: string, text: string | undefined): Promise<ReplyView> {
  const iso = app.clock.now().toISOString();
  const leaseOwner = `web-accept-${newId()}`;
  const mails = await app.db.transaction().execute(async (q) => {
    const r = await requireReply(q, scope, id);
    if (r.state !== 'suggested' && r.state !== 'rejected') throw new AppError('ERR_INVALID_STATE', 'Only a suggestion or a draft can be taken over.');
    const finalText = text?.trim() ? text.trim() : r.text;
    const { verdict } = await checkReplyText(q, scope.workspaceId, r.channel_id, finalText, iso);
    const editors = json<string[]>(r.editor_ids, []);
    const next = { ...r, text: finalText, editor_ids: JSON.stringify(r.author_id === actor.userId || editors.includes(actor.userId) ? editors : [...editors, actor.userId]), approved_by: null, approved_at: null };
    await updateReply(q, id, { text: next.text, editor_ids: next.editor_ids, approved_by: null, approved_at: null, updated_at: iso });
    await writeAudit(app, q, actor, { action: 'reply.taken_over', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: r.conversation_id, summary: { reply: id, edited: finalText !== r.text, source: r.source } });
    return route(app, q, actor, scope, next, verdict, leaseOwner);
  });
  return finish(app, actor, scope, id, mails, leaseOwner);
}

/** Puts a reply aside (a suggestion nobody takes, a copy that turned out to be on the platform already). */
export async function discardReply(app: App, actor: Actor, scope: WorkspaceScope, id: string): Promise<ReplyView> {
  const iso = app.clock.now().toISOString();
  await app.db.transaction().execute(async (q) => {
    const r = await requireReply(q, scope, id);
    if (!['suggested', 'awaiting_approval', 'failed', 'held', 'rejected'].includes(r.state)) throw new AppError('ERR_INVALID_STATE', 'This reply can no longer be discarded.');
    await updateReply(q, id, { state: 'discarded', lease_owner: null, lease_until: null, updated_at: iso });
    await writeAudit(app, q, actor, { action: 'reply.discarded', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: r.conversation_id, summary: { reply: id, was: r.state } });
  });
  return finish(app, actor, scope, id, [], null);
}

/** Sends a failed or held reply again through the whole gate (after a reconnect, or when it was not on the platform). */
export async function retryReply(app: App, actor: Actor, scope: WorkspaceScope, id: string): Promise<ReplyView> {
  const iso = app.clock.now().toISOString();
  const leaseOwner = `web-retry-${newId()}`;
  await app.db.transaction().execute(async (q) => {
    const r = await requireReply(q, scope, id);
    if (r.state !== 'failed' && r.state !== 'held') throw new AppError('ERR_INVALID_STATE', 'Only a failed or held reply can be sent again.');
    await updateReply(q, id, { state: 'queued', sent_by: actor.userId, lease_owner: leaseOwner, lease_until: new Date(Date.parse(iso) + SEND_LEASE_MS).toISOString(), next_attempt_at: iso, attempt_started_at: null, updated_at: iso });
    await writeAudit(app, q, actor, { action: 'reply.retried', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: r.conversation_id, summary: { reply: id, was: r.state, reason: r.reason_code } });
  });
  return finish(app, actor, scope, id, [], leaseOwner);
}
