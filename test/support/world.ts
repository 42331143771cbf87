import type { FastifyInstance } from 'fastify';
import { createUserAccount } from '../../src/services/users.service';
import type { App } from '../../src/services/app';
import { Client, PASSWORD, inviteAndJoin, setupOwner } from './client';

/**
 * A populated installation: workspace A (Gemeente Testdorp) with an own member in every role, the agency
 * "Bureau Helder" whose advisor works in A under an editor mandate, a second agency whose mandate was revoked,
 * and a foreign workspace B of another organization with its own owner, member, mandate and invitation.
 */
export async function buildWorld(http: FastifyInstance, app: App) {
  const { owner, ws, ownerId } = await setupOwner(http);
  const join = (email: string, role: string, name: string) => inviteAndJoin(http, owner, `/api/workspaces/${ws}/invitations`, email, role, name);
  const editor = await join('editor@gemeente.nl', 'editor', 'Eddy Editor');
  const contributor = await join('contributor@gemeente.nl', 'contributor', 'Cor Contributor');
  const webcare = await join('webcare@gemeente.nl', 'webcare_agent', 'Wendy Webcare');
  const viewer = await join('viewer@gemeente.nl', 'viewer', 'Vera Viewer');

  const login = async (email: string) => {
    const c = new Client(http);
    const r = await c.post('/api/auth/login', { email, password: PASSWORD });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.text}`);
    return c;
  };

  await createUserAccount(app, { email: 'advisor@bureauhelder.nl', name: 'Ada Advisor', password: PASSWORD }, { ip: null, userAgent: null });
  const advisor = await login('advisor@bureauhelder.nl');
  const agency = (await advisor.post('/api/agencies', { name: 'Bureau Helder' })).body;
  const colleague = await inviteAndJoin(http, advisor, `/api/agencies/${agency.id}/invitations`, 'colleague@bureauhelder.nl', 'member', 'Cas Colleague');
  const mandate = (await owner.post(`/api/workspaces/${ws}/mandates`, { agencyId: agency.id, role: 'editor' })).body;

  await createUserAccount(app, { email: 'former@oudbureau.nl', name: 'Fiona Former', password: PASSWORD }, { ip: null, userAgent: null });
  const former = await login('former@oudbureau.nl');
  const oldAgency = (await former.post('/api/agencies', { name: 'Oud Bureau' })).body;
  const oldMandate = (await owner.post(`/api/workspaces/${ws}/mandates`, { agencyId: oldAgency.id, role: 'editor' })).body;
  await owner.post(`/api/workspaces/${ws}/mandates/${oldMandate.id}/revoke`, { reason: 'einde samenwerking' });

  await createUserAccount(app, { email: 'owner@ziekenhuis.nl', name: 'Zoë Ziekenhuis', password: PASSWORD }, { ip: null, userAgent: null });
  const foreignOwner = await login('owner@ziekenhuis.nl');
  const wsB = (await foreignOwner.post('/api/workspaces', { name: 'Ziekenhuis communicatie', organizationName: 'Ziekenhuis Elders' })).body.id as string;
  const foreignMember = await inviteAndJoin(http, foreignOwner, `/api/workspaces/${wsB}/invitations`, 'staff@ziekenhuis.nl', 'editor', 'Sam Staff');
  const foreignAgency = (await foreignOwner.post('/api/agencies', { name: 'Zorgbureau' })).body;
  const foreignMandate = (await foreignOwner.post(`/api/workspaces/${wsB}/mandates`, { agencyId: foreignAgency.id, role: 'viewer' })).body;
  const foreignInvitation = (await foreignOwner.post(`/api/workspaces/${wsB}/invitations`, { email: 'pending@ziekenhuis.nl', role: 'viewer' })).body.invitation;
  const foreignChannel = (await foreignOwner.post(`/api/workspaces/${wsB}/channels`, { kind: 'sandbox', credentials: { name: 'Ziekenhuis sandbox' } })).body;
  const channel = (await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: { name: 'Testdorp sandbox' } })).body;

  return {
    ws,
    wsB,
    ownerId,
    owner,
    editor,
    contributor,
    webcare,
    viewer,
    advisor,
    agency,
    colleague,
    mandate,
    former,
    oldAgency,
    foreignOwner,
    foreignMember,
    foreignAgency,
    foreignMandate,
    foreignInvitation,
    foreignChannel,
    channel,
    login,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
