/**
 * The LinkedIn page connector against the loopback fixture server (LinkedIn publishes no spec and runs nowhere
 * here): the contract suite, then connect, publish with images / a link / little-text escaping, idempotency by
 * lookup, comment polling with a cursor, replies (nested one level), metrics, delete, refresh-on-401 once, and
 * LinkedIn's failures (429, 403, 400 reason, 422 duplicate, revoked token, a real time-out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshLinkedInCredentials } from '../../src/connectors/linkedin/linkedin.auth';
import { LINKEDIN_VERSION } from '../../src/connectors/linkedin/linkedin.capabilities';
import { linkedinConnector as li } from '../../src/connectors/linkedin/linkedin.connector';
import { liveContract, staticContract } from '../../src/connectors/testing/contract';
import type { AccountInfo, ConnectorContext, Credentials, OutboundMedia, OutboundVariant, RemoteRef } from '../../src/connectors/types';
import { testContext } from '../support/connector-context';
import { startLinkedInFixtureServer, type LinkedInFixtureServer } from '../support/linkedin-fixture-server';

const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: `Regie says hello (${key.slice(-12)})` }] });
const image = (n: number, altText?: string): OutboundMedia => ({ kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, n]), altText });
const findPublished = li.findPublished as (ctx: ConnectorContext, key: string, variant?: OutboundVariant) => Promise<RemoteRef | null>;
const app = { clientId: 'regie', clientSecret: 'secret' };

staticContract(li, sample);

describe('linkedin against the fixture server', () => {
  let fx: LinkedInFixtureServer;
  const account: AccountInfo = { remoteId: 'urn:li:organization:2414183', handle: 'gemeente-voorbeeld', displayName: 'Gemeente Voorbeeld' };
  const ctx = (over: Partial<ConnectorContext> = {}, credentials: Credentials = { accessToken: fx.accessToken }) => testContext(account, credentials, { fetch: fx.fetch(), ...over });
  const posted = () => fx.requests.filter((r) => r.method === 'POST' && r.path === '/rest/posts').length;
  beforeAll(async () => {
    fx = await startLinkedInFixtureServer();
  });
  afterAll(async () => fx?.close());

  liveContract(li, { context: async () => ctx(), sampleVariant: sample, canPublish: true });

  it('connects: code exchange, then the page the member administers', async () => {
    const { credentials, account: a } = await li.exchangeCode!(fx.fetch(), app, { code: fx.code, codeVerifier: '', redirectUri: 'https://regie.example/cb' }, new Date());
    expect(a).toEqual(account);
    expect(credentials).toMatchObject({ accessToken: fx.accessToken, refreshToken: fx.refreshToken });
    expect(await li.verify(ctx())).toEqual(account);
    fx.failNext(200, { paging: { count: 10, start: 0 }, elements: [] }, {}, 'GET /rest/organizationAcls');
    await expect(li.verify(ctx())).rejects.toMatchObject({ failure: 'auth_revoked', details: { platformCode: 'not_admin' } });
  });

  it('publishes images with alt text, a link with a thumbnail, escaped text with a hashtag; every call carries the version headers', async () => {
    const c = ctx();
    const two = await li.publish!(c, { idempotencyKey: 'img2', parts: [{ text: 'Two pictures_of (our) *new* office #opening', media: [image(1, 'The entrance'), image(2, 'The desk')] }] });
    const one = await li.publish!(c, { idempotencyKey: 'img1', parts: [{ text: 'One picture', media: [image(3, 'The garden')] }] });
    const link = await li.publish!(c, { idempotencyKey: 'link', parts: [{ text: 'Read about it', link: { url: 'https://www.voorbeeld.nl/kantoor', title: 'Ons kantoor', thumb: image(4) } }] });
    const stored = (r: typeof one) => fx.posts.find((p) => r.status === 'published' && p.id === r.remote.remoteId)!;
    expect(stored(two).content?.multiImage.images).toEqual([expect.objectContaining({ altText: 'The entrance' }), expect.objectContaining({ altText: 'The desk' })]);
    expect(stored(two).commentary).toBe('Two pictures\\_of \\(our\\) \\*new\\* office {hashtag|\\#|opening}');
    expect(stored(one).content).toEqual({ media: { id: expect.stringMatching(/^urn:li:image:/), altText: 'The garden' } });
    expect(stored(link).content?.article).toMatchObject({ source: 'https://www.voorbeeld.nl/kantoor', title: 'Ons kantoor', thumbnail: expect.stringMatching(/^urn:li:image:/) });
    expect([...fx.uploads.values()].map((b) => b.at(-1))).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    for (const r of fx.requests.filter((q) => q.path.startsWith('/rest/'))) {
      expect([r.headers['linkedin-version'], r.headers['x-restli-protocol-version']]).toEqual([LINKEDIN_VERSION, '2.0.0']);
    }
  });

  it('does not post twice: a retry finds the post by its text; findPublished needs the variant; delete is idempotent', async () => {
    const v: OutboundVariant = { idempotencyKey: 'once', parts: [{ text: 'Closed on 5 December <national holiday> #service' }] };
    const first = await li.publish!(ctx(), v);
    const before = posted();
    expect(await li.publish!(ctx(), v)).toEqual(first);
    expect(posted()).toBe(before);
    const ref = (first as { remote: RemoteRef }).remote;
    expect(await findPublished(ctx(), 'once', v)).toEqual(ref);
    await expect(findPublished(ctx(), 'once')).rejects.toMatchObject({ failure: 'rejected', details: { platformCode: 'lookup_needs_variant' } });
    await li.delete!(ctx(), ref);
    expect(await findPublished(ctx(), 'once', v)).toBeNull();
    await li.delete!(ctx(), ref);
  });

  it('polls comments with a cursor, answers them one level deep, and counts them', async () => {
    const seeded = 'urn:li:share:7400000000000000001';
    const first = await li.poll!(ctx(), null);
    expect(first.items.filter((i) => i.threadRemoteId === seeded).map((i) => i.text)).toEqual(['Is the service desk also open on Saturday?', 'Great news, thanks!']);
    expect((await li.poll!(ctx(), first.cursor)).items).toEqual([]);
    const question = fx.addComment(seeded, { actor: 'urn:li:person:Nw1', text: 'And on Sunday?' });
    const second = await li.poll!(ctx(), first.cursor);
    expect(second.items.map((i) => i.remoteId)).toEqual([question]);
    const answer = { idempotencyKey: 'r1', inReplyTo: second.items[0], text: 'No, closed on Sunday.' };
    const ref = await li.reply!(ctx(), answer);
    expect(await li.reply!(ctx(), answer)).toEqual(ref);
    expect(fx.comments.filter((c) => c.text === 'No, closed on Sunday.')).toEqual([expect.objectContaining({ parent: question, actor: fx.org })]);
    const third = await li.poll!(ctx(), second.cursor);
    expect(third.items).toEqual([expect.objectContaining({ remoteId: ref.remoteId, fromSelf: true, inReplyToRemoteId: question })]);
    const deeper = await li.reply!(ctx(), { idempotencyKey: 'r2', inReplyTo: third.items[0], text: 'Thanks for asking!' });
    expect(fx.comments.find((c) => c.urn === deeper.remoteId)?.parent).toBe(question);
    const m = await li.metrics!(ctx(), [{ remoteId: seeded }]);
    expect(m.get(seeded)).toEqual({ likes: 27, replies: fx.comments.filter((c) => c.post === seeded).length, shares: 3, clicks: 41, impressions: 1688 });
  });

  it('on a 401 asks for a refresh once and retries once; a revoked token is not refreshed', async () => {
    let creds: Credentials = { accessToken: fx.accessToken, refreshToken: fx.refreshToken };
    fx.expireAccessToken();
    let refreshes = 0;
    const refreshCredentials = async () => {
      refreshes++;
      creds = await refreshLinkedInCredentials(fx.fetch(), app, creds, new Date());
      return creds;
    };
    expect((await li.verify(ctx({ refreshCredentials }, creds))).handle).toBe('gemeente-voorbeeld');
    expect([refreshes, creds.accessToken]).toEqual([1, fx.accessToken]);
    refreshes = 0;
    const stale = async () => (refreshes++, { accessToken: 'still-wrong' });
    await expect(li.verify(ctx({ refreshCredentials: stale }, { accessToken: 'wrong' }))).rejects.toMatchObject({ failure: 'auth_expired' });
    expect(refreshes).toBe(1);
    refreshes = 0;
    fx.failNext(401, 'error-401-revoked.json');
    await expect(li.verify(ctx({ refreshCredentials: stale }))).rejects.toMatchObject({ failure: 'auth_revoked' });
    expect(refreshes).toBe(0);
  });

  it("maps LinkedIn's failures: 429, 403, 400 with reason, 422 duplicate, time-out", async () => {
    fx.failNext(429, 'error-429.json');
    await expect(li.publish!(ctx(), sample('rl1'))).rejects.toMatchObject({ failure: 'rate_limited', details: { retryAfterMs: undefined } });
    fx.failNext(429, 'error-429.json', { 'retry-after': '120' });
    await expect(li.publish!(ctx(), sample('rl2'))).rejects.toMatchObject({ failure: 'rate_limited', details: { retryAfterMs: 120_000 } });
    fx.failNext(403, 'error-403.json', {}, 'POST /rest/posts');
    await expect(li.publish!(ctx(), sample('denied'))).rejects.toMatchObject({ failure: 'auth_revoked', details: { platformCode: 'ACCESS_DENIED' } });
    fx.failNext(400, 'error-400.json', {}, 'POST /rest/posts');
    await expect(li.publish!(ctx(), sample('bad'))).rejects.toMatchObject({ failure: 'rejected', details: { platformReason: '/commentary :: length of value exceeds the maximum of 3000' } });
    // The recorded post is older than the look-back window, so publishing its text again reaches LinkedIn, which refuses it.
    const old = { idempotencyKey: 'dup', parts: [{ text: 'Our new opening hours are online (from 1 December) #service' }] };
    await expect(li.publish!(ctx(), old)).rejects.toMatchObject({ failure: 'rejected', details: { platformCode: 'duplicate' } });
    fx.hangNext();
    await expect(li.verify(ctx({ fetch: fx.fetch({ timeoutMs: 300 }) }))).rejects.toMatchObject({ failure: 'transient' });
  });
});
