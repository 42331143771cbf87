import { countUsers } from '../db/repos/users.repo';
import { requireWorkspace } from '../services/access.service';
import { createAgency, inviteAgencyMember } from '../services/agencies.service';
import type { Actor, App } from '../services/app';
import { setup } from '../services/auth.service';
import { acceptInvitation } from '../services/invitations.service';
import { grantMandate, revokeMandate } from '../services/mandates.service';
import { changeMemberRole, inviteMember } from '../services/workspaces.service';
import { createUserAccount } from '../services/users.service';
import { connectChannel, syncChannelIn } from '../services/channels.service';
import type { MandateRole, WorkspaceRole } from '../core/workspaces/roles';

export const DEMO_PASSWORD = 'regie-demo-2026';

export interface DemoLogin {
  email: string;
  name: string;
  role: string;
}

const origin = { ip: '127.0.0.1', userAgent: 'regie demo seed' };

function actorOf(userId: string, name: string, email: string): Actor {
  return { userId, name, email, locale: 'nl', isAdmin: false, sessionId: null, tokenId: null, csrf: null, ...origin };
}

const tokenOf = (acceptUrl: string) => decodeURIComponent(acceptUrl.split('/invite/')[1]);

/**
 * Fills an empty database with a believable demo: Gemeente Voorbeeld with a member in every role, the agency
 * Bureau Helder with two advisors under a mandate, and a former agency whose mandate was revoked. Returns the
 * logins (all share {@link DEMO_PASSWORD}). Refuses to touch a database that already has accounts.
 */
export async function seedDemo(realApp: App): Promise<{ logins: DemoLogin[]; workspaceId: string }> {
  if ((await countUsers(realApp.db)) > 0) throw new Error('The demo needs an empty database; this one already has accounts.');
  const app: App = { ...realApp, mailer: { send: async () => false } };
  const logins: DemoLogin[] = [];

  const ownerEmail = 'els.devries@gemeente-voorbeeld.nl';
  const s = await setup(
    app,
    { name: 'Els de Vries', email: ownerEmail, password: DEMO_PASSWORD, organizationName: 'Gemeente Voorbeeld', workspaceName: 'Communicatie Gemeente Voorbeeld', locale: 'nl' },
    origin,
  );
  const ws = s.workspaceId;
  const owner = actorOf(s.user.id, s.user.name, ownerEmail);
  logins.push({ email: ownerEmail, name: 'Els de Vries', role: 'owner (regiehouder)' });
  const ownerScope = await requireWorkspace(app, owner, ws, 'members.manage');

  const staff: Array<[string, string, WorkspaceRole]> = [
    ['Pieter Jansen', 'pieter.jansen@gemeente-voorbeeld.nl', 'editor'],
    ['Fatima El Amrani', 'fatima.elamrani@gemeente-voorbeeld.nl', 'contributor'],
    ['Sanne Bakker', 'sanne.bakker@gemeente-voorbeeld.nl', 'webcare_agent'],
    ['Joost Visser', 'joost.visser@gemeente-voorbeeld.nl', 'viewer'],
  ];
  for (const [name, email, role] of staff) {
    const inv = await inviteMember(app, owner, ownerScope, email, role === 'editor' ? 'contributor' : role);
    await acceptInvitation(app, tokenOf(inv.acceptUrl), null, { name, password: DEMO_PASSWORD }, origin);
    logins.push({ email, name, role });
  }
  // Some history: the editor started as contributor and was promoted.
  const editorId = (await app.db.selectFrom('users').select('id').where('email', '=', staff[0][1]).executeTakeFirstOrThrow()).id;
  await changeMemberRole(app, owner, ownerScope, editorId, 'editor');
  await inviteMember(app, owner, ownerScope, 'persvoorlichter@gemeente-voorbeeld.nl', 'contributor');

  // A former agency, whose mandate ended.
  const former = await createAgency(app, owner, 'Reclamebureau De Oude Toren');
  const oldMandate = await grantMandate(app, owner, ownerScope, former.id, { role: 'editor', endsAt: null, mayPublishWithoutApproval: false, mayReplyWithoutApproval: false });
  await revokeMandate(app, owner, ownerScope, oldMandate.id, 'Samenwerking beëindigd na de campagne van 2025');

  // The current agency with two advisors, created by its own admin.
  const advisorEmail = 'mark.peters@bureauhelder.nl';
  const markUser = await createUserAccount(app, { email: advisorEmail, name: 'Mark Peters', password: DEMO_PASSWORD }, origin);
  const markId = markUser.id;
  const mark = actorOf(markId, 'Mark Peters', advisorEmail);
  const agency = await createAgency(app, mark, 'Bureau Helder');
  const lotteEmail = 'lotte.smit@bureauhelder.nl';
  const li = await inviteAgencyMember(app, mark, agency.id, lotteEmail, 'member');
  await acceptInvitation(app, tokenOf(li.acceptUrl), null, { name: 'Lotte Smit', password: DEMO_PASSWORD }, origin);
  const role: MandateRole = 'editor';
  await grantMandate(app, owner, ownerScope, agency.id, { role, endsAt: null, mayPublishWithoutApproval: false, mayReplyWithoutApproval: false });
  // Sandbox channels, so that every feature shows something without a real account; their simulated audience
  // has already reacted a little.
  for (const name of ['Oefenkanaal Facebook-pagina', 'Oefenkanaal Instagram', 'Oefenkanaal Bluesky']) {
    const ch = await connectChannel(app, owner, ownerScope, 'sandbox', name, { name });
    await syncChannelIn(app, ownerScope, ch.id);
  }
  logins.push({ email: advisorEmail, name: 'Mark Peters', role: 'advisor, Bureau Helder (admin), editor by mandate' });
  logins.push({ email: lotteEmail, name: 'Lotte Smit', role: 'advisor, Bureau Helder, editor by mandate' });
  return { logins, workspaceId: ws };
}
