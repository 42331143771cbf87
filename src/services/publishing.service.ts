import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../core/review/review-rules';
import { AppError, notFound } from '../core/shared/errors';
import { variantsInState } from '../db/repos/dispatch.repo';
import { updateVariant } from '../db/repos/posts.repo';
import { ownersOf, upsertSettings } from '../db/repos/publishing.repo';
import type { Q } from '../db/repos/types';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { gateReasonText } from './gate-reasons';
import { notify, sendPending } from './notifications.service';
import { settingsOf, type PublishingSettings } from './publishing-settings';

async function save(app: App, q: Q, workspaceId: string, s: PublishingSettings): Promise<void> {
  await upsertSettings(q, {
    workspace_id: workspaceId,
    time_zone: s.timeZone,
    review_rules: JSON.stringify(s.reviewRules),
    held: s.hold ? 1 : 0,
    hold_reason: s.hold?.reason ?? null,
    held_by: s.hold?.by ?? null,
    held_at: s.hold?.at ?? null,
    updated_at: app.clock.now().toISOString(),
  });
}

export async function publishingSettings(app: App, scope: WorkspaceScope) {
  const s = await settingsOf(app.db, scope.workspaceId);
  let heldBy: string | null = null;
  if (s.hold?.by) heldBy = (await app.db.selectFrom('users').select('name').where('id', '=', s.hold.by).executeTakeFirst())?.name ?? null;
  const waiting = await app.db.selectFrom('variants').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', scope.workspaceId).where('state', '=', 'held').executeTakeFirst();
  return { ...s, hold: s.hold ? { ...s.hold, byName: heldBy } : null, heldVariants: Number(waiting?.n ?? 0) };
}

/** An owner changes whose work needs approval, or the time zone schedules are shown in. */
export async function updatePublishingSettings(app: App, actor: Actor, scope: WorkspaceScope, patch: { reviewRules?: Partial<ReviewRules>; timeZone?: string }) {
  if (patch.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: patch.timeZone });
    } catch {
      throw new AppError('ERR_VALIDATION', `“${patch.timeZone}” is not a time zone. Use a name such as Europe/Amsterdam.`, [{ path: 'timeZone', message: 'unknown time zone' }]);
    }
  }
  await app.db.transaction().execute(async (q) => {
    const s = await settingsOf(q, scope.workspaceId);
    const next: PublishingSettings = { ...s, timeZone: patch.timeZone ?? s.timeZone, reviewRules: { ...DEFAULT_REVIEW_RULES, ...s.reviewRules, ...patch.reviewRules } };
    await save(app, q, scope.workspaceId, next);
    await writeAudit(app, q, actor, { action: 'publishing.settings_changed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, summary: { before: { reviewRules: s.reviewRules, timeZone: s.timeZone }, after: { reviewRules: next.reviewRules, timeZone: next.timeZone } } });
  });
  return publishingSettings(app, scope);
}

/** The hold switch: stops everything from leaving the workspace at once; due posts wait in "held", they never fail. */
export async function holdPublishing(app: App, actor: Actor, scope: WorkspaceScope, reason: string) {
  const mails = await app.db.transaction().execute(async (q) => {
    const s = await settingsOf(q, scope.workspaceId);
    if (s.hold) throw new AppError('ERR_INVALID_STATE', 'Publishing is already paused.');
    await save(app, q, scope.workspaceId, { ...s, hold: { reason, by: actor.userId, at: app.clock.now().toISOString() } });
    await writeAudit(app, q, actor, { action: 'publishing.held', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, summary: { reason } });
    return notify(app, q, await ownersOf(q, scope.workspaceId), { kind: 'publishing.held', workspaceId: scope.workspaceId, payload: { by: actor.name, reason }, mail: { subject: 'Publiceren gepauzeerd / Publishing paused', text: `${actor.name}: ${reason}` } }, actor.userId);
  });
  await sendPending(app, mails);
  return publishingSettings(app, scope);
}

/**
 * Lifts the hold. Each post that waited is checked again: one whose time still lies ahead goes back into the
 * schedule; one whose time passed waits for a person to choose a new time or "publish now" (it is not sent late
 * unasked). Returns how many went back and how many need a new time.
 */
export async function resumePublishing(app: App, actor: Actor, scope: WorkspaceScope) {
  const counts = await app.db.transaction().execute(async (q) => {
    const s = await settingsOf(q, scope.workspaceId);
    if (!s.hold) throw new AppError('ERR_INVALID_STATE', 'Publishing is not paused.');
    await save(app, q, scope.workspaceId, { ...s, hold: null });
    const { rescheduled, missed } = await releaseWaiting(app, q, scope.workspaceId, 'workspace_held');
    await writeAudit(app, q, actor, { action: 'publishing.resumed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, summary: { rescheduled, missed, heldSince: s.hold.at } });
    return { rescheduled, missed };
  });
  return { ...(await publishingSettings(app, scope)), ...counts };
}

/**
 * Lets variants that waited for `reason` (a hold, or a channel that needed a new sign-in) go on: each whose time
 * still lies ahead goes back into the schedule; each whose time passed keeps waiting for a person to choose a new
 * time or "publish now" — nothing is sent late unasked. Runs in the caller's transaction.
 */
export async function releaseWaiting(app: App, q: Q, workspaceId: string, reason: 'workspace_held' | 'channel_needs_reconnect', channelId?: string): Promise<{ rescheduled: number; missed: number }> {
  const now = app.clock.now();
  let rescheduled = 0;
  let missed = 0;
  for (const v of await variantsInState(q, workspaceId, 'held')) {
    if (v.reason_code !== reason || (channelId && v.channel_id !== channelId)) continue;
    if (v.due_at && Date.parse(v.due_at) > now.getTime()) {
      await updateVariant(q, v.id, { state: 'scheduled', next_attempt_at: v.due_at, reason_code: null, reason_text: null, updated_at: now.toISOString() });
      rescheduled++;
    } else {
      await updateVariant(q, v.id, { reason_code: 'missed_time', reason_text: gateReasonText('missed_time'), updated_at: now.toISOString() });
      missed++;
    }
  }
  return { rescheduled, missed };
}

async function heldOrFailed(app: App, q: Q, scope: WorkspaceScope, variantId: string) {
  const v = await q.selectFrom('variants').selectAll().where('workspace_id', '=', scope.workspaceId).where('id', '=', variantId).executeTakeFirst();
  if (!v) throw notFound('This variant');
  return v;
}

/**
 * A person resolves a variant that waits for them: `confirm` (an unclear attempt is on the platform after all),
 * `resend` (it is not there, or it failed: through the whole gate again, now). Everything else about a variant is
 * changed through its post.
 */
export async function resolveVariant(app: App, actor: Actor, scope: WorkspaceScope, variantId: string, action: 'confirm' | 'resend', url: string | null) {
  await app.db.transaction().execute(async (q) => {
    const v = await heldOrFailed(app, q, scope, variantId);
    const now = app.clock.now().toISOString();
    if (action === 'confirm') {
      if (v.state !== 'held' || v.reason_code !== 'unclear_attempt') throw new AppError('ERR_INVALID_STATE', 'Only a post whose arrival is unclear can be confirmed as published.');
      await updateVariant(q, v.id, { state: 'published', published_at: now, remote_url: url, reason_code: null, reason_text: null, updated_at: now });
      await writeAudit(app, q, actor, { action: 'post.published', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: v.post_id, summary: { variant: v.id, channel: v.channel_id, confirmedByPerson: true, url } });
      return;
    }
    if (v.state !== 'held' && v.state !== 'failed') throw new AppError('ERR_INVALID_STATE', 'Only a post that failed or waits for you can be sent again.');
    if (v.reason_code === 'workspace_held') throw new AppError('ERR_WORKSPACE_HELD', 'Publishing is paused for this workspace. An owner resumes it first.');
    await updateVariant(q, v.id, { state: 'scheduled', next_attempt_at: now, due_at: v.due_at ?? now, reason_code: null, reason_text: null, lease_owner: null, lease_until: null, updated_at: now });
    await writeAudit(app, q, actor, { action: 'post.resend_requested', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'post', objectId: v.post_id, summary: { variant: v.id, channel: v.channel_id, after: v.reason_code } });
  });
}
