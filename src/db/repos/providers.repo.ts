import type { OAuthStatesTable, ProviderAppsTable } from '../schema';
import type { Q } from './types';

export function findProviderApp(q: Q, provider: string) {
  return q.selectFrom('provider_apps').selectAll().where('provider', '=', provider).executeTakeFirst();
}

export function listProviderApps(q: Q) {
  return q.selectFrom('provider_apps').selectAll().execute();
}

export async function saveProviderApp(q: Q, row: ProviderAppsTable): Promise<void> {
  await q
    .insertInto('provider_apps')
    .values(row)
    .onConflict((oc) => oc.column('provider').doUpdateSet({ client_id: row.client_id, secrets: row.secrets, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

export async function insertOAuthState(q: Q, row: OAuthStatesTable): Promise<void> {
  await q.insertInto('oauth_states').values(row).execute();
}

/** Takes (reads and deletes) an unexpired OAuth state: each state works once. */
export async function takeOAuthState(q: Q, stateHash: string, now: string) {
  const row = await q.selectFrom('oauth_states').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
  await q.deleteFrom('oauth_states').where((eb) => eb.or([eb('state_hash', '=', stateHash), eb('expires_at', '<', now)])).execute();
  return row && row.expires_at > now ? row : undefined;
}
