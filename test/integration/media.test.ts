import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, OutboundVariant } from '../../src/connectors/types';
import { claimDue } from '../../src/db/repos/dispatch.repo';
import { dispatchVariant, type DispatchOutcome } from '../../src/services/gate.service';
import { mediaToken, publicMediaUrl } from '../../src/services/media-links';
import type { Client } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** A PNG signature followed by `size` bytes in all: enough to be taken for a PNG, as large as wanted. */
const bigPng = (size: number) => Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(size - 16)]);
const sha256 = async (b: Buffer) => (await import('node:crypto')).createHash('sha256').update(b).digest('hex');

/** Runs the worker's loop by hand until nothing is due: claim, then the gate, for each. */
async function drain(t: TestApp, worker = 'w-media'): Promise<DispatchOutcome[]> {
  const out: DispatchOutcome[] = [];
  for (let round = 0; round < 20; round++) {
    const now = t.clock.now();
    const claimed = await t.app.db.transaction().execute((q) => claimDue(q, t.app.dialect, worker, now.toISOString(), new Date(now.getTime() + 60_000).toISOString(), 100));
    if (claimed.length === 0) break;
    for (const c of claimed) out.push(await dispatchVariant(t.app, c.id, worker));
  }
  return out;
}

describe.skipIf(pgUnavailable())(`media: upload, serve, and out through the gate (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  const sent: OutboundVariant[] = [];

  /** Uploads raw bytes as `c`, the way the composer does (file type in content-type, name in x-file-name). */
  async function upload(c: Client, ws: string, body: Buffer, contentType: string, name = 'foto.png') {
    const r = await t.http.inject({
      method: 'POST',
      url: `/api/workspaces/${ws}/media`,
      headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': contentType, 'x-file-name': encodeURIComponent(name) },
      payload: body,
    });
    return { status: r.statusCode, body: r.json(), headers: r.headers };
  }
  const get = (c: Client | null, url: string, headers: Record<string, string> = {}) => t.http.inject({ method: 'GET', url, headers: { ...(c ? { cookie: c.cookie! } : {}), ...headers } });
  const mediaDir = () => join(t.dataDir, 'media', w.ws);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
    // The sandbox, recording what the gate hands it.
    t.app.connectors = t.app.connectors.map((c): Connector => (c.kind !== 'sandbox' ? c : { ...c, publish: async (ctx, v) => (sent.push(v), c.publish!(ctx, v)) }));
  });
  afterAll(() => t?.close());

  it('stores a PNG under its hash, with a row and an audit record', async () => {
    const r = await upload(w.owner, w.ws, PNG, 'image/png', 'Stadhuis.png');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'image', mimeType: 'image/png', size: PNG.length, fileName: 'Stadhuis.png', url: `/api/workspaces/${w.ws}/media/${r.body.id}` });
    const row = await t.app.db.selectFrom('media').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ workspace_id: w.ws, sha256: await sha256(PNG), created_by: w.ownerId, kind: 'image' });
    expect(existsSync(join(mediaDir(), row.sha256))).toBe(true);
    expect(readdirSync(mediaDir()).filter((f) => f.startsWith('.upload-'))).toEqual([]);
    const audit = await t.app.db.selectFrom('audit_records').selectAll().where('action', '=', 'media.uploaded').where('object_id', '=', r.body.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].summary)).toEqual({ fileName: 'Stadhuis.png', mimeType: 'image/png', size: PNG.length, sha256: row.sha256 });
  });

  it('believes the first bytes, not the content-type or the name', async () => {
    const r = await upload(w.editor.client, w.ws, PNG, 'image/jpeg', 'eigenlijk.jpg');
    expect(r.status).toBe(201);
    expect(r.body.mimeType).toBe('image/png');
    const served = await get(w.viewer.client, r.body.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('refuses SVG, HTML (even sent as a PNG) and empty files, saying what is allowed; nothing is kept', async () => {
    const before = await t.app.db.selectFrom('media').select('id').execute();
    const svg = await upload(w.owner, w.ws, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'image/svg+xml', 'logo.svg');
    expect(svg.status).toBe(415);
    expect(svg.body.error.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    expect(svg.body.error.message).toMatch(/JPEG, PNG, GIF or WebP images, MP4 video and PDF documents/);
    expect(svg.body.error.details.allowed).toEqual(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'application/pdf']);
    const html = await upload(w.owner, w.ws, Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'image/png', 'foto.png');
    expect(html.status).toBe(415);
    expect(html.body.error.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    const empty = await upload(w.owner, w.ws, Buffer.alloc(0), 'image/png');
    expect(empty.status).toBe(400);
    expect(await t.app.db.selectFrom('media').select('id').execute()).toHaveLength(before.length);
    expect(readdirSync(mediaDir()).filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });

  it('refuses an image over 8 MB with the limits in the message, and keeps no part of it', async () => {
    const r = await upload(w.owner, w.ws, bigPng(8 * 1024 * 1024 + 1), 'image/png', 'groot.png');
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('ERR_PAYLOAD_TOO_LARGE');
    expect(r.body.error.message).toBe('An image may be at most 8 MB (images 8 MB, video 50 MB, PDF 20 MB); this file is larger.');
    expect(r.body.error.details).toMatchObject({ kind: 'image', maxBytes: 8 * 1024 * 1024 });
    expect(readdirSync(mediaDir()).filter((f) => f.startsWith('.upload-'))).toEqual([]);
    // Exactly 8 MB is allowed.
    expect((await upload(w.owner, w.ws, bigPng(8 * 1024 * 1024), 'image/png', 'precies.png')).status).toBe(201);
  });

  it('serves the bytes inert: recorded type, nosniff, sanitised inline name, private cache, no scripts; 304 on its ETag', async () => {
    const up = await upload(w.owner, w.ws, PNG, 'image/png', '../map/Stadhuis "nieuw"\u0007.png');
    expect(up.body.fileName).toBe('Stadhuis nieuw.png');
    const r = await get(w.viewer.client, up.body.url);
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(PNG)).toBe(true);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.headers['content-length']).toBe(String(PNG.length));
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-disposition']).toBe(`inline; filename="Stadhuis nieuw.png"; filename*=UTF-8''Stadhuis%20nieuw.png`);
    expect(r.headers['cache-control']).toBe('private, max-age=3600');
    expect(r.headers['content-security-policy']).toBe("default-src 'none'");
    const again = await get(w.viewer.client, up.body.url, { 'if-none-match': String(r.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('is invisible to other workspaces and closed to roles that may not write briefs or posts', async () => {
    const up = await upload(w.owner, w.ws, PNG, 'image/png');
    const foreign = await get(w.foreignOwner, `/api/workspaces/${w.wsB}/media/${up.body.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('ERR_NOT_FOUND');
    expect((await get(w.foreignOwner, up.body.url)).statusCode).toBe(404);
    expect((await get(null, up.body.url)).statusCode).toBe(401);
    expect((await get(w.owner, `/api/workspaces/${w.ws}/media/01a00000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    const viewer = await upload(w.viewer.client, w.ws, PNG, 'image/png');
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('ERR_FORBIDDEN');
    const intruder = await upload(w.foreignOwner, w.ws, PNG, 'image/png');
    expect(intruder.status).toBe(404);
    // A foreign workspace's file named in a post is not found there: the checks say so.
    const theirs = await upload(w.foreignOwner, w.wsB, PNG, 'image/png');
    const preview = await w.owner.post(`/api/workspaces/${w.ws}/posts/preview`, { content: { title: 'x', core: 'Kijk', media: [{ mediaId: theirs.body.id, altText: 'x' }], variants: [{ channelId: w.channel.id, parts: ['Kijk'] }] } });
    expect(preview.body.variants[0].validation.map((v: { code: string }) => v.code)).toEqual(['media_missing']);
    expect(preview.body.variants[0].parts[0].media).toBeUndefined();
  });

  it('has a public address that works without a session, cannot be altered and ends after 24 hours', async () => {
    const up = await upload(w.owner, w.ws, PNG, 'image/png');
    const url = publicMediaUrl(t.app, w.ws, up.body.id, t.clock.now());
    expect(url.startsWith(`${t.app.config.publicUrl}/media/public/`)).toBe(true);
    const path = url.slice(t.app.config.publicUrl.length);
    const r = await get(null, path);
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(PNG)).toBe(true);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const [id, exp, sig] = path.split('/').pop()!.split('.');
    expect(id).toBe(up.body.id);
    const other = await upload(w.owner, w.ws, bigPng(100), 'image/png');
    for (const bad of [`${other.body.id}.${exp}.${sig}`, `${id}.${Number(exp) + 3600}.${sig}`, `${id}.${exp}.${sig.slice(0, -2)}`, `${id}.${exp}`, 'x']) {
      expect((await get(null, `/media/public/${bad}`)).statusCode, bad).toBe(404);
    }
    // A token signed for another workspace does not open this workspace's file.
    expect((await get(null, `/media/public/${mediaToken(t.app, w.wsB, id, Number(exp))}`)).statusCode).toBe(404);
    t.clock.advance(24 * 3600 * 1000 + 1000);
    expect((await get(null, path)).statusCode).toBe(404);
  });

  it('shows media and their problems in the preview: missing alt text, a file too large for the channel', async () => {
    const small = await upload(w.owner, w.ws, PNG, 'image/png');
    const large = await upload(w.owner, w.ws, bigPng(6_000_000), 'image/png', 'groot.png');
    const content = (media: unknown[]) => ({ content: { title: 'x', core: 'Kijk', media, variants: [{ channelId: w.channel.id, parts: ['Kijk'] }] } });
    const noAlt = (await w.owner.post(`/api/workspaces/${w.ws}/posts/preview`, content([{ mediaId: small.body.id, altText: '  ' }]))).body.variants[0];
    expect(noAlt.parts[0].media).toEqual([{ mediaId: small.body.id, kind: 'image', mimeType: 'image/png', altText: '' }]);
    expect(noAlt.validation.map((v: { code: string; severity: string }) => [v.code, v.severity])).toEqual([['alt_text_missing', 'warning']]);
    const tooLarge = (await w.owner.post(`/api/workspaces/${w.ws}/posts/preview`, content([{ mediaId: large.body.id, altText: 'Groot' }]))).body.variants[0];
    expect(tooLarge.validation.map((v: { code: string }) => v.code)).toEqual(['media_too_large']);
    const five = Array.from({ length: 5 }, () => ({ mediaId: small.body.id, altText: 'Plein' }));
    expect((await w.owner.post(`/api/workspaces/${w.ws}/posts/preview`, content(five))).body.variants[0].validation.map((v: { code: string }) => v.code)).toEqual(['too_many_media']);
  });

  it('a post with an image goes out through the gate with the bytes, type, alt text and public address', async () => {
    const up = await upload(w.owner, w.ws, PNG, 'image/png', 'markt.png');
    const created = await w.owner.post(`/api/workspaces/${w.ws}/posts`, { content: { title: 'Markt', core: 'De markt is vernieuwd.', media: [{ mediaId: up.body.id, altText: 'Het vernieuwde marktplein met bomen' }], variants: [{ channelId: w.channel.id, parts: ['De markt is vernieuwd.'] }] } });
    expect(created.status).toBe(201);
    const scheduled = await w.owner.post(`/api/workspaces/${w.ws}/posts/${created.body.id}/schedule`, { version: 1, at: null });
    expect(scheduled.status, scheduled.text).toBe(200);
    sent.length = 0;
    expect(await drain(t)).toEqual(['published']);
    expect(sent).toHaveLength(1);
    const media = sent[0].parts[0].media!;
    expect(media).toHaveLength(1);
    expect(Buffer.from(media[0].bytes).equals(PNG)).toBe(true);
    expect(media[0]).toMatchObject({ kind: 'image', mimeType: 'image/png', altText: 'Het vernieuwde marktplein met bomen' });
    const publicUrl = (media[0] as { publicUrl?: string }).publicUrl!;
    expect(publicUrl.startsWith(`${t.app.config.publicUrl}/media/public/${up.body.id}.`)).toBe(true);
    expect(Object.keys(media[0]).sort()).toEqual(['altText', 'bytes', 'kind', 'mimeType', 'publicUrl']);
    expect((await get(null, publicUrl.slice(t.app.config.publicUrl.length))).statusCode).toBe(200);
  });

  it('a file lost from storage fails the variant with that reason, and nothing is sent', async () => {
    const bytes = bigPng(64);
    const up = await upload(w.owner, w.ws, bytes, 'image/png', 'kwijt.png');
    const created = await w.owner.post(`/api/workspaces/${w.ws}/posts`, { content: { title: 'Kwijt', core: 'Foto volgt.', media: [{ mediaId: up.body.id, altText: 'Foto' }], variants: [{ channelId: w.channel.id, parts: ['Foto volgt.'] }] } });
    expect((await w.owner.post(`/api/workspaces/${w.ws}/posts/${created.body.id}/schedule`, { version: 1, at: null })).status).toBe(200);
    rmSync(join(mediaDir(), await sha256(bytes)));
    sent.length = 0;
    expect(await drain(t)).toEqual(['failed']);
    expect(sent).toEqual([]);
    const post = (await w.owner.get(`/api/workspaces/${w.ws}/posts/${created.body.id}`)).body;
    expect(post.variants[0].state).toBe('failed');
    expect(post.variants[0].reasonText).toContain('kwijt.png');
    expect(post.variants[0].attempts[0].outcome).toBe('failed');
  });
});
