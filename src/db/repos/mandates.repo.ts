import type { MandatesTable } from '../schema';
import type { Q } from './types';

export async function insertMandate(q: Q, row: MandatesTable): Promise<void> {
  await q.insertInto('mandates').values(row).execute();
}

const mandateColumns = [
  'm.id',
  'm.workspace_id',
  'm.agency_id',
  'm.role',
  'm.ends_at',
  'm.may_publish_without_approval',
  'm.may_reply_without_approval',
  'm.channel_ids',
  'm.granted_at',
  'm.revoked_at',
  'm.revoke_reason',
  'a.name as agencyName',
  'g.id as grantedById',
  'g.name as grantedByName',
  'r.id as revokedById',
  'r.name as revokedByName',
] as const;

function mandatesQuery(q: Q) {
  return q
    .selectFrom('mandates as m')
    .innerJoin('organizations as a', 'a.id', 'm.agency_id')
    .innerJoin('users as g', 'g.id', 'm.granted_by')
    .leftJoin('users as r', 'r.id', 'm.revoked_by')
    .select(mandateColumns);
}

export type MandateRow = Awaited<ReturnType<typeof findMandate>> & {};

/** One mandate of a workspace with the names the UI shows. */
export function findMandate(q: Q, workspaceId: string, id: string) {
  return mandatesQuery(q).where('m.workspace_id', '=', workspaceId).where('m.id', '=', id).executeTakeFirst();
}

export function listMandates(q: Q, workspaceId: string) {
  return mandatesQuery(q).where('m.workspace_id', '=', workspaceId).orderBy('m.granted_at', 'desc').execute();
}

/** The agency's unrevoked mandate for the workspace, if any (its end date may have passed). */
export function findUnrevokedMandate(q: Q, workspaceId: string, agencyId: string) {
  return q
    .selectFrom('mandates')
    .select(['id', 'ends_at'])
    .where('workspace_id', '=', workspaceId)
    .where('agency_id', '=', agencyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function updateMandate(
  q: Q,
  workspaceId: string,
  id: string,
  patch: Partial<Pick<MandatesTable, 'role' | 'ends_at' | 'may_publish_without_approval' | 'may_reply_without_approval' | 'revoked_at' | 'revoked_by' | 'revoke_reason' | 'channel_ids'>>,
): Promise<void> {
  await q.updateTable('mandates').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
