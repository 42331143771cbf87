/**
 * The Mastodon connector. No Mastodon runs here, so it is tested two ways:
 * 1. against a Mastodon stand-in on loopback (test/support/mastodon-fixture-server.ts) that answers with the fixtures
 *    recorded from docs.joinmastodon.org and keeps Mastodon's state (Idempotency-Key, media processing, threads,
 *    notification paging): the contract suite and the behaviour Regie relies on;
 * 2. against Mastodon's published OpenAPI spec served by Prism: every request the connector sends must be accepted
 *    by the spec (Prism answers 422/401 with `sl-violations` when a request does not match).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import { mastodonConnector as mastodon } from '../../src/connectors/mastodon/mastodon.connector';
import { liveContract, staticContract } from '../../src/connectors/testing/contract';
import type { AccountInfo, ConnectorContext, HttpFetch, InboundItem, OutboundMedia, OutboundVariant, PublishResult } from '../../src/connectors/types';
import { testContext } from '../support/connector-context';
import { mastodonFixture, mastodonFixtureNames, startMastodonFixtureServer, type MastodonFixtureServer } from '../support/mastodon-fixture-server';
import { prismRequestViolations, prismUnavailable, sharedSpec, startPrism, type PrismServer, type PrismViolation } from '../support/prism';

const SPEC = sharedSpec('mastodon-openapi.json');
const REDIRECT = 'https://regie.example/oauth/mastodon/callback';
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: `Regie zegt hallo (${key.slice(-12)})` }] });
const png = (alt: string): OutboundMedia => ({ kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), altText: alt });
const mp4: OutboundMedia = { kind: 'video', mimeType: 'video/mp4', bytes: new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), altText: 'Korte video van de wijk' };

interface Sent { method: string; url: string; status: number; contentType?: string; idempotencyKey?: string; violations: PrismViolation[] }

/**
 * ctx.fetch for tests: the real platform fetch, loopback only (network rule), every call recorded with Prism's
 * verdict. `prefer` may add Prism's `Prefer` header (which answer to give); the connector's request is unchanged.
 */
function recording(sent: Sent[], prefer?: (url: string) => string | undefined): HttpFetch {
  const inner = createPlatformFetch();
  return async (url, init = {}) => {
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`test refuses a non-loopback request: ${url}`);
    const p = prefer?.(url);
    const res = await inner(url, p ? { ...init, headers: { ...(init.headers as Record<string, string>), prefer: p } } : init);
    const h = new Headers(init.headers as HeadersInit);
    sent.push({ method: init.method ?? 'GET', url, status: res.status, contentType: h.get('content-type') ?? undefined, idempotencyKey: h.get('idempotency-key') ?? undefined, violations: prismRequestViolations(res) });
    return res;
  };
}

async function failureOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

staticContract(mastodon, sample);

describe('Mastodon fixtures', () => {
  it('every recorded fixture names the documentation it follows', () => {
    for (const name of mastodonFixtureNames()) expect(mastodonFixture(name)._source, name).toMatch(/docs\.joinmastodon\.org/);
  });
});

describe('Mastodon against the fixture server', () => {
  let srv: MastodonFixtureServer;
  let account: AccountInfo;
  const sent: Sent[] = [];
  const ctx = (over: Partial<ConnectorContext> = {}) => testContext(account, { accessToken: srv.token, instanceUrl: srv.url }, { fetch: recording(sent), ...over });

  beforeAll(async () => {
    srv = await startMastodonFixtureServer();
    account = { remoteId: srv.me.id, handle: 'regie_demo@social.example', displayName: 'Regie Demo', serviceUrl: srv.url };
  });
  afterAll(async () => srv?.stop());

  liveContract(mastodon, { context: async () => ctx(), sampleVariant: sample, canPublish: true });

  it('connects: registers the app, sends the person to authorize with PKCE S256, exchanges the code', async () => {
    // RFC 7636 appendix B: the S256 computation used below is the standard one.
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const fetch = recording(sent);
    const app = await mastodon.registerApp!(fetch, { instanceUrl: srv.url, redirectUri: REDIRECT, appName: 'Regie', website: 'https://regie.example' });
    expect(app).toMatchObject({ instanceUrl: srv.url, clientId: expect.any(String), clientSecret: expect.any(String) });
    const apps = srv.requests.filter((r) => r.path === '/api/v1/apps').at(-1)!;
    expect(apps.body).toEqual({ client_name: 'Regie', redirect_uris: [REDIRECT], scopes: 'read write', website: 'https://regie.example' });

    const verifier = 'verifier-' + 'x'.repeat(50);
    const url = new URL(mastodon.authorizeUrl!(app, { state: 'st-1', codeChallenge: s256(verifier), redirectUri: REDIRECT }));
    expect(`${url.origin}${url.pathname}`).toBe(`${srv.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT, scope: 'read write', state: 'st-1',
      code_challenge: s256(verifier), code_challenge_method: 'S256', force_login: 'true',
    });

    // The person approves on the instance, which redirects back with the code and the state.
    const approve = async () => new URL((await fetch(url.toString(), { redirect: 'manual' })).headers.get('location')!);
    const back = await approve();
    expect(back.searchParams.get('state')).toBe('st-1');
    const { credentials, account: got } = await mastodon.exchangeCode!(fetch, app, { code: back.searchParams.get('code')!, codeVerifier: verifier, redirectUri: REDIRECT }, new Date());
    expect(credentials).toEqual({ accessToken: srv.token, instanceUrl: srv.url, scope: 'read write' });
    expect(got).toMatchObject({ remoteId: srv.me.id, handle: 'regie_demo@social.example', displayName: 'Regie Demo', serviceUrl: srv.url });

    const wrong = await failureOf(mastodon.exchangeCode!(fetch, app, { code: (await approve()).searchParams.get('code')!, codeVerifier: 'not-the-verifier', redirectUri: REDIRECT }, new Date()));
    expect(wrong.failure).toBe('rejected');
    expect(wrong.details.platformReason).toMatch(/^invalid_grant/);
  });

  it('verifies the account, with the instance domain in the handle, and notes an instance with its own limit', async () => {
    expect(await mastodon.verify(ctx())).toEqual({ ...account, avatarUrl: srv.me.avatar });
    const logged: object[] = [];
    const log = { info: (o: object) => logged.push(o), warn: (o: object) => logged.push(o) };
    const instance = mastodonFixture('instance-v2').body;
    instance.configuration.statuses.max_characters = 5000;
    srv.failNext({ status: 200, body: instance }, (r) => r.path === '/api/v2/instance');
    await mastodon.verify(ctx({ log }));
    expect(logged).toEqual([expect.objectContaining({ maxCharacters: 5000, validatedAgainst: 500 })]);
    // Instance information is a nicety: verify still succeeds when it is unavailable.
    srv.failNext({ status: 503, body: { error: 'down' } }, (r) => r.path === '/api/v2/instance');
    expect((await mastodon.verify(ctx())).handle).toBe('regie_demo@127.0.0.1:' + new URL(srv.url).port);
  });

  let thread: PublishResult & { status: 'published' };
  it('publishes a thread with images, alt text, a video, a poll and visibility, once per key', async () => {
    const key = `thread-${Date.now()}`;
    const v: OutboundVariant = {
      idempotencyKey: key,
      visibility: 'followers',
      language: 'nl',
      parts: [
        { text: 'Het nieuwe wijkplan, deel 1 https://example.com/wijkplan', media: [png('Kaart van de wijk'), png('Tekening van het plein')] },
        { text: 'Deel 2: de video', media: [mp4] },
        { text: 'Deel 3: wat vindt u?', poll: { options: ['Goed plan', 'Kan beter', 'Geen mening'], durationSeconds: 86_400 } },
      ],
    };
    expect(mastodon.validate(v).filter((f) => f.severity === 'error')).toEqual([]);
    sent.length = 0;
    const first = await mastodon.publish!(ctx(), v);
    expect(first.status).toBe('published');
    thread = first as typeof thread;
    const [p1, p2, p3] = thread.parts.map((p) => srv.statuses.get(p.remoteId));
    expect(thread.remote.remoteId).toBe(p1.id);
    expect(thread.remote.extra?.partIds).toBe(thread.parts.map((p) => p.remoteId).join(','));
    expect(p1.media_attachments.map((m: { description: string }) => m.description)).toEqual(['Kaart van de wijk', 'Tekening van het plein']);
    expect(p2).toMatchObject({ in_reply_to_id: p1.id, media_attachments: [expect.objectContaining({ type: 'video', description: 'Korte video van de wijk' })] });
    expect(p3).toMatchObject({ in_reply_to_id: p2.id, poll: expect.objectContaining({ options: [{ title: 'Goed plan', votes_count: 0 }, { title: 'Kan beter', votes_count: 0 }, { title: 'Geen mening', votes_count: 0 }] }) });
    expect([p1, p2, p3].map((s) => [s.visibility, s.language])).toEqual([['private', 'nl'], ['private', 'nl'], ['private', 'nl']]);
    // The video was processed asynchronously (202), so the connector waited for 200 on GET /api/v1/media/:id.
    expect(sent.filter((s) => /\/api\/v1\/media\//.test(s.url)).map((s) => s.status)).toEqual([206, 200]);
    const posts = sent.filter((s) => s.url.endsWith('/api/v1/statuses'));
    expect(posts.map((s) => [s.idempotencyKey, s.contentType])).toEqual([0, 1, 2].map((i) => [`${key}:${i}`, 'application/json']));

    const before = srv.statuses.size;
    const again = await mastodon.publish!(ctx(), v);
    expect(again).toEqual(first);
    expect(srv.statuses.size).toBe(before);
  });

  let inbox: InboundItem[] = [];
  it('polls mentions, replies and direct messages from a cursor; a second poll repeats nothing', async () => {
    sent.length = 0;
    const first = await mastodon.poll!(ctx(), null);
    expect(new URL(sent[0].url).searchParams.getAll('types[]')).toEqual(['mention']);
    inbox = first.items;
    expect(first.items.map((i) => [i.remoteId, i.kind, i.threadRemoteId])).toEqual([
      ['111000000000000200', 'mention', '111000000000000200'],
      ['111000000000000300', 'reply', '111000000000000100'],
      ['111000000000000400', 'direct_message', '111000000000000400'],
      ['111000000000000500', 'mention', '111000000000000100'],
    ]);
    expect(first.cursor).toBe('5005');
    const second = await mastodon.poll!(ctx(), first.cursor);
    expect(second).toEqual({ items: [], cursor: '5005' });

    const anna = mastodonFixture('notifications').body.find((n: { account: { acct: string } }) => n.account.acct === 'anna').account;
    const n = srv.addMention(anna, { content: '<p>Nog een vraag</p>', in_reply_to_id: thread.parts[2].remoteId, in_reply_to_account_id: srv.me.id });
    const third = await mastodon.poll!(ctx(), second.cursor);
    expect(third.items).toEqual([expect.objectContaining({ remoteId: n.status.id, kind: 'reply', text: 'Nog een vraag', threadRemoteId: thread.remote.remoteId })]);
    expect(third.cursor).toBe(n.id);
    expect((await mastodon.poll!(ctx(), third.cursor)).items).toEqual([]);

    // Catching up: more than a page (40) of new mentions arrives in order, without gaps or repeats.
    const burst = Array.from({ length: 45 }, (_, i) => srv.addMention(anna, { content: `<p>vraag ${i}</p>` }));
    const caught = await mastodon.poll!(ctx(), third.cursor);
    expect(caught.items.map((i) => i.text)).toEqual(burst.map((_, i) => `vraag ${i}`));
    expect(caught.cursor).toBe(burst.at(-1).id);
  });

  it('replies with a mention of the author and the original visibility: a direct message stays direct', async () => {
    const dm = inbox.find((i) => i.kind === 'direct_message')!;
    const ref = await mastodon.reply!(ctx(), { idempotencyKey: `reply-${Date.now()}`, inReplyTo: dm, text: 'Natuurlijk, stuur uw vraag gerust.' });
    const status = srv.statuses.get(ref.remoteId);
    expect(status).toMatchObject({ in_reply_to_id: dm.remoteId, visibility: 'direct' });
    expect(status.content).toBe('<p>@piet@other.example Natuurlijk, stuur uw vraag gerust.</p>');
    expect(status.mentions.map((m: { acct: string }) => m.acct)).toEqual(['piet@other.example']);

    const mention = inbox.find((i) => i.kind === 'mention')!;
    const key = `reply-${Date.now()}-public`;
    const r1 = await mastodon.reply!(ctx(), { idempotencyKey: key, inReplyTo: mention, text: '@piet@other.example We kijken ernaar!' });
    expect(srv.statuses.get(r1.remoteId)).toMatchObject({ visibility: 'public', in_reply_to_id: mention.remoteId, content: '<p>@piet@other.example We kijken ernaar!</p>' });
    expect(await mastodon.reply!(ctx(), { idempotencyKey: key, inReplyTo: mention, text: '@piet@other.example We kijken ernaar!' })).toEqual(r1);
  });

  it('reports favourites, boosts and replies as metrics; nothing else, and nothing for a deleted status', async () => {
    Object.assign(srv.statuses.get(thread.remote.remoteId), { favourites_count: 7, reblogs_count: 3 });
    const m = await mastodon.metrics!(ctx(), [thread.remote, { remoteId: '999999' }]);
    expect(Object.fromEntries(m)).toEqual({ [thread.remote.remoteId]: { likes: 7, reposts: 3, replies: 1 } });
  });

  it('deletes the whole thread; deleting again is fine', async () => {
    await mastodon.delete!(ctx(), thread.remote);
    for (const p of thread.parts) expect(srv.statuses.has(p.remoteId)).toBe(false);
    await mastodon.delete!(ctx(), thread.remote);
  });

  it('429: waits as X-RateLimit-Reset (ISO) or Retry-After says', async () => {
    const now = new Date(Date.parse(mastodonFixture('error-429').headers!['x-ratelimit-reset']) - 90_000);
    srv.failNext('error-429');
    const reset = await failureOf(mastodon.publish!(ctx({ now: () => now }), sample(`rl-${Date.now()}`)));
    expect(reset).toMatchObject({ failure: 'rate_limited', details: { status: 429, retryAfterMs: 90_000, platformReason: 'Too many requests' } });
    srv.failNext({ status: 429, headers: { 'retry-after': '12' }, body: { error: 'Too many requests' } });
    expect((await failureOf(mastodon.poll!(ctx(), null))).details.retryAfterMs).toBe(12_000);
  });

  it('401: the token is refused and cannot be refreshed (Mastodon tokens do not expire) → auth_expired', async () => {
    let refreshed = 0;
    srv.failNext('error-401');
    const e = await failureOf(mastodon.publish!(ctx({ refreshCredentials: async () => (refreshed++, {}) }), sample(`401-${Date.now()}`)));
    expect(e).toMatchObject({ failure: 'auth_expired', details: { status: 401, platformReason: 'The access token is invalid' } });
    expect(refreshed).toBe(0);
  });

  it("422: rejected with Mastodon's own error text", async () => {
    const e = await failureOf(mastodon.publish!(ctx(), { idempotencyKey: `422-${Date.now()}`, parts: [{ text: 'a'.repeat(501) }] }));
    expect(e).toMatchObject({ failure: 'rejected', details: { status: 422, platformReason: 'Validation failed: Text character limit of 500 exceeded' } });
  });
});

/** The spec declares the createStatus body as oneOf(Text, Media, Poll), but a text status with media or a poll
 * matches two of them, so oneOf can never hold for those; anyOf is what Mastodon means. Fixed in a temp copy. */
function fixCreateStatusBody(spec: any): void {
  const schema = spec.paths['/api/v1/statuses'].post.requestBody.content['application/json'].schema;
  schema.anyOf = schema.oneOf;
  delete schema.oneOf;
}

describe.skipIf(prismUnavailable(SPEC))('Mastodon requests against the published spec (Prism)', () => {
  let prism: PrismServer;
  const sent: Sent[] = [];
  beforeAll(async () => {
    prism = await startPrism(SPEC, { dynamic: true, patch: fixCreateStatusBody });
  });
  afterAll(async () => prism?.stop());

  it('Prism refuses requests that break the spec (the check has teeth)', async () => {
    const form = await fetch(`${prism.url}/api/v1/statuses`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/x-www-form-urlencoded' }, body: 'status=hi' });
    expect(form.status).toBe(422);
    const bad = await fetch(`${prism.url}/api/v1/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_name: 'x', redirect_uris: REDIRECT }) });
    expect(prismRequestViolations(bad).map((v) => v.message)).toEqual([expect.stringMatching(/redirect_uris must be array/)]);
    expect((await fetch(`${prism.url}/api/v1/accounts/verify_credentials`)).status).toBe(401);
  });

  it('every request the connector sends is accepted by the spec', async () => {
    // The documented notifications example holds a mention in a reply chain, so the poll also reads its context.
    const fetch = recording(sent, (url) => (url.includes('/api/v1/notifications') ? 'example=Notification200Example' : undefined));
    const app = await mastodon.registerApp!(fetch, { instanceUrl: prism.url, redirectUri: REDIRECT, appName: 'Regie', website: 'https://regie.example' });
    await fetch(mastodon.authorizeUrl!(app, { state: 's', codeChallenge: s256('v'.repeat(43)), redirectUri: REDIRECT }));
    const { credentials, account } = await mastodon.exchangeCode!(fetch, app, { code: 'c', codeVerifier: 'v'.repeat(43), redirectUri: REDIRECT }, new Date());
    const ctx = testContext({ ...account, serviceUrl: prism.url }, { ...credentials, instanceUrl: prism.url }, { fetch });
    await mastodon.verify(ctx);
    const published = await mastodon.publish!(ctx, {
      idempotencyKey: `prism-${Date.now()}`,
      visibility: 'unlisted',
      language: 'nl',
      parts: [
        { text: 'Deel 1', media: [png('Kaart'), png('Plein')] },
        { text: '', media: [png('Alleen een beeld')] },
        { text: 'Wat vindt u?', poll: { options: ['Ja', 'Nee'], durationSeconds: 3600 } },
      ],
    });
    const ref = (published as { remote: { remoteId: string } }).remote;
    const item: InboundItem = {
      remoteId: '1', kind: 'direct_message', threadRemoteId: '1', author: { remoteId: '2', handle: 'piet@other.example' }, text: 'vraag', createdAt: new Date().toISOString(),
      replyRef: { statusId: '1', visibility: 'direct', authorAcct: 'piet@other.example' },
    };
    await mastodon.reply!(ctx, { idempotencyKey: `prism-reply-${Date.now()}`, inReplyTo: item, text: 'antwoord', media: [png('Bijlage')] });
    const polled = await mastodon.poll!(ctx, null);
    expect(polled.items.map((i) => [i.remoteId, i.kind])).toEqual([['103186126728896492', 'mention']]);
    await mastodon.poll!(ctx, polled.cursor);
    await mastodon.metrics!(ctx, [ref]);
    await mastodon.delete!(ctx, { remoteId: ref.remoteId });

    const calls = sent.map((s) => `${s.method} ${new URL(s.url).pathname}`);
    for (const path of ['POST /api/v1/apps', 'GET /oauth/authorize', 'POST /oauth/token', 'GET /api/v1/accounts/verify_credentials', 'GET /api/v2/instance', 'POST /api/v2/media', 'POST /api/v1/statuses', 'GET /api/v1/notifications', 'GET /api/v1/statuses/103186126728896492/context', 'GET /api/v1/statuses/', 'DELETE /api/v1/statuses/']) {
      expect(calls.some((c) => c.startsWith(path)), path).toBe(true);
    }
    expect(sent.filter((s) => s.violations.length || s.status >= 400).map((s) => ({ call: `${s.method} ${s.url}`, status: s.status, violations: s.violations }))).toEqual([]);
  });
});
