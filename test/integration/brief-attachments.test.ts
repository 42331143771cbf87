import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** A small PDF: only its first bytes matter to Regie. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A PDF header followed by `size` bytes in all. */
const bigPdf = (size: number) => Buffer.concat([PDF.subarray(0, 16), Buffer.alloc(size - 16)]);
const MB = 1024 * 1024;

describe.skipIf(pgUnavailable())(`brief attachments: PDF documents as media, on briefs, never on posts (${testDb()})`, () => {
  let t: TestApp;
  let w: World;

  async function upload(c: Client, ws: string, body: Buffer, contentType: string, name: string) {
    const r = await t.http.inject({
      method: 'POST',
      url: `/api/workspaces/${ws}/media`,
      headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': contentType, 'x-file-name': encodeURIComponent(name) },
      payload: body,
    });
    return { status: r.statusCode, body: r.json() };
  }
  const briefs = (c: Client = w.owner) => ({
    create: (body: Record<string, unknown>) => c.post(`/api/workspaces/${w.ws}/briefs`, body),
    update: (id: string, body: Record<string, unknown>) => c.req('PUT', `/api/workspaces/${w.ws}/briefs/${id}`, body),
    get: (id: string) => c.get(`/api/workspaces/${w.ws}/briefs/${id}`),
  });
  const auditOf = async (action: string, objectId: string) =>
    (await t.app.db.selectFrom('audit_records').select('summary').where('action', '=', action).where('object_id', '=', objectId).execute()).map((r) => JSON.parse(r.summary as string));
  const briefCount = async () => (await t.app.db.selectFrom('briefs').select('id').execute()).length;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
  });
  afterAll(() => t?.close());

  it('takes a PDF as a document (by its first bytes) and serves it only as a download; images stay inline', async () => {
    const pdf = await upload(w.owner, w.ws, PDF, 'image/png', 'Communicatieplan 2026.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ kind: 'document', mimeType: 'application/pdf', size: PDF.length, fileName: 'Communicatieplan 2026.pdf' });
    const row = await t.app.db.selectFrom('media').selectAll().where('id', '=', pdf.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'document', mime_type: 'application/pdf' });
    const served = await t.http.inject({ method: 'GET', url: pdf.body.url, headers: { cookie: w.viewer.client.cookie! } });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PDF)).toBe(true);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(`attachment; filename="Communicatieplan 2026.pdf"; filename*=UTF-8''Communicatieplan%202026.pdf`);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'");
    const png = await upload(w.owner, w.ws, PNG, 'image/png', 'plein.png');
    const image = await t.http.inject({ method: 'GET', url: png.body.url, headers: { cookie: w.viewer.client.cookie! } });
    expect(image.headers['content-disposition']).toBe(`inline; filename="plein.png"; filename*=UTF-8''plein.png`);
  });

  it('refuses a PDF over 20 MB with the limits in the message; exactly 20 MB is allowed', async () => {
    const big = await upload(w.owner, w.ws, bigPdf(20 * MB + 1), 'application/pdf', 'groot.pdf');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('ERR_PAYLOAD_TOO_LARGE');
    expect(big.body.error.message).toBe('A PDF document may be at most 20 MB (images 8 MB, video 50 MB, PDF 20 MB); this file is larger.');
    expect(big.body.error.details).toMatchObject({ kind: 'document', maxBytes: 20 * MB });
    expect((await upload(w.owner, w.ws, bigPdf(20 * MB), 'application/pdf', 'precies.pdf')).status).toBe(201);
  });

  it('still refuses a file that only pretends to be a PDF, saying PDF is allowed', async () => {
    const fake = await upload(w.owner, w.ws, Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf', 'plan.pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    expect(fake.body.error.details.allowed).toContain('application/pdf');
  });

  it('lets everyone who writes briefs upload (the webcare agent too), but not a viewer', async () => {
    expect((await upload(w.webcare.client, w.ws, PDF, 'application/pdf', 'webcare.pdf')).status).toBe(201);
    const viewer = await upload(w.viewer.client, w.ws, PDF, 'application/pdf', 'viewer.pdf');
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('ERR_FORBIDDEN');
  });

  it('a brief lists its attachments with kind, type and size, on the page and on the board, and the audit counts them', async () => {
    const pdf = (await upload(w.contributor.client, w.ws, PDF, 'application/pdf', 'Plan.pdf')).body;
    const png = (await upload(w.contributor.client, w.ws, PNG, 'image/png', 'Stadhuis.png')).body;
    const created = await briefs(w.contributor.client).create({
      title: 'Nieuwe openingstijden',
      attachments: [
        { mediaId: pdf.id, name: 'Openingstijden 2026.pdf' },
        { mediaId: png.id, name: '' },
        { mediaId: pdf.id, name: 'Nog eens.pdf' },
      ],
    });
    expect(created.status, created.text).toBe(201);
    const expected = [
      { mediaId: pdf.id, name: 'Openingstijden 2026.pdf', kind: 'document', mimeType: 'application/pdf', size: PDF.length },
      { mediaId: png.id, name: 'Stadhuis.png', kind: 'image', mimeType: 'image/png', size: PNG.length },
    ];
    expect(created.body.attachments).toEqual(expected);
    expect((await briefs().get(created.body.id)).body.attachments).toEqual(expected);
    const board = (await w.viewer.client.get(`/api/workspaces/${w.ws}/briefs`)).body.items;
    expect(board.find((b: { id: string }) => b.id === created.body.id).attachments).toEqual(expected);
    expect(await auditOf('brief.created', created.body.id)).toEqual([{ title: 'Nieuwe openingstijden', attachments: 2 }]);

    const edited = await briefs(w.contributor.client).update(created.body.id, { title: 'Nieuwe openingstijden', attachments: [{ mediaId: png.id, name: '../Foto\u0007 "stadhuis".png' }] });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.attachments).toEqual([{ mediaId: png.id, name: 'Foto stadhuis.png', kind: 'image', mimeType: 'image/png', size: PNG.length }]);
    expect(await auditOf('brief.edited', created.body.id)).toEqual([{ title: 'Nieuwe openingstijden', attachments: 1 }]);

    const cleared = await briefs(w.contributor.client).update(created.body.id, { title: 'Nieuwe openingstijden' });
    expect(cleared.body.attachments).toEqual([]);
  });

  it('reads a brief written before attachments existed (null) as having none', async () => {
    const b = (await briefs().create({ title: 'Oud' })).body;
    expect(b.attachments).toEqual([]);
    await t.app.db.updateTable('briefs').set({ attachments: null }).where('id', '=', b.id).execute();
    expect((await briefs().get(b.id)).body.attachments).toEqual([]);
    expect((await w.owner.get(`/api/workspaces/${w.ws}/briefs`)).body.items.find((x: { id: string }) => x.id === b.id).attachments).toEqual([]);
  });

  it('refuses an attachment from another workspace or an unknown file, naming it, and stores nothing', async () => {
    const theirs = (await upload(w.foreignOwner, w.wsB, PDF, 'application/pdf', 'Geheim.pdf')).body;
    const mine = (await upload(w.owner, w.ws, PDF, 'application/pdf', 'Eigen.pdf')).body;
    const before = await briefCount();
    const foreign = await briefs().create({ title: 'Met vreemde bijlage', attachments: [{ mediaId: mine.id, name: 'Eigen.pdf' }, { mediaId: theirs.id, name: 'Geheim.pdf' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('ERR_VALIDATION');
    expect(foreign.body.error.message).toBe('The attachment “Geheim.pdf” is not a file in this workspace. Upload it again, or remove it from the brief.');
    expect(foreign.body.error.details).toEqual([{ path: 'attachments.1.mediaId', message: '“Geheim.pdf” is not a file in this workspace' }]);
    const unknown = await briefs().create({ title: 'Met onbekende bijlage', attachments: [{ mediaId: '01a00000-0000-7000-8000-000000000000', name: 'Weg.pdf' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'attachments.0.mediaId', message: '“Weg.pdf” is not a file in this workspace' }]);
    expect(await briefCount()).toBe(before);

    const b = (await briefs().create({ title: 'Goed', attachments: [{ mediaId: mine.id, name: 'Eigen.pdf' }] })).body;
    const edit = await briefs().update(b.id, { title: 'Goed', attachments: [{ mediaId: theirs.id, name: 'Geheim.pdf' }] });
    expect(edit.status).toBe(400);
    expect(edit.body.error.code).toBe('ERR_VALIDATION');
    expect((await briefs().get(b.id)).body.attachments.map((a: { mediaId: string }) => a.mediaId)).toEqual([mine.id]);
  });

  it('refuses more than 20 attachments and a name over 200 characters', async () => {
    const pdf = (await upload(w.owner, w.ws, PDF, 'application/pdf', 'x.pdf')).body;
    const many = await briefs().create({ title: 'Veel', attachments: Array.from({ length: 21 }, () => ({ mediaId: pdf.id, name: 'x.pdf' })) });
    expect(many.status).toBe(400);
    expect(many.body.error.code).toBe('ERR_VALIDATION');
    const long = await briefs().create({ title: 'Lang', attachments: [{ mediaId: pdf.id, name: 'a'.repeat(201) }] });
    expect(long.status).toBe(400);
  });

  it('a post naming a document is refused, on writing and on changing it; images still go', async () => {
    const pdf = (await upload(w.owner, w.ws, PDF, 'application/pdf', 'Folder.pdf')).body;
    const png = (await upload(w.owner, w.ws, PNG, 'image/png', 'foto.png')).body;
    const content = (media: unknown[]) => ({ content: { title: 'Folder', core: 'Lees de folder', media, variants: [{ channelId: w.channel.id, parts: ['Lees de folder'] }] } });
    const postsBefore = (await t.app.db.selectFrom('posts').select('id').execute()).length;
    const refused = await w.owner.post(`/api/workspaces/${w.ws}/posts`, content([{ mediaId: png.id, altText: 'Foto' }, { mediaId: pdf.id, altText: 'Folder' }]));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('ERR_VALIDATION');
    expect(refused.body.error.message).toBe('“Folder.pdf” is a document; a post carries only images and video. Attach documents to a brief instead.');
    expect(refused.body.error.details).toEqual([{ path: 'content.media.1.mediaId', message: 'Folder.pdf is a document, not an image or video' }]);
    expect((await t.app.db.selectFrom('posts').select('id').execute()).length).toBe(postsBefore);

    const ok = await w.owner.post(`/api/workspaces/${w.ws}/posts`, content([{ mediaId: png.id, altText: 'Foto' }]));
    expect(ok.status, ok.text).toBe(201);
    const edit = await w.owner.req('PUT', `/api/workspaces/${w.ws}/posts/${ok.body.id}`, { ...content([{ mediaId: pdf.id, altText: 'Folder' }]), expectedVersion: 1 });
    expect(edit.status).toBe(400);
    expect(edit.body.error.code).toBe('ERR_VALIDATION');
    expect(edit.body.error.details).toEqual([{ path: 'content.media.0.mediaId', message: 'Folder.pdf is a document, not an image or video' }]);
    expect((await w.owner.get(`/api/workspaces/${w.ws}/posts/${ok.body.id}`)).body.version).toBe(1);

    // The preview does not hand a document to the channel: it is missing for the post's media.
    const preview = await w.owner.post(`/api/workspaces/${w.ws}/posts/preview`, content([{ mediaId: pdf.id, altText: 'Folder' }]));
    expect(preview.body.variants[0].validation.map((v: { code: string }) => v.code)).toEqual(['media_missing']);
  });
});
