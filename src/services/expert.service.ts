import { randomBytes } from 'node:crypto';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { findExpertRequestByToken, findReply, insertEvent, insertExpertRequest, insertReply, updateExpertRequest, updateReply } from '../db/repos/conversations.repo';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { requireConversation, tell } from './conversations.service';
import { notify, sendPending } from './notifications.service';
import { replyRow } from './reply-row';
import { hashToken } from './tokens';

/** How long an expert's link works. */
export const EXPERT_LINK_DAYS = 14;

/**
 * Expert in the loop: someone inside the organization who does not use Regie (HR, legal) gets a one-time link by
 * e-mail, reads the question and drafts an answer on a simple page. The draft comes back into the conversation as a
 * suggestion; an agent takes it over and it leaves through the gate like any reply. Only the token's hash is stored.
 */
export async function requestExpert(app: App, actor: Actor, scope: WorkspaceScope, conversationId: string, input: { name: string; email: string; question: string }) {
  const now = app.clock.now();
  const iso = now.toISOString();
  const token = randomBytes(32).toString('base64url');
  const id = newId();
  const expiresAt = new Date(now.getTime() + EXPERT_LINK_DAYS * 86_400_000).toISOString();
  await app.db.transaction().execute(async (q) => {
    const conv = await requireConversation(q, scope, conversationId);
    await insertExpertRequest(q, { workspace_id: scope.workspaceId, id, conversation_id: conv.id, expert_email: input.email, expert_name: input.name, question: input.question, token_hash: hashToken(token), expires_at: expiresAt, draft_text: null, answered_at: null, revoked_at: null, reply_id: null, created_by: actor.userId, created_at: iso });
    await insertEvent(q, { workspace_id: scope.workspaceId, id: newId(), conversation_id: conv.id, actor_id: actor.userId, actor_org_id: scope.actingOrgId, kind: 'expert', body: input.question, data: JSON.stringify({ requestId: id, expertName: input.name, action: 'asked' }), created_at: iso });
    await writeAudit(app, q, actor, { action: 'conversation.expert_asked', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'conversation', objectId: conv.id, summary: { request: id, expert: input.email } });
  });
  const link = `${app.config.publicUrl}/expert/${token}`;
  await app.mailer.send({
    to: input.email,
    subject: `Vraag van ${scope.organizationName} / Question from ${scope.organizationName}`,
    text: `${actor.name} (${scope.agencyName ?? scope.organizationName}) vraagt je hulp bij een antwoord:\n\n${input.question}\n\nSchrijf je conceptantwoord hier (de link werkt ${EXPERT_LINK_DAYS} dagen):\n${link}\n\nNiets gaat naar buiten zonder dat het team het heeft bekeken.\n\n---\n${actor.name} asks your help with an answer. Write your draft here (the link works for ${EXPERT_LINK_DAYS} days):\n${link}\n`,
  });
  tell(app, scope.workspaceId, conversationId, 'updated');
  return { id, expertName: input.name, expertEmail: input.email, question: input.question, createdAt: iso, expiresAt, answeredAt: null };
}

async function liveRequest(app: App, token: string) {
  const r = await findExpertRequestByToken(app.db, hashToken(token));
  if (!r || r.revoked_at || Date.parse(r.expires_at) <= app.clock.now().getTime()) throw notFound('This link (it may have expired)');
  return r;
}

/** What the expert sees: the question, the conversation as plain text, and their draft so far. */
export async function expertView(app: App, token: string) {
  const r = await liveRequest(app, token);
  const [org, asker, messages] = await Promise.all([
    app.db.selectFrom('workspaces as w').innerJoin('organizations as o', 'o.id', 'w.organization_id').select('o.name').where('w.id', '=', r.workspace_id).executeTakeFirst(),
    app.db.selectFrom('users').select('name').where('id', '=', r.created_by).executeTakeFirst(),
    app.db
      .selectFrom('messages as m')
      .leftJoin('contacts as c', 'c.id', 'm.contact_id')
      .select(['m.direction', 'm.text', 'm.subject', 'm.created_at', 'c.display_name'])
      .where('m.workspace_id', '=', r.workspace_id)
      .where('m.conversation_id', '=', r.conversation_id)
      .orderBy('m.created_at', 'desc')
      .limit(30)
      .execute(),
  ]);
  return {
    organizationName: org?.name ?? '',
    expertName: r.expert_name,
    question: r.question,
    askedBy: asker?.name ?? '',
    messages: messages.reverse().map((m) => ({ direction: m.direction, text: m.text || m.subject || '', createdAt: m.created_at, authorName: m.direction === 'in' ? (m.display_name ?? '') : (org?.name ?? '') })),
    draft: r.draft_text,
    answeredAt: r.answered_at,
    expiresAt: r.expires_at,
  };
}

/** The expert's draft comes back into the conversation as a suggestion (again, until an agent took it over). */
export async function expertAnswer(app: App, token: string, text: string) {
  const r = await liveRequest(app, token);
  const iso = app.clock.now().toISOString();
  const mails = await app.db.transaction().execute(async (q) => {
    const latest = await q.selectFrom('messages').select('id').where('workspace_id', '=', r.workspace_id).where('conversation_id', '=', r.conversation_id).where('direction', '=', 'in').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    if (!latest) throw new AppError('ERR_INVALID_STATE', 'This conversation has no message to answer.');
    let replyId = r.reply_id;
    const existing = replyId ? await findReply(q, r.workspace_id, replyId) : undefined;
    if (existing && existing.state !== 'suggested') throw new AppError('ERR_INVALID_STATE', 'The team already took your draft over; thank you. Reply to the e-mail if you want to add something.');
    if (existing) await updateReply(q, existing.id, { text, updated_at: iso });
    else {
      const org = await q.selectFrom('workspaces').select('organization_id').where('id', '=', r.workspace_id).executeTakeFirstOrThrow();
      const row = replyRow({ workspace_id: r.workspace_id, conversation_id: r.conversation_id, channel_id: (await q.selectFrom('conversations').select('channel_id').where('id', '=', r.conversation_id).executeTakeFirstOrThrow()).channel_id, in_reply_to_message_id: latest.id, text, source: 'expert', state: 'suggested', author_org_id: org.organization_id, created_at: iso });
      await insertReply(q, row);
      replyId = row.id;
    }
    await updateExpertRequest(q, r.id, { draft_text: text, answered_at: iso, reply_id: replyId });
    await insertEvent(q, { workspace_id: r.workspace_id, id: newId(), conversation_id: r.conversation_id, actor_id: null, actor_org_id: null, kind: 'expert', body: null, data: JSON.stringify({ requestId: r.id, expertName: r.expert_name, action: 'answered', replyId }), created_at: iso });
    await writeAudit(app, q, null, { action: 'conversation.expert_answered', workspaceId: r.workspace_id, actorOrgId: null, objectType: 'conversation', objectId: r.conversation_id, summary: { request: r.id, expert: r.expert_email, reply: replyId } });
    const asker = await q.selectFrom('users').select(['id', 'email']).where('id', '=', r.created_by).execute();
    return notify(app, q, asker, { kind: 'expert.answered', workspaceId: r.workspace_id, subjectType: 'conversation', subjectId: r.conversation_id, payload: { expert: r.expert_name }, mail: { subject: `${r.expert_name} schreef een concept / wrote a draft`, text: text.slice(0, 1000) } });
  });
  await sendPending(app, mails);
  tell(app, r.workspace_id, r.conversation_id, 'reply');
  return { answeredAt: iso };
}
