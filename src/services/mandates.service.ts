import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { mandateStatus } from '../core/workspaces/mandate';
import type { MandateRole } from '../core/workspaces/roles';
import { bool, int } from '../db/repos/types';
import { findMandate, findUnrevokedMandate, insertMandate, listMandates, updateMandate, type MandateRow } from '../db/repos/mandates.repo';
import { findOrganization } from '../db/repos/workspaces.repo';
import { listChannels } from '../db/repos/channels.repo';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';

function view(m: MandateRow, now: Date) {
  return {
    id: m.id,
    agency: { id: m.agency_id, name: m.agencyName },
    role: m.role as MandateRole,
    status: mandateStatus({ role: m.role as MandateRole, endsAt: m.ends_at, revokedAt: m.revoked_at }, now),
    endsAt: m.ends_at,
    mayPublishWithoutApproval: bool(m.may_publish_without_approval),
    mayReplyWithoutApproval: bool(m.may_reply_without_approval),
    channelIds: m.channel_ids ? (JSON.parse(m.channel_ids) as string[]) : null,
    grantedBy: { id: m.grantedById, name: m.grantedByName },
    grantedAt: m.granted_at,
    revokedAt: m.revoked_at,
    revokedBy: m.revokedById ? { id: m.revokedById, name: m.revokedByName ?? '' } : null,
    revokeReason: m.revoke_reason,
  };
}
export type MandateView = ReturnType<typeof view>;

export async function listMandatesOf(app: App, scope: WorkspaceScope) {
  const now = app.clock.now();
  return (await listMandates(app.db, scope.workspaceId)).map((m) => view(m, now));
}

export interface MandateTermsInput {
  role: MandateRole;
  endsAt: string | null;
  mayPublishWithoutApproval: boolean;
  mayReplyWithoutApproval: boolean;
}

function assertFuture(endsAt: string | null, now: Date) {
  if (endsAt && Date.parse(endsAt) <= now.getTime()) {
    throw new AppError('ERR_VALIDATION', 'The end date of a mandate must lie in the future.', [{ path: 'endsAt', message: 'must be in the future' }]);
  }
}

/** Grants an agency a mandate in the workspace. One mandate in force per agency and workspace. */
export async function grantMandate(app: App, actor: Actor, scope: WorkspaceScope, agencyId: string, t: MandateTermsInput) {
  const now = app.clock.now();
  assertFuture(t.endsAt, now);
  const id = newId();
  await app.db.transaction().execute(async (q) => {
    const agency = await findOrganization(q, agencyId);
    if (!agency || agency.kind !== 'agency') throw notFound('This agency');
    const open = await findUnrevokedMandate(q, scope.workspaceId, agencyId);
    if (open.some((m) => mandateStatus({ role: t.role, endsAt: m.ends_at, revokedAt: null }, now) === 'active')) {
      throw new AppError('ERR_MANDATE_EXISTS', `${agency.name} already has a mandate in this workspace. Change that one instead.`);
    }
    await insertMandate(q, {
      workspace_id: scope.workspaceId,
      id,
      agency_id: agencyId,
      role: t.role,
      ends_at: t.endsAt,
      may_publish_without_approval: int(t.mayPublishWithoutApproval),
      may_reply_without_approval: int(t.mayReplyWithoutApproval),
      channel_ids: null,
      granted_by: actor.userId,
      granted_at: now.toISOString(),
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    });
    await writeAudit(app, q, actor, {
      action: 'mandate.granted',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'mandate',
      objectId: id,
      summary: { after: { agency: agency.name, ...t } },
    });
  });
  return view((await findMandate(app.db, scope.workspaceId, id))!, now);
}

/** Changes the terms of a mandate in force. */
export async function updateMandateTerms(app: App, actor: Actor, scope: WorkspaceScope, id: string, patch: Partial<MandateTermsInput>) {
  const now = app.clock.now();
  if (patch.endsAt !== undefined) assertFuture(patch.endsAt, now);
  await app.db.transaction().execute(async (q) => {
    const m = await findMandate(q, scope.workspaceId, id);
    if (!m) throw notFound('This mandate');
    const before = view(m, now);
    if (before.status !== 'active') throw new AppError('ERR_MANDATE_NOT_ACTIVE', 'This mandate is no longer in force. Grant a new one.');
    await updateMandate(q, scope.workspaceId, id, {
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.endsAt !== undefined && { ends_at: patch.endsAt }),
      ...(patch.mayPublishWithoutApproval !== undefined && { may_publish_without_approval: int(patch.mayPublishWithoutApproval) }),
      ...(patch.mayReplyWithoutApproval !== undefined && { may_reply_without_approval: int(patch.mayReplyWithoutApproval) }),
    });
    const pick = (v: MandateView) => ({ role: v.role, endsAt: v.endsAt, mayPublishWithoutApproval: v.mayPublishWithoutApproval, mayReplyWithoutApproval: v.mayReplyWithoutApproval });
    await writeAudit(app, q, actor, {
      action: 'mandate.changed',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'mandate',
      objectId: id,
      summary: { agency: m.agencyName, before: pick(before), after: { ...pick(before), ...patch } },
    });
  });
  return view((await findMandate(app.db, scope.workspaceId, id))!, now);
}

/** Revokes a mandate at once: the agency's members lose access at their next request. */
export async function revokeMandate(app: App, actor: Actor, scope: WorkspaceScope, id: string, reason: string | null) {
  const now = app.clock.now();
  await app.db.transaction().execute(async (q) => {
    const m = await findMandate(q, scope.workspaceId, id);
    if (!m) throw notFound('This mandate');
    if (m.revoked_at) throw new AppError('ERR_MANDATE_NOT_ACTIVE', 'This mandate was already revoked.');
    await updateMandate(q, scope.workspaceId, id, { revoked_at: now.toISOString(), revoked_by: actor.userId, revoke_reason: reason });
    await writeAudit(app, q, actor, {
      action: 'mandate.revoked',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'mandate',
      objectId: id,
      summary: { agency: m.agencyName, reason },
    });
  });
  return view((await findMandate(app.db, scope.workspaceId, id))!, now);
}

/** Sets which channels of the workspace a mandate covers; `null` means all of them. */
export async function setMandateChannels(app: App, actor: Actor, scope: WorkspaceScope, id: string, channelIds: string[] | null) {
  const now = app.clock.now();
  await app.db.transaction().execute(async (q) => {
    const m = await findMandate(q, scope.workspaceId, id);
    if (!m) throw notFound('This mandate');
    if (channelIds) {
      const known = new Set((await listChannels(q, scope.workspaceId)).map((c) => c.id));
      const unknown = channelIds.filter((c) => !known.has(c));
      if (unknown.length) throw new AppError('ERR_VALIDATION', 'Some channels do not belong to this workspace.', unknown.map((u) => ({ path: 'channelIds', message: u })));
    }
    const value = channelIds ? JSON.stringify([...new Set(channelIds)]) : null;
    await updateMandate(q, scope.workspaceId, id, { channel_ids: value });
    await writeAudit(app, q, actor, {
      action: 'mandate.channels_changed',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'mandate',
      objectId: id,
      summary: { agency: m.agencyName, before: { channelIds: m.channel_ids ? JSON.parse(m.channel_ids) : null }, after: { channelIds } },
    });
  });
  return view((await findMandate(app.db, scope.workspaceId, id))!, now);
}
