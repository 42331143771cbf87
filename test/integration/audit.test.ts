import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireWorkspace } from '../../src/services/access.service';
import { verifyAudit, writeAudit } from '../../src/services/audit.service';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

/** Runs tampering SQL the way an attacker with database access would, bypassing the append-only triggers. */
async function tamper(t: TestApp, statement: string) {
  if (testDb() === 'postgres') {
    await t.app.db.connection().execute(async (c) => {
      await sql.raw('SET session_replication_role = replica').execute(c);
      await sql.raw(statement).execute(c);
      await sql.raw('SET session_replication_role = origin').execute(c);
    });
  } else {
    await sql.raw('DROP TRIGGER audit_records_no_update').execute(t.app.db);
    await sql.raw('DROP TRIGGER audit_records_no_delete').execute(t.app.db);
    await sql.raw(statement).execute(t.app.db);
  }
}

describe.skipIf(pgUnavailable())(`audit trail (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
  });
  afterEach(() => t?.close());

  it('records who did what, for which organization, with before/after, IP and user agent', async () => {
    await w.owner.req('PATCH', `/api/workspaces/${w.ws}`, { name: 'Communicatie & Webcare' }, { 'user-agent': 'Firefox/140' });
    await w.advisor.post(`/api/workspaces/${w.ws}/invitations`, {}); // forbidden: not recorded
    const page = (await w.owner.get(`/api/workspaces/${w.ws}/audit?limit=200`)).body;
    const renamed = page.items.find((i: any) => i.action === 'workspace.renamed');
    expect(renamed).toMatchObject({
      actor: { name: 'Olga Owner', email: 'owner@gemeente.nl' },
      organization: { name: 'Gemeente Testdorp', kind: 'client' },
      summary: { before: { name: 'Communicatie' }, after: { name: 'Communicatie & Webcare' } },
      ip: '127.0.0.1',
      userAgent: 'Firefox/140',
    });
    const actions = page.items.map((i: any) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['workspace.created', 'member.invited', 'member.joined', 'mandate.granted', 'mandate.revoked']));
    expect(page.items[0].seq).toBeGreaterThan(page.items[1].seq);
  });

  it('records what an advisor does under a mandate as done on behalf of the agency', async () => {
    const me = (await w.advisor.get('/api/session')).body.user;
    const actor = { userId: me.id, name: me.name, email: me.email, locale: null, isAdmin: false, sessionId: null, tokenId: null, csrf: null, ip: '10.0.0.1', userAgent: 'test' };
    const scope = await requireWorkspace(t.app, actor, w.ws, 'workspace.read');
    expect(scope.actingOrgId).toBe(w.agency.id);
    await t.app.db.transaction().execute((q) =>
      writeAudit(t.app, q, actor, { action: 'test.advisor_action', workspaceId: w.ws, actorOrgId: scope.actingOrgId }),
    );
    const items = (await w.owner.get(`/api/workspaces/${w.ws}/audit?organizationId=${w.agency.id}`)).body.items;
    expect(items).toEqual([expect.objectContaining({ action: 'test.advisor_action', actor: expect.objectContaining({ name: 'Ada Advisor' }), organization: { id: w.agency.id, name: 'Bureau Helder', kind: 'agency' } })]);
    const facets = (await w.owner.get(`/api/workspaces/${w.ws}/audit/facets`)).body;
    expect(facets.organizations).toEqual(expect.arrayContaining([{ id: w.agency.id, name: 'Bureau Helder', kind: 'agency' }]));
    expect(facets.actors.map((a: any) => a.name)).toEqual(expect.arrayContaining(['Olga Owner', 'Ada Advisor']));
    expect((await verifyAudit(t.app)).broken).toEqual([]);
  });

  it('filters by person, organization, action and period, pages with nextBefore, and exports CSV', async () => {
    const all = (await w.owner.get(`/api/workspaces/${w.ws}/audit?limit=200`)).body.items;
    const byOwner = (await w.owner.get(`/api/workspaces/${w.ws}/audit?actorId=${w.ownerId}&limit=200`)).body.items;
    expect(byOwner.length).toBeGreaterThan(0);
    expect(byOwner.every((i: any) => i.actor.id === w.ownerId)).toBe(true);
    expect(byOwner.length).toBeLessThan(all.length);
    const granted = (await w.owner.get(`/api/workspaces/${w.ws}/audit?action=mandate.granted`)).body.items;
    expect(granted).toHaveLength(2);
    const future = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect((await w.owner.get(`/api/workspaces/${w.ws}/audit?from=${future}`)).body.items).toEqual([]);
    const p1 = (await w.owner.get(`/api/workspaces/${w.ws}/audit?limit=3`)).body;
    const p2 = (await w.owner.get(`/api/workspaces/${w.ws}/audit?limit=3&before=${p1.nextBefore}`)).body;
    expect(p2.items[0].seq).toBe(p1.items[2].seq - 1);

    const csv = await w.owner.get(`/api/workspaces/${w.ws}/audit.csv?action=mandate.granted`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('"action"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Olga Owner');
    expect((await w.viewer.client.get(`/api/workspaces/${w.ws}/audit.csv`)).status).toBe(403);
  });

  it('the app cannot change or delete audit records: the database refuses', async () => {
    await expect(t.app.db.updateTable('audit_records').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.app.db.deleteFrom('audit_records').execute()).rejects.toThrow(/append-only/);
    await expect(t.app.db.updateTable('audit_heads').set({ seq: 1 }).execute()).rejects.toThrow(/forward/);
    if (testDb() === 'postgres') await expect(sql`TRUNCATE audit_records`.execute(t.app.db)).rejects.toThrow(/append-only/);
    expect((await verifyAudit(t.app)).broken).toEqual([]);
  });

  it('verify finds a changed record', async () => {
    const clean = await verifyAudit(t.app);
    expect(clean.broken).toEqual([]);
    expect(clean.records).toBeGreaterThan(20);
    await tamper(t, `UPDATE audit_records SET summary = '{}' WHERE chain_id = '${w.ws}' AND seq = 3`);
    const r = await verifyAudit(t.app);
    expect(r.broken).toEqual([expect.objectContaining({ kind: 'changed', chainId: w.ws, seq: 3 })]);
    expect(r.messages[0]).toMatch(/record 3 .* was changed/);
  });

  it('verify finds a deleted record and a cut-off tail', async () => {
    await tamper(t, `DELETE FROM audit_records WHERE chain_id = '${w.ws}' AND seq = 2`);
    expect((await verifyAudit(t.app)).broken).toEqual([expect.objectContaining({ kind: 'gap', expectedSeq: 2, foundSeq: 3 })]);
  });

  it('verify finds a truncated tail', async () => {
    const head = await t.app.db.selectFrom('audit_heads').selectAll().where('chain_id', '=', w.ws).executeTakeFirstOrThrow();
    await tamper(t, `DELETE FROM audit_records WHERE chain_id = '${w.ws}' AND seq >= ${Number(head.seq) - 1}`);
    expect((await verifyAudit(t.app)).broken).toEqual([expect.objectContaining({ kind: 'truncated', headSeq: Number(head.seq) })]);
  });
});
