import { normalizeEmail } from '../core/accounts/password-policy';
import { AppError, notFound } from '../core/shared/errors';
import { assertOwnerRemains } from '../core/workspaces/last-owner';
import { mandateStatus } from '../core/workspaces/mandate';
import type { MandateRole, WorkspaceRole } from '../core/workspaces/roles';
import { cancelWorkspaceInvitation, listOpenWorkspaceInvitations, renewWorkspaceInvitation } from '../db/repos/invitations.repo';
import { countOwners, findMemberRole, listDirectMembers, listMandatedMembers, removeMember, setMemberRole } from '../db/repos/members.repo';
import { findUserByEmail } from '../db/repos/users.repo';
import { directWorkspaces, findWorkspace, insertOrganization, insertWorkspace, renameWorkspace } from '../db/repos/workspaces.repo';
import { addMember } from '../db/repos/members.repo';
import { newId, newSecret } from '../core/shared/ids';
import { hashToken } from './tokens';
import type { Q } from '../db/repos/types';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { createInvitation, sendInvitationMail } from './invitations.service';

/** The workspace as its members see it, with the "acting for" facts when the actor works under a mandate. */
export function getWorkspace(scope: WorkspaceScope) {
  const via = scope.access.via;
  return {
    id: scope.workspaceId,
    name: scope.workspaceName,
    organization: { id: scope.organizationId, name: scope.organizationName },
    role: scope.access.role,
    actingFor: via.kind === 'mandate' ? { agency: { id: via.agencyId, name: scope.agencyName ?? '' } } : null,
    createdAt: scope.workspaceCreatedAt,
  };
}

export async function renameWorkspaceAs(app: App, actor: Actor, scope: WorkspaceScope, name: string) {
  await app.db.transaction().execute(async (q) => {
    const before = await findWorkspace(q, scope.workspaceId);
    await renameWorkspace(q, scope.workspaceId, name.trim());
    await writeAudit(app, q, actor, {
      action: 'workspace.renamed',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'workspace',
      objectId: scope.workspaceId,
      summary: { before: { name: before?.name }, after: { name: name.trim() } },
    });
  });
  return getWorkspace({ ...scope, workspaceName: name.trim() });
}

/** Everyone who can enter the workspace now: the organization's own members, then agency members by mandate. */
export async function listMembers(app: App, scope: WorkspaceScope) {
  const now = app.clock.now();
  const [direct, mandated] = await Promise.all([listDirectMembers(app.db, scope.workspaceId), listMandatedMembers(app.db, scope.workspaceId)]);
  const directIds = new Set(direct.map((m) => m.userId));
  return [
    ...direct.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role as WorkspaceRole, via: 'member' as const, agency: null })),
    ...mandated
      .filter((m) => !directIds.has(m.userId) && mandateStatus({ role: m.role as MandateRole, endsAt: m.ends_at, revokedAt: null }, now) === 'active')
      .map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role as WorkspaceRole, via: 'mandate' as const, agency: { id: m.agencyId, name: m.agencyName } })),
  ];
}

/** Changes an own member's role; refuses to leave the workspace without an owner. */
export async function changeMemberRole(app: App, actor: Actor, scope: WorkspaceScope, userId: string, role: WorkspaceRole) {
  await app.db.transaction().execute(async (q) => {
    const current = await findMemberRole(q, scope.workspaceId, userId);
    if (!current) throw notFound('This member');
    assertOwnerRemains(await countOwners(q, scope.workspaceId), current.role as WorkspaceRole, role);
    await setMemberRole(q, scope.workspaceId, userId, role);
    await writeAudit(app, q, actor, {
      action: 'member.role_changed',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'user',
      objectId: userId,
      summary: { before: { role: current.role }, after: { role } },
    });
  });
  return (await listMembers(app, scope)).find((m) => m.userId === userId && m.via === 'member')!;
}

/** Removes an own member (or lets a member leave); refuses to remove the last owner. */
export async function removeMemberAs(app: App, actor: Actor, scope: WorkspaceScope, userId: string) {
  await app.db.transaction().execute(async (q) => {
    const current = await findMemberRole(q, scope.workspaceId, userId);
    if (!current) throw notFound('This member');
    assertOwnerRemains(await countOwners(q, scope.workspaceId), current.role as WorkspaceRole, null);
    await removeMember(q, scope.workspaceId, userId);
    await writeAudit(app, q, actor, {
      action: userId === actor.userId ? 'member.left' : 'member.removed',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'user',
      objectId: userId,
      summary: { before: { role: current.role } },
    });
  });
}

/** Invites someone by e-mail into the workspace with a role; the link goes out by e-mail after the commit. */
export async function inviteMember(app: App, actor: Actor, scope: WorkspaceScope, emailIn: string, role: WorkspaceRole) {
  const email = normalizeEmail(emailIn);
  const w = await findWorkspace(app.db, scope.workspaceId);
  if (!w) throw notFound('This workspace');
  const result = await app.db.transaction().execute(async (q) => {
    const existing = await findUserByEmail(q, email);
    if (existing && (await findMemberRole(q, scope.workspaceId, existing.id))) {
      throw new AppError('ERR_ALREADY_MEMBER', `${email} is already a member of this workspace.`);
    }
    return createInvitation(app, q, actor, { kind: 'workspace', workspaceId: scope.workspaceId, name: w.name, actingOrgId: scope.actingOrgId }, email, role);
  });
  const emailSent = await sendInvitationMail(app, actor, email, `${w.name} (${w.orgName})`, result.acceptUrl);
  return { ...result, emailSent };
}

export async function listInvitations(app: App, scope: WorkspaceScope) {
  const rows = await listOpenWorkspaceInvitations(app.db, scope.workspaceId, app.clock.now().toISOString());
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, invitedBy: { id: r.invitedById, name: r.invitedByName }, createdAt: r.created_at, expiresAt: r.expires_at }));
}

export async function cancelInvitation(app: App, actor: Actor, scope: WorkspaceScope, id: string) {
  await app.db.transaction().execute(async (q) => {
    const email = await cancelWorkspaceInvitation(q, scope.workspaceId, id, app.clock.now().toISOString());
    if (email === undefined) throw notFound('This invitation');
    await writeAudit(app, q, actor, {
      action: 'member.invitation_cancelled',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'invitation',
      objectId: id,
      summary: { before: { email } },
    });
  });
}

/**
 * Creates a workspace with the actor as its owner: for a new organization (`organizationName`), or for an
 * organization in which the actor already owns a workspace (`organizationId`).
 */
export async function createWorkspace(app: App, actor: Actor, input: { name: string; organizationId?: string; organizationName?: string }) {
  const now = app.clock.now().toISOString();
  const workspaceId = newId();
  await app.db.transaction().execute(async (q) => {
    let orgId = input.organizationId;
    if (orgId) {
      const owns = (await directWorkspaces(q, actor.userId)).some((w) => w.orgId === orgId && w.role === 'owner');
      if (!owns) throw notFound('This organization');
    } else {
      if (!input.organizationName?.trim()) {
        throw new AppError('ERR_VALIDATION', 'Name the organization the workspace belongs to.', [{ path: 'organizationName', message: 'required' }]);
      }
      orgId = newId();
      await insertOrganization(q, { id: orgId, kind: 'client', name: input.organizationName.trim(), created_at: now });
    }
    await openWorkspace(app, q, actor, { workspaceId, organizationId: orgId, name: input.name });
  });
  return { id: workspaceId };
}

/**
 * Inserts a workspace of an existing organization with `actor` as its owner, and records it; inside the caller's
 * transaction. Shared by first-run set-up and "new workspace".
 */
export async function openWorkspace(
  app: App,
  q: Q,
  actor: Pick<Actor, 'userId' | 'ip' | 'userAgent'>,
  w: { workspaceId: string; organizationId: string; name: string; summary?: Record<string, unknown> },
): Promise<void> {
  const now = app.clock.now().toISOString();
  await insertWorkspace(q, { id: w.workspaceId, organization_id: w.organizationId, name: w.name.trim(), created_at: now });
  await addMember(q, w.workspaceId, actor.userId, 'owner', now);
  await writeAudit(app, q, actor, {
    action: 'workspace.created',
    workspaceId: w.workspaceId,
    actorOrgId: w.organizationId,
    objectType: 'workspace',
    objectId: w.workspaceId,
    summary: { after: { name: w.name.trim(), ...w.summary } },
  });
}

/**
 * Sends an invitation again with a fresh link (the earlier link stops working) and a new expiry; for when the first
 * e-mail got lost or the link expired. Answers the new link, like inviting does.
 */
export async function resendInvitation(app: App, actor: Actor, scope: WorkspaceScope, id: string) {
  const token = newSecret();
  const now = app.clock.now();
  const expiresAt = new Date(now.getTime() + 14 * 86_400_000).toISOString();
  const inv = await app.db.transaction().execute(async (q) => {
    const r = await renewWorkspaceInvitation(q, scope.workspaceId, id, hashToken(token), expiresAt);
    if (!r) throw notFound('This invitation');
    await writeAudit(app, q, actor, {
      action: 'member.invitation_resent',
      workspaceId: scope.workspaceId,
      actorOrgId: scope.actingOrgId,
      objectType: 'invitation',
      objectId: id,
      summary: { after: { email: r.email, expiresAt } },
    });
    return r;
  });
  const acceptUrl = `${app.config.publicUrl}/invite/${encodeURIComponent(token)}`;
  const emailSent = await sendInvitationMail(app, actor, inv.email, `${scope.workspaceName} (${scope.organizationName})`, acceptUrl);
  return {
    invitation: { id: inv.id, email: inv.email, role: inv.role, invitedBy: { id: actor.userId, name: actor.name }, createdAt: inv.created_at, expiresAt: inv.expires_at },
    acceptUrl,
    emailSent,
  };
}
