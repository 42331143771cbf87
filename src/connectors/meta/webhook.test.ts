import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import { facebookConnector } from '../facebook/facebook.connector';
import { instagramConnector } from '../instagram/instagram.connector';
import type { Connector, WebhookRequest } from '../types';
import { whatsappConnector } from '../whatsapp/whatsapp.connector';
import { validMetaSignature, verifyMetaWebhook } from './webhook';

const VECTORS = fileURLToPath(new URL('../../../../shared/specs/webhook-vectors.json', import.meta.url));
const haveVectors = existsSync(VECTORS);
if (!haveVectors) {
  if (process.env.CI === 'true') throw new Error(`CI: webhook vectors missing at ${VECTORS}`);
  console.warn(`\n[meta webhooks] ${VECTORS} not found: the shared-vector tests are SKIPPED locally.\n`);
}

interface Vector { name: string; secret: string; body?: string; headers?: Record<string, string>; valid: boolean }
const vectors: Vector[] = haveVectors ? (JSON.parse(readFileSync(VECTORS, 'utf8')) as Vector[]).filter((v) => /^(meta|whatsapp)-/.test(v.name)) : [];

const byObject: Record<string, Connector> = { page: facebookConnector, instagram: instagramConnector, whatsapp_business_account: whatsappConnector };
const post = (body: string | Buffer, headers: Record<string, string | undefined>): WebhookRequest => ({ method: 'POST', rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), headers, query: {} });
const sign = (secret: string, body: string | Buffer) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function rejection(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectorError);
    return e as ConnectorError;
  }
  throw new Error('expected a rejection');
}

describe('Meta webhook vectors (shared/specs/webhook-vectors.json)', () => {
  it.runIf(haveVectors)('covers every Meta and WhatsApp vector', () => {
    expect(vectors.length).toBe(8);
  });
  for (const v of vectors) {
    it.runIf(haveVectors)(`${v.name}: ${v.valid ? 'verifies and parses' : 'is refused with 401'}`, () => {
      const object = (v.body!.match(/"object":"([a-z_]+)"/) ?? [])[1];
      const connector = byObject[object];
      const req = post(v.body!, v.headers ?? {});
      const secrets = { appSecret: v.secret, verifyToken: 'unused' };
      if (v.valid) {
        const r = connector.verifyAndParseWebhook!(req, secrets);
        expect(r.kind).toBe('items');
        if (r.kind === 'items') expect(r.items.length + (r.statuses?.length ?? 0)).toBeGreaterThan(0);
      } else {
        const e = rejection(() => connector.verifyAndParseWebhook!(req, secrets));
        expect(e.failure).toBe('rejected');
        expect(e.details.status).toBe(401);
        expect(e.message).not.toContain(v.body!.slice(0, 20));
      }
    });
  }
  it.runIf(haveVectors)('the escaped-unicode Instagram comment keeps its text after verification', () => {
    const v = vectors.find((x) => x.name === 'meta-instagram-comment-escaped-unicode')!;
    const r = instagramConnector.verifyAndParseWebhook!(post(v.body!, v.headers!), { appSecret: v.secret, verifyToken: 'x' });
    expect(r.kind === 'items' && r.items[0].item.text).toBe('äöå 👍');
  });
});

describe('Meta webhook signature (self-made cases)', () => {
  const secret = 's3cret';
  const body = '{"object":"page","entry":[]}';
  it('accepts the right signature over the raw bytes, in either hex case, with any header casing', () => {
    expect(validMetaSignature(Buffer.from(body), sign(secret, body), secret)).toBe(true);
    expect(validMetaSignature(Buffer.from(body), sign(secret, body).toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(true);
    expect(verifyMetaWebhook(post(body, { 'X-HUB-SIGNATURE-256': sign(secret, body) }), { appSecret: secret, verifyToken: 'v' }).kind).toBe('event');
  });
  it('refuses missing, sha1-only, truncated and empty-secret signatures with 401 before parsing', () => {
    const notJson = 'not json at all';
    for (const headers of [{}, { 'x-hub-signature': 'sha1=abc' }, { 'x-hub-signature-256': sign(secret, notJson).slice(0, 40) }, { 'x-hub-signature-256': 'sha256=' }]) {
      const e = rejection(() => verifyMetaWebhook(post(notJson, headers), { appSecret: secret, verifyToken: 'v' }));
      expect(e.details.status).toBe(401);
    }
    const e = rejection(() => verifyMetaWebhook(post(body, { 'x-hub-signature-256': sign('', body) }), { appSecret: '', verifyToken: 'v' }));
    expect(e.details.status).toBe(401);
  });
  it('refuses a signed body that is not a Meta envelope with 400', () => {
    for (const b of ['not json', '[]', '{"object":"page"}']) {
      const e = rejection(() => verifyMetaWebhook(post(b, { 'x-hub-signature-256': sign(secret, b) }), { appSecret: secret, verifyToken: 'v' }));
      expect(e.details.status).toBe(400);
    }
  });
  it('ignores a verified body for another Meta product (each product has its own route)', () => {
    const r = facebookConnector.verifyAndParseWebhook!(post('{"object":"instagram","entry":[{"id":"1","changes":[]}]}', { 'x-hub-signature-256': sign(secret, '{"object":"instagram","entry":[{"id":"1","changes":[]}]}') }), { appSecret: secret, verifyToken: 'v' });
    expect(r).toEqual({ kind: 'items', items: [] });
  });
});

describe('Meta webhook subscription handshake', () => {
  const get = (query: Record<string, string>): WebhookRequest => ({ method: 'GET', rawBody: Buffer.alloc(0), headers: {}, query });
  const secrets = { appSecret: 'a', verifyToken: 'my-verify-token' };
  it('echoes the challenge as text/plain when the verify token matches', () => {
    for (const c of [facebookConnector, instagramConnector, whatsappConnector]) {
      expect(c.verifyAndParseWebhook!(get({ 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '1158201444' }), secrets)).toEqual({ kind: 'challenge', status: 200, body: '1158201444', contentType: 'text/plain' });
    }
  });
  it('refuses a wrong token, a wrong mode, a missing or markup challenge, and an unconfigured token with 403', () => {
    const cases: Array<Record<string, string>> = [
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token' },
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '<script>alert(1)</script>' },
    ];
    for (const q of cases) expect(rejection(() => verifyMetaWebhook(get(q), secrets)).details.status).toBe(403);
    expect(rejection(() => verifyMetaWebhook(get({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }), { appSecret: 'a', verifyToken: '' })).details.status).toBe(403);
  });
  it('refuses other methods with 405', () => {
    expect(rejection(() => verifyMetaWebhook({ method: 'PUT', rawBody: Buffer.alloc(0), headers: {}, query: {} }, secrets)).details.status).toBe(405);
  });
});
