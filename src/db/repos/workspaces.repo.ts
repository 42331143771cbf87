import { sql } from 'kysely';
import type { OrganizationsTable, WorkspacesTable } from '../schema';
import type { Q } from './types';

export async function insertOrganization(q: Q, row: OrganizationsTable): Promise<void> {
  await q.insertInto('organizations').values(row).execute();
}

export async function insertWorkspace(q: Q, row: WorkspacesTable): Promise<void> {
  await q.insertInto('workspaces').values(row).execute();
}

/** The workspace with its organization's name, or undefined. */
export function findWorkspace(q: Q, id: string) {
  return q
    .selectFrom('workspaces as w')
    .innerJoin('organizations as o', 'o.id', 'w.organization_id')
    .select(['w.id', 'w.name', 'w.created_at', 'o.id as orgId', 'o.name as orgName'])
    .where('w.id', '=', id)
    .executeTakeFirst();
}

export async function renameWorkspace(q: Q, id: string, name: string): Promise<void> {
  await q.updateTable('workspaces').set({ name }).where('id', '=', id).execute();
}

/**
 * Everything that decides one person's access to one workspace, in one query: the direct membership (if any) and
 * every unrevoked mandate held by an agency the person belongs to. The caller resolves it with core's rules.
 */
export function accessRows(q: Q, workspaceId: string, userId: string) {
  return q
    .selectFrom('workspace_members as wm')
    .innerJoin('workspaces as w', 'w.id', 'wm.workspace_id')
    .select([
      'wm.role',
      'w.organization_id',
      sql<string | null>`null`.as('mandate_id'),
      sql<string | null>`null`.as('agency_id'),
      sql<string | null>`null`.as('ends_at'),
    ])
    .where('wm.workspace_id', '=', workspaceId)
    .where('wm.user_id', '=', userId)
    .unionAll(
      q
        .selectFrom('mandates as m')
        .innerJoin('agency_members as am', 'am.agency_id', 'm.agency_id')
        .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
        .select(['m.role', 'w.organization_id', 'm.id as mandate_id', 'm.agency_id', 'm.ends_at'])
        .where('m.workspace_id', '=', workspaceId)
        .where('am.user_id', '=', userId)
        .where('m.revoked_at', 'is', null),
    )
    .execute();
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
