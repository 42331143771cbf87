import { resolveAccess, type Access, type MandateGrant } from '../core/workspaces/access';
import { mandateStatus } from '../core/workspaces/mandate';
import { roleCan, type MandateRole, type Permission, type WorkspaceRole } from '../core/workspaces/roles';
import { AppError, notFound } from '../core/shared/errors';
import { agenciesOfUser } from '../db/repos/agencies.repo';
import { accessRows, directWorkspaces, mandatedWorkspaces } from '../db/repos/workspaces.repo';
import type { Actor, App } from './app';

/** An actor inside one workspace: what it may do there, and for which organization it acts. */
export interface WorkspaceScope {
  workspaceId: string;
  workspaceName: string;
  workspaceCreatedAt: string;
  organizationId: string;
  organizationName: string;
  /** The agency's name when the actor works here under its mandate. */
  agencyName: string | null;
  access: Access;
  /** The organization the actor speaks for here: the agency under a mandate, else the workspace's organization. */
  actingOrgId: string;
}

/**
 * The actor's access to a workspace, checked against the database on every call, so a revoked or expired mandate
 * stops working at the next request. No access answers ERR_NOT_FOUND (the same as a workspace that does not
 * exist); access without `permission` answers ERR_FORBIDDEN.
 */
export async function requireWorkspace(app: App, actor: Actor, workspaceId: string, permission: Permission): Promise<WorkspaceScope> {
  const rows = await accessRows(app.db, workspaceId, actor.userId);
  if (rows.length === 0) throw notFound('This workspace');
  const direct = rows.find((r) => r.mandate_id === null);
  const grants: MandateGrant[] = rows
    .filter((r) => r.mandate_id !== null)
    .map((r) => ({ mandateId: r.mandate_id!, agencyId: r.agency_id!, role: r.role as MandateRole, endsAt: r.ends_at, revokedAt: null }));
  const access = resolveAccess((direct?.role as WorkspaceRole) ?? null, grants, app.clock.now());
  if (!access) throw notFound('This workspace');
  if (!roleCan(access.role, permission)) {
    throw new AppError('ERR_FORBIDDEN', 'Your role in this workspace does not allow this. Ask an owner of the workspace.');
  }
  const first = rows[0];
  const organizationId = first.organization_id;
  const via = access.via;
  return {
    workspaceId,
    workspaceName: first.workspace_name,
    workspaceCreatedAt: first.workspace_created_at,
    organizationId,
    organizationName: first.organization_name,
    agencyName: via.kind === 'mandate' ? (rows.find((r) => r.mandate_id === via.mandateId)?.agency_name ?? null) : null,
    access,
    actingOrgId: access.via.kind === 'mandate' ? access.via.agencyId : organizationId,
  };
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  organization: { id: string; name: string };
  role: WorkspaceRole;
  via: { kind: 'member' } | { kind: 'mandate'; mandateId: string; agency: { id: string; name: string } };
}

/** Every workspace the user can enter now (own memberships first, then mandates in force), and its agencies. */
export async function sessionOverview(app: App, userId: string) {
  const now = app.clock.now();
  const [direct, mandated, agencies] = await Promise.all([
    directWorkspaces(app.db, userId),
    mandatedWorkspaces(app.db, userId),
    agenciesOfUser(app.db, userId),
  ]);
  const seen = new Set<string>();
  const workspaces: WorkspaceSummary[] = [];
  for (const w of direct) {
    seen.add(w.id);
    workspaces.push({ id: w.id, name: w.name, organization: { id: w.orgId, name: w.orgName }, role: w.role as WorkspaceRole, via: { kind: 'member' } });
  }
  for (const w of mandated) {
    if (seen.has(w.id) || mandateStatus({ role: w.role as MandateRole, endsAt: w.ends_at, revokedAt: null }, now) !== 'active') continue;
    seen.add(w.id);
    workspaces.push({
      id: w.id,
      name: w.name,
      organization: { id: w.orgId, name: w.orgName },
      role: w.role as WorkspaceRole,
      via: { kind: 'mandate', mandateId: w.mandateId, agency: { id: w.agencyId, name: w.agencyName } },
    });
  }
  return { workspaces, agencies: agencies.map((a) => ({ id: a.id, name: a.name, role: a.role as 'admin' | 'member' })) };
}
