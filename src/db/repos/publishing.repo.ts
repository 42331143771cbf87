import { lockForUpdate, type Dialect } from '../dialect';
import type { CodeProposalsTable, CodeVersionsTable, PublishingSettingsTable } from '../schema';
import type { Q } from './types';

/** The workspace's publishing settings row, if one was ever written. */
export function findSettings(q: Q, workspaceId: string) {
  return q.selectFrom('publishing_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

/** Writes the settings row (insert or replace). */
export async function upsertSettings(q: Q, row: PublishingSettingsTable): Promise<void> {
  await q
    .insertInto('publishing_settings')
    .values(row)
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ time_zone: row.time_zone, review_rules: row.review_rules, held: row.held, hold_reason: row.hold_reason, held_by: row.held_by, held_at: row.held_at, updated_at: row.updated_at }))
    .execute();
}

/** The newest code version of a workspace, locked for the transaction on PostgreSQL when `lock` is given. */
export function latestCode(q: Q, workspaceId: string, lock?: Dialect) {
  const query = q.selectFrom('code_versions').selectAll().where('workspace_id', '=', workspaceId).orderBy('version', 'desc').limit(1);
  return (lock ? lockForUpdate(lock, query) : query).executeTakeFirst();
}

export function codeVersion(q: Q, workspaceId: string, version: number) {
  return q.selectFrom('code_versions').selectAll().where('workspace_id', '=', workspaceId).where('version', '=', version).executeTakeFirst();
}

/** Every version, newest first, with the name of who wrote it. */
export function codeHistory(q: Q, workspaceId: string) {
  return q
    .selectFrom('code_versions as v')
    .innerJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version', 'v.note', 'v.proposal_id', 'v.created_at', 'v.created_by', 'u.name as createdByName', 'v.clauses'])
    .where('v.workspace_id', '=', workspaceId)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function insertCodeVersion(q: Q, row: CodeVersionsTable): Promise<void> {
  await q.insertInto('code_versions').values(row).execute();
}

export async function insertProposal(q: Q, row: CodeProposalsTable): Promise<void> {
  await q.insertInto('code_proposals').values(row).execute();
}

export function listProposals(q: Q, workspaceId: string) {
  return q
    .selectFrom('code_proposals as p')
    .innerJoin('users as u', 'u.id', 'p.proposed_by')
    .leftJoin('users as d', 'd.id', 'p.decided_by')
    .selectAll('p')
    .select(['u.name as proposedByName', 'd.name as decidedByName'])
    .where('p.workspace_id', '=', workspaceId)
    .orderBy('p.proposed_at', 'desc')
    .execute();
}

export function findProposal(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('code_proposals').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function decideProposal(q: Q, id: string, patch: Pick<CodeProposalsTable, 'status' | 'decided_by' | 'decided_at' | 'decision_note'>): Promise<boolean> {
  const r = await q.updateTable('code_proposals').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Owners of the workspace's own organization (not agencies): who is told about proposals and holds. */
export function ownersOf(q: Q, workspaceId: string) {
  return q
    .selectFrom('workspace_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.role', '=', 'owner')
    .execute();
}

/** The organization's own owners and editors: who may approve posts. */
export function approversOf(q: Q, workspaceId: string) {
  return q
    .selectFrom('workspace_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'm.role'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.role', 'in', ['owner', 'editor'])
    .execute();
}
