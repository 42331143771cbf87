import { searchTermsOf } from '../core/inbox/search-terms';
import { checkText, verdictOf } from '../core/code';
import { reconcileStep } from '../core/publishing/reconcile';
import { nextAttemptDelayMs, shouldGiveUp } from '../core/publishing/retry';
import { newId } from '../core/shared/ids';
import { connectorFor } from '../connectors';
import { ConnectorError } from '../connectors/errors';
import type { InboundItem, OutboundReply, RemoteRef } from '../connectors/types';
import { findChannel } from '../db/repos/channels.repo';
import { findConversation, findMessage, insertEvent, patchConversation, updateReply } from '../db/repos/conversations.repo';
import { insertMessageOnce, lockConversation } from '../db/repos/inbox.repo';
import { lockForUpdate } from '../db/dialect';
import type { Q } from '../db/repos/types';
import type { ChannelsTable, RepliesTable } from '../db/schema';
import type { App } from './app';
import { writeAudit } from './audit.service';
import { codeInForce } from './code.service';
import { findTeam } from '../db/repos/teams.repo';
import { slaFields, teamTerms } from './inbox-sla';
import { languageOf } from './post-checks';
import { settingsOf } from './publishing-settings';
import { channelRefused, takeChannelToken } from './rate-limits';
import { replyReasonText } from './reply-reasons';
import { tellInboxes } from './inbox-ingest.service';

/**
 * The gate's checks for replies (services/gate.service.ts makes the one call out). In one transaction, on the
 * final text: the code → the approval the rules asked for → the holds and the channel → the channel's send rate →
 * the attempt and the audit record, committed before the platform is called. An attempt whose outcome was never
 * heard is held for a person, never blindly sent again.
 */

export const REPLY_LEASE_MS = 2 * 60_000;
export const MAX_REPLY_ATTEMPTS = 6;
export type ReplyOutcome = 'sent' | 'held' | 'failed' | 'awaiting_approval' | 'retry' | 'waiting' | 'lost';

export interface ReplySending {
  kind: 'send';
  reply: RepliesTable;
  channel: ChannelsTable;
  outbound: OutboundReply;
  n: number;
}

function lockReply(q: Q, app: App, id: string) {
  return lockForUpdate(app.dialect, q.selectFrom('replies').selectAll().where('id', '=', id)).executeTakeFirst();
}

const owns = (r: RepliesTable | undefined, worker: string, now: Date): r is RepliesTable => !!r && r.lease_owner === worker && !!r.lease_until && Date.parse(r.lease_until) >= now.getTime();

/** Where a reply stops short of the platform, with its reason in plain words. */
async function stopReply(app: App, q: Q, r: RepliesTable, state: 'held' | 'failed' | 'awaiting_approval' | 'queued', code: string, detail?: string, retryAt?: string) {
  const now = app.clock.now().toISOString();
  await updateReply(q, r.id, { state, reason_code: code, reason_text: replyReasonText(code, detail), lease_owner: null, lease_until: null, next_attempt_at: retryAt ?? null, updated_at: now });
  if (state !== 'queued') {
    await writeAudit(app, q, r.sent_by ? { userId: r.sent_by, ip: null, userAgent: 'regie-gate' } : null, { action: `reply.${state}`, workspaceId: r.workspace_id, actorOrgId: null, objectType: 'conversation', objectId: r.conversation_id, summary: { reply: r.id, reason: code, detail: detail ?? null } });
  }
}

/** The inbound item replied to, as the connector parsed it (threading references included). */
async function inReplyToItem(q: Q, r: RepliesTable): Promise<InboundItem | null> {
  const m = await findMessage(q, r.workspace_id, r.in_reply_to_message_id);
  if (!m) return null;
  const raw = await q.selectFrom('inbound_items').select('item').where('workspace_id', '=', m.workspace_id).where('channel_id', '=', m.channel_id).where('remote_id', '=', m.remote_id).executeTakeFirst();
  if (raw) return JSON.parse(raw.item) as InboundItem;
  const conv = await findConversation(q, r.workspace_id, r.conversation_id);
  return { remoteId: m.remote_id, kind: m.kind as InboundItem['kind'], threadRemoteId: conv?.thread_remote_id ?? m.remote_id, author: { remoteId: m.contact_id ?? 'unknown' }, text: m.text, subject: m.subject ?? undefined, createdAt: m.created_at, ...(m.reply_ref ? { replyRef: JSON.parse(m.reply_ref) as Record<string, string> } : {}) };
}

/** A reply whose last attempt is unclear may go again only where the platform refuses a duplicate (same key). */
function mayResend(connector: ReturnType<typeof connectorFor>, r: RepliesTable, now: Date): boolean {
  if (!connector || !r.attempt_started_at) return false;
  return reconcileStep(false, connector.resendSafety ?? { kind: 'none' }, { startedAt: r.attempt_started_at, hasText: true }, now) === 'resend';
}

/** Step 1, one transaction: checks everything on the final text and records the attempt before any call. */
export async function prepareReply(app: App, q: Q, replyId: string, worker: string): Promise<ReplySending | { kind: 'done'; outcome: ReplyOutcome }> {
  const now = app.clock.now();
  const iso = now.toISOString();
  const r = await lockReply(q, app, replyId);
  if (!owns(r, worker, now)) return { kind: 'done', outcome: 'lost' };
  const channel = await findChannel(q, r.workspace_id, r.channel_id);
  const connector = channel ? connectorFor(channel.kind, app.connectors) : undefined;
  if (r.state === 'sending' && !mayResend(connector, r, now)) {
    // The last attempt never reported back and the platform would not refuse a copy: a person decides.
    await stopReply(app, q, r, 'held', 'unclear_attempt', r.attempt_started_at ?? undefined);
    return { kind: 'done', outcome: 'held' };
  }
  if (r.state !== 'queued' && r.state !== 'sending') return { kind: 'done', outcome: 'lost' };
  if (!channel || channel.disconnected_at) return stopReply(app, q, r, 'failed', 'channel_disconnected').then(() => ({ kind: 'done' as const, outcome: 'failed' as const }));
  if (!connector?.reply) return stopReply(app, q, r, 'failed', 'cannot_reply', connector?.displayName ?? channel.kind).then(() => ({ kind: 'done' as const, outcome: 'failed' as const }));
  const settings = await settingsOf(q, r.workspace_id);
  if (settings.hold) {
    await stopReply(app, q, r, 'queued', 'workspace_held', settings.hold.reason, new Date(now.getTime() + 30_000).toISOString());
    return { kind: 'done', outcome: 'waiting' };
  }
  if (channel.status === 'needs_reconnect') return stopReply(app, q, r, 'held', 'channel_needs_reconnect', channel.status_detail ?? undefined).then(() => ({ kind: 'done' as const, outcome: 'held' as const }));
  const code = await codeInForce(q, r.workspace_id);
  const findings = checkText(code.compiled, { text: r.text, context: 'reply', sendAt: iso, channelLanguage: languageOf(channel) });
  const verdict = verdictOf(findings);
  if (verdict === 'block') return stopReply(app, q, r, 'failed', 'code_blocks', findings.find((f) => f.severity === 'block')?.message.en).then(() => ({ kind: 'done' as const, outcome: 'failed' as const }));
  const reasons = JSON.parse(r.approval_reasons) as string[];
  if (verdict === 'needs_approval' && !reasons.includes('code_needs_approval')) reasons.push('code_needs_approval');
  if (reasons.length > 0 && !r.approved_by) {
    await updateReply(q, r.id, { approval_reasons: JSON.stringify(reasons) });
    return stopReply(app, q, { ...r }, 'awaiting_approval', 'not_approved').then(() => ({ kind: 'done' as const, outcome: 'awaiting_approval' as const }));
  }
  const inReplyTo = await inReplyToItem(q, r);
  if (!inReplyTo) return stopReply(app, q, r, 'failed', 'message_gone').then(() => ({ kind: 'done' as const, outcome: 'failed' as const }));
  const wait = await takeChannelToken(app, q, channel.id, connector.rateLimit ?? null, now);
  if (wait > 0) {
    await updateReply(q, r.id, { next_attempt_at: new Date(now.getTime() + wait).toISOString(), lease_owner: null, lease_until: null, updated_at: iso });
    return { kind: 'done', outcome: 'waiting' };
  }
  const n = Number(r.attempts) + 1;
  await updateReply(q, r.id, { state: 'sending', attempts: n, attempt_started_at: iso, code_version: code.version, lease_until: new Date(now.getTime() + REPLY_LEASE_MS).toISOString(), reason_code: null, reason_text: null, updated_at: iso });
  const who = await q.selectFrom('users').select(['id', 'name']).where('id', 'in', [r.author_id, r.approved_by, r.sent_by].filter((x): x is string => !!x).concat(['-'])).execute();
  const org = r.author_org_id ? await q.selectFrom('organizations').select('name').where('id', '=', r.author_org_id).executeTakeFirst() : undefined;
  const name = (id: string | null) => (id ? (who.find((w) => w.id === id)?.name ?? id) : null);
  await writeAudit(app, q, r.sent_by ? { userId: r.sent_by, ip: null, userAgent: 'regie-gate' } : null, {
    action: 'reply.sending',
    workspaceId: r.workspace_id,
    actorOrgId: null,
    objectType: 'conversation',
    objectId: r.conversation_id,
    summary: {
      author: r.author_id ? `${name(r.author_id)}${org ? ` (${org.name})` : ''}` : r.source === 'auto_ack' ? 'automatic acknowledgement (routing rule)' : null,
      approvedBy: name(r.approved_by),
      sentBy: name(r.sent_by),
      channel: `${channel.name} (${channel.kind})`,
      attempt: n,
      codeVersion: code.version,
      text: r.text.slice(0, 500),
      ids: { reply: r.id, channel: channel.id, author: r.author_id, authorOrg: r.author_org_id, approver: r.approved_by, sender: r.sent_by },
    },
  });
  return { kind: 'send', reply: { ...r, attempts: n }, channel, outbound: { idempotencyKey: `reply.${r.id}`, inReplyTo, text: r.text }, n };
}

/** Step 3, one transaction: records what the platform answered; a sent reply becomes an outgoing message. */
export async function finishReply(app: App, s: ReplySending, result: { ok: RemoteRef } | { err: unknown }): Promise<ReplyOutcome> {
  const touched: Parameters<typeof tellInboxes>[1] = [];
  const outcome = await app.db.transaction().execute(async (q): Promise<ReplyOutcome> => {
    const now = app.clock.now();
    const iso = now.toISOString();
    const r = await lockReply(q, app, s.reply.id);
    if (!r || r.state !== 'sending' || Number(r.attempts) !== s.n) return 'lost';
    touched.push({ workspaceId: r.workspace_id, event: { type: 'conversation', conversationId: r.conversation_id, change: 'reply' } });
    if ('ok' in result) {
      await markSent(app, q, r, result.ok, iso);
      return 'sent';
    }
    const err = result.err;
    const failure = err instanceof ConnectorError ? err.failure : 'transient';
    const message = err instanceof Error ? err.message : String(err);
    if (failure === 'rejected') {
      await stopReply(app, q, r, 'failed', 'rejected', err instanceof ConnectorError ? (err.details.platformReason ?? message) : message);
      return 'failed';
    }
    if (failure === 'auth_expired' || failure === 'auth_revoked' || failure === 'rate_limited') {
      const refused = await channelRefused(app, q, s.channel, failure, err, now);
      if (refused.until) {
        await stopReply(app, q, r, 'queued', 'rate_limited', undefined, refused.until.toISOString());
        return 'waiting';
      }
      await stopReply(app, q, r, 'held', 'channel_needs_reconnect', refused.detail ?? undefined);
      return 'held';
    }
    if (mayResend(connectorFor(s.channel.kind, app.connectors), r, now)) {
      if (shouldGiveUp(s.n, MAX_REPLY_ATTEMPTS)) {
        await stopReply(app, q, r, 'failed', 'gave_up', message);
        return 'failed';
      }
      const delay = nextAttemptDelayMs(s.n, { baseMs: 2_000, maxMs: 5 * 60_000, retryAfterMs: null, random: Math.random });
      await stopReply(app, q, r, 'queued', 'retrying', message, new Date(now.getTime() + delay).toISOString());
      return 'retry';
    }
    // It may or may not have arrived: never send blindly again.
    await stopReply(app, q, r, 'held', 'unclear_attempt', message);
    return 'held';
  });
  tellInboxes(app, touched);
  return outcome;
}

/** The reply is out: stored as the conversation's outgoing message (the platform's echo later dedupes on its id). */
export async function markSent(app: App, q: Q, r: RepliesTable, remote: RemoteRef, iso: string): Promise<void> {
  await updateReply(q, r.id, { state: 'sent', remote_id: remote.remoteId, remote_url: remote.url ?? null, sent_at: iso, lease_owner: null, lease_until: null, next_attempt_at: null, reason_code: null, reason_text: null, updated_at: iso });
  const inserted = await insertMessageOnce(q, {
    workspace_id: r.workspace_id,
    id: newId(),
    conversation_id: r.conversation_id,
    channel_id: r.channel_id,
    remote_id: remote.remoteId,
    direction: 'out',
    kind: 'reply',
    contact_id: null,
    author_user_id: r.author_id,
    text: r.text,
    html: null,
    subject: null,
    url: remote.url ?? null,
    language: null,
    sentiment: null,
    sentiment_score: null,
    reply_ref: null,
    created_at: iso,
    received_at: iso,
    search_terms: searchTermsOf(null, r.text),
    reply_id: r.id,
  });
  if (!inserted) {
    await q.updateTable('messages').set({ reply_id: r.id, author_user_id: r.author_id }).where('workspace_id', '=', r.workspace_id).where('channel_id', '=', r.channel_id).where('remote_id', '=', remote.remoteId).execute();
  }
  const conv = await lockConversation(q, r.workspace_id, r.conversation_id);
  if (conv) {
    // An automatic acknowledgement is not an answer: the first-response clock keeps running for a person.
    const next = { ...conv, first_response_at: r.source === 'auto_ack' ? conv.first_response_at : (conv.first_response_at ?? iso), last_message_at: conv.last_message_at > iso ? conv.last_message_at : iso, message_count: Number(conv.message_count) + (inserted ? 1 : 0), acknowledged_at: r.source === 'auto_ack' ? (conv.acknowledged_at ?? iso) : conv.acknowledged_at };
    const team = conv.team_id ? await findTeam(q, conv.workspace_id, conv.team_id) : undefined;
    await patchConversation(q, conv.workspace_id, conv.id, { first_response_at: next.first_response_at, last_message_at: next.last_message_at, message_count: next.message_count, acknowledged_at: next.acknowledged_at, updated_at: iso, ...slaFields(next, teamTerms(team), iso) });
  }
  await insertEvent(q, { workspace_id: r.workspace_id, id: newId(), conversation_id: r.conversation_id, actor_id: r.sent_by, actor_org_id: null, kind: 'reply', body: null, data: JSON.stringify({ replyId: r.id, source: r.source, remoteUrl: remote.url ?? null }), created_at: iso });
  await writeAudit(app, q, r.sent_by ? { userId: r.sent_by, ip: null, userAgent: 'regie-gate' } : null, { action: 'reply.sent', workspaceId: r.workspace_id, actorOrgId: null, objectType: 'conversation', objectId: r.conversation_id, summary: { reply: r.id, channel: r.channel_id, remoteId: remote.remoteId, url: remote.url ?? null } });
}
