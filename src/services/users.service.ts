import { assertAcceptablePassword, normalizeEmail } from '../core/accounts/password-policy';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import type { WorkspaceRole } from '../core/workspaces/roles';
import { addMember, findMemberRole, setMemberRole } from '../db/repos/members.repo';
import { findUserByEmail, insertUser, toUser, type User } from '../db/repos/users.repo';
import { findWorkspace } from '../db/repos/workspaces.repo';
import type { App } from './app';
import { writeAudit } from './audit.service';
import { hashPassword } from './passwords';

/**
 * Creates an account directly (the `regie user create` command and the demo), optionally as a member of a
 * workspace with a role. For administrators on the server; people in the app join by invitation.
 */
export async function createUserAccount(
  app: App,
  input: { email: string; name: string; password: string; workspaceId?: string; role?: WorkspaceRole; admin?: boolean },
  by: { ip: string | null; userAgent: string | null },
): Promise<User> {
  assertAcceptablePassword(input.password, app.commonPasswords);
  const passwordHash = await hashPassword(input.password);
  return app.db.transaction().execute(async (q) => {
    const email = normalizeEmail(input.email);
    if (await findUserByEmail(q, email)) throw new AppError('ERR_EMAIL_TAKEN', `An account for ${email} already exists.`);
    const now = app.clock.now().toISOString();
    const user = { id: newId(), email, name: input.name.trim(), locale: null };
    await insertUser(q, { ...user, password_hash: passwordHash, created_at: now, updated_at: now, is_admin: input.admin ? 1 : 0 });
    const actor = { userId: user.id, ...by };
    await writeAudit(app, q, actor, { action: 'account.created_by_admin', workspaceId: null, actorOrgId: null, objectType: 'user', objectId: user.id, summary: { after: { email, admin: !!input.admin } } });
    if (input.workspaceId) {
      const w = await findWorkspace(q, input.workspaceId);
      if (!w) throw notFound('This workspace');
      const role = input.role ?? 'viewer';
      if (await findMemberRole(q, w.id, user.id)) await setMemberRole(q, w.id, user.id, role);
      else await addMember(q, w.id, user.id, role, now);
      await writeAudit(app, q, actor, { action: 'member.added_by_admin', workspaceId: w.id, actorOrgId: w.orgId, objectType: 'user', objectId: user.id, summary: { after: { email, role } } });
    }
    return toUser(user);
  });
}
