import { assertAcceptablePassword, normalizeEmail } from '../core/accounts/password-policy';
import { DAY_MS, addMs } from '../core/shared/clock';
import { AppError } from '../core/shared/errors';
import { newId, newSecret } from '../core/shared/ids';
import { addAgencyMember, findAgencyRole } from '../db/repos/agencies.repo';
import { findOpenInvitation, insertInvitation, markInvitationAccepted } from '../db/repos/invitations.repo';
import { addMember, findMemberRole } from '../db/repos/members.repo';
import type { Q } from '../db/repos/types';
import { findUserByEmail, insertUser } from '../db/repos/users.repo';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { startSession, type RequestOrigin } from './auth.service';
import { hashPassword } from './passwords';
import { hashToken } from './tokens';

const INVITATION_TTL_DAYS = 14;

export type InvitationTarget =
  | { kind: 'workspace'; workspaceId: string; name: string; actingOrgId: string }
  | { kind: 'agency'; agencyId: string; name: string };

/**
 * Records an invitation in the caller's transaction and returns the secret accept link. Send the e-mail with
 * {@link sendInvitationMail} after the transaction commits (never a network call inside a transaction).
 */
export async function createInvitation(app: App, q: Q, actor: Actor, target: InvitationTarget, emailIn: string, role: string) {
  const email = normalizeEmail(emailIn);
  const token = newSecret();
  const now = app.clock.now();
  const row = {
    id: newId(),
    token_hash: hashToken(token),
    email,
    workspace_id: target.kind === 'workspace' ? target.workspaceId : null,
    agency_id: target.kind === 'agency' ? target.agencyId : null,
    role,
    invited_by: actor.userId,
    created_at: now.toISOString(),
    expires_at: addMs(now, INVITATION_TTL_DAYS * DAY_MS).toISOString(),
    accepted_at: null,
    accepted_by: null,
    cancelled_at: null,
  };
  await insertInvitation(q, row);
  await writeAudit(app, q, actor, {
    action: target.kind === 'workspace' ? 'member.invited' : 'agency.member_invited',
    workspaceId: target.kind === 'workspace' ? target.workspaceId : null,
    actorOrgId: target.kind === 'workspace' ? target.actingOrgId : target.agencyId,
    objectType: 'invitation',
    objectId: row.id,
    summary: { after: { email, role } },
  });
  const acceptUrl = `${app.config.publicUrl}/invite/${encodeURIComponent(token)}`;
  return {
    invitation: { id: row.id, email, role, invitedBy: { id: actor.userId, name: actor.name }, createdAt: row.created_at, expiresAt: row.expires_at },
    acceptUrl,
  };
}

/** E-mails the accept link (to the log when no SMTP server is configured). */
export async function sendInvitationMail(app: App, actor: Actor, to: string, targetName: string, acceptUrl: string): Promise<boolean> {
  const nl = actor.locale !== 'en';
  return app.mailer.send({
    to,
    subject: nl ? `${actor.name} nodigt je uit voor ${targetName} in Regie` : `${actor.name} invited you to ${targetName} on Regie`,
    text: nl
      ? `Hallo,\n\n${actor.name} nodigt je uit om mee te werken aan ${targetName} in Regie.\nAccepteer de uitnodiging (14 dagen geldig):\n${acceptUrl}\n`
      : `Hello,\n\n${actor.name} invited you to work on ${targetName} in Regie.\nAccept the invitation (valid for 14 days):\n${acceptUrl}\n`,
  });
}

/** What an invitation link offers, for the page a recipient lands on. */
export async function describeInvitation(app: App, token: string) {
  const inv = await findOpenInvitation(app.db, hashToken(token), app.clock.now().toISOString());
  if (!inv) throw new AppError('ERR_INVITATION_INVALID', 'This invitation is no longer valid. Ask for a new one.');
  const accountExists = (await findUserByEmail(app.db, inv.email)) !== undefined;
  return {
    email: inv.email,
    kind: inv.workspace_id ? ('workspace' as const) : ('agency' as const),
    targetName: inv.workspace_id ? `${inv.workspaceName} (${inv.orgName})` : (inv.agencyName ?? ''),
    role: inv.role,
    invitedByName: inv.invitedByName,
    accountExists,
    expiresAt: inv.expires_at,
  };
}

/**
 * Accepts an invitation. Signed in: the signed-in account joins (its e-mail must be the invited one). Not signed in:
 * creates the account with `name` and `password` and signs it in (returns the new session's token), or answers
 * ERR_LOGIN_REQUIRED when an account with that e-mail already exists.
 */
export async function acceptInvitation(
  app: App,
  token: string,
  actor: Actor | null,
  input: { name?: string; password?: string },
  origin: RequestOrigin,
): Promise<{ workspaceId?: string; agencyId?: string; sessionToken?: string }> {
  const tokenHash = hashToken(token);
  let passwordHash: string | null = null;
  if (!actor) {
    const preview = await findOpenInvitation(app.db, tokenHash, app.clock.now().toISOString());
    if (preview && !(await findUserByEmail(app.db, preview.email))) {
      if (!input.name?.trim() || !input.password) {
        throw new AppError('ERR_VALIDATION', 'Give your name and choose a password to create your account.', [
          ...(!input.name?.trim() ? [{ path: 'name', message: 'required' }] : []),
          ...(!input.password ? [{ path: 'password', message: 'required' }] : []),
        ]);
      }
      assertAcceptablePassword(input.password, app.commonPasswords);
      passwordHash = await hashPassword(input.password);
    }
  }
  return app.db.transaction().execute(async (q) => {
    const now = app.clock.now().toISOString();
    const inv = await findOpenInvitation(q, tokenHash, now);
    if (!inv) throw new AppError('ERR_INVITATION_INVALID', 'This invitation is no longer valid. Ask for a new one.');
    let userId: string;
    let sessionToken: string | undefined;
    if (actor) {
      if (normalizeEmail(actor.email) !== inv.email) {
        throw new AppError('ERR_INVITATION_EMAIL_MISMATCH', `This invitation is for ${inv.email}. Sign in with that address to accept it.`);
      }
      userId = actor.userId;
    } else {
      const existing = await findUserByEmail(q, inv.email);
      if (existing || !passwordHash) throw new AppError('ERR_LOGIN_REQUIRED', `Sign in as ${inv.email} to accept this invitation.`);
      userId = newId();
      await insertUser(q, { id: userId, email: inv.email, name: input.name!.trim(), password_hash: passwordHash, locale: null, created_at: now, updated_at: now });
      sessionToken = await startSession(app, q, userId, origin);
    }
    if (!(await markInvitationAccepted(q, inv.id, userId, now))) {
      throw new AppError('ERR_INVITATION_INVALID', 'This invitation was used or cancelled a moment ago.');
    }
    const who = { userId, ...origin };
    if (inv.workspace_id) {
      if (!(await findMemberRole(q, inv.workspace_id, userId))) await addMember(q, inv.workspace_id, userId, inv.role, now);
      await writeAudit(app, q, who, {
        action: 'member.joined',
        workspaceId: inv.workspace_id,
        actorOrgId: inv.orgId,
        objectType: 'user',
        objectId: userId,
        summary: { after: { email: inv.email, role: inv.role } },
      });
      return { workspaceId: inv.workspace_id, sessionToken };
    }
    const agencyId = inv.agency_id!;
    if (!(await findAgencyRole(q, agencyId, userId))) await addAgencyMember(q, agencyId, userId, inv.role, now);
    await writeAudit(app, q, who, {
      action: 'agency.member_joined',
      workspaceId: null,
      actorOrgId: agencyId,
      objectType: 'user',
      objectId: userId,
      summary: { after: { email: inv.email, role: inv.role } },
    });
    return { agencyId, sessionToken };
  });
}
