/**
 * The Instagram connector against the Graph fixture server (recorded from Meta's content-publishing, comments and
 * insights docs; it refuses requests of the wrong shape): the contract suite, then connecting through the Page,
 * single and carousel posts through containers, a container still processing (pending → checkPending), first
 * comments and retries, per-metric insights with a retired metric, replies, and the public-URL requirement.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstagramMedia } from '../../src/connectors/instagram/instagram.capabilities';
import { instagramConnector as ig } from '../../src/connectors/instagram/instagram.connector';
import { listMetaAccounts } from '../../src/connectors/meta/oauth';
import { liveContract, staticContract } from '../../src/connectors/testing/contract';
import type { InboundItem, OutboundVariant, PublishResult } from '../../src/connectors/types';
import { testContext } from '../support/connector-context';
import { startGraphFixtureServer, type GraphFixtureServer } from '../support/graph-fixture-server';

const o = { pageId: '102030405060708', pageToken: 'EAAB-page-token-1', igUserId: '17841400000000000', userToken: 'EAAB-long-lived-user-token', appId: 'app-123', appSecret: 'app-secret-xyz' };
const account = { remoteId: o.igUserId, handle: 'gemeentevoorbeeld', displayName: 'Gemeente Voorbeeld' };
const photo = (n: number, alt = `Foto ${n}`): InstagramMedia => ({ kind: 'image', mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, n]), altText: alt, publicUrl: `https://media.regie.example/v/${n}.jpg` });
const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: `Regie contract photo ${key} #regie`, media: [photo(1)] }] });
const remoteOf = (r: PublishResult) => {
  if (r.status !== 'published') throw new Error(`expected published, got ${r.status}`);
  return r.remote;
};

let fx: GraphFixtureServer;
const ctx = () => testContext(account, { accessToken: o.pageToken, igUserId: o.igUserId, pageId: o.pageId, appsecretProof: createHmac('sha256', o.appSecret).update(o.pageToken).digest('hex') }, { fetch: fx.fetch });
beforeAll(async () => {
  fx = await startGraphFixtureServer(o);
});
afterAll(async () => {
  await fx?.stop();
});

staticContract(ig, sample);
liveContract(ig, { context: async () => ctx(), sampleVariant: sample, canPublish: true });

describe('instagram: connecting', () => {
  it('lists the Instagram accounts linked to the Pages, with the Page token and both ids', async () => {
    const list = await listMetaAccounts(fx.fetch, { clientId: o.appId, clientSecret: o.appSecret }, 'instagram', o.userToken, new Date());
    expect(list).toHaveLength(1);
    expect(list[0].account).toMatchObject({ remoteId: o.igUserId, handle: 'gemeentevoorbeeld' });
    expect(list[0].credentials).toMatchObject({ accessToken: o.pageToken, igUserId: o.igUserId, pageId: o.pageId });
    expect(await ig.verify(testContext(list[0].account, list[0].credentials, { fetch: fx.fetch }))).toMatchObject({ remoteId: o.igUserId, handle: 'gemeentevoorbeeld' });
  });
});

describe('instagram: publishing', () => {
  it('publishes one photo through a container with caption and alt text, plus a first comment, once', async () => {
    const v: OutboundVariant = { idempotencyKey: 'ig-1', parts: [{ text: 'Open dag zaterdag! #opendag', media: [photo(2, 'De brandweerauto')] }], firstComment: '#brandweer #voorbeeld' };
    const first = remoteOf(await ig.publish!(ctx(), v));
    expect(first.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    const container = [...fx.state.containers.values()].find((c) => c.caption === 'Open dag zaterdag! #opendag')!;
    expect(container).toMatchObject({ status: 'PUBLISHED', imageUrl: 'https://media.regie.example/v/2.jpg' });
    const create = fx.requests.find((r) => r.path === `/v23.0/${o.igUserId}/media` && r.params.caption === 'Open dag zaterdag! #opendag')!;
    expect(create.params.alt_text).toBe('De brandweerauto');
    expect(first.extra?.firstCommentId).toBeTruthy();
    const again = remoteOf(await ig.publish!(ctx(), v));
    expect(again).toEqual(first);
    expect([...fx.state.comments.values()].filter((c) => c.parent === first.remoteId)).toHaveLength(1);
  });
  it('publishes a carousel of three photos as item containers under one CAROUSEL container', async () => {
    const r = remoteOf(await ig.publish!(ctx(), { idempotencyKey: 'ig-carousel', parts: [{ text: 'Drie beelden van de markt', media: [photo(3), photo(4), photo(5)] }] }));
    const parent = [...fx.state.containers.values()].find((c) => c.caption === 'Drie beelden van de markt')!;
    expect(parent.children).toHaveLength(3);
    expect(parent.children.every((id) => fx.state.containers.get(id)!.item)).toBe(true);
    expect(fx.state.media.get(r.remoteId)?.caption).toBe('Drie beelden van de markt');
  });
  it('returns pending while the container processes, and checkPending publishes it when it is ready', async () => {
    fx.state.inProgressPolls = 2;
    const v: OutboundVariant = { idempotencyKey: 'ig-slow', parts: [{ text: 'Even geduld', media: [photo(6)] }], firstComment: 'Eerste reactie' };
    const first = await ig.publish!(ctx(), v);
    expect(first.status).toBe('pending');
    const token = (first as { checkToken: string }).checkToken;
    expect((await ig.checkPending!(ctx(), token)).status).toBe('pending');
    const done = remoteOf(await ig.checkPending!(ctx(), token));
    expect(done.extra?.firstCommentId).toBeTruthy();
    const late = remoteOf(await ig.checkPending!(ctx(), token));
    expect(late.remoteId).toBe(done.remoteId);
    expect([...fx.state.media.values()].filter((m) => m.caption === 'Even geduld')).toHaveLength(1);
    await expect(ig.checkPending!(ctx(), 'not json')).rejects.toMatchObject({ failure: 'rejected' });
  });
  it('refuses a photo without a public https URL before calling Graph', async () => {
    const before = fx.requests.length;
    const v: OutboundVariant = { idempotencyKey: 'no-url', parts: [{ text: 'x', media: [{ kind: 'image', mimeType: 'image/jpeg', bytes: new Uint8Array(3) }] }] };
    await expect(ig.publish!(ctx(), v)).rejects.toMatchObject({ failure: 'rejected', details: { platformCode: 'media_url_required' } });
    expect(fx.requests.length).toBe(before);
  });
  it('reads likes and comments from the media and insights per metric; the retired impressions is null', async () => {
    const r = remoteOf(await ig.publish!(ctx(), { idempotencyKey: 'ig-metrics', parts: [{ text: 'Tellen', media: [photo(7)] }] }));
    const m = await ig.metrics!(ctx(), [r]);
    expect(m.get(r.remoteId)).toEqual({ likes: 57, replies: 4, views: 912, saves: 9, shares: 5, impressions: null });
  });
});

describe('instagram: replies', () => {
  it('answers a comment under its top-level comment once, and a direct message through the Page', async () => {
    const media = remoteOf(await ig.publish!(ctx(), { idempotencyKey: 'ig-replies', parts: [{ text: 'Vragen?', media: [photo(8)] }] }));
    fx.state.comments.set('17870000000000001', { id: '17870000000000001', parent: media.remoteId, message: 'Wanneer?', from: '232323', created_time: new Date().toISOString() });
    const item: InboundItem = { remoteId: '17870000000000001', kind: 'comment', threadRemoteId: media.remoteId, inReplyToRemoteId: media.remoteId, author: { remoteId: '232323' }, text: 'Wanneer?', createdAt: new Date().toISOString(), replyRef: { commentId: '17870000000000001' } };
    const a = await ig.reply!(ctx(), { idempotencyKey: 'c1', inReplyTo: item, text: 'Zaterdag!' });
    expect(await ig.reply!(ctx(), { idempotencyKey: 'c1', inReplyTo: item, text: 'Zaterdag!' })).toEqual(a);
    expect(fx.state.comments.get(a.remoteId)).toMatchObject({ parent: '17870000000000001', from: o.igUserId });
    const dm: InboundItem = { remoteId: 'aWdf1', kind: 'direct_message', threadRemoteId: '5566778899', author: { remoteId: '5566778899' }, text: 'Hoi', createdAt: new Date().toISOString(), replyRef: { recipientId: '5566778899' } };
    expect((await ig.reply!(ctx(), { idempotencyKey: 'd1', inReplyTo: dm, text: 'Hallo!' })).remoteId).toMatch(/^m_/);
    expect(fx.requests.at(-1)!.path).toBe(`/v23.0/${o.pageId}/messages`);
  });
});
