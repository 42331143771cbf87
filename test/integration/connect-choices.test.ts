import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupOwner, type Client } from '../support/client';
import { startGraphFixtureServer, type GraphFixtureServer } from '../support/graph-fixture-server';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';

const o = { pageId: '102030405060708', pageToken: 'EAAB-page-token-1', igUserId: '17841400000000001', userToken: 'EAAB-user-token', appId: '4242', appSecret: 'fixture-app-secret' };

describe.skipIf(pgUnavailable())(`choosing which account to connect, and reconnecting (${testDb()})`, () => {
  let fx: GraphFixtureServer;
  let t: TestApp;
  let owner: Client;
  let ws: string;
  beforeAll(async () => {
    fx = await startGraphFixtureServer(o);
  });
  afterAll(() => fx?.stop());
  beforeEach(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://regie.gemeente.test', META_APP_ID: o.appId, META_APP_SECRET: o.appSecret, META_WEBHOOK_VERIFY_TOKEN: 'v' });
    t.app.http = { platform: fx.fetch, untrusted: fx.fetch };
    ({ owner, ws } = await setupOwner(t.http));
  });
  afterEach(() => t?.close());

  it('a Meta sign-in that manages two Pages asks which one to connect; the choice works once', async () => {
    const start = await owner.post(`/api/workspaces/${ws}/channels/oauth`, { kind: 'facebook' });
    expect(start.status, start.text).toBe(200);
    const url = new URL(start.body.authorizeUrl);
    const redirectUri = url.searchParams.get('redirect_uri')!;
    expect(redirectUri).toBe('https://regie.gemeente.test/api/oauth/callback');
    // Meta's dialog: the person approves and Meta redirects back with a code bound to the PKCE challenge.
    fx.expectCode('code-choice', url.searchParams.get('code_challenge')!, redirectUri);
    const back = await owner.get(`/api/oauth/callback?state=${encodeURIComponent(url.searchParams.get('state')!)}&code=code-choice`);
    expect(back.status).toBe(303);
    const location = new URL(String(back.headers.location), 'https://x');
    expect(location.pathname).toBe(`/w/${ws}/channels`);
    const token = location.searchParams.get('choose')!;
    const choices = (await owner.get(`/api/workspaces/${ws}/channels/choices/${token}`)).body;
    expect(choices).toMatchObject({ kind: 'facebook', kindName: 'Facebook Page' });
    expect(choices.items.map((c: any) => c.account.handle)).toEqual(['gemeentevoorbeeld', 'Bibliotheek Voorbeeld']);
    expect(JSON.stringify(choices)).not.toContain('EAAB');
    const chosen = await owner.post(`/api/workspaces/${ws}/channels/choices/${token}`, { index: 1 });
    expect(chosen.status).toBe(201);
    expect(chosen.body).toMatchObject({ kind: 'facebook', account: { remoteId: '102030405060709' }, status: 'healthy' });
    const again = await owner.post(`/api/workspaces/${ws}/channels/choices/${token}`, { index: 0 });
    expect(again.body.error.code).toBe('ERR_OAUTH_STATE_INVALID');
  });

  it('reconnects a channel that needs it, only with the same account', async () => {
    const ch = (await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: { name: 'Oefen' } })).body;
    await t.app.db.updateTable('channels').set({ status: 'needs_reconnect', status_detail: 'expired' }).execute();
    const same = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: { name: 'Oefen' }, reconnectId: ch.id });
    expect(same.status).toBe(201);
    expect(same.body).toMatchObject({ id: ch.id, status: 'healthy', statusDetail: null });
    const other = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: { name: 'Iemand anders' }, reconnectId: ch.id });
    expect(other.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: [{ path: 'account' }] });
    expect((await owner.get(`/api/workspaces/${ws}/audit?action=channel.reconnected`)).body.items).toHaveLength(1);
    expect((await owner.get(`/api/workspaces/${ws}/channels`)).body.items).toHaveLength(1);
  });
});
