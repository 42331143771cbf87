import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, PASSWORD } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

describe.skipIf(pgUnavailable())(`members, agencies and mandates (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
  });
  afterEach(() => t?.close());

  it('an advisor sees only the mandated workspace, marked as acting for the organization', async () => {
    const s = (await w.advisor.get('/api/session')).body;
    expect(s.workspaces).toEqual([
      expect.objectContaining({ id: w.ws, role: 'editor', via: expect.objectContaining({ kind: 'mandate', agency: { id: w.agency.id, name: 'Bureau Helder' } }) }),
    ]);
    const ws = (await w.advisor.get(`/api/workspaces/${w.ws}`)).body;
    expect(ws.actingFor).toEqual({ agency: { id: w.agency.id, name: 'Bureau Helder' } });
    expect(ws.organization.name).toBe('Gemeente Testdorp');
    expect((await w.advisor.get(`/api/workspaces/${w.wsB}`)).status).toBe(404);
    const own = (await w.owner.get(`/api/workspaces/${w.ws}`)).body;
    expect(own.actingFor).toBeNull();
  });

  it('lists own members and agency members by mandate; revoked agencies are gone', async () => {
    const items = (await w.viewer.client.get(`/api/workspaces/${w.ws}/members`)).body.items;
    const byEmail = Object.fromEntries(items.map((m: any) => [m.email, m]));
    expect(byEmail['owner@gemeente.nl']).toMatchObject({ role: 'owner', via: 'member', agency: null });
    expect(byEmail['advisor@bureauhelder.nl']).toMatchObject({ role: 'editor', via: 'mandate', agency: { name: 'Bureau Helder' } });
    expect(byEmail['colleague@bureauhelder.nl']).toMatchObject({ via: 'mandate' });
    expect(byEmail['former@oudbureau.nl']).toBeUndefined();
    expect(items).toHaveLength(7);
  });

  it('revoking a mandate takes effect at the very next request, for sessions and API tokens alike', async () => {
    const token = (await w.advisor.post('/api/account/tokens', { name: 'script' })).body.secret;
    const api = new Client(t.http);
    api.bearer = token;
    expect((await api.get(`/api/workspaces/${w.ws}/members`)).status).toBe(200);
    expect((await w.colleague.client.get(`/api/workspaces/${w.ws}`)).status).toBe(200);

    const r = await w.owner.post(`/api/workspaces/${w.ws}/mandates/${w.mandate.id}/revoke`, { reason: 'Ongewenste tweet' });
    expect(r.body).toMatchObject({ status: 'revoked', revokeReason: 'Ongewenste tweet', revokedBy: { name: 'Olga Owner' } });

    for (const c of [w.advisor, api, w.colleague.client]) {
      const gone = await c.get(`/api/workspaces/${w.ws}`);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('ERR_NOT_FOUND');
    }
    expect((await w.advisor.get('/api/session')).body.workspaces).toEqual([]);
    expect((await w.advisor.patch(`/api/workspaces/${w.ws}`, { name: 'x' })).status).toBe(404);
    expect((await w.owner.post(`/api/workspaces/${w.ws}/mandates/${w.mandate.id}/revoke`, {})).body.error.code).toBe('ERR_MANDATE_NOT_ACTIVE');
  });

  it('a mandate ends by itself at its end date', async () => {
    const end = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const changed = await w.owner.patch(`/api/workspaces/${w.ws}/mandates/${w.mandate.id}`, { endsAt: end, mayReplyWithoutApproval: true });
    expect(changed.body).toMatchObject({ endsAt: end, mayReplyWithoutApproval: true, mayPublishWithoutApproval: false, status: 'active' });
    expect((await w.advisor.get(`/api/workspaces/${w.ws}`)).status).toBe(200);
    t.clock.advance(3600_001);
    expect((await w.advisor.get(`/api/workspaces/${w.ws}`)).status).toBe(404);
    const list = (await w.owner.get(`/api/workspaces/${w.ws}/mandates`)).body.items;
    expect(list.find((m: any) => m.id === w.mandate.id).status).toBe('expired');
    const past = await w.owner.post(`/api/workspaces/${w.ws}/mandates`, { agencyId: w.agency.id, role: 'viewer', endsAt: '2020-01-01T00:00:00Z' });
    expect(past.body.error.code).toBe('ERR_VALIDATION');
  });

  it('one mandate in force per agency; never the owner role; defaults to no publishing without approval', async () => {
    expect(w.mandate).toMatchObject({ mayPublishWithoutApproval: false, mayReplyWithoutApproval: false, role: 'editor', status: 'active' });
    const dup = await w.owner.post(`/api/workspaces/${w.ws}/mandates`, { agencyId: w.agency.id, role: 'viewer' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('ERR_MANDATE_EXISTS');
    const asOwner = await w.owner.post(`/api/workspaces/${w.ws}/mandates`, { agencyId: w.oldAgency.id, role: 'owner' });
    expect(asOwner.body.error.code).toBe('ERR_VALIDATION');
    const again = await w.owner.post(`/api/workspaces/${w.ws}/mandates`, { agencyId: w.oldAgency.id, role: 'viewer' });
    expect(again.status).toBe(201);
    expect((await w.former.get('/api/session')).body.workspaces).toHaveLength(1);
  });

  it('a removed agency member loses the mandate access at once', async () => {
    expect((await w.advisor.del(`/api/agencies/${w.agency.id}/members/${w.colleague.userId}`)).status).toBe(204);
    expect((await w.colleague.client.get(`/api/workspaces/${w.ws}`)).status).toBe(404);
    const last = await w.advisor.del(`/api/agencies/${w.agency.id}/members/${(await w.advisor.get('/api/session')).body.user.id}`);
    expect(last.body.error.code).toBe('ERR_LAST_OWNER');
  });

  it('owners change roles and remove members, but never the last owner; members can leave', async () => {
    const r = await w.owner.patch(`/api/workspaces/${w.ws}/members/${w.viewer.userId}`, { role: 'editor' });
    expect(r.body).toMatchObject({ role: 'editor' });
    const last = await w.owner.patch(`/api/workspaces/${w.ws}/members/${w.ownerId}`, { role: 'viewer' });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('ERR_LAST_OWNER');
    expect((await w.owner.del(`/api/workspaces/${w.ws}/members/${w.ownerId}`)).body.error.code).toBe('ERR_LAST_OWNER');
    await w.owner.patch(`/api/workspaces/${w.ws}/members/${w.editor.userId}`, { role: 'owner' });
    expect((await w.owner.del(`/api/workspaces/${w.ws}/members/${w.ownerId}`)).status).toBe(204);
    expect((await w.owner.get(`/api/workspaces/${w.ws}`)).status).toBe(404);
    expect((await w.viewer.client.del(`/api/workspaces/${w.ws}/members/${w.viewer.userId}`)).status).toBe(204);
    expect((await w.viewer.client.get('/api/session')).body.workspaces).toEqual([]);
  });

  it('invitations: pending list, cancel, e-mail mismatch, login required for existing accounts', async () => {
    const inv = await w.owner.post(`/api/workspaces/${w.ws}/invitations`, { email: 'New@Gemeente.nl', role: 'viewer' });
    expect(inv.status).toBe(201);
    expect(t.mails.at(-1)).toMatchObject({ to: 'new@gemeente.nl' });
    expect(t.mails.at(-1)!.text).toContain(inv.body.acceptUrl);
    const pending = (await w.owner.get(`/api/workspaces/${w.ws}/invitations`)).body.items;
    expect(pending.map((p: any) => p.email)).toContain('new@gemeente.nl');
    const token = decodeURIComponent(inv.body.acceptUrl.split('/invite/')[1]);
    const preview = await new Client(t.http).get(`/api/invitations/${encodeURIComponent(token)}`);
    expect(preview.body).toMatchObject({ email: 'new@gemeente.nl', kind: 'workspace', role: 'viewer', accountExists: false });
    const mismatch = await w.editor.client.post(`/api/invitations/${encodeURIComponent(token)}/accept`, {});
    expect(mismatch.body.error.code).toBe('ERR_INVITATION_EMAIL_MISMATCH');
    // Sending again gives a fresh link; the earlier one stops working.
    const resent = await w.owner.post(`/api/workspaces/${w.ws}/invitations/${inv.body.invitation.id}/resend`, {});
    expect(resent.status).toBe(200);
    expect(resent.body.acceptUrl).not.toBe(inv.body.acceptUrl);
    expect(t.mails.at(-1)!.text).toContain(resent.body.acceptUrl);
    expect((await new Client(t.http).get(`/api/invitations/${encodeURIComponent(token)}`)).body.error.code).toBe('ERR_INVITATION_INVALID');
    const fresh = decodeURIComponent(resent.body.acceptUrl.split('/invite/')[1]);
    expect((await new Client(t.http).get(`/api/invitations/${encodeURIComponent(fresh)}`)).body.email).toBe('new@gemeente.nl');
    expect((await w.viewer.client.post(`/api/workspaces/${w.ws}/invitations/${inv.body.invitation.id}/resend`, {})).status).toBe(403);
    expect((await w.owner.del(`/api/workspaces/${w.ws}/invitations/${inv.body.invitation.id}`)).status).toBe(204);
    expect((await w.owner.post(`/api/workspaces/${w.ws}/invitations/${inv.body.invitation.id}/resend`, {})).status).toBe(404);
    expect((await new Client(t.http).get(`/api/invitations/${encodeURIComponent(token)}`)).body.error.code).toBe('ERR_INVITATION_INVALID');

    const forAdvisor = await w.owner.post(`/api/workspaces/${w.ws}/invitations`, { email: 'advisor@bureauhelder.nl', role: 'viewer' });
    const t2 = decodeURIComponent(forAdvisor.body.acceptUrl.split('/invite/')[1]);
    const anon = await new Client(t.http).post(`/api/invitations/${encodeURIComponent(t2)}/accept`, { name: 'x', password: PASSWORD });
    expect(anon.body.error.code).toBe('ERR_LOGIN_REQUIRED');
    expect((await w.advisor.post(`/api/invitations/${encodeURIComponent(t2)}/accept`, {})).body.workspaceId).toBe(w.ws);
    const ws = (await w.advisor.get(`/api/workspaces/${w.ws}`)).body;
    expect(ws).toMatchObject({ role: 'viewer', actingFor: null });
    const dupe = await w.owner.post(`/api/workspaces/${w.ws}/invitations`, { email: 'viewer@gemeente.nl', role: 'viewer' });
    expect(dupe.body.error.code).toBe('ERR_ALREADY_MEMBER');
  });

  it('the agency directory is for owners only', async () => {
    const dir = (await w.owner.get('/api/agencies/directory')).body.items.map((a: any) => a.name);
    expect(dir).toEqual(expect.arrayContaining(['Bureau Helder', 'Oud Bureau', 'Zorgbureau']));
    expect((await w.viewer.client.get('/api/agencies/directory')).status).toBe(403);
    const mine = (await w.advisor.get(`/api/agencies/${w.agency.id}`)).body;
    expect(mine.members.map((m: any) => m.email).sort()).toEqual(['advisor@bureauhelder.nl', 'colleague@bureauhelder.nl']);
    expect(mine.mandates).toEqual([expect.objectContaining({ workspace: { id: w.ws, name: 'Communicatie' }, status: 'active' })]);
    expect((await w.owner.get(`/api/agencies/${w.agency.id}`)).status).toBe(404);
  });
});
