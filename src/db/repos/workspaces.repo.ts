import { sql } from 'kysely';
import type { OrganizationsTable, WorkspacesTable } from '../schema';
import { runCompiled } from './prepared';
import type { Q } from './types';

export async function insertOrganization(q: Q, row: OrganizationsTable): Promise<void> {
  await q.insertInto('organizations').values(row).execute();
}

export async function insertWorkspace(q: Q, row: WorkspacesTable): Promise<void> {
  await q.insertInto('workspaces').values(row).execute();
}

/** The workspace with its organization's name, or undefined. */
export async function findWorkspace(q: Q, id: string) {
  const rows = await runCompiled(q, 'findWorkspace', [id], (wsId: string) =>
    q
      .selectFrom('workspaces as w')
      .innerJoin('organizations as o', 'o.id', 'w.organization_id')
      .select(['w.id', 'w.name', 'w.created_at', 'o.id as orgId', 'o.name as orgName'])
      .where('w.id', '=', wsId),
  );
  return rows[0];
}

export async function renameWorkspace(q: Q, id: string, name: string): Promise<void> {
  await q.updateTable('workspaces').set({ name }).where('id', '=', id).execute();
}

/**
 * Everything that decides one person's access to one workspace, in one query: the direct membership (if any) and
 * every unrevoked mandate held by an agency the person belongs to, each with the workspace's and organization's
 * names. The caller resolves it with core's rules. Runs on every workspace request.
 */
export function accessRows(q: Q, workspaceId: string, userId: string) {
  return runCompiled(q, 'accessRows', [workspaceId, userId, workspaceId, userId], (ws1: string, u1: string, ws2: string, u2: string) =>
    q
      .selectFrom('workspace_members as wm')
      .innerJoin('workspaces as w', 'w.id', 'wm.workspace_id')
      .innerJoin('organizations as o', 'o.id', 'w.organization_id')
      .select([
        'wm.role',
        'w.name as workspace_name',
        'w.created_at as workspace_created_at',
        'o.id as organization_id',
        'o.name as organization_name',
        sql<string | null>`null`.as('mandate_id'),
        sql<string | null>`null`.as('agency_id'),
        sql<string | null>`null`.as('agency_name'),
        sql<string | null>`null`.as('ends_at'),
      ])
      .where('wm.workspace_id', '=', ws1)
      .where('wm.user_id', '=', u1)
      .unionAll(
        q
          .selectFrom('mandates as m')
          .innerJoin('agency_members as am', 'am.agency_id', 'm.agency_id')
          .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
          .innerJoin('organizations as o', 'o.id', 'w.organization_id')
          .innerJoin('organizations as a', 'a.id', 'm.agency_id')
          .select([
            'm.role',
            'w.name as workspace_name',
            'w.created_at as workspace_created_at',
            'o.id as organization_id',
            'o.name as organization_name',
            'm.id as mandate_id',
            'm.agency_id',
            'a.name as agency_name',
            'm.ends_at',
          ])
          .where('m.workspace_id', '=', ws2)
          .where('am.user_id', '=', u2)
          .where('m.revoked_at', 'is', null),
      ),
  );
}

/** Workspaces the user is a direct member of, with organization and role. */
export function directWorkspaces(q: Q, userId: string) {
  return q
    .selectFrom('workspace_members as wm')
    .innerJoin('workspaces as w', 'w.id', 'wm.workspace_id')
    .innerJoin('organizations as o', 'o.id', 'w.organization_id')
    .select(['w.id', 'w.name', 'o.id as orgId', 'o.name as orgName', 'wm.role'])
    .where('wm.user_id', '=', userId)
    .orderBy('w.name')
    .execute();
}

/** Workspaces reachable through unrevoked mandates of the user's agencies (end dates are checked by the caller). */
export function mandatedWorkspaces(q: Q, userId: string) {
  return q
    .selectFrom('agency_members as am')
    .innerJoin('mandates as m', 'm.agency_id', 'am.agency_id')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .innerJoin('organizations as o', 'o.id', 'w.organization_id')
    .innerJoin('organizations as a', 'a.id', 'am.agency_id')
    .select([
      'w.id',
      'w.name',
      'o.id as orgId',
      'o.name as orgName',
      'm.role',
      'm.id as mandateId',
      'm.ends_at',
      'a.id as agencyId',
      'a.name as agencyName',
    ])
    .where('am.user_id', '=', userId)
    .where('m.revoked_at', 'is', null)
    .orderBy('w.name')
    .execute();
}

export function findOrganization(q: Q, id: string) {
  return q.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}
