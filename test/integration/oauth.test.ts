import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import { Client, inviteAndJoin, setupOwner } from '../support/client';
import { startMastodonFixtureServer, type MastodonFixtureServer } from '../support/mastodon-fixture-server';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';

describe.skipIf(pgUnavailable())(`connecting through a platform's sign-in page, and platform apps (${testDb()})`, () => {
  let srv: MastodonFixtureServer;
  let t: TestApp;
  let owner: Client;
  let ws: string;
  beforeAll(async () => {
    srv = await startMastodonFixtureServer();
  });
  afterAll(() => srv?.stop());
  beforeEach(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://regie.gemeente.test' });
    // The instance runs on loopback in this test; in production the guarded fetch refuses loopback.
    t.app.http = { platform: createPlatformFetch(), untrusted: createPlatformFetch() };
    ({ owner, ws } = await setupOwner(t.http));
  });
  afterEach(() => t?.close());

  /** The person approves on the instance; returns the callback path and query the instance redirects to. */
  async function approve(authorizeUrl: string): Promise<string> {
    const back = new URL((await fetch(authorizeUrl, { redirect: 'manual' })).headers.get('location')!);
    expect(back.origin + back.pathname).toBe('https://regie.gemeente.test/api/oauth/callback');
    return back.pathname + back.search;
  }

  it('Mastodon: registers Regie on the instance, PKCE sign-in, and stores the channel', async () => {
    const start = await owner.post(`/api/workspaces/${ws}/channels/oauth`, { kind: 'mastodon', instanceUrl: srv.url, name: 'Mastodon gemeente' });
    expect(start.status, start.text).toBe(200);
    const url = new URL(start.body.authorizeUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await approve(start.body.authorizeUrl);
    const done = await owner.get(callback);
    expect(done.status).toBe(303);
    const location = String(done.headers.location);
    expect(location).toMatch(new RegExp(`^/w/${ws}/channels\\?connected=`));
    const channels = (await owner.get(`/api/workspaces/${ws}/channels`)).body.items;
    expect(channels).toEqual([expect.objectContaining({ kind: 'mastodon', name: 'Mastodon gemeente', status: 'healthy', account: expect.objectContaining({ serviceUrl: srv.url }) })]);
    expect(JSON.stringify(channels)).not.toContain(srv.token);

    // The state works once.
    const replay = await owner.get(callback);
    expect(String(replay.headers.location)).toBe('/?oauthError=ERR_OAUTH_STATE_INVALID');
    // A second connection of the same instance reuses the registered app.
    const again = await owner.post(`/api/workspaces/${ws}/channels/oauth`, { kind: 'mastodon', instanceUrl: srv.url });
    expect(new URL(again.body.authorizeUrl).searchParams.get('client_id')).toBe(url.searchParams.get('client_id'));
    // Connecting the same account twice is refused with a clear message.
    const dup = await owner.get(await approve(again.body.authorizeUrl));
    expect(String(dup.headers.location)).toBe('/?oauthError=ERR_CHANNEL_EXISTS');
  });

  it('a state started by someone else, or a person who lost access, does not connect anything', async () => {
    const start = await owner.post(`/api/workspaces/${ws}/channels/oauth`, { kind: 'mastodon', instanceUrl: srv.url });
    const callback = await approve(start.body.authorizeUrl);
    const other = await inviteAndJoin(t.http, owner, `/api/workspaces/${ws}/invitations`, 'editor@gemeente.nl', 'owner', 'Other Owner');
    const r = await other.client.get(callback);
    expect(String(r.headers.location)).toBe('/?oauthError=ERR_OAUTH_STATE_INVALID');
    expect((await owner.get(`/api/workspaces/${ws}/channels`)).body.items).toEqual([]);
    expect((await new Client(t.http).get(callback)).headers.location).toMatch(/^\/login/);
  });

  it('refuses instance addresses that are not https, and platforms without an app', async () => {
    const http = await owner.post(`/api/workspaces/${ws}/channels/oauth`, { kind: 'mastodon', instanceUrl: 'http://mastodon.example' });
    expect(http.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: [{ path: 'instanceUrl' }] });
    const typed = await owner.post(`/api/workspaces/${ws}/channels/oauth`, { kind: 'sandbox' });
    expect(typed.body.error.code).toBe('ERR_VALIDATION');
  });

  it('administrators enter platform app credentials; secrets are sealed and never shown back', async () => {
    const list = (await owner.get('/api/admin/providers')).body.items;
    expect(list.map((p: any) => [p.provider, p.configured])).toEqual([['meta', false], ['linkedin', false], ['x', false]]);
    expect(list[0].callbackUrl).toBe('https://regie.gemeente.test/api/oauth/callback');
    const saved = await owner.req('PUT', '/api/admin/providers/meta', { clientId: '1234567890', clientSecret: 'super-secret-app-secret', verifyToken: 'verify-me' });
    expect(saved.body).toMatchObject({ provider: 'meta', configured: true, source: 'database', clientId: '1234567890' });
    expect(JSON.stringify((await owner.get('/api/admin/providers')).body)).not.toContain('super-secret');
    const row = await t.app.db.selectFrom('provider_apps').selectAll().executeTakeFirstOrThrow();
    expect(row.secrets).not.toContain('super-secret');
    const member = await inviteAndJoin(t.http, owner, `/api/workspaces/${ws}/invitations`, 'viewer@gemeente.nl', 'owner', 'Not Admin');
    expect((await member.client.get('/api/admin/providers')).status).toBe(403);
    expect((await member.client.get('/api/session')).body.user.isAdmin).toBe(false);
    expect((await owner.get('/api/session')).body.user.isAdmin).toBe(true);
  });
});
