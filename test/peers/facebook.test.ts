/**
 * The Facebook Page connector against the Graph fixture server (test/support/graph-fixture-server.ts), which
 * answers with the shapes recorded from Meta's docs and refuses requests of the wrong shape: the contract suite,
 * then connecting (code + PKCE → long-lived token → Pages), photo and multi-photo posts, first comments, idempotent
 * retries, per-metric insights with a retired metric, comment and Messenger replies, deletes and token failures.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors';
import { subscribePageWebhooks } from '../../src/connectors/facebook/facebook.api';
import { facebookConnector as fb } from '../../src/connectors/facebook/facebook.connector';
import { listMetaAccounts } from '../../src/connectors/meta/oauth';
import { liveContract, staticContract } from '../../src/connectors/testing/contract';
import type { InboundItem, OutboundMedia, OutboundVariant } from '../../src/connectors/types';
import { testContext } from '../support/connector-context';
import { startGraphFixtureServer, type GraphFixtureServer } from '../support/graph-fixture-server';

const o = { pageId: '102030405060708', pageToken: 'EAAB-page-token-1', igUserId: '17841400000000000', userToken: 'EAAB-long-lived-user-token', appId: 'app-123', appSecret: 'app-secret-xyz' };
const app = { clientId: o.appId, clientSecret: o.appSecret };
const account = { remoteId: o.pageId, handle: 'gemeentevoorbeeld', displayName: 'Gemeente Voorbeeld' };
const proof = (t: string) => createHmac('sha256', o.appSecret).update(t).digest('hex');
const jpeg = (alt = 'Het gemeentehuis'): OutboundMedia => ({ kind: 'image', mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), altText: alt });
const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: `Regie contract post ${key}` }] });

let fx: GraphFixtureServer;
const ctx = (credentials: Record<string, string> = {}) => testContext(account, { accessToken: o.pageToken, pageId: o.pageId, appsecretProof: proof(o.pageToken), ...credentials }, { fetch: fx.fetch });
beforeAll(async () => {
  fx = await startGraphFixtureServer(o);
});
afterAll(async () => {
  await fx?.stop();
});

staticContract(fb, sample);
liveContract(fb, { context: async () => ctx(), sampleVariant: sample, canPublish: true });

describe('facebook: connecting', () => {
  it('exchanges the code with the PKCE verifier for a long-lived user token, then lists the Pages to choose from', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'https://regie.example/oauth/callback';
    expect(new URL(fb.authorizeUrl!(app, { state: 's1', codeChallenge: challenge, redirectUri })).searchParams.get('code_challenge')).toBe(challenge);
    fx.expectCode('code-1', challenge, redirectUri);
    const { credentials, account: person } = await fb.exchangeCode!(fx.fetch, app, { code: 'code-1', codeVerifier: verifier, redirectUri }, new Date());
    expect(credentials.userAccessToken).toBe(o.userToken);
    expect(Date.parse(credentials.userTokenExpiresAt) - Date.now()).toBeGreaterThan(59 * 86_400_000);
    expect(person).toEqual({ remoteId: '10160000000000001', handle: 'Sanne de Vries', displayName: 'Sanne de Vries' });
    const pages = await listMetaAccounts(fx.fetch, app, 'facebook', credentials.userAccessToken, new Date());
    expect(pages.map((p) => [p.account.remoteId, p.account.handle, p.credentials.pageId, p.credentials.accessToken])).toEqual([
      [o.pageId, 'gemeentevoorbeeld', o.pageId, o.pageToken],
      ['102030405060709', 'Bibliotheek Voorbeeld', '102030405060709', 'EAAB-page-token-2'],
    ]);
    const verified = await fb.verify(testContext(pages[0].account, pages[0].credentials, { fetch: fx.fetch }));
    expect(verified.avatarUrl).toMatch(/^https:/);
  });
  it('refuses a code with the wrong verifier, and a used code', async () => {
    const redirectUri = 'https://regie.example/cb';
    fx.expectCode('code-2', createHash('sha256').update('right').digest('base64url'), redirectUri);
    await expect(fb.exchangeCode!(fx.fetch, app, { code: 'code-2', codeVerifier: 'wrong', redirectUri }, new Date())).rejects.toMatchObject({ failure: 'rejected' });
    await expect(fb.exchangeCode!(fx.fetch, app, { code: 'code-1', codeVerifier: 'any', redirectUri: 'https://regie.example/oauth/callback' }, new Date())).rejects.toMatchObject({ failure: 'rejected' });
  });
  it('lists the WhatsApp phone numbers of the businesses the person manages', async () => {
    const numbers = await listMetaAccounts(fx.fetch, app, 'whatsapp', o.userToken, new Date());
    expect(numbers.map((n) => [n.account.remoteId, n.account.handle, n.credentials.phoneNumberId, n.credentials.wabaId])).toEqual([['106540352242922', '+31 6 12345678', '106540352242922', '102290129340398']]);
    await expect(listMetaAccounts(fx.fetch, app, 'facebook', 'EAAB-unknown', new Date())).rejects.toMatchObject({ failure: 'auth_expired' });
  });
  it('subscribes the Page to its webhooks', async () => {
    await subscribePageWebhooks(ctx());
    expect(fx.requests.at(-1)).toMatchObject({ method: 'POST', path: `/v23.0/${o.pageId}/subscribed_apps`, params: { subscribed_fields: expect.stringContaining('feed') } });
  });
});

describe('facebook: publishing', () => {
  it('uploads one photo as bytes with caption and alt text, adds a first comment, and does neither twice', async () => {
    const v: OutboundVariant = { idempotencyKey: 'photo-1', parts: [{ text: 'Nieuwe openingstijden 📸', media: [jpeg()] }], firstComment: 'Meer info op onze site.' };
    const first = await fb.publish!(ctx(), v);
    if (first.status !== 'published') throw new Error('expected published');
    const post = fx.state.posts.get(first.remote.remoteId)!;
    expect(post.message).toBe('Nieuwe openingstijden 📸');
    expect(fx.state.photos.get(post.photos[0])).toEqual({ published: true, bytes: 7, alt: 'Het gemeentehuis' });
    expect(first.remote.extra?.firstCommentId).toBeTruthy();
    const again = await fb.publish!(ctx(), v);
    expect(again).toEqual(first);
    expect([...fx.state.comments.values()].filter((c) => c.parent === first.remote.remoteId)).toHaveLength(1);
  });
  it('posts several photos as one post with attached_media, and links', async () => {
    const multi = await fb.publish!(ctx(), { idempotencyKey: 'multi', parts: [{ text: 'Drie foto’s', media: [jpeg('a'), jpeg('b'), jpeg('c')] }] });
    if (multi.status !== 'published') throw new Error('expected published');
    expect(fx.state.posts.get(multi.remote.remoteId)!.photos).toHaveLength(3);
    const link = await fb.publish!(ctx(), { idempotencyKey: 'link', parts: [{ text: 'Lees het raadsbesluit', link: { url: 'https://example.org/besluit' } }] });
    if (link.status !== 'published') throw new Error('expected published');
    expect(fx.state.posts.get(link.remote.remoteId)!.link).toBe('https://example.org/besluit');
    expect(link.remote.url).toBe(`https://www.facebook.com/${link.remote.remoteId}`);
  });
  it('sends the token only in the Authorization header, always to the pinned version', () => {
    expect(fx.requests.length).toBeGreaterThan(10);
    expect(fx.requests.every((r) => r.path.startsWith('/v23.0/') && !('access_token' in r.params))).toBe(true);
  });
  it('reads engagement and insights per metric: a retired metric is null, never 0', async () => {
    const p = await fb.publish!(ctx(), { idempotencyKey: 'metrics', parts: [{ text: 'Meten is weten' }] });
    const id = (p as { remote: { remoteId: string } }).remote.remoteId;
    const m = await fb.metrics!(ctx(), [{ remoteId: id }, { remoteId: `${o.pageId}_999` }]);
    expect(m.get(id)).toEqual({ likes: 12, replies: 3, shares: 2, clicks: 41, impressions: null, views: 380 });
    expect(m.has(`${o.pageId}_999`)).toBe(false);
    const insightCalls = fx.requests.filter((r) => r.path === `/v23.0/${id}/insights`);
    expect(insightCalls.map((r) => r.params.metric)).toEqual(['post_clicks', 'post_impressions', 'post_media_view']);
  });
  it('deletes, and deleting again is fine', async () => {
    const p = await fb.publish!(ctx(), { idempotencyKey: 'delete-me', parts: [{ text: 'Even weg' }] });
    const ref = (p as { remote: { remoteId: string } }).remote;
    await fb.delete!(ctx(), ref);
    expect(fx.state.posts.has(ref.remoteId)).toBe(false);
    await fb.delete!(ctx(), ref);
  });
});

describe('facebook: replies', () => {
  const comment = (id: string, post: string): InboundItem => ({ remoteId: id, kind: 'comment', threadRemoteId: post, inReplyToRemoteId: post, author: { remoteId: '9990001' }, text: 'Vraag?', createdAt: new Date().toISOString(), replyRef: { commentId: id } });
  it('answers a comment once, even when the answer is retried', async () => {
    const p = await fb.publish!(ctx(), { idempotencyKey: 'for-comments', parts: [{ text: 'Vragen?' }] });
    const postId = (p as { remote: { remoteId: string } }).remote.remoteId;
    const cid = `${postId.split('_')[1]}_777`;
    fx.state.comments.set(cid, { id: cid, parent: postId, message: 'Vraag?', from: '9990001', created_time: new Date().toISOString() });
    const a = await fb.reply!(ctx(), { idempotencyKey: 'r1', inReplyTo: comment(cid, postId), text: 'Antwoord!' });
    const b = await fb.reply!(ctx(), { idempotencyKey: 'r1', inReplyTo: comment(cid, postId), text: 'Antwoord!' });
    expect(b).toEqual(a);
    expect(fx.state.comments.get(a.remoteId)).toMatchObject({ parent: cid, from: o.pageId });
  });
  it('answers a Messenger message with a RESPONSE to the sender', async () => {
    const dm: InboundItem = { remoteId: 'm_1', kind: 'direct_message', threadRemoteId: '1254477777772919', author: { remoteId: '1254477777772919' }, text: 'Hoi', createdAt: new Date().toISOString(), replyRef: { recipientId: '1254477777772919' } };
    const r = await fb.reply!(ctx(), { idempotencyKey: 'dm1', inReplyTo: dm, text: 'Hallo!' });
    expect(r.remoteId).toMatch(/^m_/);
    expect(fx.state.messages.at(-1)).toEqual({ recipient: { id: '1254477777772919' }, messaging_type: 'RESPONSE', message: { text: 'Hallo!' } });
  });
});

describe('facebook: failures from Graph', () => {
  it('an invalid token is auth_expired (code 190), a wrong appsecret_proof is rejected', async () => {
    await expect(fb.verify(ctx({ accessToken: 'EAAB-stale', appsecretProof: proof('EAAB-stale') }))).rejects.toMatchObject({ failure: 'auth_expired', details: { platformCode: '190' } });
    const e = await fb.verify(ctx({ appsecretProof: proof('other') })).catch((x) => x);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e.failure).toBe('rejected');
  });
  it('refuses threads and video before calling Graph', async () => {
    const before = fx.requests.length;
    await expect(fb.publish!(ctx(), { idempotencyKey: 't', parts: [{ text: 'a' }, { text: 'b' }] })).rejects.toMatchObject({ failure: 'rejected' });
    await expect(fb.publish!(ctx(), { idempotencyKey: 'v', parts: [{ text: 'a', media: [{ kind: 'video', mimeType: 'video/mp4', bytes: new Uint8Array(4) }] }] })).rejects.toMatchObject({ failure: 'rejected' });
    expect(fx.requests.length).toBe(before);
  });
});
