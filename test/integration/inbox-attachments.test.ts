import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundItem } from '../../src/connectors/types';
import { storeInbound } from '../../src/services/channels.service';
import type { Client } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script><img src=x onerror=alert(1)></body></html>');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]), Buffer.from('%%EOF\n')]);
const PDF_NAME = 'Brief aan de gemeente – één (2).pdf';

const email = (over: Partial<InboundItem> & Pick<InboundItem, 'remoteId' | 'threadRemoteId'>): InboundItem => ({
  kind: 'email',
  author: { remoteId: 'jan@voorbeeld.nl', email: 'jan@voorbeeld.nl', displayName: 'Jan Jansen' },
  subject: 'Bijlagen bij mijn bezwaar',
  text: 'Zie de bijlagen.',
  createdAt: '2026-11-29T10:00:00.000Z',
  ...over,
});

describe.skipIf(pgUnavailable())(`inbox: inbound attachments are kept and served as inert downloads (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  let messageId: string;
  let conversationId: string;
  const store = (ws: string, channelId: string, items: InboundItem[]) =>
    t.app.db.transaction().execute((q) => storeInbound(q, { workspace_id: ws, id: channelId }, items, t.clock.now().toISOString(), undefined, t.app));
  const attachmentUrl = (n: number | string, ws = w.ws, id = messageId) => `/api/workspaces/${ws}/inbox/messages/${id}/attachments/${n}`;
  /** The raw bytes of an answer (the JSON client would decode them as text). */
  const download = (client: Client, url: string) => t.http.inject({ method: 'GET', url, headers: client.cookie ? { cookie: client.cookie } : {} });
  const messageOf = (remoteId: string) => t.app.db.selectFrom('messages').select(['id', 'conversation_id', 'attachments']).where('remote_id', '=', remoteId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
    await store(w.ws, w.channel.id, [
      email({
        remoteId: '<bezwaar-1@voorbeeld.nl>',
        threadRemoteId: '<bezwaar-1@voorbeeld.nl>',
        attachments: [
          { name: 'factuur.html', mimeType: 'application/pdf', size: HTML.length, bytes: new Uint8Array(HTML) },
          { name: 'te-groot.zip', mimeType: 'application/zip', size: 30 * 1024 * 1024 },
          { name: 'leeg.txt', mimeType: 'text/plain', size: 0, bytes: new Uint8Array(0) },
          { name: `../../${PDF_NAME}`, mimeType: 'application/octet-stream', size: PDF.length, contentId: 'pdf@voorbeeld.nl', bytes: new Uint8Array(PDF) },
        ],
      }),
    ]);
    const m = await messageOf('<bezwaar-1@voorbeeld.nl>');
    messageId = m.id;
    conversationId = m.conversation_id;
  });
  afterAll(() => t?.close());

  it('records the stored attachments with their sniffed type; those without bytes, empty or too large are skipped', async () => {
    expect(JSON.parse((await messageOf('<bezwaar-1@voorbeeld.nl>')).attachments!)).toEqual([
      { name: 'factuur.html', mimeType: 'application/octet-stream', size: HTML.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), contentId: null },
      { name: PDF_NAME, mimeType: 'application/pdf', size: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), contentId: 'pdf@voorbeeld.nl' },
    ]);
  });

  it('lists them on the message in the conversation, for every role', async () => {
    const r = await w.viewer.client.get(`/api/workspaces/${w.ws}/inbox/conversations/${conversationId}`);
    expect(r.status).toBe(200);
    expect(r.body.messages).toHaveLength(1);
    expect(r.body.messages[0].attachments).toEqual([
      { index: 0, name: 'factuur.html', mimeType: 'application/octet-stream', size: HTML.length },
      { index: 1, name: PDF_NAME, mimeType: 'application/pdf', size: PDF.length },
    ]);
  });

  it('serves an HTML attachment as an inert download of exactly its bytes', async () => {
    const r = await download(w.viewer.client, attachmentUrl(0));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="factuur.html"; filename*=UTF-8''factuur.html`);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(r.headers['cache-control']).toBe('private');
    expect(Buffer.compare(r.rawPayload, HTML)).toBe(0);
  });

  it('serves a PDF with its sniffed type, its name in UTF-8, and exactly its bytes', async () => {
    const r = await download(w.owner, attachmentUrl(1));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="Brief aan de gemeente _ __n _2_.pdf"; filename*=UTF-8''Brief%20aan%20de%20gemeente%20%E2%80%93%20%C3%A9%C3%A9n%20%282%29.pdf`,
    );
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(Buffer.compare(r.rawPayload, PDF)).toBe(0);
  });

  it('answers 404 for another index, an unknown message, or a message of another workspace; 401 without a session', async () => {
    const missing = await w.owner.get(attachmentUrl(2));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ERR_NOT_FOUND');
    expect((await w.owner.get(attachmentUrl(0, w.ws, 'no-such-message'))).status).toBe(404);
    expect((await w.owner.get(attachmentUrl('x'))).status).toBe(404);
    expect((await w.owner.get(attachmentUrl('-1'))).status).toBe(404);
    const foreign = await w.foreignOwner.get(attachmentUrl(0, w.wsB));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual((await w.foreignOwner.get(attachmentUrl(0, w.wsB, 'no-such-message'))).body);
    expect((await w.owner.get(attachmentUrl(0, w.wsB))).status).toBe(404);
    const { Client } = await import('../support/client');
    expect((await new Client(t.http).get(attachmentUrl(0))).status).toBe(401);
  });

  it('keeps at most 20 per message; a duplicate delivery changes nothing', async () => {
    const many = Array.from({ length: 22 }, (_, i) => ({ name: `foto-${i}.txt`, mimeType: 'text/plain', size: 2, bytes: new Uint8Array(Buffer.from(`${i}`.padStart(2, '0'))) }));
    await store(w.ws, w.channel.id, [email({ remoteId: '<veel@voorbeeld.nl>', threadRemoteId: '<veel@voorbeeld.nl>', attachments: many })]);
    const kept = JSON.parse((await messageOf('<veel@voorbeeld.nl>')).attachments!) as Array<{ name: string }>;
    expect(kept.map((a) => a.name)).toEqual(many.slice(0, 20).map((a) => a.name));
    await store(w.ws, w.channel.id, [email({ remoteId: '<veel@voorbeeld.nl>', threadRemoteId: '<veel@voorbeeld.nl>', attachments: many.slice(0, 1) })]);
    expect(JSON.parse((await messageOf('<veel@voorbeeld.nl>')).attachments!)).toHaveLength(20);
  });

  it('files the message even when storing the bytes fails, without attachments', async () => {
    writeFileSync(join(t.dataDir, 'media', w.wsB), 'not a folder');
    const n = await store(w.wsB, w.foreignChannel.id, [email({ remoteId: '<kapot@voorbeeld.nl>', threadRemoteId: '<kapot@voorbeeld.nl>', attachments: [{ name: 'a.pdf', mimeType: 'application/pdf', size: PDF.length, bytes: new Uint8Array(PDF) }] })]);
    expect(n).toBe(1);
    const m = await messageOf('<kapot@voorbeeld.nl>');
    expect(m.attachments ?? null).toBeNull();
    expect((await w.foreignOwner.get(attachmentUrl(0, w.wsB, m.id))).status).toBe(404);
  });

  it('answers 404 when the file went missing from storage', async () => {
    const [{ sha256 }] = JSON.parse((await messageOf('<bezwaar-1@voorbeeld.nl>')).attachments!) as Array<{ sha256: string }>;
    rmSync(join(t.dataDir, 'media', w.ws, sha256));
    expect((await w.owner.get(attachmentUrl(0))).status).toBe(404);
    expect((await download(w.owner, attachmentUrl(1))).statusCode).toBe(200);
  });
});
