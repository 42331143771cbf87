import { AppError } from '../core/shared/errors';
import type { OAuthApp } from '../connectors/types';
import { findProviderApp, listProviderApps, saveProviderApp } from '../db/repos/providers.repo';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { seal, unseal } from './sealed-box';

export const PROVIDERS = ['meta', 'linkedin', 'x'] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface ProviderSecrets extends OAuthApp {
  /** Meta: the token the webhook verification handshake must echo. */
  verifyToken?: string;
  source: 'environment' | 'database';
}

/**
 * A platform's app credentials: from the environment when given there (it wins), else as an administrator entered
 * them (sealed in the database). Mastodon instances are providers too (`mastodon:<host>`), registered automatically.
 */
export async function providerApp(app: App, provider: string): Promise<ProviderSecrets | null> {
  const env = app.config.providers;
  if (provider === 'meta' && env.meta) return { clientId: env.meta.appId, clientSecret: env.meta.appSecret, verifyToken: env.meta.verifyToken, source: 'environment' };
  if (provider === 'linkedin' && env.linkedin) return { ...env.linkedin, source: 'environment' };
  if (provider === 'x' && env.x) return { ...env.x, source: 'environment' };
  const row = await findProviderApp(app.db, provider);
  if (!row) return null;
  const secrets = unseal<{ clientSecret: string; verifyToken?: string; instanceUrl?: string }>(app.keys.credentials, row.secrets, `provider:${provider}`);
  return { clientId: row.client_id, ...secrets, source: 'database' };
}

/** Stores a provider's app credentials (sealed), e.g. a Mastodon instance's app registration. */
export async function storeProviderApp(app: App, q: App['db'], provider: string, clientId: string, secrets: { clientSecret: string; verifyToken?: string; instanceUrl?: string }, by: string | null) {
  await saveProviderApp(q, {
    provider,
    client_id: clientId,
    secrets: seal(app.keys.credentials, secrets, `provider:${provider}`),
    updated_by: by,
    updated_at: app.clock.now().toISOString(),
  });
}

function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new AppError('ERR_FORBIDDEN', 'Only an administrator of this installation can do this.');
}

/** What an administrator sees per platform: configured or not, where from, and the URLs to give the platform. */
export async function listProviders(app: App, actor: Actor) {
  requireAdmin(actor);
  const stored = new Set((await listProviderApps(app.db)).map((r) => r.provider));
  const out = [];
  for (const provider of PROVIDERS) {
    const p = await providerApp(app, provider);
    out.push({
      provider,
      configured: !!p,
      source: p?.source ?? (stored.has(provider) ? 'database' : null),
      clientId: p?.clientId ?? null,
      callbackUrl: `${app.config.publicUrl}/api/oauth/callback`,
      webhookUrl: provider === 'meta' ? `${app.config.publicUrl}/api/webhooks/{facebook|instagram|whatsapp}` : null,
    });
  }
  return out;
}

/** Saves a platform's app credentials entered in the UI. Refused when the environment already sets them. */
export async function setProvider(app: App, actor: Actor, provider: Provider, input: { clientId: string; clientSecret: string; verifyToken?: string }) {
  requireAdmin(actor);
  const current = await providerApp(app, provider);
  if (current?.source === 'environment') throw new AppError('ERR_VALIDATION', `The ${provider} app is set by environment variables on the server; change it there.`);
  await app.db.transaction().execute(async (q) => {
    await storeProviderApp(app, q, provider, input.clientId.trim(), { clientSecret: input.clientSecret, verifyToken: input.verifyToken }, actor.userId);
    await writeAudit(app, q, actor, { action: 'provider.configured', workspaceId: null, actorOrgId: null, objectType: 'provider', objectId: provider, summary: { after: { clientId: input.clientId.trim() } } });
  });
  return (await listProviders(app, actor)).find((p) => p.provider === provider)!;
}
