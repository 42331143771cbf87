import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, setupOwner } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';

const SITE = 'https://www.gemeente.test';
const MESSAGES = '/api/public/webform/:publicKey/messages';


describe.skipIf(pgUnavailable())(`website channel (${testDb()})`, () => {
  let t: TestApp;
  let http: FastifyInstance;
  let owner: Client;
  let ws: string;
  let channel: { id: string; account: { remoteId: string } };

  beforeEach(async () => {
    t = await createTestApp();
    http = t.http;
    expect(http.hasRoute({ method: 'POST', url: MESSAGES })).toBe(true);
    owner = new Client(http);
    ({ owner, ws } = await setupOwner(http));
    const r = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'webform', credentials: { name: 'Website', allowedOrigins: SITE } });
    expect(r.status, r.text).toBe(201);
    channel = r.body;
  });
  afterEach(async () => {
    await t?.close();
  });

  const key = () => channel.account.remoteId;
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'form',
    name: 'Jan de Vries',
    email: 'jan@voorbeeld.test',
    subject: 'Milieupark',
    message: 'Wanneer is het milieupark open op zaterdag?',
    website: '',
    startedAt: t.clock.now().getTime() - 8000,
    ...over,
  });
  async function send(payload: unknown, o: { origin?: string | null; ip?: string; key?: string; type?: string } = {}) {
    const headers: Record<string, string> = { 'content-type': o.type ?? 'application/json' };
    if (o.origin !== null) headers.origin = o.origin ?? SITE;
    const r = await http.inject({
      method: 'POST',
      url: `/api/public/webform/${o.key ?? key()}/messages`,
      headers,
      remoteAddress: o.ip ?? '198.51.100.23',
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    return { status: r.statusCode, headers: r.headers, text: r.body, body: r.body ? JSON.parse(r.body) : null };
  }
  const inbound = async () => (await owner.get(`/api/workspaces/${ws}/channels/${channel.id}/inbound`)).body.items as Array<{ item: any }>;

  it('stores an accepted form message once, committed before the 201, without the visitor address', async () => {
    const r = await send(body(), { ip: '203.0.113.77' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ ok: true, conversationId: expect.any(String) });
    expect(r.headers['access-control-allow-origin']).toBe(SITE);
    expect(r.headers.vary).toMatch(/Origin/);
    const items = await inbound();
    expect(items).toHaveLength(1);
    expect(items[0].item).toMatchObject({
      kind: 'form',
      threadRemoteId: r.body.conversationId,
      author: { remoteId: 'jan@voorbeeld.test', email: 'jan@voorbeeld.test', displayName: 'Jan de Vries' },
      subject: 'Milieupark',
      text: 'Wanneer is het milieupark open op zaterdag?',
    });
    const rows = await t.app.db.selectFrom('inbound_items').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('203.0.113.77');
  });

  it('keeps a chat conversation together; an anonymous visitor gets one stable author per conversation', async () => {
    const first = await send(body({ kind: 'chat', name: undefined, email: undefined, subject: undefined, message: 'Hallo?', conversationId: 'conv_1234567890' }));
    const second = await send(body({ kind: 'chat', name: undefined, email: undefined, subject: undefined, message: 'Is er iemand?', conversationId: 'conv_1234567890' }));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.conversationId).toBe('conv_1234567890');
    const items = (await inbound()).map((i) => i.item);
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.threadRemoteId))).toEqual(new Set(['conv_1234567890']));
    expect(items[0].author.remoteId).toMatch(/^visitor:[0-9a-f]{24}$/);
    expect(items[1].author.remoteId).toBe(items[0].author.remoteId);
    expect(items.every((i) => i.kind === 'chat' && !i.author.email)).toBe(true);
  });

  it('answers the CORS preflight only for allowed websites', async () => {
    const pre = (origin: string) =>
      http.inject({ method: 'OPTIONS', url: `/api/public/webform/${key()}/messages`, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const ok = await pre(SITE);
    expect(ok.statusCode).toBe(204);
    expect(ok.headers).toMatchObject({ 'access-control-allow-origin': SITE, 'access-control-allow-methods': expect.stringContaining('POST'), 'access-control-allow-headers': 'content-type' });
    const evil = await pre('https://evil.test');
    expect(evil.statusCode).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses other websites (403) and unknown forms (404), saying what to do; nothing stored', async () => {
    for (const origin of ['https://evil.test', 'https://gemeente.test', 'null', null]) {
      const r = await send(body(), { origin });
      expect(r.status, String(origin)).toBe(403);
      expect(r.body.error.code).toBe('ERR_FORBIDDEN');
      expect(r.body.error.message).toMatch(/allowed websites in Regie/);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
    for (const k of ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'bad key!']) {
      const r = await send(body(), { key: encodeURIComponent(k) });
      expect(r.status).toBe(404);
      expect(r.body.error.message).toMatch(/not active/);
    }
    expect(await inbound()).toEqual([]);
  });

  it('answers bots like a success but stores nothing: honeypot filled, or sent within 2 s', async () => {
    const trapped = await send(body({ website: 'https://cheap-pills.test' }));
    expect(trapped.status).toBe(200);
    expect(trapped.body).toMatchObject({ ok: true });
    const fast = await send(body({ startedAt: t.clock.now().getTime() - 500 }));
    expect(fast.status).toBe(200);
    expect(fast.body).toMatchObject({ ok: true });
    expect(await inbound()).toEqual([]);
  });

  it('rate-limits a visitor (5 forms per 10 minutes) with a clear message; others and later are fine', async () => {
    for (let i = 0; i < 5; i++) expect((await send(body({ message: `Vraag ${i}` }))).status).toBe(201);
    const limited = await send(body({ message: 'Vraag 6' }));
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'ERR_TOO_MANY_ATTEMPTS', message: expect.stringMatching(/Wait 10 minutes and send again/) });
    expect(limited.headers['retry-after']).toBe('600');
    expect(limited.headers['access-control-allow-origin']).toBe(SITE);
    expect((await send(body({ message: 'Van een buurman' }), { ip: '198.51.100.99' })).status).toBe(201);
    t.clock.advance(10 * 60_000 + 1000);
    expect((await send(body({ message: 'Later nog een vraag' }))).status).toBe(201);
    expect(await inbound()).toHaveLength(7);
  });

  it('refuses oversized and malformed messages with errors that name the field and never echo the input', async () => {
    const long = await send(body({ message: 'x'.repeat(5001) }));
    expect(long.status).toBe(413);
    expect(long.body.error).toMatchObject({ code: 'ERR_PAYLOAD_TOO_LARGE', details: [{ path: 'message', message: 'too_long' }] });
    expect((await send(body({ name: 'n'.repeat(70_000) }))).status).toBe(413);
    const huge = await send(body({ message: 'x'.repeat(300_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('ERR_PAYLOAD_TOO_LARGE');
    const email = await send(body({ email: 'niet-een-adres<script>' }));
    expect(email.status).toBe(400);
    expect(email.body.error.details).toEqual([{ path: 'email', message: 'invalid' }]);
    expect(email.text).not.toContain('<script>');
    expect((await send('{"kind":', {})).status).toBe(400);
    expect((await send('kind=form', { type: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await send(body({ startedAt: undefined }))).body.error.details).toEqual([{ path: 'startedAt', message: 'required' }]);
    expect(await inbound()).toEqual([]);
  });

  it('stores HTML as the plain text it was typed as', async () => {
    const html = '<img src=x onerror="alert(1)"><b>Hoi</b> &amp; doei';
    expect((await send(body({ message: html, subject: 'Re:\r\nBcc: x@evil.test' }))).status).toBe(201);
    const [{ item }] = await inbound();
    expect(item.text).toBe(html);
    expect(item.html).toBeUndefined();
    expect(item.subject).toBe('Re: Bcc: x@evil.test');
  });

  it('a disconnected website channel refuses messages', async () => {
    expect((await owner.post(`/api/workspaces/${ws}/channels/${channel.id}/disconnect`, {})).status).toBe(200);
    const r = await send(body());
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('ERR_NOT_FOUND');
    expect(await inbound()).toEqual([]);
  });

  it('refuses to connect without valid websites', async () => {
    const none = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'webform', credentials: { name: 'Website' } });
    expect(none.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: [{ path: 'allowedOrigins' }] });
    const bad = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'webform', credentials: { allowedOrigins: 'http://www.gemeente.test' } });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.body.error.message).toMatch(/https:\/\/www\.gemeente\.nl/);
  });

  it('serves the widget script, cacheable for an hour', async () => {
    const r = await http.inject({ method: 'GET', url: '/widget.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=3600');
    expect(r.body).toContain('/api/public/webform/');
    expect(r.body).not.toMatch(/\beval\(|innerHTML|new Function/);
  });
});
