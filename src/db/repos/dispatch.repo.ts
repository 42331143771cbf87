import { lockForUpdate, skipLocked, type Dialect } from '../dialect';
import type { ChannelBucketsTable, PublishAttemptsTable } from '../schema';
import type { Q } from './types';

/**
 * Claims up to `limit` variants that are due (scheduled, or with an attempt to reconcile) and not leased by a live
 * worker: sets `lease_owner`/`lease_until` and returns their ids. Concurrent workers on PostgreSQL skip each
 * other's rows; on SQLite the statement runs alone.
 */
export async function claimDue(q: Q, dialect: Dialect, worker: string, now: string, leaseUntil: string, limit: number): Promise<Array<{ id: string; workspace_id: string; post_id: string }>> {
  const due = skipLocked(
    dialect,
    q
      .selectFrom('variants')
      .select('id')
      .where('state', 'in', ['scheduled', 'publishing'])
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit),
  );
  return q
    .updateTable('variants')
    .set({ lease_owner: worker, lease_until: leaseUntil })
    .where('id', 'in', due)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning(['id', 'workspace_id', 'post_id'])
    .execute();
}

/** The variant row, locked for the transaction on PostgreSQL. */
export function lockVariant(q: Q, dialect: Dialect, id: string) {
  return lockForUpdate(dialect, q.selectFrom('variants').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** The earliest time any variant becomes claimable, for the worker's sleep. */
export async function nextDueAt(q: Q): Promise<string | null> {
  const r = await q.selectFrom('variants').select((eb) => eb.fn.min('next_attempt_at').as('t')).where('state', 'in', ['scheduled', 'publishing']).executeTakeFirst();
  return (r?.t as string | null) ?? null;
}

export async function insertAttempt(q: Q, row: PublishAttemptsTable): Promise<void> {
  await q.insertInto('publish_attempts').values(row).execute();
}

export function lastAttempt(q: Q, workspaceId: string, variantId: string) {
  return q.selectFrom('publish_attempts').selectAll().where('workspace_id', '=', workspaceId).where('variant_id', '=', variantId).orderBy('n', 'desc').limit(1).executeTakeFirst();
}

export function attemptsOf(q: Q, workspaceId: string, variantIds: string[]) {
  if (variantIds.length === 0) return Promise.resolve([]);
  return q.selectFrom('publish_attempts').selectAll().where('workspace_id', '=', workspaceId).where('variant_id', 'in', variantIds).orderBy('n').execute();
}

export async function finishAttempt(q: Q, id: string, patch: Pick<PublishAttemptsTable, 'finished_at' | 'outcome' | 'remote_id' | 'detail'>): Promise<void> {
  await q.updateTable('publish_attempts').set(patch).where('id', '=', id).execute();
}

export function lockBucket(q: Q, dialect: Dialect, channelId: string) {
  return lockForUpdate(dialect, q.selectFrom('channel_buckets').selectAll().where('channel_id', '=', channelId)).executeTakeFirst();
}

export async function saveBucket(q: Q, row: ChannelBucketsTable, exists: boolean): Promise<void> {
  if (exists) await q.updateTable('channel_buckets').set({ tokens: row.tokens, updated_at: row.updated_at, blocked_until: row.blocked_until }).where('channel_id', '=', row.channel_id).execute();
  else await q.insertInto('channel_buckets').values(row).execute();
}

/** Due variants of a workspace that wait in `state` (used when a hold is lifted). */
export function variantsInState(q: Q, workspaceId: string, state: string) {
  return q.selectFrom('variants').selectAll().where('workspace_id', '=', workspaceId).where('state', '=', state).execute();
}

/** Ends every lease `worker` holds (its earlier life crashed); returns how many variants it held. */
export async function releaseLeasesOf(q: Q, worker: string, past: string): Promise<number> {
  const r = await q.updateTable('variants').set({ lease_until: past }).where('lease_owner', '=', worker).where('state', 'in', ['scheduled', 'publishing']).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
