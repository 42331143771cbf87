import { lockForUpdate, type Dialect } from '../dialect';
import type { AuditRecordsTable } from '../schema';
import type { Q } from './types';

/** The chain's head (last seq and hash), locked for this transaction on PostgreSQL. */
export function lockAuditHead(q: Q, dialect: Dialect, chainId: string) {
  return lockForUpdate(dialect, q.selectFrom('audit_heads').select(['seq', 'hash']).where('chain_id', '=', chainId)).executeTakeFirst();
}

export function readAuditHead(q: Q, chainId: string) {
  return q.selectFrom('audit_heads').select(['seq', 'hash']).where('chain_id', '=', chainId).executeTakeFirst();
}

/** Appends a record and moves the chain's head to it. Call inside the transaction that holds the head lock. */
export async function appendAuditRecord(q: Q, row: AuditRecordsTable, headExisted: boolean): Promise<void> {
  await q.insertInto('audit_records').values(row).execute();
  if (headExisted) {
    await q.updateTable('audit_heads').set({ seq: row.seq, hash: row.hash }).where('chain_id', '=', row.chain_id).execute();
  } else {
    await q.insertInto('audit_heads').values({ chain_id: row.chain_id, seq: row.seq, hash: row.hash }).execute();
  }
}

export interface AuditFilter {
  workspaceId: string;
  actorId?: string;
  organizationId?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
}

/** A workspace's audit records, newest first, with the names of the actor and the organization acted for. */
export function queryAudit(q: Q, f: AuditFilter, limit: number) {
  let s = q
    .selectFrom('audit_records as r')
    .leftJoin('users as u', 'u.id', 'r.actor_user_id')
    .leftJoin('organizations as o', 'o.id', 'r.actor_org_id')
    .select([
      'r.seq',
      'r.created_at',
      'r.action',
      'r.object_type',
      'r.object_id',
      'r.summary',
      'r.ip',
      'r.user_agent',
      'r.actor_user_id',
      'u.name as actorName',
      'u.email as actorEmail',
      'r.actor_org_id',
      'o.name as orgName',
      'o.kind as orgKind',
    ])
    .where('r.chain_id', '=', f.workspaceId);
  if (f.actorId) s = s.where('r.actor_user_id', '=', f.actorId);
  if (f.organizationId) s = s.where('r.actor_org_id', '=', f.organizationId);
  if (f.action) s = s.where('r.action', '=', f.action);
  if (f.from) s = s.where('r.created_at', '>=', f.from);
  if (f.to) s = s.where('r.created_at', '<', f.to);
  if (f.before !== undefined) s = s.where('r.seq', '<', f.before);
  return s.orderBy('r.seq', 'desc').limit(limit).execute();
}

/** The people, organizations and actions that occur in a workspace's audit log, for filter menus. */
export async function auditFacets(q: Q, workspaceId: string) {
  const [actors, orgs, actions] = await Promise.all([
    q
      .selectFrom('audit_records as r')
      .innerJoin('users as u', 'u.id', 'r.actor_user_id')
      .select(['u.id', 'u.name'])
      .distinct()
      .where('r.chain_id', '=', workspaceId)
      .orderBy('u.name')
      .execute(),
    q
      .selectFrom('audit_records as r')
      .innerJoin('organizations as o', 'o.id', 'r.actor_org_id')
      .select(['o.id', 'o.name', 'o.kind'])
      .distinct()
      .where('r.chain_id', '=', workspaceId)
      .orderBy('o.name')
      .execute(),
    q.selectFrom('audit_records').select('action').distinct().where('chain_id', '=', workspaceId).orderBy('action').execute(),
  ]);
  return { actors, orgs, actions: actions.map((a) => a.action) };
}

/** Every chain id with its head; chains whose head row is missing are found through their records. */
export async function listChains(q: Q): Promise<Array<{ chainId: string; head: { seq: number; hash: string } | null }>> {
  const heads = await q.selectFrom('audit_heads').select(['chain_id', 'seq', 'hash']).execute();
  const recorded = await q.selectFrom('audit_records').select('chain_id').distinct().execute();
  const map = new Map<string, { seq: number; hash: string } | null>();
  for (const r of recorded) map.set(r.chain_id, null);
  for (const h of heads) map.set(h.chain_id, { seq: Number(h.seq), hash: h.hash });
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([chainId, head]) => ({ chainId, head }));
}

/** One page of a chain's records in ascending seq, after `afterSeq`. */
export function chainPage(q: Q, chainId: string, afterSeq: number, limit: number) {
  return q
    .selectFrom('audit_records')
    .selectAll()
    .where('chain_id', '=', chainId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
