import { assertAcceptablePassword, normalizeEmail } from '../core/accounts/password-policy';
import { THROTTLE_MAX_FAILURES, afterFailure, retryAfterSeconds, type ThrottleState } from '../core/accounts/login-throttle';
import { DAY_MS, addMs } from '../core/shared/clock';
import { AppError } from '../core/shared/errors';
import { newId, newSecret } from '../core/shared/ids';
import { findLiveToken, touchToken } from '../db/repos/api-tokens.repo';
import { clearThrottle, consumePasswordReset, findThrottle, insertPasswordReset, saveThrottle } from '../db/repos/auth-support.repo';
import { deleteUserSessions, findLiveSession, insertSession, touchSession } from '../db/repos/sessions.repo';
import { countUsers, findUserByEmail, findUserById, insertUser, toUser, updateUser, type User } from '../db/repos/users.repo';
import { insertOrganization } from '../db/repos/workspaces.repo';
import { openWorkspace } from './workspaces.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken } from './tokens';

export const API_TOKEN_PREFIX = 'regie_pat_';

/** Where a request comes from. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** A new session: the secret for the cookie, and the user. */
export interface NewSession {
  token: string;
  user: User;
}

/** Creates a session for `userId` and returns the cookie secret (only its hash is stored). */
export async function startSession(app: App, q: App['db'], userId: string, origin: RequestOrigin): Promise<string> {
  const token = newSecret();
  const now = app.clock.now();
  await insertSession(q, {
    id: hashToken(token),
    user_id: userId,
    csrf: newSecret(24),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: addMs(now, app.config.sessionTtlDays * DAY_MS).toISOString(),
    ip: origin.ip,
    user_agent: origin.userAgent?.slice(0, 400) ?? null,
  });
  return token;
}

export interface SetupInput {
  name: string;
  email: string;
  password: string;
  organizationName: string;
  workspaceName: string;
  locale?: 'nl' | 'en';
}

/** True while no account exists: the first visitor creates the first account and the organization's workspace. */
export async function needsSetup(app: App): Promise<boolean> {
  return (await countUsers(app.db)) === 0;
}

/**
 * First-run set-up: creates the first account (owner), its organization and workspace, and a session. Refused with
 * ERR_SETUP_DONE once any account exists, so it can never be used to take over an installation.
 */
export async function setup(app: App, input: SetupInput, origin: RequestOrigin): Promise<NewSession & { workspaceId: string }> {
  assertAcceptablePassword(input.password, app.commonPasswords);
  const passwordHash = await hashPassword(input.password);
  return app.db.transaction().execute(async (q) => {
    if ((await countUsers(q)) > 0) throw new AppError('ERR_SETUP_DONE', 'Regie is already set up. Sign in instead.');
    const now = app.clock.now().toISOString();
    const user = { id: newId(), email: normalizeEmail(input.email), name: input.name.trim(), locale: input.locale ?? null };
    await insertUser(q, { ...user, password_hash: passwordHash, created_at: now, updated_at: now, is_admin: 1 });
    const orgId = newId();
    await insertOrganization(q, { id: orgId, kind: 'client', name: input.organizationName.trim(), created_at: now });
    const workspaceId = newId();
    const actor = { userId: user.id, ...origin };
    await writeAudit(app, q, actor, { action: 'installation.set_up', workspaceId: null, actorOrgId: orgId, objectType: 'user', objectId: user.id });
    await openWorkspace(app, q, actor, {
      workspaceId,
      organizationId: orgId,
      name: input.workspaceName,
      summary: { organization: input.organizationName.trim(), owner: user.email },
    });
    const token = await startSession(app, q, user.id, origin);
    return { token, user: toUser(user), workspaceId };
  });
}

/**
 * Checks e-mail and password and starts a session. Failed attempts are counted per e-mail address and per IP; past
 * the limit the answer is ERR_TOO_MANY_ATTEMPTS with the seconds to wait, even for the right password.
 */
export async function login(app: App, emailIn: string, password: string, origin: RequestOrigin): Promise<NewSession> {
  const email = normalizeEmail(emailIn);
  const keys = [`email:${email}`, ...(origin.ip ? [`ip:${origin.ip}`] : [])];
  const now = app.clock.now();
  for (const key of keys) {
    const wait = retryAfterSeconds(toThrottle(await findThrottle(app.db, key)), now);
    if (wait > 0) {
      throw new AppError('ERR_TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, {
        retryAfterSeconds: wait,
      });
    }
  }
  const row = await findUserByEmail(app.db, email);
  const ok = await verifyPassword(row?.password_hash ?? null, password);
  if (!row || !ok) {
    await app.db.transaction().execute(async (q) => {
      for (const key of keys) {
        const max = key.startsWith('ip:') ? THROTTLE_MAX_FAILURES.ip : THROTTLE_MAX_FAILURES.email;
        const next = afterFailure(toThrottle(await findThrottle(q, key)), now, max);
        await saveThrottle(q, { key, failures: next.failures, window_start: next.windowStart, blocked_until: next.blockedUntil });
      }
      if (row) await writeAudit(app, q, { userId: row.id, ...origin }, { action: 'account.login_failed', workspaceId: null, actorOrgId: null });
    });
    throw new AppError('ERR_INVALID_CREDENTIALS', 'The e-mail address or password is not right.');
  }
  return app.db.transaction().execute(async (q) => {
    await clearThrottle(q, `email:${email}`);
    const token = await startSession(app, q, row.id, origin);
    await writeAudit(app, q, { userId: row.id, ...origin }, { action: 'account.logged_in', workspaceId: null, actorOrgId: null });
    return { token, user: toUser(row) };
  });
}

function toThrottle(r: { failures: number; window_start: string; blocked_until: string | null } | undefined): ThrottleState | null {
  return r ? { failures: Number(r.failures), windowStart: r.window_start, blockedUntil: r.blocked_until } : null;
}

/** Only refresh a session's last-seen time when it is older than this, so reads stay reads. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** The actor behind a session cookie, or null when the cookie is unknown or expired. */
export async function authenticateSession(app: App, token: string, origin: RequestOrigin): Promise<Actor | null> {
  const now = app.clock.now();
  const id = hashToken(token);
  const s = await findLiveSession(app.db, id, now.toISOString());
  if (!s) return null;
  if (now.getTime() - Date.parse(s.last_seen_at) > TOUCH_AFTER_MS) {
    await touchSession(app.db, id, now.toISOString(), addMs(now, app.config.sessionTtlDays * DAY_MS).toISOString());
  }
  return { userId: s.id, name: s.name, email: s.email, locale: toUser(s).locale, isAdmin: s.is_admin === 1, sessionId: id, tokenId: null, csrf: s.csrf, ...origin };
}

/** The actor behind a personal API token, or null when it is unknown, revoked or expired. */
export async function authenticateToken(app: App, token: string, origin: RequestOrigin): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = app.clock.now();
  const t = await findLiveToken(app.db, hashToken(token), now.toISOString());
  if (!t) return null;
  if (!t.last_used_at || now.getTime() - Date.parse(t.last_used_at) > TOUCH_AFTER_MS) {
    await touchToken(app.db, t.tokenId, now.toISOString());
  }
  return { userId: t.id, name: t.name, email: t.email, locale: toUser(t).locale, isAdmin: t.is_admin === 1, sessionId: null, tokenId: t.tokenId, csrf: null, ...origin };
}

/** Ends the actor's current session. */
export async function logout(app: App, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  await app.db.transaction().execute(async (q) => {
    await q.deleteFrom('sessions').where('id', '=', actor.sessionId!).execute();
    await writeAudit(app, q, actor, { action: 'account.logged_out', workspaceId: null, actorOrgId: null });
  });
}

const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Sends a password-reset link when the address belongs to an account; does nothing visible otherwise, so the
 * answer never tells whether an account exists. Without SMTP the link goes to the log.
 */
export async function requestPasswordReset(app: App, emailIn: string, origin: RequestOrigin): Promise<void> {
  const user = await findUserByEmail(app.db, normalizeEmail(emailIn));
  if (!user) return;
  const token = newSecret();
  const now = app.clock.now();
  await app.db.transaction().execute(async (q) => {
    await insertPasswordReset(q, {
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: addMs(now, RESET_TTL_MS).toISOString(),
      used_at: null,
    });
    await writeAudit(app, q, { userId: user.id, ...origin }, { action: 'account.password_reset_requested', workspaceId: null, actorOrgId: null });
  });
  const link = `${app.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const nl = user.locale === 'nl';
  await app.mailer.send({
    to: user.email,
    subject: nl ? 'Nieuw wachtwoord voor Regie' : 'Reset your Regie password',
    text: nl
      ? `Hallo ${user.name},\n\nKies een nieuw wachtwoord via deze link (een uur geldig):\n${link}\n\nHeb je dit niet gevraagd? Dan kun je dit bericht negeren.`
      : `Hello ${user.name},\n\nChoose a new password with this link (valid for one hour):\n${link}\n\nDid not ask for this? Then ignore this message.`,
  });
}

/** Sets a new password with a reset token; the token works once, and every session of the account ends. */
export async function confirmPasswordReset(app: App, token: string, password: string, origin: RequestOrigin): Promise<void> {
  assertAcceptablePassword(password, app.commonPasswords);
  const passwordHash = await hashPassword(password);
  await app.db.transaction().execute(async (q) => {
    const now = app.clock.now().toISOString();
    const userId = await consumePasswordReset(q, hashToken(token), now);
    if (!userId) throw new AppError('ERR_RESET_TOKEN_INVALID', 'This link is no longer valid. Ask for a new one.');
    await updateUser(q, userId, { password_hash: passwordHash }, now);
    await deleteUserSessions(q, userId, null);
    const user = await findUserById(q, userId);
    if (user) await clearThrottle(q, `email:${user.email}`);
    await writeAudit(app, q, { userId, ...origin }, { action: 'account.password_reset', workspaceId: null, actorOrgId: null });
  });
}
