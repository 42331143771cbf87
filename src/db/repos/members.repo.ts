import type { Q } from './types';

export async function addMember(q: Q, workspaceId: string, userId: string, role: string, now: string): Promise<void> {
  await q
    .insertInto('workspace_members')
    .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now })
    .execute();
}

export function findMemberRole(q: Q, workspaceId: string, userId: string) {
  return q
    .selectFrom('workspace_members')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function countOwners(q: Q, workspaceId: string): Promise<number> {
  const r = await q
    .selectFrom('workspace_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setMemberRole(q: Q, workspaceId: string, userId: string, role: string): Promise<void> {
  await q
    .updateTable('workspace_members')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}

export async function removeMember(q: Q, workspaceId: string, userId: string): Promise<void> {
  await q.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

/** The organization's own members of a workspace. */
export function listDirectMembers(q: Q, workspaceId: string) {
  return q
    .selectFrom('workspace_members as wm')
    .innerJoin('users as u', 'u.id', 'wm.user_id')
    .select(['u.id as userId', 'u.name', 'u.email', 'wm.role'])
    .where('wm.workspace_id', '=', workspaceId)
    .orderBy('u.name')
    .execute();
}

/** Agency members who reach the workspace through an unrevoked mandate (end dates are checked by the caller). */
export function listMandatedMembers(q: Q, workspaceId: string) {
  return q
    .selectFrom('mandates as m')
    .innerJoin('agency_members as am', 'am.agency_id', 'm.agency_id')
    .innerJoin('users as u', 'u.id', 'am.user_id')
    .innerJoin('organizations as a', 'a.id', 'm.agency_id')
    .select(['u.id as userId', 'u.name', 'u.email', 'm.role', 'm.ends_at', 'a.id as agencyId', 'a.name as agencyName'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.revoked_at', 'is', null)
    .orderBy('u.name')
    .execute();
}
