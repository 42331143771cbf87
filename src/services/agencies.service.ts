import { normalizeEmail } from '../core/accounts/password-policy';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { mandateStatus } from '../core/workspaces/mandate';
import type { AgencyRole, MandateRole } from '../core/workspaces/roles';
import {
  addAgencyMember,
  agenciesOfUser,
  countAgencyAdmins,
  findAgencyRole,
  listAgencies,
  listAgencyMembers,
  mandatesOfAgency,
  removeAgencyMember,
} from '../db/repos/agencies.repo';
import { findUserByEmail } from '../db/repos/users.repo';
import { directWorkspaces, findOrganization, insertOrganization } from '../db/repos/workspaces.repo';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { createInvitation, sendInvitationMail } from './invitations.service';

/** Creates an agency (an organization that serves clients); the creator becomes its admin. */
export async function createAgency(app: App, actor: Actor, name: string) {
  const id = newId();
  const now = app.clock.now().toISOString();
  await app.db.transaction().execute(async (q) => {
    await insertOrganization(q, { id, kind: 'agency', name: name.trim(), created_at: now });
    await addAgencyMember(q, id, actor.userId, 'admin', now);
    await writeAudit(app, q, actor, { action: 'agency.created', workspaceId: null, actorOrgId: id, objectType: 'organization', objectId: id, summary: { after: { name: name.trim() } } });
  });
  return { id, name: name.trim(), role: 'admin' as const };
}

export async function myAgencies(app: App, actor: Actor) {
  return (await agenciesOfUser(app.db, actor.userId)).map((a) => ({ id: a.id, name: a.name, role: a.role as AgencyRole }));
}

/** All agencies of this installation, for an owner choosing whom to grant a mandate. Owners only. */
export async function agencyDirectory(app: App, actor: Actor) {
  const owns = (await directWorkspaces(app.db, actor.userId)).some((w) => w.role === 'owner');
  if (!owns) throw new AppError('ERR_FORBIDDEN', 'Only owners of a workspace can look up agencies.');
  return listAgencies(app.db);
}

/** The actor's role in an agency; ERR_NOT_FOUND when not a member (no hint whether the agency exists). */
async function requireAgency(app: App, actor: Actor, agencyId: string, admin: boolean): Promise<AgencyRole> {
  const r = await findAgencyRole(app.db, agencyId, actor.userId);
  if (!r) throw notFound('This agency');
  if (admin && r.role !== 'admin') throw new AppError('ERR_FORBIDDEN', 'Only an admin of the agency can do this.');
  return r.role as AgencyRole;
}

export async function getAgency(app: App, actor: Actor, agencyId: string) {
  const role = await requireAgency(app, actor, agencyId, false);
  const [org, members, mandates] = await Promise.all([
    findOrganization(app.db, agencyId),
    listAgencyMembers(app.db, agencyId),
    mandatesOfAgency(app.db, agencyId),
  ]);
  const now = app.clock.now();
  return {
    id: agencyId,
    name: org?.name ?? '',
    role,
    members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role as AgencyRole })),
    mandates: mandates.map((m) => ({
      id: m.id,
      workspace: { id: m.workspaceId, name: m.workspaceName },
      organization: { id: m.orgId, name: m.orgName },
      role: m.role,
      status: mandateStatus({ role: m.role as MandateRole, endsAt: m.ends_at, revokedAt: m.revoked_at }, now),
      endsAt: m.ends_at,
    })),
  };
}

export async function inviteAgencyMember(app: App, actor: Actor, agencyId: string, emailIn: string, role: AgencyRole) {
  await requireAgency(app, actor, agencyId, true);
  const email = normalizeEmail(emailIn);
  const org = await findOrganization(app.db, agencyId);
  const result = await app.db.transaction().execute(async (q) => {
    const existing = await findUserByEmail(q, email);
    if (existing && (await findAgencyRole(q, agencyId, existing.id))) {
      throw new AppError('ERR_ALREADY_MEMBER', `${email} is already a member of this agency.`);
    }
    return createInvitation(app, q, actor, { kind: 'agency', agencyId, name: org?.name ?? '' }, email, role);
  });
  const emailSent = await sendInvitationMail(app, actor, email, org?.name ?? '', result.acceptUrl);
  return { ...result, emailSent };
}

/** Removes a member from the agency (or lets a member leave); the agency keeps at least one admin. */
export async function removeAgencyMemberAs(app: App, actor: Actor, agencyId: string, userId: string) {
  await requireAgency(app, actor, agencyId, userId !== actor.userId);
  await app.db.transaction().execute(async (q) => {
    const current = await findAgencyRole(q, agencyId, userId);
    if (!current) throw notFound('This member');
    if (current.role === 'admin' && (await countAgencyAdmins(q, agencyId)) <= 1) {
      throw new AppError('ERR_LAST_OWNER', 'This is the last admin of the agency. Make someone else admin first.');
    }
    await removeAgencyMember(q, agencyId, userId);
    await writeAudit(app, q, actor, { action: 'agency.member_removed', workspaceId: null, actorOrgId: agencyId, objectType: 'user', objectId: userId, summary: { before: { role: current.role } } });
  });
}
