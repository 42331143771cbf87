import { isPostMediaKind, kindOfMimeType } from '../core/content/media-types';
import type { PostContent } from '../core/content/post-content';
import { stateAfterEdit, type ReviewState, type VariantState } from '../core/review/post-state';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { listChannels } from '../db/repos/channels.repo';
import { mediaByIds } from '../db/repos/media.repo';
import { findPost, insertPost, insertVariants, insertVersion, updatePost, updateVariant, variantsOf } from '../db/repos/posts.repo';
import type { Q } from '../db/repos/types';
import type { ChannelsTable } from '../db/schema';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { notify, sendPending } from './notifications.service';
import { codeInForce } from './code.service';
import { checkContent, needOf, writerFacts } from './post-checks';
import { settingsOf } from './publishing-settings';

/** Channels a writer may use: connected ones in the workspace, and for an agency member only those in its mandate. */
async function usableChannels(app: App, q: Q, scope: WorkspaceScope): Promise<ChannelsTable[]> {
  const all = (await listChannels(q, scope.workspaceId)).filter((c) => c.disconnected_at === null);
  if (scope.access.via.kind !== 'mandate') return all;
  const m = await q.selectFrom('mandates').select('channel_ids').where('id', '=', scope.access.via.mandateId).executeTakeFirst();
  const allowed = m?.channel_ids ? new Set(JSON.parse(m.channel_ids) as string[]) : null;
  return allowed ? all.filter((c) => allowed.has(c.id)) : all;
}

async function assertRefs(q: Q, scope: WorkspaceScope, briefId: string | null, campaignId: string | null): Promise<void> {
  if (briefId && !(await q.selectFrom('briefs').select('id').where('workspace_id', '=', scope.workspaceId).where('id', '=', briefId).executeTakeFirst())) {
    throw new AppError('ERR_VALIDATION', 'That brief does not exist in this workspace.', [{ path: 'briefId', message: 'unknown brief' }]);
  }
  if (campaignId && !(await q.selectFrom('campaigns').select('id').where('workspace_id', '=', scope.workspaceId).where('id', '=', campaignId).executeTakeFirst())) {
    throw new AppError('ERR_VALIDATION', 'That campaign does not exist in this workspace.', [{ path: 'campaignId', message: 'unknown campaign' }]);
  }
}

function assertChannels(content: PostContent, usable: ChannelsTable[]): void {
  const ok = new Set(usable.map((c) => c.id));
  const seen = new Set<string>();
  for (const v of content.variants) {
    if (!ok.has(v.channelId)) throw new AppError('ERR_VALIDATION', 'One of the chosen channels is not connected or not within your mandate. Choose another channel.', [{ path: 'variants', message: `channel ${v.channelId} is not available` }]);
    if (seen.has(v.channelId)) throw new AppError('ERR_VALIDATION', 'Each channel can have only one variant in a post.', [{ path: 'variants', message: 'duplicate channel' }]);
    seen.add(v.channelId);
  }
}

/** Refuses content whose media name a document (a PDF): posts carry images and video; documents belong on briefs. */
async function assertNoDocumentsInMedia(q: Q, workspaceId: string, content: PostContent): Promise<void> {
  const rows = await mediaByIds(q, workspaceId, content.media.map((m) => m.mediaId));
  const doc = rows.find((r) => !isPostMediaKind(kindOfMimeType(r.mime_type)));
  if (!doc) return;
  const i = content.media.findIndex((m) => m.mediaId === doc.id);
  throw new AppError('ERR_VALIDATION', `“${doc.file_name}” is a document; a post carries only images and video. Attach documents to a brief instead.`, [{ path: `content.media.${i}.mediaId`, message: `${doc.file_name} is a document, not an image or video` }]);
}

async function campaignName(q: Q, workspaceId: string, campaignId: string | null): Promise<string | null> {
  if (!campaignId) return null;
  const c = await q.selectFrom('campaigns').select('name').where('workspace_id', '=', workspaceId).where('id', '=', campaignId).executeTakeFirst();
  return c?.name ?? null;
}

export interface PostInput {
  content: PostContent;
  briefId: string | null;
  campaignId: string | null;
}

/** Creates a post as a draft (version 1) with a variant per chosen channel. */
export async function createPost(app: App, actor: Actor, scope: WorkspaceScope, input: PostInput): Promise<{ id: string; version: number }> {
  const id = newId();
  const mails = await app.db.transaction().execute(async (q) => {
    await assertRefs(q, scope, input.briefId, input.campaignId);
    await assertNoDocumentsInMedia(q, scope.workspaceId, input.content);
    const channels = await usableChannels(app, q, scope);
    assertChannels(input.content, channels);
    const code = await codeInForce(q, scope.workspaceId);
    const checked = checkContent(app, input.content, channels, code, { campaign: await campaignName(q, scope.workspaceId, input.campaignId), sendAt: null });
    const now = app.clock.now().toISOString();
    await insertPost(q, { workspace_id: scope.workspaceId, id, brief_id: input.briefId, campaign_id: input.campaignId, instrument: input.content.instrument, author_id: actor.userId, author_org_id: scope.actingOrgId, review_state: 'draft', version: 1, approved_version: null, scheduled_at: null, scheduled_by: null, created_at: now, updated_at: now, deleted_at: null });
    await insertVersion(q, { workspace_id: scope.workspaceId, post_id: id, version: 1, content: JSON.stringify(input.content), verdict: checked.verdict, created_by: actor.userId, created_org_id: scope.actingOrgId, created_at: now });
    await insertVariants(q, input.content.variants.map((v) => ({ workspace_id: scope.workspaceId, id: newId(), post_id: id, channel_id: v.channelId, state: 'draft', version: 1, due_at: null, next_attempt_at: null, lease_owner: null, lease_until: null, attempts: 0, remote_id: null, remote_url: null, published_at: null, reason_code: null, reason_text: null, features: null, updated_at: now })));
    if (input.briefId) await q.updateTable('briefs').set({ status: 'in_progress', updated_at: now }).where('id', '=', input.briefId).where('status', '=', 'new').execute();
    await writeAudit(app, q, actor, { action: 'post.created', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: id, summary: { title: input.content.title, channels: input.content.variants.length, verdict: checked.verdict, briefId: input.briefId } });
    if (!input.briefId) return [];
    // The brief's author hears that their brief is being worked on, and can follow and comment.
    const brief = await q.selectFrom('briefs as b').innerJoin('users as u', 'u.id', 'b.created_by').select(['b.title', 'u.id', 'u.email']).where('b.id', '=', input.briefId).executeTakeFirstOrThrow();
    return notify(app, q, [{ id: brief.id, email: brief.email }], {
      kind: 'brief.post_created',
      workspaceId: scope.workspaceId,
      subjectType: 'post',
      subjectId: id,
      payload: { title: brief.title, by: actor.name, post: input.content.title },
      mail: { subject: `Je briefing “${brief.title}” krijgt een bericht / Your brief gets a post`, text: `${actor.name}: ${input.content.title}` },
    }, actor.userId);
  });
  await sendPending(app, mails);
  return { id, version: 1 };
}

const LOCKED: ReadonlySet<string> = new Set<VariantState>(['publishing', 'published']);

/**
 * Saves a new version. Any edit after an approval sends the post back to review (when it needs one), and its
 * scheduled variants stop: they wait, with their time kept, until the new version is approved. A variant that is
 * being sent right now, or was published, cannot change.
 */
export async function updatePostContent(app: App, actor: Actor, scope: WorkspaceScope, postId: string, input: PostInput & { expectedVersion: number }) {
  return app.db.transaction().execute(async (q) => {
    const post = await findPost(q, scope.workspaceId, postId, app.dialect);
    if (!post) throw notFound('This post');
    if (Number(post.version) !== input.expectedVersion) throw new AppError('ERR_STALE_VERSION', `Someone saved a newer version (${post.version}) meanwhile. Reload the post and make your change again.`);
    await assertRefs(q, scope, input.briefId, input.campaignId);
    await assertNoDocumentsInMedia(q, scope.workspaceId, input.content);
    const variants = await variantsOf(q, scope.workspaceId, postId, app.dialect);
    const channels = await usableChannels(app, q, scope);
    const kept = new Set(input.content.variants.map((v) => v.channelId));
    for (const v of variants) {
      if (v.state === 'publishing') throw new AppError('ERR_PUBLISHING_IN_PROGRESS', 'This post is being sent right now. Wait a moment, then reload it.');
      if (v.state === 'published' && !kept.has(v.channel_id)) throw new AppError('ERR_ALREADY_PUBLISHED', 'A published variant cannot be removed from the post; delete it on the platform instead.');
    }
    // Channels of published variants stay valid even when the writer's mandate no longer covers them.
    const allChannels = await listChannels(q, scope.workspaceId);
    const usable = [...channels, ...allChannels.filter((c) => variants.some((v) => v.channel_id === c.id && LOCKED.has(v.state)) && !channels.includes(c))];
    assertChannels(input.content, usable);
    const version = Number(post.version) + 1;
    const code = await codeInForce(q, scope.workspaceId);
    const checked = checkContent(app, input.content, allChannels, code, { campaign: await campaignName(q, scope.workspaceId, input.campaignId), sendAt: post.scheduled_at });
    const settings = await settingsOf(q, scope.workspaceId);
    const facts = await writerFacts(app, q, scope.workspaceId, scope.organizationId, postId, { userId: actor.userId, orgId: scope.actingOrgId });
    const need = needOf(settings.reviewRules, facts.writers, [...kept], checked.verdict);
    const reviewState = stateAfterEdit(post.review_state as ReviewState, need.needed);
    const now = app.clock.now().toISOString();
    await insertVersion(q, { workspace_id: scope.workspaceId, post_id: postId, version, content: JSON.stringify(input.content), verdict: checked.verdict, created_by: actor.userId, created_org_id: scope.actingOrgId, created_at: now });
    await updatePost(q, postId, { version, review_state: reviewState, instrument: input.content.instrument, brief_id: input.briefId, campaign_id: input.campaignId, updated_at: now });
    for (const v of variants) {
      if (v.state === 'published' || v.state === 'cancelled') continue;
      if (!kept.has(v.channel_id)) {
        await updateVariant(q, v.id, { state: 'cancelled', lease_owner: null, lease_until: null, next_attempt_at: null, updated_at: now });
        continue;
      }
      const waiting = (v.state === 'scheduled' || v.state === 'held') && need.needed;
      await updateVariant(q, v.id, { version, ...(waiting ? { state: 'draft', next_attempt_at: null, reason_code: 'edited_after_approval', reason_text: null } : {}), updated_at: now });
    }
    const existing = new Set(variants.map((v) => v.channel_id));
    const scheduledLive = post.scheduled_at && !need.needed;
    await insertVariants(q, input.content.variants.filter((v) => !existing.has(v.channelId)).map((v) => ({ workspace_id: scope.workspaceId, id: newId(), post_id: postId, channel_id: v.channelId, state: scheduledLive ? 'scheduled' : 'draft', version, due_at: post.scheduled_at, next_attempt_at: scheduledLive ? post.scheduled_at : null, lease_owner: null, lease_until: null, attempts: 0, remote_id: null, remote_url: null, published_at: null, reason_code: null, reason_text: null, features: null, updated_at: now })));
    for (const v of variants) if (v.state === 'cancelled' && kept.has(v.channel_id)) await updateVariant(q, v.id, { state: 'draft', version, updated_at: now });
    await writeAudit(app, q, actor, { action: 'post.edited', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { version, reviewState, verdict: checked.verdict, backToReview: post.review_state === 'approved' && reviewState === 'in_review' } });
    return { id: postId, version, reviewState };
  });
}

/** Deletes a post: variants not yet out are cancelled, so nothing of it leaves any more. */
export async function deletePost(app: App, actor: Actor, scope: WorkspaceScope, postId: string): Promise<void> {
  await app.db.transaction().execute(async (q) => {
    const post = await findPost(q, scope.workspaceId, postId, app.dialect);
    if (!post) throw notFound('This post');
    const variants = await variantsOf(q, scope.workspaceId, postId, app.dialect);
    if (variants.some((v) => v.state === 'publishing')) throw new AppError('ERR_PUBLISHING_IN_PROGRESS', 'This post is being sent right now. Wait a moment, then try again.');
    const now = app.clock.now().toISOString();
    for (const v of variants) if (v.state !== 'published') await updateVariant(q, v.id, { state: 'cancelled', lease_owner: null, lease_until: null, next_attempt_at: null, updated_at: now });
    await updatePost(q, postId, { deleted_at: now, updated_at: now });
    await writeAudit(app, q, actor, { action: 'post.deleted', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { published: variants.filter((v) => v.state === 'published').length } });
  });
}
