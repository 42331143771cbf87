import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCan, type WorkspaceRole } from '../../src/core/workspaces/roles';
import type { RouteDef } from '../../src/http/define-route';
import { allRoutes } from '../../src/http/routes';
import { storeInbound } from '../../src/services/channels.service';
import type { Client } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

/** Every row of every table a request could change (sessions and token use times excluded: reads touch them). */
async function fingerprint(t: TestApp): Promise<string> {
  const tables = ['users', 'organizations', 'workspaces', 'workspace_members', 'agency_members', 'mandates', 'invitations', 'password_resets', 'audit_records', 'audit_heads', 'teams', 'team_members', 'inbox_settings', 'conversations', 'conversation_events', 'replies', 'saved_replies', 'expert_requests', 'contacts', 'contact_identities'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = await t.app.db.selectFrom(table).selectAll().execute();
  out.tokens = await t.app.db.selectFrom('api_tokens').select(['id', 'revoked_at', 'name']).orderBy('id').execute();
  return JSON.stringify(out, (_k, v) => (Array.isArray(v) ? [...v].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v));
}

/** A URL for `route` aimed at workspace `ws`, with other ids taken from the foreign workspace B. */
function urlFor(route: RouteDef, ws: string, w: World): string {
  return route.url
    .replace(':ws', ws)
    .replace(':userId', w.foreignMember.userId)
    .replace(':id', route.url.includes('/invitations') ? w.foreignInvitation.id : route.url.includes('/channels/:id') ? w.foreignChannel.id : w.foreignMandate.id)
    .replace(':token', 'x');
}

const sampleBody: Record<string, unknown> = {
  'PATCH /api/workspaces/:ws': { name: 'Overgenomen' },
  'PATCH /api/workspaces/:ws/members/:userId': { role: 'owner' },
  'POST /api/workspaces/:ws/invitations': { email: 'intruder@evil.example', role: 'owner' },
  'POST /api/workspaces/:ws/mandates': { agencyId: 'x', role: 'editor' },
  'PATCH /api/workspaces/:ws/mandates/:id': { mayPublishWithoutApproval: true },
  'POST /api/workspaces/:ws/mandates/:id/revoke': { reason: 'x' },
};

describe.skipIf(pgUnavailable())(`authorization: every workspace route × every role × a foreign workspace (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  let actors: Array<[string, WorkspaceRole, Client]>;
  const workspaceRoutes = allRoutes.filter((r) => r.auth.kind === 'workspace');

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
    actors = [
      ['owner', 'owner', w.owner],
      ['editor', 'editor', w.editor.client],
      ['contributor', 'contributor', w.contributor.client],
      ['webcare agent', 'webcare_agent', w.webcare.client],
      ['viewer', 'viewer', w.viewer.client],
      ['advisor (mandate)', 'editor', w.advisor],
    ];
  });
  afterAll(() => t?.close());

  it('covers every workspace route of the API', () => {
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(14);
    for (const r of workspaceRoutes) expect(r.url.startsWith('/api/workspaces/:ws'), r.url).toBe(true);
  });

  it('a foreign or unknown workspace answers the same 404 to everyone, and nothing changes', async () => {
    const before = await fingerprint(t);
    for (const route of workspaceRoutes) {
      const body = sampleBody[`${route.method} ${route.url}`];
      const unknown = await w.owner.req(route.method, urlFor(route, '01a00000-0000-7000-8000-000000000000', w), body);
      for (const [label, , client] of [...actors, ['former agency', 'editor', w.former] as const]) {
        const r = await client.req(route.method, urlFor(route, w.wsB, w), body);
        expect(r.status, `${label}: ${route.method} ${route.url} on B`).toBe(404);
        expect(r.body, `${label}: ${route.method} ${route.url} on B`).toEqual(unknown.body);
        expect(r.text).not.toContain('Ziekenhuis');
      }
    }
    expect(await fingerprint(t)).toBe(before);
  });

  it('a role without the permission gets 403 in its own workspace, and nothing changes', async () => {
    const before = await fingerprint(t);
    let checked = 0;
    for (const route of workspaceRoutes) {
      if (route.auth.kind !== 'workspace') continue;
      const body = sampleBody[`${route.method} ${route.url}`];
      for (const [label, role, client] of actors) {
        const needs = route.method === 'DELETE' && route.url.endsWith('/members/:userId') ? 'members.manage' : route.auth.permission;
        if (roleCan(role, needs)) continue;
        const url = urlFor(route, w.ws, w).replace(w.foreignMember.userId, w.ownerId);
        const r = await client.req(route.method, url, body);
        expect(r.status, `${label}: ${route.method} ${route.url}`).toBe(403);
        expect(r.body.error.code).toBe('ERR_FORBIDDEN');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(await fingerprint(t)).toBe(before);
  });

  it('an owner cannot reach another workspace’s members, mandates or invitations through its own workspace', async () => {
    const before = await fingerprint(t);
    const attempts: Array<[string, string, unknown]> = [
      ['PATCH', `/api/workspaces/${w.ws}/members/${w.foreignMember.userId}`, { role: 'viewer' }],
      ['DELETE', `/api/workspaces/${w.ws}/members/${w.foreignMember.userId}`, undefined],
      ['PATCH', `/api/workspaces/${w.ws}/mandates/${w.foreignMandate.id}`, { role: 'viewer' }],
      ['POST', `/api/workspaces/${w.ws}/mandates/${w.foreignMandate.id}/revoke`, {}],
      ['DELETE', `/api/workspaces/${w.ws}/invitations/${w.foreignInvitation.id}`, undefined],
      ['POST', `/api/workspaces/${w.ws}/channels/${w.foreignChannel.id}/disconnect`, undefined],
      ['PATCH', `/api/workspaces/${w.ws}/channels/${w.foreignChannel.id}`, { name: 'x' }],
      ['GET', `/api/workspaces/${w.ws}/channels/${w.foreignChannel.id}/inbound`, undefined],
      ['GET', `/api/agencies/${w.foreignAgency.id}`, undefined],
      ['POST', `/api/agencies/${w.foreignAgency.id}/invitations`, { email: 'x@y.nl', role: 'admin' }],
    ];
    for (const [method, url, body] of attempts) {
      const r = await w.owner.req(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(404);
    }
    // A foreign channel id in one's own mandate is refused exactly like an id that does not exist.
    const put = (channelIds: string[]) => w.owner.req('PUT', `/api/workspaces/${w.ws}/mandates/${w.mandate.id}/channels`, { channelIds });
    const foreign = await put([w.foreignChannel.id]);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe((await put(['01a00000-0000-7000-8000-000000000000'])).body.error.code);
    expect(await fingerprint(t)).toBe(before);
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const { Client } = await import('../support/client');
    const anon = new Client(t.http);
    for (const route of allRoutes.filter((r) => r.auth.kind !== 'public')) {
      const r = await anon.req(route.method, urlFor(route, w.ws, w), sampleBody[`${route.method} ${route.url}`] ?? (route.method === 'GET' ? undefined : {}));
      expect(r.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('owners can read everything the routes offer (the matrix is not vacuous)', async () => {
    // (A one-time sign-in choice token cannot be made here; that route is covered in connect-choices.test.ts.)
    const brief = (await w.owner.post(`/api/workspaces/${w.ws}/briefs`, { title: 'Matrix' })).body;
    const post = (await w.owner.post(`/api/workspaces/${w.ws}/posts`, { content: { title: 'Matrix', core: 'Hallo', variants: [{ channelId: w.channel.id, parts: ['Hallo'] }] } })).body;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const media = (await t.http.inject({ method: 'POST', url: `/api/workspaces/${w.ws}/media`, headers: { cookie: w.owner.cookie!, 'x-csrf-token': w.owner.csrf!, 'content-type': 'image/png', 'x-file-name': 'matrix.png' }, payload: png })).json();
    await t.app.db.transaction().execute((q) =>
      storeInbound(
        q,
        { workspace_id: w.ws, id: w.channel.id },
        [{ remoteId: 'm-1', kind: 'comment', threadRemoteId: 't-1', author: { remoteId: 'u-1', displayName: 'Inwoner' }, text: 'Vraag', createdAt: new Date().toISOString(), attachments: [{ name: 'vraag.pdf', mimeType: 'application/pdf', size: 9, bytes: new Uint8Array(Buffer.from('%PDF-1.4\n')) }] }],
        new Date().toISOString(),
        undefined,
        t.app,
      ),
    );
    const conv = await t.app.db.selectFrom('conversations').select(['id', 'contact_id']).where('workspace_id', '=', w.ws).executeTakeFirstOrThrow();
    const message = await t.app.db.selectFrom('messages').select('id').where('workspace_id', '=', w.ws).executeTakeFirstOrThrow();
    const idFor = (url: string) =>
      url.includes('/briefs/') ? brief.id : url.includes('/posts/') ? post.id : url.includes('/media/') ? media.id : url.includes('/conversations/') ? conv.id : url.includes('/contacts/') ? conv.contact_id : url.includes('/messages/') ? message.id : w.channel.id;
    const query = (url: string) => (url.endsWith('/holidays') ? '?year=2027' : '');
    for (const route of workspaceRoutes.filter((r) => r.method === 'GET' && !r.url.includes(':token'))) {
      const r = await w.owner.get(route.url.replace(':ws', w.ws).replace(':id', idFor(route.url)).replace(':n', '0') + query(route.url));
      expect(r.status, route.url).toBe(200);
    }
  });
});
