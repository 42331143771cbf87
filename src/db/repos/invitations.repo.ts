import type { InvitationsTable } from '../schema';
import type { Q } from './types';

export async function insertInvitation(q: Q, row: InvitationsTable): Promise<void> {
  await q.insertInto('invitations').values(row).execute();
}

/** The open (not accepted, not cancelled, not expired) invitation with this token hash, with names to show. */
export function findOpenInvitation(q: Q, tokenHash: string, now: string) {
  return q
    .selectFrom('invitations as i')
    .innerJoin('users as inv', 'inv.id', 'i.invited_by')
    .leftJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .leftJoin('organizations as o', 'o.id', 'w.organization_id')
    .leftJoin('organizations as a', 'a.id', 'i.agency_id')
    .select([
      'i.id',
      'i.email',
      'i.role',
      'i.workspace_id',
      'i.agency_id',
      'i.expires_at',
      'inv.name as invitedByName',
      'w.name as workspaceName',
      'o.name as orgName',
      'o.id as orgId',
      'a.name as agencyName',
    ])
    .where('i.token_hash', '=', tokenHash)
    .where('i.accepted_at', 'is', null)
    .where('i.cancelled_at', 'is', null)
    .where('i.expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks an open invitation accepted; returns false when it was used or cancelled meanwhile. */
export async function markInvitationAccepted(q: Q, id: string, userId: string, now: string): Promise<boolean> {
  const r = await q
    .updateTable('invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listOpenWorkspaceInvitations(q: Q, workspaceId: string, now: string) {
  return q
    .selectFrom('invitations as i')
    .innerJoin('users as inv', 'inv.id', 'i.invited_by')
    .select(['i.id', 'i.email', 'i.role', 'i.created_at', 'i.expires_at', 'inv.id as invitedById', 'inv.name as invitedByName'])
    .where('i.workspace_id', '=', workspaceId)
    .where('i.accepted_at', 'is', null)
    .where('i.cancelled_at', 'is', null)
    .where('i.expires_at', '>', now)
    .orderBy('i.created_at', 'desc')
    .execute();
}

/** Cancels an open invitation of the workspace; returns its e-mail address, or undefined if there was none. */
export async function cancelWorkspaceInvitation(q: Q, workspaceId: string, id: string, now: string) {
  const r = await q
    .updateTable('invitations')
    .set({ cancelled_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returning(['email'])
    .executeTakeFirst();
  return r?.email;
}

/** Gives an open invitation of the workspace a new secret and expiry (the old link stops working); returns it. */
export function renewWorkspaceInvitation(q: Q, workspaceId: string, id: string, tokenHash: string, expiresAt: string) {
  return q
    .updateTable('invitations')
    .set({ token_hash: tokenHash, expires_at: expiresAt })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returning(['id', 'email', 'role', 'created_at', 'expires_at'])
    .executeTakeFirst();
}
