import type { PostContent } from '../core/content/post-content';
import { AppError, notFound } from '../core/shared/errors';
import { listChannels } from '../db/repos/channels.repo';
import { findPost, findVersion, updatePost, updateVariant, variantsOf } from '../db/repos/posts.repo';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { codeInForce } from './code.service';
import { checkContent, needOf, writerFacts } from './post-checks';
import { mediaLookup } from './media.service';
import { settingsOf } from './publishing-settings';

/**
 * Gives the post a time (or "now"). Its variants go into the schedule when the post needs no approval or this
 * version is approved; otherwise they wait, with the time kept, and go into the schedule on approval. Checks the
 * code at the time it will leave (quiet hours) and each channel's rules first. Rescheduling (the calendar's drag)
 * is the same call with another time and does not need a new review.
 */
export async function schedulePost(app: App, actor: Actor, scope: WorkspaceScope, postId: string, at: string | null, expectedVersion: number) {
  return app.db.transaction().execute(async (q) => {
    const post = await findPost(q, scope.workspaceId, postId, app.dialect);
    if (!post) throw notFound('This post');
    if (Number(post.version) !== expectedVersion) throw new AppError('ERR_STALE_VERSION', 'A newer version was saved meanwhile. Reload the post.');
    const now = app.clock.now();
    const when = at ?? now.toISOString();
    if (Date.parse(when) < now.getTime() - 60_000) throw new AppError('ERR_VALIDATION', 'That time has passed. Choose a time in the future, or publish now.', [{ path: 'at', message: 'in the past' }]);
    const content = JSON.parse((await findVersion(q, scope.workspaceId, postId, Number(post.version)))!.content) as PostContent;
    const code = await codeInForce(q, scope.workspaceId);
    const checked = checkContent(app, content, await listChannels(q, scope.workspaceId), code, { campaign: null, sendAt: when, media: await mediaLookup(app, q, scope.workspaceId, content.media) });
    if (checked.verdict === 'block') throw new AppError('ERR_CODE_BLOCKS', 'The code blocks this text. Change what the findings point at first.', checked.variants.flatMap((v) => v.findings));
    const invalid = checked.variants.flatMap((v) => v.validation.filter((f) => f.severity === 'error').map((f) => ({ path: `variants.${v.channelId}`, message: f.message })));
    if (invalid.length) throw new AppError('ERR_INVALID_FOR_CHANNEL', `Not every channel can take this post: ${invalid.map((i) => i.message).join(' ')}`, invalid);
    const settings = await settingsOf(q, scope.workspaceId);
    const facts = await writerFacts(app, q, scope.workspaceId, scope.organizationId, postId);
    const need = needOf(settings.reviewRules, facts.writers, content.variants.map((v) => v.channelId), checked.verdict);
    const waiting = need.needed && post.approved_version !== post.version;
    const iso = now.toISOString();
    await updatePost(q, postId, { scheduled_at: when, scheduled_by: actor.userId, updated_at: iso, ...(!need.needed && post.review_state === 'draft' ? { review_state: 'approved' } : {}) });
    const variants = await variantsOf(q, scope.workspaceId, postId, app.dialect);
    for (const v of variants) {
      if (v.state === 'publishing') throw new AppError('ERR_PUBLISHING_IN_PROGRESS', 'This post is being sent right now. Wait a moment, then reload it.');
      if (v.state === 'published' || v.state === 'cancelled') continue;
      await updateVariant(q, v.id, waiting ? { state: 'draft', due_at: when, next_attempt_at: null, updated_at: iso } : { state: 'scheduled', due_at: when, next_attempt_at: when, reason_code: null, reason_text: null, lease_owner: null, lease_until: null, updated_at: iso });
    }
    await writeAudit(app, q, actor, { action: 'post.scheduled', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId, summary: { at: when, version: post.version, waitingForApproval: waiting } });
    return { scheduledAt: when, waitingForApproval: waiting };
  });
}

/** Takes the post out of the schedule; nothing of it leaves until it is scheduled again. */
export async function unschedulePost(app: App, actor: Actor, scope: WorkspaceScope, postId: string) {
  await app.db.transaction().execute(async (q) => {
    const post = await findPost(q, scope.workspaceId, postId, app.dialect);
    if (!post) throw notFound('This post');
    const now = app.clock.now().toISOString();
    for (const v of await variantsOf(q, scope.workspaceId, postId, app.dialect)) {
      if (v.state === 'publishing') throw new AppError('ERR_PUBLISHING_IN_PROGRESS', 'This post is being sent right now. Wait a moment, then reload it.');
      if (v.state === 'scheduled' || v.state === 'held' || v.state === 'draft') await updateVariant(q, v.id, { state: 'draft', due_at: null, next_attempt_at: null, reason_code: null, reason_text: null, lease_owner: null, lease_until: null, updated_at: now });
    }
    await updatePost(q, postId, { scheduled_at: null, scheduled_by: null, updated_at: now });
    await writeAudit(app, q, actor, { action: 'post.unscheduled', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: postId });
  });
}
