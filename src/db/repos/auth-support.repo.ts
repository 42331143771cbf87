import type { LoginThrottleTable, PasswordResetsTable } from '../schema';
import type { Q } from './types';

export async function insertPasswordReset(q: Q, row: PasswordResetsTable): Promise<void> {
  await q.insertInto('password_resets').values(row).execute();
}

/** Uses up an unexpired reset token; returns its user id, or undefined when it is unknown, used or expired. */
export async function consumePasswordReset(q: Q, tokenHash: string, now: string): Promise<string | undefined> {
  const r = await q
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id'])
    .executeTakeFirst();
  return r?.user_id;
}

export function findThrottle(q: Q, key: string) {
  return q.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(q: Q, row: LoginThrottleTable): Promise<void> {
  await q
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures: row.failures, window_start: row.window_start, blocked_until: row.blocked_until }),
    )
    .execute();
}

export async function clearThrottle(q: Q, key: string): Promise<void> {
  await q.deleteFrom('login_throttle').where('key', '=', key).execute();
}
