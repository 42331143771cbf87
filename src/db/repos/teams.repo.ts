import type { InboxSettingsTable, TeamMembersTable, TeamsTable } from '../schema';
import type { Q } from './types';

export function listTeams(q: Q, workspaceId: string) {
  return q.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).orderBy('name').execute();
}

export function findTeam(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertTeam(q: Q, row: TeamsTable): Promise<void> {
  await q.insertInto('teams').values(row).execute();
}

export async function updateTeam(q: Q, workspaceId: string, id: string, patch: Partial<Omit<TeamsTable, 'workspace_id' | 'id'>>): Promise<void> {
  await q.updateTable('teams').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The members of the workspace's teams, with their names and how many active conversations each has now. */
export function teamMembers(q: Q, workspaceId: string, teamId?: string) {
  let query = q
    .selectFrom('team_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['tm.team_id', 'tm.user_id', 'tm.max_open', 'tm.available', 'tm.position', 'u.name', 'u.email'])
    .select((eb) =>
      eb
        .selectFrom('conversations as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.workspace_id', '=', 'tm.workspace_id')
        .whereRef('c.assignee_id', '=', 'tm.user_id')
        .where('c.status', 'in', ['open', 'pending', 'snoozed'])
        .as('open'),
    )
    .where('tm.workspace_id', '=', workspaceId);
  if (teamId) query = query.where('tm.team_id', '=', teamId);
  return query.orderBy('tm.team_id').orderBy('tm.position').orderBy('u.name').execute();
}

export async function replaceTeamMembers(q: Q, workspaceId: string, teamId: string, rows: TeamMembersTable[]): Promise<void> {
  await q.deleteFrom('team_members').where('workspace_id', '=', workspaceId).where('team_id', '=', teamId).execute();
  if (rows.length) await q.insertInto('team_members').values(rows).execute();
}

/** The ids of the teams a user belongs to in a workspace. */
export async function teamIdsOf(q: Q, workspaceId: string, userId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('team_members as tm')
    .innerJoin('teams as t', 't.id', 'tm.team_id')
    .select('tm.team_id')
    .where('tm.workspace_id', '=', workspaceId)
    .where('tm.user_id', '=', userId)
    .where('t.archived_at', 'is', null)
    .execute();
  return rows.map((r) => r.team_id);
}

export function findInboxSettings(q: Q, workspaceId: string) {
  return q.selectFrom('inbox_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

/** Writes the settings when the stored version is still `expectedVersion`; false when someone saved in between. */
export async function saveInboxSettings(q: Q, row: InboxSettingsTable, expectedVersion: number): Promise<boolean> {
  if (expectedVersion === 0) {
    const r = await q.insertInto('inbox_settings').values(row).onConflict((oc) => oc.column('workspace_id').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const { workspace_id, ...rest } = row;
  const r = await q.updateTable('inbox_settings').set(rest).where('workspace_id', '=', workspace_id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Agency members with an unrevoked mandate in the workspace, with the mandate's reply terms. */
export function mandatedPeople(q: Q, workspaceId: string) {
  return q
    .selectFrom('mandates as m')
    .innerJoin('agency_members as am', 'am.agency_id', 'm.agency_id')
    .innerJoin('users as u', 'u.id', 'am.user_id')
    .innerJoin('organizations as a', 'a.id', 'm.agency_id')
    .select(['u.id as userId', 'u.name', 'u.email', 'm.role', 'm.ends_at', 'm.may_reply_without_approval', 'm.channel_ids', 'a.id as orgId', 'a.name as orgName'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.revoked_at', 'is', null)
    .execute();
}
