import type { SessionsTable } from '../schema';
import { runCompiled } from './prepared';
import type { Q } from './types';

export async function insertSession(q: Q, row: SessionsTable): Promise<void> {
  await q.insertInto('sessions').values(row).execute();
}

/** The unexpired session with this id and its user, in one query (the hot path of every request). */
export async function findLiveSession(q: Q, id: string, now: string) {
  const rows = await runCompiled(q, 'findLiveSession', [id, now], (sid: string, at: string) =>
    q
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id as sessionId', 's.csrf', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.locale', 'u.is_admin'])
      .where('s.id', '=', sid)
      .where('s.expires_at', '>', at),
  );
  return rows[0];
}

export async function touchSession(q: Q, id: string, now: string, expiresAt: string): Promise<void> {
  await q.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export function listSessions(q: Q, userId: string, now: string) {
  return q
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Deletes one of the user's sessions; returns how many were deleted (0 or 1). */
export async function deleteSession(q: Q, userId: string, id: string): Promise<number> {
  const r = await q.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes all of the user's sessions except `keepId` (when given); returns the number deleted. */
export async function deleteUserSessions(q: Q, userId: string, keepId: string | null): Promise<number> {
  let d = q.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) d = d.where('id', '!=', keepId);
  const r = await d.executeTakeFirst();
  return Number(r.numDeletedRows);
}
