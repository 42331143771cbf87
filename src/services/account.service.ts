import { assertAcceptablePassword } from '../core/accounts/password-policy';
import { DAY_MS, addMs } from '../core/shared/clock';
import { AppError, notFound } from '../core/shared/errors';
import { newId, newSecret } from '../core/shared/ids';
import { insertApiToken, listTokens, revokeToken } from '../db/repos/api-tokens.repo';
import { deleteSession, deleteUserSessions, listSessions } from '../db/repos/sessions.repo';
import { findUserById, toUser, updateUser, type User } from '../db/repos/users.repo';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { API_TOKEN_PREFIX } from './auth.service';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken } from './tokens';

const account = { workspaceId: null, actorOrgId: null } as const;

/** Changes the actor's display name and/or language. */
export async function updateProfile(app: App, actor: Actor, patch: { name?: string; locale?: 'nl' | 'en' | null }): Promise<User> {
  return app.db.transaction().execute(async (q) => {
    const before = await findUserById(q, actor.userId);
    if (!before) throw notFound('This account');
    const next = { name: patch.name?.trim() ?? before.name, locale: patch.locale === undefined ? before.locale : patch.locale };
    await updateUser(q, actor.userId, next, app.clock.now().toISOString());
    await writeAudit(app, q, actor, {
      ...account,
      action: 'account.profile_changed',
      objectType: 'user',
      objectId: actor.userId,
      summary: { before: { name: before.name, locale: before.locale }, after: next },
    });
    return toUser({ ...before, ...next });
  });
}

/** Changes the password after checking the current one; every other session of the account ends. */
export async function changePassword(app: App, actor: Actor, current: string, next: string): Promise<void> {
  const user = await findUserById(app.db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) {
    throw new AppError('ERR_INVALID_CREDENTIALS', 'Your current password is not right.');
  }
  assertAcceptablePassword(next, app.commonPasswords);
  const hash = await hashPassword(next);
  await app.db.transaction().execute(async (q) => {
    await updateUser(q, actor.userId, { password_hash: hash }, app.clock.now().toISOString());
    await deleteUserSessions(q, actor.userId, actor.sessionId);
    await writeAudit(app, q, actor, { ...account, action: 'account.password_changed', objectType: 'user', objectId: actor.userId });
  });
}

/** The actor's live sessions, newest activity first, marking the one making this request. */
export async function sessionsOf(app: App, actor: Actor) {
  const rows = await listSessions(app.db, actor.userId, app.clock.now().toISOString());
  return rows.map((s) => ({
    id: s.id,
    current: s.id === actor.sessionId,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    ip: s.ip,
    userAgent: s.user_agent,
  }));
}

/** Ends one of the actor's sessions. */
export async function revokeSession(app: App, actor: Actor, id: string): Promise<void> {
  await app.db.transaction().execute(async (q) => {
    if ((await deleteSession(q, actor.userId, id)) === 0) throw notFound('This session');
    await writeAudit(app, q, actor, { ...account, action: 'account.session_revoked', objectType: 'session', objectId: id.slice(0, 12) });
  });
}

/** "Log out everywhere": ends all of the actor's sessions, the current one too when asked. */
export async function revokeAllSessions(app: App, actor: Actor, includeCurrent: boolean): Promise<number> {
  return app.db.transaction().execute(async (q) => {
    const n = await deleteUserSessions(q, actor.userId, includeCurrent ? null : actor.sessionId);
    await writeAudit(app, q, actor, { ...account, action: 'account.sessions_revoked', summary: { after: { revoked: n, includeCurrent } } });
    return n;
  });
}

function tokenView(t: { id: string; name: string; prefix: string; created_at: string; last_used_at: string | null; expires_at: string | null }) {
  return { id: t.id, name: t.name, prefix: t.prefix, createdAt: t.created_at, lastUsedAt: t.last_used_at, expiresAt: t.expires_at };
}

export async function tokensOf(app: App, actor: Actor) {
  return (await listTokens(app.db, actor.userId)).map(tokenView);
}

/** Creates a personal API token. The secret is returned this once; only its hash is kept. */
export async function createToken(app: App, actor: Actor, name: string, expiresInDays: number | null) {
  const secret = API_TOKEN_PREFIX + newSecret(32);
  const now = app.clock.now();
  const row = {
    id: newId(),
    user_id: actor.userId,
    name: name.trim(),
    token_hash: hashToken(secret),
    prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
    created_at: now.toISOString(),
    last_used_at: null,
    expires_at: expiresInDays ? addMs(now, expiresInDays * DAY_MS).toISOString() : null,
    revoked_at: null,
  };
  await app.db.transaction().execute(async (q) => {
    await insertApiToken(q, row);
    await writeAudit(app, q, actor, { ...account, action: 'account.token_created', objectType: 'api_token', objectId: row.id, summary: { after: { name: row.name, expiresAt: row.expires_at } } });
  });
  return { token: tokenView(row), secret };
}

/** Revokes one of the actor's tokens at once. */
export async function deleteToken(app: App, actor: Actor, id: string): Promise<void> {
  await app.db.transaction().execute(async (q) => {
    const name = await revokeToken(q, actor.userId, id, app.clock.now().toISOString());
    if (name === undefined) throw notFound('This token');
    await writeAudit(app, q, actor, { ...account, action: 'account.token_revoked', objectType: 'api_token', objectId: id, summary: { before: { name } } });
  });
}
