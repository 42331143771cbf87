import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, PASSWORD, setupOwner } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';

describe.skipIf(pgUnavailable())(`accounts and sessions (${testDb()})`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t?.close());

  it('first run: setup creates the owner and workspace once, then refuses', async () => {
    const anon = new Client(t.http);
    expect((await anon.get('/api/setup')).body).toEqual({ needsSetup: true });
    const { owner, ws } = await setupOwner(t.http);
    const s = await owner.get('/api/session');
    expect(s.status).toBe(200);
    expect(s.body.workspaces).toEqual([
      expect.objectContaining({ id: ws, name: 'Communicatie', role: 'owner', via: { kind: 'member' }, organization: expect.objectContaining({ name: 'Gemeente Testdorp' }) }),
    ]);
    expect((await anon.get('/api/setup')).body).toEqual({ needsSetup: false });
    const again = await anon.post('/api/setup', { name: 'X', email: 'x@y.nl', password: PASSWORD, organizationName: 'O', workspaceName: 'W' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ERR_SETUP_DONE');
  });

  it('refuses short and common passwords with a code the UI can translate', async () => {
    const anon = new Client(t.http);
    const base = { name: 'A', email: 'a@b.nl', organizationName: 'O', workspaceName: 'W' };
    expect((await anon.post('/api/setup', { ...base, password: 'short' })).body.error.code).toBe('ERR_PASSWORD_TOO_SHORT');
    expect((await anon.post('/api/setup', { ...base, password: 'password1234' })).body.error.code).toBe('ERR_PASSWORD_TOO_COMMON');
    const bad = await anon.post('/api/setup', { ...base, email: 'not-an-email', password: PASSWORD });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: [expect.objectContaining({ path: 'email' })] });
  });

  it('logs in and out; the session cookie is httpOnly and SameSite', async () => {
    await setupOwner(t.http);
    const c = new Client(t.http);
    const wrong = await c.post('/api/auth/login', { email: 'owner@gemeente.nl', password: 'wrong password!!' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('ERR_INVALID_CREDENTIALS');
    const ok = await c.post('/api/auth/login', { email: ' Owner@Gemeente.nl ', password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Lax/);
    expect((await c.get('/api/session')).status).toBe(200);
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const stale = new Client(t.http);
    stale.cookie = cookie;
    expect((await stale.get('/api/session')).status).toBe(401);
  });

  it('throttles repeated failed logins with a clear wait time, also for the right password', async () => {
    await setupOwner(t.http);
    const c = new Client(t.http);
    for (let i = 0; i < 5; i++) await c.post('/api/auth/login', { email: 'owner@gemeente.nl', password: `wrong-${i}-password` });
    const blocked = await c.post('/api/auth/login', { email: 'owner@gemeente.nl', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('ERR_TOO_MANY_ATTEMPTS');
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.headers['retry-after']).toBeDefined();
    t.clock.advance(16 * 60 * 1000);
    expect((await c.post('/api/auth/login', { email: 'owner@gemeente.nl', password: PASSWORD })).status).toBe(200);
  });

  it('requires the CSRF token for cookie requests that change state, and JSON for anonymous ones', async () => {
    const { owner } = await setupOwner(t.http);
    const noToken = await owner.req('PATCH', '/api/account', { name: 'Hacked' }, { 'x-csrf-token': 'wrong' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('ERR_CSRF');
    expect((await owner.get('/api/session')).body.user.name).toBe('Olga Owner');
    const form = await new Client(t.http).req('POST', '/api/auth/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('resets a forgotten password by e-mail link, once, ending old sessions', async () => {
    const { owner } = await setupOwner(t.http);
    const anon = new Client(t.http);
    expect((await anon.post('/api/auth/password-reset/request', { email: 'nobody@x.nl' })).status).toBe(202);
    expect(t.mails).toHaveLength(0);
    expect((await anon.post('/api/auth/password-reset/request', { email: 'owner@gemeente.nl' })).status).toBe(202);
    expect(t.mails).toHaveLength(1);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(t.mails[0].text)![1]);
    const next = 'a brand new passphrase';
    expect((await anon.post('/api/auth/password-reset/confirm', { token, password: next })).status).toBe(204);
    expect((await anon.post('/api/auth/password-reset/confirm', { token, password: next })).body.error.code).toBe('ERR_RESET_TOKEN_INVALID');
    expect((await owner.get('/api/session')).status).toBe(401);
    expect((await anon.post('/api/auth/login', { email: 'owner@gemeente.nl', password: next })).status).toBe(200);
  });

  it('changes the password and lists, revokes and ends all sessions', async () => {
    const { owner } = await setupOwner(t.http);
    const laptop = new Client(t.http);
    await laptop.post('/api/auth/login', { email: 'owner@gemeente.nl', password: PASSWORD });
    const list = await owner.get('/api/account/sessions');
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: any) => s.current)).toHaveLength(1);
    const other = list.body.items.find((s: any) => !s.current);
    expect((await owner.del(`/api/account/sessions/${other.id}`)).status).toBe(204);
    expect((await laptop.get('/api/session')).status).toBe(401);

    await laptop.post('/api/auth/login', { email: 'owner@gemeente.nl', password: PASSWORD });
    expect((await owner.post('/api/account/sessions/revoke-all', { includeCurrent: false })).body.revoked).toBe(1);
    expect((await laptop.get('/api/session')).status).toBe(401);
    expect((await owner.get('/api/session')).status).toBe(200);

    const wrongCurrent = await owner.post('/api/account/password', { currentPassword: 'not it at all', newPassword: 'another long passphrase' });
    expect(wrongCurrent.body.error.code).toBe('ERR_INVALID_CREDENTIALS');
    expect((await owner.post('/api/account/password', { currentPassword: PASSWORD, newPassword: 'another long passphrase' })).status).toBe(204);
    expect((await owner.get('/api/session')).status).toBe(200);
    expect((await owner.post('/api/account/sessions/revoke-all', { includeCurrent: true })).body.revoked).toBe(1);
    expect((await owner.get('/api/session')).status).toBe(401);
  });

  it('personal API tokens: shown once, hashed at rest, usable as Bearer, revocable', async () => {
    const { owner, ws } = await setupOwner(t.http);
    const created = await owner.post('/api/account/tokens', { name: 'Rapportage-script', expiresInDays: 30 });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^regie_pat_/);
    const stored = await t.app.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(secret);
    expect(JSON.stringify((await owner.get('/api/account/tokens')).body)).not.toContain(secret);

    const api = new Client(t.http);
    api.bearer = secret;
    expect((await api.get(`/api/workspaces/${ws}`)).body.name).toBe('Communicatie');
    expect((await api.patch(`/api/workspaces/${ws}`, { name: 'Via token' })).status).toBe(200);

    expect((await owner.del(`/api/account/tokens/${created.body.token.id}`)).status).toBe(204);
    const after = await api.get(`/api/workspaces/${ws}`);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('ERR_UNAUTHENTICATED');

    const expiring = await owner.post('/api/account/tokens', { name: 'kort', expiresInDays: 1 });
    api.bearer = expiring.body.secret;
    expect((await api.get('/api/session')).status).toBe(200);
    t.clock.advance(2 * 24 * 3600 * 1000);
    expect((await api.get('/api/session')).status).toBe(401);
  });

  it('updates name and language', async () => {
    const { owner } = await setupOwner(t.http);
    const r = await owner.patch('/api/account', { name: 'Olga de Regisseur', locale: 'nl' });
    expect(r.body.user).toMatchObject({ name: 'Olga de Regisseur', locale: 'nl' });
    expect((await owner.get('/api/session')).body.user.locale).toBe('nl');
  });

  it('answers malformed JSON with a validation error, not a crash', async () => {
    const r = await new Client(t.http).req('POST', '/api/auth/login', '{"email":', {});
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ERR_VALIDATION');
  });
});
