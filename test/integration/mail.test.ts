import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/context';
import { buildHttpApp } from '../../src/http/app';
import { Client, setupOwner } from '../support/client';
import { freePort } from '../support/postgres-server';
import { freshDatabase, pgUnavailable, testDb } from '../support/test-app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';

/** Regie's own e-mail (invitations, password resets) through a real SMTP server on loopback. */
describe.skipIf(pgUnavailable())(`system e-mail over SMTP (${testDb()})`, () => {
  const received: Array<{ to: string[]; raw: string }> = [];
  let smtp: SMTPServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (c) => (raw += c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(port, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => smtp.close(() => r())));

  it('sends invitations and password-reset links through SMTP_URL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'regie-mail-'));
    const db = await freshDatabase();
    const config = loadConfig({ DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Regie <regie@gemeente.nl>', ...(db.url ? { DATABASE_URL: db.url } : {}) });
    const app = await createApp(config, { logger: pino({ level: 'silent' }) });
    const http = await buildHttpApp(app, { webDir: null });
    try {
      const { owner, ws } = await setupOwner(http);
      const inv = await owner.post(`/api/workspaces/${ws}/invitations`, { email: 'nieuw@gemeente.nl', role: 'viewer' });
      expect(inv.body.emailSent).toBe(true);
      await new Client(http).post('/api/auth/password-reset/request', { email: 'owner@gemeente.nl' });
      expect(received.map((m) => m.to)).toEqual([['nieuw@gemeente.nl'], ['owner@gemeente.nl']]);
      const flat = (s: string) => s.replace(/=\r?\n/g, '');
      expect(flat(received[0].raw)).toContain(inv.body.acceptUrl.replace('=', '=3D'));
      expect(received[1].raw).toMatch(/From: Regie <regie@gemeente.nl>/);
      expect(flat(received[1].raw)).toMatch(/reset-password\?token=3D/);
    } finally {
      await http.close();
      await app.conn.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('an unreachable SMTP server does not lose the invitation: the link is still returned', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'regie-mail-'));
    const db = await freshDatabase();
    const dead = await freePort();
    const app = await createApp(loadConfig({ DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${dead}`, ...(db.url ? { DATABASE_URL: db.url } : {}) }), { logger: pino({ level: 'silent' }) });
    const http = await buildHttpApp(app, { webDir: null });
    try {
      const { owner, ws } = await setupOwner(http);
      const inv = await owner.post(`/api/workspaces/${ws}/invitations`, { email: 'nieuw@gemeente.nl', role: 'viewer' });
      expect(inv.status).toBe(201);
      expect(inv.body).toMatchObject({ emailSent: false, acceptUrl: expect.stringContaining('/invite/') });
      expect((await owner.get(`/api/workspaces/${ws}/invitations`)).body.items).toHaveLength(1);
    } finally {
      await http.close();
      await app.conn.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
