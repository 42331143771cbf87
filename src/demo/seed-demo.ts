import { createBrief } from '../services/briefs.service';
import { createCampaign } from '../services/campaigns.service';
import { createPost } from '../services/posts.service';
import { submitForReview } from '../services/review.service';
import { schedulePost } from '../services/schedule.service';
import { emptyContent, type PostContent } from '../core/content/post-content';
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
import { seedInbox } from './seed-inbox';

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
  const channelIds: string[] = [];
  for (const name of ['Oefenkanaal Facebook-pagina', 'Oefenkanaal Instagram', 'Oefenkanaal Bluesky']) {
    const ch = await connectChannel(app, owner, ownerScope, 'sandbox', name, { name });
    await syncChannelIn(app, ownerScope, ch.id);
    channelIds.push(ch.id);
  }
  const fatimaId = (await app.db.selectFrom('users').select('id').where('email', '=', staff[1][1]).executeTakeFirstOrThrow()).id;
  await seedContent(app, ws, { owner, fatima: actorOf(fatimaId, 'Fatima El Amrani', staff[1][1]), mark }, channelIds);
  const sanneId = (await app.db.selectFrom('users').select('id').where('email', '=', staff[2][1]).executeTakeFirstOrThrow()).id;
  await seedInbox(app, { owner, ownerScope, sanneId, pieterId: editorId, mark, markScope: await requireWorkspace(app, mark, ws, 'inbox.reply') }, channelIds);
  logins.push({ email: advisorEmail, name: 'Mark Peters', role: 'advisor, Bureau Helder (admin), editor by mandate' });
  logins.push({ email: lotteEmail, name: 'Lotte Smit', role: 'advisor, Bureau Helder, editor by mandate' });
  return { logins, workspaceId: ws };
}

/**
 * Content to look at: a brief from the organization, a campaign, a post the agency made from the brief waiting
 * for the owner's approval, one scheduled for next week and one that went out (the worker publishes it at start).
 */
async function seedContent(app: App, ws: string, who: { owner: Actor; fatima: Actor; mark: Actor }, channelIds: string[]): Promise<void> {
  const scope = (a: Actor) => requireWorkspace(app, a, ws, 'content.read');
  const [ownerScope, fatimaScope, markScope] = [await scope(who.owner), await scope(who.fatima), await scope(who.mark)];
  const brief = await createBrief(app, who.fatima, fatimaScope, {
    title: 'Afvalinzameling tijdens de feestdagen',
    goal: 'Inwoners weten op tijd dat de ophaaldagen rond kerst en oud en nieuw verschuiven.',
    audience: 'Alle huishoudens in Voorbeeld, vooral ouderen',
    keyMessage: 'Rond de feestdagen wordt het afval op andere dagen opgehaald. Kijk in de afvalapp welke dag voor jou geldt.',
    details: 'De nieuwe kalender staat vanaf 1 december online.',
    channelIds: channelIds.slice(0, 2),
    timing: 'Begin december, en herinnering in de week voor kerst',
    wantedBy: null,
  });
  const campaign = await createCampaign(app, who.owner, ownerScope, { name: 'Winter in Voorbeeld', goal: 'Inwoners goed geïnformeerd de winter door', pillar: 'Dienstverlening', startsOn: null, endsOn: null });
  const content = (title: string, text: string, channels: string[], cta: PostContent['cta'] = null): PostContent => ({
    ...emptyContent(),
    title,
    core: text,
    instrument: cta ? 'cta' : 'post',
    cta,
    variants: channels.map((channelId) => ({ channelId, parts: [text], firstComment: null })),
  });
  const fromBrief = await createPost(app, who.mark, markScope, {
    content: content('Afval rond de feestdagen', 'Let op: rond kerst en oud en nieuw halen we het afval op andere dagen op. Kijk in de afvalapp welke dag voor jou geldt.', channelIds.slice(0, 2), { type: 'learn_more', text: 'Bekijk de ophaaldagen', url: 'https://www.voorbeeld.nl/afval' }),
    briefId: brief.id,
    campaignId: campaign.id,
  });
  await submitForReview(app, who.mark, markScope, fromBrief.id, fromBrief.version);
  const next = await createPost(app, who.owner, ownerScope, { content: content('Schaatsbaan open', 'De schaatsbaan op het Marktplein is vanaf zaterdag open. Tot ziens op het ijs!', channelIds), briefId: null, campaignId: campaign.id });
  await schedulePost(app, who.owner, ownerScope, next.id, new Date(app.clock.now().getTime() + 7 * 86_400_000).toISOString(), next.version);
  const done = await createPost(app, who.owner, ownerScope, { content: content('Gladheid', 'Het kan vannacht glad zijn. Onze strooiwagens rijden vanaf 04:00 uur.', [channelIds[2]]), briefId: null, campaignId: campaign.id });
  await schedulePost(app, who.owner, ownerScope, done.id, null, done.version);
}
