import type { UsersTable } from '../schema';
import type { Q } from './types';

export interface User {
  id: string;
  email: string;
  name: string;
  locale: 'nl' | 'en' | null;
}

/** The public shape of a user row (never the password hash). */
export function toUser(r: Pick<UsersTable, 'id' | 'email' | 'name' | 'locale'>): User {
  return { id: r.id, email: r.email, name: r.name, locale: r.locale === 'nl' || r.locale === 'en' ? r.locale : null };
}

export async function insertUser(q: Q, row: Omit<UsersTable, 'is_admin'> & { is_admin?: number }): Promise<void> {
  await q.insertInto('users').values({ is_admin: 0, ...row }).execute();
}

/** The user with this (normalised) e-mail address, including the password hash, or undefined. */
export function findUserByEmail(q: Q, email: string) {
  return q.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(q: Q, id: string) {
  return q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(q: Q): Promise<number> {
  const r = await q.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateUser(
  q: Q,
  id: string,
  patch: Partial<Pick<UsersTable, 'name' | 'locale' | 'password_hash'>>,
  now: string,
): Promise<void> {
  await q
    .updateTable('users')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}
