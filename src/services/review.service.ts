import type { PostContent } from '../core/content/post-content';
import { mayApprove, type ApproveRefusal } from '../core/review/review-rules';
import type { ReviewState } from '../core/review/post-state';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { listChannels } from '../db/repos/channels.repo';
import { findPost, findReview, findVersion, insertReview, updatePost, updateReview, updateVariant, variantsOf } from '../db/repos/posts.repo';
import { approversOf, ownersOf } from '../db/repos/publishing.repo';
import type { Q } from '../db/repos/types';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { codeInForce } from './code.service';
import { notify, sendPending, type PendingMail } from './notifications.service';
import { checkContent, needOf, writerFacts } from './post-checks';
import { updatePostContent } from './posts.service';
import { settingsOf } from './publishing-settings';

const refusal: Record<ApproveRefusal, string> = {
  own_work: 'You wrote (part of) this post, so someone else must approve it (four eyes).',
  agency_cannot_approve: 'Only the organization itself approves what is said in its name; an agency cannot approve.',
  role_cannot_approve: 'Only owners and editors of the organization approve posts.',
  owner_required: 'The code asks an owner to approve this post (it touches a sensitive rule).',
};

async function loadCurrent(app: App, q: Q, scope: WorkspaceScope, postId: string) {
  const post = await findPost(q, scope.workspaceId, postId, app.dialect);
  if (!post) throw notFound('This post');
  const ver = await findVersion(q, scope.workspaceId, postId, Number(post.version));
  const content = JSON.parse(ver!.content) as PostContent;
  return { post, content };
}

async function userEmail(q: Q, id: string) {
  return q.selectFrom('users').select(['id', 'email']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The author asks for review; blocked by the code means it cannot be submitted. Approvers are told. */
export async function submitForReview(app: App, actor: Actor, scope: WorkspaceScope, postId: string, version: number) {
  const mails = await app.db.transaction().execute(async (q) => {
    const { post, content } = await loadCurrent(app, q, scope, postId);
    if (Number(post.version) !== version) throw new AppError('ERR_STALE_VERSION', 'A newer version was saved meanwhile. Reload the post.');
    if (post.review_state === 'in_review') return [] as PendingMail;
    const code = await codeInForce(q, scope.workspaceId);
    const checked = checkContent(app, content, await listChannels(q, scope.workspaceId), code, { campaign: null, sendAt: post.scheduled_at });
    if (checked.verdict === 'block') throw new AppError('ERR_CODE_BLOCKS', 'The code blocks this text. Change what the findings point at, then submit again.', checked.variants.flatMap((v) => v.findings));
    await updatePost(q, postId, { review_state: 'in_review', updated_at: app.clock.now().toISOString() });
    await writeAudit(app, q, actor, { action: 'post.submitted', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { version } });
    const recipients = checked.verdict === 'needs_approval' ? await ownersOf(q, scope.workspaceId) : await approversOf(q, scope.workspaceId);
    return notify(app, q, recipients, { kind: 'post.review_requested', workspaceId: scope.workspaceId, subjectType: 'post', subjectId: postId, payload: { title: content.title, by: actor.name }, mail: { subject: `Ter beoordeling / For review: ${content.title}`, text: `${actor.name} vraagt je dit bericht te beoordelen. / asks you to review this post.` } }, actor.userId);
  });
  await sendPending(app, mails);
  return { reviewState: 'in_review' as ReviewState };
}

/**
 * Approves exactly `version`. Only the organization's own owners or editors approve (an owner where the code asks
 * for one), never someone who wrote a version of it. A post that was given a time goes into the schedule.
 */
export async function approvePost(app: App, actor: Actor, scope: WorkspaceScope, postId: string, version: number, note: string | null) {
  const mails = await app.db.transaction().execute(async (q) => {
    const { post, content } = await loadCurrent(app, q, scope, postId);
    if (Number(post.version) !== version) throw new AppError('ERR_STALE_VERSION', `This post was changed after you opened it (now version ${post.version}). Look at the new version before approving.`);
    const code = await codeInForce(q, scope.workspaceId);
    const checked = checkContent(app, content, await listChannels(q, scope.workspaceId), code, { campaign: null, sendAt: post.scheduled_at });
    if (checked.verdict === 'block') throw new AppError('ERR_CODE_BLOCKS', 'The code blocks this text; it cannot be approved.', checked.variants.flatMap((v) => v.findings));
    const settings = await settingsOf(q, scope.workspaceId);
    const facts = await writerFacts(app, q, scope.workspaceId, scope.organizationId, postId);
    const need = needOf(settings.reviewRules, facts.writers, content.variants.map((v) => v.channelId), checked.verdict);
    const may = mayApprove({ ...need, needed: true }, { userId: actor.userId, role: scope.access.role, viaAgency: scope.access.via.kind === 'mandate' }, facts.ids);
    if (!may.ok) throw new AppError(may.why === 'own_work' ? 'ERR_OWN_WORK' : 'ERR_CANNOT_APPROVE', refusal[may.why]);
    const now = app.clock.now().toISOString();
    await insertReview(q, { workspace_id: scope.workspaceId, id: newId(), post_id: postId, version, kind: 'approval', author_id: actor.userId, author_org_id: scope.actingOrgId, body: note ?? '', clause_id: null, suggestion: null, status: 'done', decided_by: null, decided_at: null, created_at: now });
    await updatePost(q, postId, { review_state: 'approved', approved_version: version, updated_at: now });
    if (post.scheduled_at) {
      for (const v of await variantsOf(q, scope.workspaceId, postId, app.dialect)) {
        if (v.state === 'draft' && v.due_at) await updateVariant(q, v.id, { state: 'scheduled', version, next_attempt_at: v.due_at, reason_code: null, reason_text: null, updated_at: now });
      }
    }
    await writeAudit(app, q, actor, { action: 'post.approved', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { version, reasons: need.reasons, note } });
    return notify(app, q, [await userEmail(q, post.author_id)], { kind: 'post.approved', workspaceId: scope.workspaceId, subjectType: 'post', subjectId: postId, payload: { title: content.title, by: actor.name, version }, mail: { subject: `Goedgekeurd / Approved: ${content.title}`, text: `${actor.name} heeft je bericht goedgekeurd. / approved your post.` } }, actor.userId);
  });
  await sendPending(app, mails);
  return { reviewState: 'approved' as ReviewState, approvedVersion: version };
}

/** Sends the post back to its author with a note; anything scheduled waits. */
export async function requestChanges(app: App, actor: Actor, scope: WorkspaceScope, postId: string, version: number, note: string, clauseId: string | null) {
  const mails = await app.db.transaction().execute(async (q) => {
    const { post, content } = await loadCurrent(app, q, scope, postId);
    if (Number(post.version) !== version) throw new AppError('ERR_STALE_VERSION', 'A newer version was saved meanwhile. Reload the post.');
    if (scope.access.role !== 'owner' && scope.access.role !== 'editor') throw new AppError('ERR_CANNOT_APPROVE', refusal.role_cannot_approve);
    const facts = await writerFacts(app, q, scope.workspaceId, scope.organizationId, postId);
    if (facts.ids.includes(actor.userId)) throw new AppError('ERR_OWN_WORK', 'You wrote (part of) this post: change it yourself instead of sending it back.');
    const now = app.clock.now().toISOString();
    await insertReview(q, { workspace_id: scope.workspaceId, id: newId(), post_id: postId, version, kind: 'changes_requested', author_id: actor.userId, author_org_id: scope.actingOrgId, body: note, clause_id: clauseId, suggestion: null, status: 'done', decided_by: null, decided_at: null, created_at: now });
    await updatePost(q, postId, { review_state: 'changes_requested', updated_at: now });
    for (const v of await variantsOf(q, scope.workspaceId, postId, app.dialect)) {
      if (v.state === 'scheduled' || v.state === 'held') await updateVariant(q, v.id, { state: 'draft', next_attempt_at: null, updated_at: now });
    }
    await writeAudit(app, q, actor, { action: 'post.changes_requested', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { version, note } });
    return notify(app, q, [await userEmail(q, post.author_id)], { kind: 'post.changes_requested', workspaceId: scope.workspaceId, subjectType: 'post', subjectId: postId, payload: { title: content.title, by: actor.name, note }, mail: { subject: `Aanpassen gevraagd / Changes requested: ${content.title}`, text: `${actor.name}: ${note}` } }, actor.userId);
  });
  await sendPending(app, mails);
  return { reviewState: 'changes_requested' as ReviewState };
}

/**
 * A comment on a version; `coaching` notes may point at a clause of the code; a `suggestion` proposes new text for
 * one channel's variant (or the core message) that the author accepts or rejects.
 */
export async function addReviewNote(app: App, actor: Actor, scope: WorkspaceScope, postId: string, input: { kind: 'comment' | 'coaching' | 'suggestion'; body: string; clauseId: string | null; suggestion: { channelId: string | null; part: number; text: string } | null }) {
  const id = newId();
  const mails = await app.db.transaction().execute(async (q) => {
    const { post, content } = await loadCurrent(app, q, scope, postId);
    if (input.kind === 'suggestion' && !input.suggestion) throw new AppError('ERR_VALIDATION', 'A suggestion needs the proposed text.', [{ path: 'suggestion', message: 'required' }]);
    await insertReview(q, { workspace_id: scope.workspaceId, id, post_id: postId, version: Number(post.version), kind: input.kind, author_id: actor.userId, author_org_id: scope.actingOrgId, body: input.body, clause_id: input.clauseId, suggestion: input.suggestion ? JSON.stringify(input.suggestion) : null, status: input.kind === 'suggestion' ? 'open' : 'done', decided_by: null, decided_at: null, created_at: app.clock.now().toISOString() });
    await writeAudit(app, q, actor, { action: `post.${input.kind}`, workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { version: post.version, clauseId: input.clauseId } });
    return notify(app, q, [await userEmail(q, post.author_id)], { kind: `post.${input.kind}`, workspaceId: scope.workspaceId, subjectType: 'post', subjectId: postId, payload: { title: content.title, by: actor.name, body: input.body.slice(0, 200) }, mail: { subject: `Reactie op / Comment on: ${content.title}`, text: `${actor.name}: ${input.body}` } }, actor.userId);
  });
  await sendPending(app, mails);
  return { id };
}

/** The author accepts (a new version with the suggested text) or rejects an open suggestion. */
export async function decideSuggestion(app: App, actor: Actor, scope: WorkspaceScope, postId: string, reviewId: string, accept: boolean) {
  const r = await findReview(app.db, scope.workspaceId, postId, reviewId);
  if (!r || r.kind !== 'suggestion') throw notFound('This suggestion');
  if (r.status !== 'open') throw new AppError('ERR_INVALID_STATE', 'This suggestion was already decided.');
  const { post, content } = await loadCurrent(app, app.db, scope, postId);
  if (post.author_id !== actor.userId && scope.access.role !== 'owner') throw new AppError('ERR_FORBIDDEN', 'Only the author of the post (or an owner) decides on suggestions.');
  let version = Number(post.version);
  if (accept) {
    const s = JSON.parse(r.suggestion!) as { channelId: string | null; part: number; text: string };
    const next: PostContent = structuredClone(content);
    if (s.channelId === null) next.core = s.text;
    else {
      const v = next.variants.find((x) => x.channelId === s.channelId);
      if (!v) throw new AppError('ERR_INVALID_STATE', 'The channel this suggestion is for is no longer part of the post.');
      v.parts[s.part] = s.text;
    }
    ({ version } = await updatePostContent(app, actor, scope, postId, { content: next, briefId: post.brief_id, campaignId: post.campaign_id, expectedVersion: version }));
  }
  await app.db.transaction().execute(async (q) => {
    await updateReview(q, reviewId, { status: accept ? 'accepted' : 'rejected', decided_by: actor.userId, decided_at: app.clock.now().toISOString() });
    await writeAudit(app, q, actor, { action: accept ? 'post.suggestion_accepted' : 'post.suggestion_rejected', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { reviewId, version } });
  });
  return { status: accept ? 'accepted' : 'rejected', version };
}
