import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors';
import { sandboxConnector } from '../../src/connectors/sandbox/sandbox.connector';
import type { Connector } from '../../src/connectors/types';
import { createApp } from '../../src/context';
import { channelContext, openCredentials } from '../../src/services/channel-context';
import { setupOwner, type Client } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import pino from 'pino';

/** The sandbox, plus a sign-in that expires and can be refreshed (counting refreshes), like OAuth platforms. */
function refreshingSandbox(counter: { refreshes: number }): Connector {
  return {
    ...sandboxConnector,
    async connect(fetch, input, now) {
      const r = await sandboxConnector.connect!(fetch, input, now);
      return { ...r, credentials: { ...r.credentials, token: input.token ?? 't1', ...(input.secret ? { secret: input.secret } : {}) } };
    },
    async refresh(_fetch, _app, credentials) {
      counter.refreshes++;
      await new Promise((r) => setTimeout(r, 50));
      return { ...credentials, token: `t${Number(credentials.token?.slice(1) ?? 0) + 1}` };
    },
    async verify(ctx) {
      if (ctx.credentials.token !== 't1') {
        if (!ctx.refreshCredentials) throw new ConnectorError('auth_expired', 'expired');
        await ctx.refreshCredentials();
      }
      return ctx.account;
    },
  };
}

describe.skipIf(pgUnavailable())(`channels (${testDb()})`, () => {
  let t: TestApp;
  let owner: Client;
  let ws: string;
  const counter = { refreshes: 0 };
  beforeEach(async () => {
    counter.refreshes = 0;
    t = await createTestApp();
    t.app.connectors = [refreshingSandbox(counter)];
    ({ owner, ws } = await setupOwner(t.http));
  });
  afterEach(() => t?.close());

  const connect = (name: string) => owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: { name, token: 't0' } });

  it('connects a sandbox channel; credentials are sealed at rest and never returned', async () => {
    const offered = (await owner.get('/api/connectors')).body.items;
    expect(offered.map((c: any) => c.kind)).toContain('sandbox');
    const r = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: { name: 'Gemeente Sandbox', token: 't0', secret: 'plaintext-app-password' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'sandbox', name: 'Gemeente Sandbox', status: 'healthy', sandbox: true });
    expect(JSON.stringify(r.body)).not.toContain('plaintext-app-password');
    const list = await owner.get(`/api/workspaces/${ws}/channels`);
    expect(JSON.stringify(list.body)).not.toContain('plaintext-app-password');
    const row = await t.app.db.selectFrom('channels').selectAll().executeTakeFirstOrThrow();
    expect(row.credentials).not.toContain('plaintext-app-password');
    expect(openCredentials(t.app, row)).toMatchObject({ token: 't0', secret: 'plaintext-app-password' });
    expect(() => openCredentials(t.app, { ...row, id: 'another-channel' })).toThrow();
    const audit = (await owner.get(`/api/workspaces/${ws}/audit?action=channel.connected`)).body.items;
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input with clear errors', async () => {
    const unknown = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'myspace', credentials: {} });
    expect(unknown.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: [{ path: 'kind' }] });
    const missing = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: {} });
    expect(missing.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: [{ path: 'name' }] });
  });

  it('syncs inbound items once: a second sync and a replay store nothing twice', async () => {
    const ch = (await connect('Sandbox')).body;
    const first = await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/sync`, {});
    expect(first.body.added).toBeGreaterThan(0);
    expect(first.body.channel.lastSyncAt).toBeTruthy();
    expect((await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/sync`, {})).body.added).toBe(0);
    await t.app.db.updateTable('channels').set({ inbound_cursor: null }).execute();
    expect((await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/sync`, {})).body.added).toBe(0);
    t.clock.advance(60 * 60_000);
    expect((await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/sync`, {})).body.added).toBe(3);
    const inbound = (await owner.get(`/api/workspaces/${ws}/channels/${ch.id}/inbound`)).body.items;
    expect(inbound.length).toBe(first.body.added + 3);
    expect(inbound[0].item).toMatchObject({ author: { displayName: expect.any(String) }, text: expect.any(String) });
  });

  it('refreshes an expired sign-in once, however many callers ask at the same moment', async () => {
    const ch = (await connect('Sandbox')).body;
    const row = await t.app.db.selectFrom('channels').selectAll().where('id', '=', ch.id).executeTakeFirstOrThrow();
    const calls = Array.from({ length: 50 }, () => {
      const { connector, ctx } = channelContext(t.app, row);
      return connector.verify(ctx);
    });
    // A second process sharing the database (on SQLite: the same file) joins in.
    const other = await createApp(t.app.config, { logger: pino({ level: 'silent' }), connectors: [refreshingSandbox(counter)], migrate: false });
    try {
      const more = Array.from({ length: 10 }, () => {
        const { connector, ctx } = channelContext(other, row);
        return connector.verify(ctx);
      });
      await Promise.all([...calls, ...more]);
    } finally {
      await other.conn.close();
    }
    expect(counter.refreshes).toBe(1);
    const after = await t.app.db.selectFrom('channels').selectAll().where('id', '=', ch.id).executeTakeFirstOrThrow();
    expect(after.credentials_version).toBe(2);
    expect(openCredentials(t.app, after).token).toBe('t1');
  });

  it('test connection, rename, mandate scope, and disconnect (credentials wiped)', async () => {
    const ch = (await connect('Sandbox')).body;
    expect((await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/test`, {})).body.status).toBe('healthy');
    expect((await owner.patch(`/api/workspaces/${ws}/channels/${ch.id}`, { name: 'Oefenkanaal' })).body.name).toBe('Oefenkanaal');
    const agencyOwner = owner; // the owner also creates an agency to grant a scoped mandate
    const agency = (await agencyOwner.post('/api/agencies', { name: 'Bureau Kanaal' })).body;
    const m = (await owner.post(`/api/workspaces/${ws}/mandates`, { agencyId: agency.id, role: 'editor' })).body;
    const scoped = await owner.req('PUT', `/api/workspaces/${ws}/mandates/${m.id}/channels`, { channelIds: [ch.id] });
    expect(scoped.body.channelIds).toEqual([ch.id]);
    const gone = await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/disconnect`, {});
    expect(gone.body.status).toBe('disconnected');
    const row = await t.app.db.selectFrom('channels').selectAll().where('id', '=', ch.id).executeTakeFirstOrThrow();
    expect(openCredentials(t.app, row)).toEqual({});
    expect((await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/test`, {})).body.error.code).toBe('ERR_CHANNEL_FAILED');
    expect((await connect('Sandbox opnieuw')).status).toBe(201);
  });

  it('an expired sign-in that cannot be refreshed marks the channel "needs reconnect" in plain words', async () => {
    t.app.connectors = [{ ...sandboxConnector, verify: async () => { throw new ConnectorError('auth_revoked', 'revoked', { status: 403, platformReason: 'The user revoked access' }); } }];
    const ch = (await connect('Sandbox')).body;
    const r = (await owner.post(`/api/workspaces/${ws}/channels/${ch.id}/test`, {})).body;
    expect(r.status).toBe('needs_reconnect');
    expect(r.statusDetail).toMatch(/Reconnect the channel.*revoked access/);
  });
});
