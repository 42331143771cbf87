import type { NotificationsTable } from '../schema';
import type { Q } from './types';

export async function insertNotifications(q: Q, rows: NotificationsTable[]): Promise<void> {
  if (rows.length > 0) await q.insertInto('notifications').values(rows).execute();
}

/** A person's notifications, newest first. */
export function listNotifications(q: Q, userId: string, limit: number) {
  return q.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(q: Q, userId: string): Promise<number> {
  const r = await q.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Marks the given notifications (or all when `ids` is null) of `userId` as read. */
export async function markRead(q: Q, userId: string, ids: string[] | null, at: string): Promise<void> {
  let u = q.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) u = u.where('id', 'in', ids.length ? ids : ['-']);
  await u.execute();
}
