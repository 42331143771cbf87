import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { facebookConnector } from '../../src/connectors/facebook/facebook.connector';
import { requireWorkspace } from '../../src/services/access.service';
import { storeChannel } from '../../src/services/channels.service';
import { setupOwner } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';

const VECTORS = join(process.cwd(), '../shared/specs/webhook-vectors.json');
const vectors: Array<{ name: string; secret: string; body: string; headers: Record<string, string>; valid: boolean }> = existsSync(VECTORS)
  ? JSON.parse(readFileSync(VECTORS, 'utf8'))
  : [];
if (!vectors.length && process.env.CI === 'true') throw new Error(`CI: ${VECTORS} is required`);

describe.skipIf(pgUnavailable() || !vectors.length)(`webhooks: signed, durable before acknowledged, deduplicated (${testDb()})`, () => {
  let t: TestApp;
  const feed = vectors.find((v) => v.name === 'meta-page-feed-comment')!;
  beforeEach(async () => {
    t = await createTestApp({ META_APP_ID: '1', META_APP_SECRET: feed.secret, META_WEBHOOK_VERIFY_TOKEN: 'regie-verify' });
    const { ws, ownerId } = await setupOwner(t.http);
    const actor = { userId: ownerId, name: 'Olga', email: 'owner@gemeente.nl', locale: null, isAdmin: true, sessionId: null, tokenId: null, csrf: null, ip: null, userAgent: null };
    const scope = await requireWorkspace(t.app, actor, ws, 'channels.manage');
    // The Page of the vector, as if connected through Meta's sign-in and account choice.
    await storeChannel(t.app, actor, scope, facebookConnector, 'Facebook-pagina', {
      credentials: { pageAccessToken: 'x' },
      account: { remoteId: '102030405060708', handle: 'gemeentevoorbeeld', displayName: 'Gemeente Voorbeeld' },
    });
  });
  afterEach(() => t?.close());

  const post = (body: string, headers: Record<string, string>) =>
    t.http.inject({ method: 'POST', url: '/api/webhooks/facebook', payload: body, headers: { 'content-type': 'application/json', ...headers } });
  const stored = () => t.app.db.selectFrom('inbound_items').selectAll().execute();

  it('answers the verification handshake only with the right token', async () => {
    const ok = await t.http.inject({ method: 'GET', url: '/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=regie-verify&hub.challenge=12345' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('12345');
    const bad = await t.http.inject({ method: 'GET', url: '/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=<script>' });
    expect(bad.statusCode).toBe(403);
    expect(bad.body).not.toContain('<script>');
  });

  it('stores a signed delivery before answering, and a retried delivery only once', async () => {
    const r = await post(feed.body, feed.headers);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ received: 1, stored: 1 });
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].item)).toMatchObject({ kind: 'comment', text: 'Nice post!', author: { displayName: 'Test User' } });
    expect((await post(feed.body, feed.headers)).json()).toEqual({ received: 1, stored: 0 });
    expect(await stored()).toHaveLength(1);
  });

  it('refuses every invalid vector with 401 before parsing, stores nothing and echoes nothing', async () => {
    for (const v of vectors.filter((v) => !v.valid && v.name.startsWith('meta-page'))) {
      const r = await post(v.body, v.headers);
      expect(r.statusCode, v.name).toBe(401);
      expect(r.body).not.toContain('Nice post');
    }
    expect((await post(feed.body, {})).statusCode).toBe(401);
    expect(await stored()).toEqual([]);
  });

  it('ignores deliveries for accounts that are not connected, without failing the platform', async () => {
    await t.app.db.updateTable('channels').set({ disconnected_at: new Date().toISOString() }).execute();
    const r = await post(feed.body, feed.headers);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ received: 1, stored: 0 });
  });
});
