import type { PostContent } from '../core/content/post-content';
import { featuresOf } from '../core/content/render-variant';
import { gateDecision, type GateCode } from '../core/publishing/gate-decision';
import { nextAttemptDelayMs, shouldGiveUp } from '../core/publishing/retry';
import { reconcileStep } from '../core/publishing/reconcile';
import { newId } from '../core/shared/ids';
import { connectorFor } from '../connectors';
import { ConnectorError } from '../connectors/errors';
import type { OutboundVariant, PublishResult, RemoteRef } from '../connectors/types';
import { findChannel } from '../db/repos/channels.repo';
import { finishAttempt, insertAttempt, lastAttempt, lockVariant } from '../db/repos/dispatch.repo';
import { approvalOf, findVersion, updateVariant } from '../db/repos/posts.repo';
import type { Q } from '../db/repos/types';
import type { ChannelsTable, PostsTable, VariantsTable } from '../db/schema';
import type { App } from './app';
import { writeAudit } from './audit.service';
import { channelContext } from './channel-context';
import { codeInForce } from './code.service';
import { notify, sendPending, type PendingMail } from './notifications.service';
import { checkVariant, languageOf, needOf, outboundOf, writerFacts } from './post-checks';
import { mediaLookup, withMediaBytes } from './media.service';
import { settingsOf } from './publishing-settings';
import { gateReasonText } from './gate-reasons';
import { channelRefused, takeChannelToken } from './rate-limits';
import { finishReply, prepareReply, type ReplyOutcome } from './reply-gate';

/**
 * THE GATE: the only code in Regie that calls a connector's write operations for posts. Every way out passes here,
 * in this order, on the final text: the code → the approval of this exact version → the holds → the audit record
 * and the attempt, committed → the connector. A crash between the commit and the platform's answer leaves an
 * attempt without an outcome, which {@link dispatchVariant} reconciles on the next claim (looked up, resent only
 * where the platform dedupes, or held for a person) and never blindly sends again.
 */

/** How long a worker keeps a variant while the platform call runs; after that another worker reconciles it. */
export const SENDING_LEASE_MS = 2 * 60_000;
/** Attempts before a transient failure becomes a failure (or a question to a person). */
export const MAX_ATTEMPTS = 8;

export type DispatchOutcome = 'published' | 'held' | 'failed' | 'unscheduled' | 'retry' | 'waiting' | 'lost';

interface Sending {
  kind: 'send';
  variant: VariantsTable;
  channel: ChannelsTable;
  outbound: OutboundVariant;
  attemptId: string;
  n: number;
}

const idempotencyKey = (v: Pick<VariantsTable, 'id' | 'version'>) => `${v.id}.${v.version}`;

function owns(v: VariantsTable | undefined, worker: string, now: Date): v is VariantsTable {
  return !!v && v.lease_owner === worker && !!v.lease_until && Date.parse(v.lease_until) >= now.getTime();
}

async function postOf(q: Q, v: VariantsTable): Promise<PostsTable | undefined> {
  return q.selectFrom('posts').selectAll().where('workspace_id', '=', v.workspace_id).where('id', '=', v.post_id).executeTakeFirst();
}

async function contentOf(q: Q, v: VariantsTable, version: number): Promise<PostContent | null> {
  const row = await findVersion(q, v.workspace_id, v.post_id, version);
  return row ? (JSON.parse(row.content) as PostContent) : null;
}

async function people(q: Q, ids: Array<string | null>) {
  const list = ids.filter((x): x is string => !!x);
  if (list.length === 0) return [];
  return q.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', list).execute();
}

/** Where a variant that did not go out stops, with its reason; the author (and scheduler) hear about failures. */
async function stop(app: App, q: Q, v: VariantsTable, post: PostsTable | undefined, state: 'held' | 'failed' | 'draft' | 'cancelled', code: GateCode | string, detail: string | undefined, title: string): Promise<PendingMail> {
  const now = app.clock.now().toISOString();
  const text = gateReasonText(code, detail);
  await updateVariant(q, v.id, { state, reason_code: code, reason_text: text, lease_owner: null, lease_until: null, next_attempt_at: null, updated_at: now });
  await writeAudit(app, q, post?.scheduled_by ? { userId: post.scheduled_by, ip: null, userAgent: 'regie-worker' } : null, {
    action: `post.${state === 'draft' || state === 'cancelled' ? 'unscheduled' : state}`,
    workspaceId: v.workspace_id,
    actorOrgId: null,
    objectType: 'post',
    objectId: v.post_id,
    summary: { variant: v.id, channel: v.channel_id, reason: code, detail: text },
  });
  if (state === 'draft' || state === 'cancelled' || !post) return [];
  return notify(app, q, await people(q, [post.author_id, post.scheduled_by]), {
    kind: `variant.${state}`,
    workspaceId: v.workspace_id,
    subjectType: 'post',
    subjectId: v.post_id,
    payload: { title, channelId: v.channel_id, reason: code, detail: text },
    mail: { subject: `${state === 'failed' ? 'Niet gepubliceerd / Not published' : 'Wacht / Waiting'}: ${title}`, text },
  });
}

/** Step 1, in one transaction: checks everything on the final text and records the attempt before any call. */
async function prepare(app: App, q: Q, variantId: string, worker: string): Promise<Sending | { kind: 'reconcile'; variant: VariantsTable } | { kind: 'done'; outcome: DispatchOutcome; mails: PendingMail }> {
  const now = app.clock.now();
  const v = await lockVariant(q, app.dialect, variantId);
  if (!owns(v, worker, now)) return { kind: 'done', outcome: 'lost', mails: [] };
  if (v.state === 'publishing') return { kind: 'reconcile', variant: v };
  if (v.state !== 'scheduled') return { kind: 'done', outcome: 'lost', mails: [] };

  const post = await postOf(q, v);
  const channel = await findChannel(q, v.workspace_id, v.channel_id);
  const content = post ? await contentOf(q, v, Number(post.version)) : null;
  const variantContent = content?.variants.find((x) => x.channelId === v.channel_id);
  if (!post || post.deleted_at || !content || !variantContent || !channel) {
    return { kind: 'done', outcome: 'unscheduled', mails: await stop(app, q, v, post, 'cancelled', 'post_deleted', undefined, content?.title ?? '') };
  }
  const connector = connectorFor(channel.kind, app.connectors);
  if (!connector?.publish) return { kind: 'done', outcome: 'failed', mails: await stop(app, q, v, post, 'failed', 'invalid_for_channel', `${channel.kind} cannot publish posts.`, content.title) };

  // One connection in a transaction: queries run one after the other.
  const orgId = await orgOf(q, v.workspace_id);
  const settings = await settingsOf(q, v.workspace_id);
  const code = await codeInForce(q, v.workspace_id);
  const facts = await writerFacts(app, q, v.workspace_id, orgId, v.post_id);
  const campaign = post.campaign_id ? await q.selectFrom('campaigns').select(['name', 'pillar']).where('id', '=', post.campaign_id).executeTakeFirst() : undefined;
  // MEDIA: the stored files the post names (size and type for the checks; their bytes are read after the commit).
  const media = await mediaLookup(app, q, v.workspace_id, content.media);
  const checked = checkVariant(connector, content, variantContent, code, { campaign: campaign?.name ?? null, sendAt: now.toISOString(), media, channelLanguage: languageOf(channel) });
  const need = needOf(settings.reviewRules, facts.writers, content.variants.map((x) => x.channelId), checked.findings.some((f) => f.severity === 'needs_approval') ? 'needs_approval' : 'ok');
  const decision = gateDecision({
    held: settings.hold,
    channel: { connected: channel.disconnected_at === null, status: channel.status },
    version: Number(post.version),
    approvedVersion: post.approved_version === null ? null : Number(post.approved_version),
    postDeleted: false,
    need,
    verdict: checked.findings.some((f) => f.severity === 'block') ? 'block' : 'ok',
    validationErrors: checked.validation.filter((f) => f.severity === 'error').map((f) => f.message),
    writerMandateEnded: facts.mandateEnded,
  });
  if (!decision.go) {
    const state = decision.action === 'hold' ? 'held' : decision.action === 'fail' ? 'failed' : 'draft';
    const outcome: DispatchOutcome = decision.action === 'hold' ? 'held' : decision.action === 'fail' ? 'failed' : 'unscheduled';
    return { kind: 'done', outcome, mails: await stop(app, q, v, post, state, decision.code, decision.detail, content.title) };
  }

  const wait = await takeChannelToken(app, q, channel.id, connector.rateLimit ?? null, now);
  if (wait > 0) {
    await updateVariant(q, v.id, { next_attempt_at: new Date(now.getTime() + wait).toISOString(), lease_owner: null, lease_until: null, updated_at: now.toISOString() });
    return { kind: 'done', outcome: 'waiting', mails: [] };
  }

  const n = Number(v.attempts) + 1;
  const attemptId = newId();
  const iso = now.toISOString();
  await insertAttempt(q, { workspace_id: v.workspace_id, id: attemptId, variant_id: v.id, n, version: Number(post.version), worker, started_at: iso, finished_at: null, outcome: null, remote_id: null, detail: null });
  const approval = post.approved_version !== null ? await approvalOf(q, v.workspace_id, v.post_id, Number(post.approved_version)) : undefined;
  const features = featuresOf(content, variantContent, { campaignId: post.campaign_id, pillar: campaign?.pillar ?? null, authorOrg: post.author_org_id === orgId ? 'organization' : 'agency' });
  await updateVariant(q, v.id, { state: 'publishing', version: Number(post.version), attempts: n, lease_until: new Date(now.getTime() + SENDING_LEASE_MS).toISOString(), next_attempt_at: iso, features: JSON.stringify(features), reason_code: null, reason_text: null, updated_at: iso });
  const who = await namesOf(q, [post.author_id, approval?.author_id ?? null, post.scheduled_by], [post.author_org_id, approval?.author_org_id ?? null]);
  await writeAudit(app, q, post.scheduled_by ? { userId: post.scheduled_by, ip: null, userAgent: 'regie-worker' } : null, {
    action: 'post.sending',
    workspaceId: v.workspace_id,
    actorOrgId: null,
    objectType: 'post',
    objectId: v.post_id,
    // People first, in words (the audit page shows the first lines); the ids follow for machines.
    summary: {
      author: who.label(post.author_id, post.author_org_id),
      approvedBy: approval ? who.label(approval.author_id, approval.author_org_id) : null,
      sentBy: who.label(post.scheduled_by, null),
      channel: `${channel.name} (${channel.kind})`,
      version: Number(post.version),
      attempt: n,
      codeVersion: code.version,
      ids: { variant: v.id, channel: channel.id, author: post.author_id, authorOrg: post.author_org_id, approver: approval?.author_id ?? null, approverOrg: approval?.author_org_id ?? null, sender: post.scheduled_by },
    },
  });
  const outbound = outboundOf(idempotencyKey({ id: v.id, version: Number(post.version) }), checked.rendered, checked.media /* MEDIA */);
  return { kind: 'send', variant: { ...v, version: Number(post.version), attempts: n }, channel, outbound, attemptId, n };
}

/** Names of people and organizations for the audit record, as "Name (Organization)". */
async function namesOf(q: Q, userIds: Array<string | null>, orgIds: Array<string | null>) {
  const uids = [...new Set(userIds.filter((x): x is string => !!x))];
  const oids = [...new Set(orgIds.filter((x): x is string => !!x))];
  const users = uids.length ? await q.selectFrom('users').select(['id', 'name']).where('id', 'in', uids).execute() : [];
  const orgs = oids.length ? await q.selectFrom('organizations').select(['id', 'name']).where('id', 'in', oids).execute() : [];
  const u = new Map(users.map((x) => [x.id, x.name]));
  const o = new Map(orgs.map((x) => [x.id, x.name]));
  return { label: (userId: string | null, orgId: string | null) => (userId ? `${u.get(userId) ?? userId}${orgId && o.get(orgId) ? ` (${o.get(orgId)})` : ''}` : null) };
}

async function orgOf(q: Q, workspaceId: string): Promise<string> {
  const w = await q.selectFrom('workspaces').select('organization_id').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return w.organization_id;
}

/** Step 3, in one transaction: records what the platform answered. */
async function finish(app: App, s: Sending, result: { ok: PublishResult } | { err: unknown }): Promise<{ outcome: DispatchOutcome; mails: PendingMail }> {
  return app.db.transaction().execute(async (q) => {
    const now = app.clock.now();
    const iso = now.toISOString();
    const v = await lockVariant(q, app.dialect, s.variant.id);
    if (!v || v.state !== 'publishing' || Number(v.attempts) !== s.n) {
      // Someone reconciled meanwhile (our lease ran out): record what we learned, leave the variant to them.
      await finishAttempt(q, s.attemptId, { finished_at: iso, outcome: 'ok' in result ? 'published_late' : 'unclear', remote_id: 'ok' in result && result.ok.status === 'published' ? result.ok.remote.remoteId : null, detail: 'lease lost' });
      return { outcome: 'lost', mails: [] };
    }
    if ('ok' in result) {
      if (result.ok.status === 'pending') {
        await finishAttempt(q, s.attemptId, { finished_at: null, outcome: null, remote_id: null, detail: `pending:${result.ok.checkToken}` });
        await updateVariant(q, v.id, { lease_owner: null, lease_until: null, next_attempt_at: new Date(now.getTime() + 30_000).toISOString(), updated_at: iso });
        return { outcome: 'retry', mails: [] };
      }
      return { outcome: 'published', mails: await markPublished(app, q, v, s.attemptId, result.ok.remote, 'published') };
    }
    const err = result.err;
    const failure = err instanceof ConnectorError ? err.failure : 'transient';
    const message = err instanceof Error ? err.message : String(err);
    const post = await postOf(q, v);
    const title = (await contentOf(q, v, Number(v.version)))?.title ?? '';
    if (failure === 'rejected') {
      await finishAttempt(q, s.attemptId, { finished_at: iso, outcome: 'failed', remote_id: null, detail: message.slice(0, 1000) });
      const reason = err instanceof ConnectorError ? (err.details.platformReason ?? message) : message;
      return { outcome: 'failed', mails: await stop(app, q, v, post, 'failed', 'rejected', reason, title) };
    }
    if (failure === 'auth_expired' || failure === 'auth_revoked' || failure === 'rate_limited') {
      // The platform refused before accepting anything: safe to send again later.
      await finishAttempt(q, s.attemptId, { finished_at: iso, outcome: 'not_sent', remote_id: null, detail: message.slice(0, 1000) });
      const refused = await channelRefused(app, q, s.channel, failure, err, now);
      if (refused.until) {
        await updateVariant(q, v.id, { state: 'scheduled', lease_owner: null, lease_until: null, next_attempt_at: refused.until.toISOString(), updated_at: iso });
        return { outcome: 'waiting', mails: [] };
      }
      return { outcome: 'held', mails: await stop(app, q, v, post, 'held', 'channel_needs_reconnect', refused.detail ?? undefined, title) };
    }
    // Transient: the platform may or may not have taken it. The next claim reconciles before anything is resent.
    await finishAttempt(q, s.attemptId, { finished_at: iso, outcome: 'unclear', remote_id: null, detail: message.slice(0, 1000) });
    const delay = nextAttemptDelayMs(s.n, { baseMs: 2_000, maxMs: 10 * 60_000, retryAfterMs: null, random: Math.random });
    await updateVariant(q, v.id, { lease_owner: null, lease_until: null, next_attempt_at: new Date(now.getTime() + delay).toISOString(), reason_code: 'retrying', reason_text: gateReasonText('retrying', message), updated_at: iso });
    return { outcome: 'retry', mails: [] };
  });
}

async function markPublished(app: App, q: Q, v: VariantsTable, attemptId: string, remote: RemoteRef, outcome: 'published' | 'found'): Promise<PendingMail> {
  const iso = app.clock.now().toISOString();
  await finishAttempt(q, attemptId, { finished_at: iso, outcome, remote_id: remote.remoteId, detail: null });
  await updateVariant(q, v.id, { state: 'published', remote_id: remote.remoteId, remote_url: remote.url ?? null, published_at: iso, lease_owner: null, lease_until: null, next_attempt_at: null, reason_code: null, reason_text: null, updated_at: iso });
  const post = await postOf(q, v);
  await writeAudit(app, q, post?.scheduled_by ? { userId: post.scheduled_by, ip: null, userAgent: 'regie-worker' } : null, {
    action: 'post.published',
    workspaceId: v.workspace_id,
    actorOrgId: null,
    objectType: 'post',
    objectId: v.post_id,
    summary: { variant: v.id, channel: v.channel_id, version: Number(v.version), remoteId: remote.remoteId, url: remote.url ?? null, reconciled: outcome === 'found' },
  });
  return [];
}

/** Step 0 after a crash or a lost answer: find out whether the last attempt arrived before anything else happens. */
async function reconcile(app: App, v: VariantsTable, worker: string): Promise<{ outcome: DispatchOutcome; mails: PendingMail }> {
  const now = app.clock.now();
  const attempt = await lastAttempt(app.db, v.workspace_id, v.id);
  const channel = await findChannel(app.db, v.workspace_id, v.channel_id);
  const content = await contentOf(app.db, v, Number(v.version));
  const variantContent = content?.variants.find((x) => x.channelId === v.channel_id);
  if (!attempt || !channel || !content || !variantContent) {
    return app.db.transaction().execute(async (q) => ({ outcome: 'failed' as const, mails: await stop(app, q, v, await postOf(q, v), 'held', 'unclear_attempt', 'The record of the last attempt is incomplete.', content?.title ?? '') }));
  }
  const { connector, ctx } = channelContext(app, channel);
  const code = await codeInForce(app.db, v.workspace_id);
  const outbound = outboundOf(idempotencyKey(v), checkVariant(connector, content, variantContent, code, { campaign: null, sendAt: null }).rendered);
  const hasText = outbound.parts.some((p) => p.text.trim().length > 0);
  const step = reconcileStep(!!connector.findPublished, connector.resendSafety ?? { kind: 'none' }, { startedAt: attempt.started_at, hasText }, now);
  let found: RemoteRef | null = null;
  if (step === 'lookup') {
    try {
      found = await connector.findPublished!(ctx, outbound.idempotencyKey, outbound, new Date(attempt.started_at));
    } catch (err) {
      return app.db.transaction().execute(async (q) => {
        const cur = await lockVariant(q, app.dialect, v.id);
        if (!owns(cur, worker, app.clock.now())) return { outcome: 'lost' as const, mails: [] };
        const delay = nextAttemptDelayMs(Number(v.attempts), { baseMs: 5_000, maxMs: 10 * 60_000, retryAfterMs: null, random: Math.random });
        await updateVariant(q, v.id, { lease_owner: null, lease_until: null, next_attempt_at: new Date(now.getTime() + delay).toISOString(), reason_code: 'checking', reason_text: gateReasonText('checking', (err as Error).message), updated_at: now.toISOString() });
        return { outcome: 'retry' as const, mails: [] };
      });
    }
  }
  return app.db.transaction().execute(async (q) => {
    const cur = await lockVariant(q, app.dialect, v.id);
    if (!owns(cur, worker, app.clock.now()) || cur.state !== 'publishing') return { outcome: 'lost' as const, mails: [] };
    if (found) return { outcome: 'published' as const, mails: await markPublished(app, q, cur, attempt.id, found, 'found') };
    const post = await postOf(q, cur);
    if (step === 'ask_person' || (step === 'resend' && shouldGiveUp(Number(cur.attempts), MAX_ATTEMPTS))) {
      await finishAttempt(q, attempt.id, { finished_at: now.toISOString(), outcome: 'unclear', remote_id: null, detail: attempt.detail });
      return { outcome: 'held' as const, mails: await stop(app, q, cur, post, 'held', 'unclear_attempt', `${channel.name} (${connector.displayName}), ${attempt.started_at}`, content.title) };
    }
    await finishAttempt(q, attempt.id, { finished_at: now.toISOString(), outcome: step === 'lookup' ? 'not_found' : 'resend', remote_id: null, detail: attempt.detail });
    if (shouldGiveUp(Number(cur.attempts), MAX_ATTEMPTS)) {
      return { outcome: 'failed' as const, mails: await stop(app, q, cur, post, 'failed', 'gave_up', attempt.detail ?? undefined, content.title) };
    }
    // Not there (or the platform refuses a duplicate): back into the schedule, through the whole gate again.
    await updateVariant(q, cur.id, { state: 'scheduled', lease_owner: null, lease_until: null, next_attempt_at: now.toISOString(), updated_at: now.toISOString() });
    return { outcome: 'retry' as const, mails: [] };
  });
}

/**
 * Lets one claimed variant out, or tells why not. `worker` must hold the variant's lease (from `claimDue`).
 * Never throws for platform failures: they become the variant's state (retry, held, failed) with a reason.
 */
export async function dispatchVariant(app: App, variantId: string, worker: string): Promise<DispatchOutcome> {
  const prep = await app.db.transaction().execute((q) => prepare(app, q, variantId, worker));
  if (prep.kind === 'done') {
    await sendPending(app, prep.mails);
    return prep.outcome;
  }
  if (prep.kind === 'reconcile') {
    const r = await reconcile(app, prep.variant, worker);
    await sendPending(app, r.mails);
    return r.outcome;
  }
  let result: { ok: PublishResult } | { err: unknown };
  try {
    const { connector, ctx } = channelContext(app, prep.channel);
    // MEDIA: the files' bytes, read (and checked against their hash) only now; a lost file fails the variant unsent.
    const outbound = await withMediaBytes(app, prep.variant.workspace_id, prep.outbound);
    result = { ok: await connector.publish!(ctx, outbound) };
  } catch (err) {
    result = { err };
  }
  const done = await finish(app, prep, result);
  await sendPending(app, done.mails);
  return done.outcome;
}

/**
 * Lets one reply out, or tells why not: the reply gate's checks and attempt record (services/reply-gate.ts), then
 * the platform call, then the outcome. `worker` must hold the reply's lease. Never throws for platform failures:
 * they become the reply's state with a reason.
 */
export async function sendReply(app: App, replyId: string, worker: string): Promise<ReplyOutcome> {
  const prep = await app.db.transaction().execute((q) => prepareReply(app, q, replyId, worker));
  if (prep.kind === 'done') return prep.outcome;
  let result: { ok: RemoteRef } | { err: unknown };
  try {
    const { connector, ctx } = channelContext(app, prep.channel);
    result = { ok: await connector.reply!(ctx, prep.outbound) };
  } catch (err) {
    result = { err };
  }
  return finishReply(app, prep, result);
}
