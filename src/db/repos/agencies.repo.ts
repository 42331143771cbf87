import type { Q } from './types';

export async function addAgencyMember(q: Q, agencyId: string, userId: string, role: string, now: string): Promise<void> {
  await q.insertInto('agency_members').values({ agency_id: agencyId, user_id: userId, role, created_at: now }).execute();
}

export function findAgencyRole(q: Q, agencyId: string, userId: string) {
  return q
    .selectFrom('agency_members')
    .select('role')
    .where('agency_id', '=', agencyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function removeAgencyMember(q: Q, agencyId: string, userId: string): Promise<void> {
  await q.deleteFrom('agency_members').where('agency_id', '=', agencyId).where('user_id', '=', userId).execute();
}

export async function countAgencyAdmins(q: Q, agencyId: string): Promise<number> {
  const r = await q
    .selectFrom('agency_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Agencies the user belongs to, with the user's role in each. */
export function agenciesOfUser(q: Q, userId: string) {
  return q
    .selectFrom('agency_members as am')
    .innerJoin('organizations as a', 'a.id', 'am.agency_id')
    .select(['a.id', 'a.name', 'am.role'])
    .where('am.user_id', '=', userId)
    .orderBy('a.name')
    .execute();
}

export function listAgencies(q: Q) {
  return q.selectFrom('organizations').select(['id', 'name']).where('kind', '=', 'agency').orderBy('name').execute();
}

export function listAgencyMembers(q: Q, agencyId: string) {
  return q
    .selectFrom('agency_members as am')
    .innerJoin('users as u', 'u.id', 'am.user_id')
    .select(['u.id as userId', 'u.name', 'u.email', 'am.role'])
    .where('am.agency_id', '=', agencyId)
    .orderBy('u.name')
    .execute();
}

/** Every mandate an agency holds or held, with the workspace and organization it is for. */
export function mandatesOfAgency(q: Q, agencyId: string) {
  return q
    .selectFrom('mandates as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .innerJoin('organizations as o', 'o.id', 'w.organization_id')
    .select(['m.id', 'm.role', 'm.ends_at', 'm.revoked_at', 'w.id as workspaceId', 'w.name as workspaceName', 'o.id as orgId', 'o.name as orgName'])
    .where('m.agency_id', '=', agencyId)
    .orderBy('m.granted_at', 'desc')
    .execute();
}
