import type { ApiTokensTable } from '../schema';
import { runCompiled } from './prepared';
import type { Q } from './types';

export async function insertApiToken(q: Q, row: ApiTokensTable): Promise<void> {
  await q.insertInto('api_tokens').values(row).execute();
}

/** The live (unrevoked, unexpired) token with this hash and its user. */
export async function findLiveToken(q: Q, tokenHash: string, now: string) {
  const rows = await runCompiled(q, 'findLiveToken', [tokenHash, now], (hash: string, at: string) =>
    q
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id as tokenId', 't.last_used_at', 'u.id', 'u.email', 'u.name', 'u.locale', 'u.is_admin'])
      .where('t.token_hash', '=', hash)
      .where('t.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', at)])),
  );
  return rows[0];
}

export async function touchToken(q: Q, id: string, now: string): Promise<void> {
  await q.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export function listTokens(q: Q, userId: string) {
  return q
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes one of the user's tokens; returns the token's name, or undefined when there was none to revoke. */
export async function revokeToken(q: Q, userId: string, id: string, now: string): Promise<string | undefined> {
  const r = await q
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['name'])
    .executeTakeFirst();
  return r?.name;
}
