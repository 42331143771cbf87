import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/seed-demo';
import { verifyAudit } from '../../src/services/audit.service';
import { Client } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';

describe.skipIf(pgUnavailable())(`the demo (${testDb()})`, () => {
  let t: TestApp;
  let logins: Awaited<ReturnType<typeof seedDemo>>['logins'];
  beforeAll(async () => {
    t = await createTestApp();
    logins = (await seedDemo(t.app)).logins;
  });
  afterAll(() => t?.close());

  it('has a member in every role and two advisors under a mandate, all able to sign in', async () => {
    expect(logins.map((l) => l.role).join(' ')).toMatch(/owner.*editor.*contributor.*webcare_agent.*viewer.*advisor.*advisor/);
    for (const l of logins) {
      const c = new Client(t.http);
      expect((await c.post('/api/auth/login', { email: l.email, password: DEMO_PASSWORD })).status, l.email).toBe(200);
      expect((await c.get('/api/session')).body.workspaces, l.email).toHaveLength(1);
    }
    const mark = new Client(t.http);
    await mark.post('/api/auth/login', { email: 'mark.peters@bureauhelder.nl', password: DEMO_PASSWORD });
    const ws = (await mark.get('/api/session')).body.workspaces[0];
    expect(ws).toMatchObject({ organization: { name: 'Gemeente Voorbeeld' }, via: { kind: 'mandate', agency: { name: 'Bureau Helder' } } });
  });

  it('comes with history: a revoked former agency and a verifiable audit trail', async () => {
    const owner = new Client(t.http);
    await owner.post('/api/auth/login', { email: 'els.devries@gemeente-voorbeeld.nl', password: DEMO_PASSWORD });
    const ws = (await owner.get('/api/session')).body.workspaces[0].id;
    const mandates = (await owner.get(`/api/workspaces/${ws}/mandates`)).body.items;
    expect(mandates.map((m: any) => [m.agency.name, m.status]).sort()).toEqual([
      ['Bureau Helder', 'active'],
      ['Reclamebureau De Oude Toren', 'revoked'],
    ]);
    expect((await owner.get(`/api/workspaces/${ws}/audit?limit=200`)).body.items.length).toBeGreaterThanOrEqual(14);
    const channels = (await owner.get(`/api/workspaces/${ws}/channels`)).body.items;
    expect(channels.map((c: any) => [c.kind, c.status])).toEqual([
      ['sandbox', 'healthy'],
      ['sandbox', 'healthy'],
      ['sandbox', 'healthy'],
    ]);
    expect((await owner.get(`/api/workspaces/${ws}/channels/${channels[0].id}/inbound`)).body.items.length).toBeGreaterThan(0);
    expect((await verifyAudit(t.app)).broken).toEqual([]);
    await expect(seedDemo(t.app)).rejects.toThrow(/empty database/);
  });
});
