/**
 * The X connector: the contract suite and request-shape checks against X's official OpenAPI spec served by
 * Prism on loopback (Prism refuses any request that breaks the spec with a 422, which the connector reports as
 * `rejected`), then what Prism's static answers cannot show — idempotency by lookup, refresh-on-401 with rotating
 * tokens, rate limits, X's own error bodies, a real time-out, polling with a cursor — against a small X-like
 * fixture server built from the recorded fixtures in test/fixtures/x.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import { liveContract, staticContract } from '../../src/connectors/testing/contract';
import type { AccountInfo, ConnectorContext, Credentials, HttpFetch, OutboundMedia, OutboundVariant, RemoteRef } from '../../src/connectors/types';
import { refreshXCredentials } from '../../src/connectors/x/x.auth';
import { X_API } from '../../src/connectors/x/x.capabilities';
import { xConnector as x } from '../../src/connectors/x/x.connector';
import { testContext } from '../support/connector-context';
import { prismRequestViolations, prismUnavailable, sharedSpec, startPrism, type PrismServer, type PrismViolation } from '../support/prism';

const root = join(import.meta.dirname, '../..');
const SPEC = sharedSpec('x-api-v2-openapi.json');
const noPrism = prismUnavailable(SPEC);

const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: `Regie says hello (${key.slice(-12)})` }] });
const png: OutboundMedia = { kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]), altText: 'Opening hours as a table' };

type Log = Array<{ method: string; url: string; body?: string }>;

/**
 * ctx.fetch for tests: X's host is pointed at `base` on loopback; anything else is refused (network rule). Prism's
 * request violations (also mere warnings, which it lets through) are collected in `violations`.
 */
function towards(base: string, log: Log = [], extra: { timeoutMs?: number } = {}, violations?: PrismViolation[]): HttpFetch {
  const inner = createPlatformFetch();
  return async (url, init = {}) => {
    const target = url.startsWith(X_API) ? base + url.slice(X_API.length) : url;
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(target)) throw new Error(`test refuses a non-loopback request: ${url}`);
    log.push({ method: init.method ?? 'GET', url: url.slice(X_API.length), body: typeof init.body === 'string' ? init.body : undefined });
    const res = await inner(target, { ...init, ...extra });
    violations?.push(...prismRequestViolations(res).map((v) => ({ ...v, message: `${init.method ?? 'GET'} ${url}: ${v.message}` })));
    return res;
  };
}

/** The connector's findPublished with the variant it needs (a parameter the contract does not have yet). */
const findPublished = x.findPublished as (ctx: ConnectorContext, key: string, variant?: OutboundVariant) => Promise<RemoteRef | null>;

staticContract(x, sample);

describe.skipIf(noPrism)('x against its OpenAPI spec (Prism)', () => {
  let prism: PrismServer;
  const violations: PrismViolation[] = [];
  const account: AccountInfo = { remoteId: '2244994945', handle: 'TwitterDev', displayName: 'X Dev' };
  const ctx = (log?: Log) => testContext(account, { accessToken: 'test-token' }, { fetch: towards(prism.url, log, {}, violations) });
  beforeAll(async () => {
    prism = await startPrism(SPEC);
  });
  afterAll(async () => prism?.stop());

  liveContract(x, { context: async () => ctx(), sampleVariant: sample, canPublish: true });

  it('sends a thread with images, alt text and a poll in requests the spec accepts', async () => {
    const log: Log = [];
    const variant: OutboundVariant = {
      idempotencyKey: 'shape-1',
      parts: [
        { text: 'Our new opening hours, in one picture 👇', media: [png, png] },
        { text: 'Which day suits you best?', poll: { options: ['Monday', 'Saturday'], durationSeconds: 86_400 } },
        { text: 'More on our site', link: { url: 'https://example.org/hours' } },
      ],
    };
    expect(x.validate(variant).filter((f) => f.severity === 'error')).toEqual([]);
    const r = await x.publish!(ctx(log), variant);
    expect(r.status).toBe('published');
    const calls = log.map((l) => `${l.method} ${l.url.split('?')[0]}`);
    expect(calls.filter((c) => c === 'POST /2/media/upload/initialize')).toHaveLength(2);
    expect(calls).toContain('POST /2/media/metadata');
    const posts = log.filter((l) => l.url === '/2/tweets').map((l) => JSON.parse(l.body!));
    expect(posts).toHaveLength(3);
    expect(posts[0].media.media_ids).toHaveLength(2);
    expect(posts[1]).toMatchObject({ poll: { options: ['Monday', 'Saturday'], duration_minutes: 1440 }, reply: { in_reply_to_tweet_id: expect.stringMatching(/^\d+$/) } });
    expect(posts[2].text).toBe('More on our site\n\nhttps://example.org/hours');
  });

  it('uploads a video in base64 segments and waits for processing as the spec describes', async () => {
    const log: Log = [];
    const video: OutboundMedia = { kind: 'video', mimeType: 'video/mp4', bytes: new Uint8Array(3 * 1024 * 1024 + 5) };
    await x.publish!(ctx(log), { idempotencyKey: 'video-1', parts: [{ text: 'Watch', media: [video] }] });
    const appends = log.filter((l) => l.url.endsWith('/append')).map((l) => JSON.parse(l.body!));
    expect(appends.map((a) => a.segment_index)).toEqual([0, 1]);
    expect(Buffer.from(appends[0].media, 'base64').byteLength).toBe(2 * 1024 * 1024);
    expect(JSON.parse(log.find((l) => l.url.endsWith('/initialize'))!.body!)).toEqual({ media_type: 'video/mp4', total_bytes: video.bytes.byteLength, media_category: 'tweet_video' });
  });

  it('replies, polls mentions and reads metrics through spec-valid requests', async () => {
    const c = ctx();
    const { items } = await x.poll!(c, null);
    expect(items.length).toBeGreaterThan(0);
    const ref = await x.reply!(c, { idempotencyKey: 'r1', inReplyTo: items[0], text: 'Thanks for asking!' });
    expect(ref.remoteId).toMatch(/^\d+$/);
    const m = await x.metrics!(c, [ref]);
    expect(m.size).toBeLessThanOrEqual(1);
  });

  it('sent nothing Prism found wrong (errors or warnings) in all the calls above', () => {
    expect(violations).toEqual([]);
  });

  it('a request that breaks the spec is refused by Prism and reported as rejected', async () => {
    const bad: OutboundVariant = { idempotencyKey: 'bad', parts: [{ text: 'q', poll: { options: ['only one'], durationSeconds: 60 } }] };
    expect(x.validate(bad).map((f) => f.code)).toEqual(expect.arrayContaining(['poll_options', 'poll_duration']));
    const e = await x.publish!(ctx(), bad).catch((err) => err);
    expect(e).toBeInstanceOf(ConnectorError);
    expect([e.failure, e.details.status]).toEqual(['rejected', 422]);
    expect(violations.map((v) => v.location.join('.'))).toEqual(expect.arrayContaining(['request.body.poll.options', 'request.body.poll.duration_minutes']));
  });
});

describe('x against the fixture server (idempotency, refresh, failures)', () => {
  let fx: XFixture;
  const app = { clientId: 'regie', clientSecret: 'secret' };
  const account: AccountInfo = { remoteId: '2244994945', handle: 'TwitterDev', displayName: 'X Dev' };
  beforeAll(async () => {
    fx = await startXFixture();
  });
  afterAll(async () => fx?.close());
  const ctx = (over: Partial<ConnectorContext> = {}, credentials: Credentials = { accessToken: fx.accessToken }) =>
    testContext(account, credentials, { fetch: towards(fx.url), ...over });

  it('connects: code exchange at the token endpoint, then the account', async () => {
    const { credentials, account: a } = await x.exchangeCode!(towards(fx.url), app, { code: fx.code, codeVerifier: 'verifier', redirectUri: 'https://regie.example/cb' }, new Date());
    expect(a).toMatchObject({ remoteId: '2244994945', handle: 'TwitterDev' });
    expect(credentials.refreshToken).toBe(fx.refreshToken);
  });

  it('publishes a thread once: a retry finds it by text, a half-sent thread is completed, findPublished needs the variant', async () => {
    const v: OutboundVariant = { idempotencyKey: 'k-thread', parts: [{ text: 'Part one & more <soon>' }, { text: 'Part two: https://example.org/a' }] };
    const first = await x.publish!(ctx(), v);
    const posted = fx.tweets.length;
    const again = await x.publish!(ctx(), v);
    expect(fx.tweets.length).toBe(posted);
    expect(again).toEqual(first);
    const found = await findPublished(ctx(), 'k-thread', v);
    expect(found).toEqual((first as { remote: unknown }).remote);
    await expect(findPublished(ctx(), 'k-thread')).rejects.toMatchObject({ failure: 'rejected', details: { platformCode: 'lookup_needs_variant' } });
    expect(await findPublished(ctx(), 'other', sample('never-sent'))).toBeNull();

    const half: OutboundVariant = { idempotencyKey: 'k-half', parts: [{ text: 'Half one' }, { text: 'Half two' }] };
    const rootId = fx.addTweet({ text: 'Half one' });
    const done = await x.publish!(ctx(), half);
    if (done.status !== 'published') throw new Error('expected published');
    expect(done.parts[0].remoteId).toBe(rootId);
    expect(fx.tweets.at(-1)).toMatchObject({ text: 'Half two', replyTo: rootId });
    await x.delete!(ctx(), done.remote);
    expect(fx.tweets.find((t) => t.id === rootId)).toBeUndefined();
  });

  it('on a 401 asks for a refresh once, retries once with the rotated token; a second 401 is auth_expired', async () => {
    let creds: Credentials = { accessToken: fx.accessToken, refreshToken: fx.refreshToken };
    fx.expireAccessToken();
    let refreshes = 0;
    const refreshCredentials = async () => {
      refreshes++;
      creds = await refreshXCredentials(towards(fx.url), app, creds, new Date());
      return creds;
    };
    expect((await x.verify(ctx({ refreshCredentials }, creds))).handle).toBe('TwitterDev');
    expect([refreshes, creds.refreshToken]).toEqual([1, fx.refreshToken]);
    fx.expireAccessToken();
    const c = ctx({ refreshCredentials }, creds);
    expect((await x.publish!(c, sample('after-refresh'))).status).toBe('published');
    expect((await x.poll!(c, null)).items.length).toBeGreaterThan(0);
    expect(refreshes).toBe(2);
    const stale = async () => (refreshes++, { accessToken: 'still-wrong' });
    refreshes = 0;
    await expect(x.verify(ctx({ refreshCredentials: stale }, { accessToken: 'wrong' }))).rejects.toMatchObject({ failure: 'auth_expired' });
    expect(refreshes).toBe(1);
  });

  it('maps X failures: 429 with x-rate-limit-reset, duplicate 403, problem detail, revoked, time-out', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    fx.failNext(429, 'error-429.json', { 'x-rate-limit-reset': String(reset) });
    const limited = await x.publish!(ctx(), sample('rl')).catch((e) => e);
    expect(limited.failure).toBe('rate_limited');
    expect(limited.details.retryAfterMs).toBeGreaterThan(100_000);
    expect(limited.details.retryAfterMs).toBeLessThanOrEqual(120_000);
    fx.failOn('POST /2/tweets', 403, 'error-duplicate.json');
    await expect(x.publish!(ctx(), sample('dup'))).rejects.toMatchObject({ failure: 'rejected', details: { platformCode: 'duplicate', platformReason: expect.stringMatching(/duplicate content/) } });
    fx.failOn('POST /2/tweets', 400, { title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' });
    await expect(x.publish!(ctx(), sample('bad'))).rejects.toMatchObject({ failure: 'rejected', details: { platformReason: 'One or more parameters to your request was invalid.' } });
    fx.failNext(403, { title: 'Forbidden', detail: 'This app is not allowed to act for this user.' });
    await expect(x.verify(ctx())).rejects.toMatchObject({ failure: 'auth_revoked' });
    fx.hangNext();
    await expect(x.verify(ctx({ fetch: towards(fx.url, [], { timeoutMs: 300 }) }))).rejects.toMatchObject({ failure: 'transient' });
  });

  it('polls mentions with a since_id cursor: nothing twice, new ones once', async () => {
    const first = await x.poll!(ctx(), null);
    expect(first.items.map((i) => i.kind)).toEqual(['reply', 'mention']);
    expect((await x.poll!(ctx(), first.cursor)).items).toEqual([]);
    const id = fx.addMention('@TwitterDev is the office open on Sunday?');
    const next = await x.poll!(ctx(), first.cursor);
    expect(next.items.map((i) => i.remoteId)).toEqual([id]);
    expect(next.cursor).toBe(id);
    expect(fx.log.filter((l) => l.url.includes('/mentions')).at(-1)!.url).toContain(`since_id=${first.cursor}`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A small X-like server over the recorded fixtures: what Prism's static examples cannot do (remember posts, rotate
// tokens, answer X's own error bodies, hang). It follows the fixtures' shapes; it is not a second X.

interface FxTweet {
  id: string;
  text: string;
  authorId: string;
  replyTo?: string;
  createdAt: string;
}

interface XFixture {
  url: string;
  log: Array<{ method: string; url: string; body?: string }>;
  tweets: FxTweet[];
  code: string;
  accessToken: string;
  refreshToken: string;
  addTweet(t: { text: string; replyTo?: string }): string;
  addMention(text: string): string;
  expireAccessToken(): void;
  failNext(status: number, body: string | object, headers?: Record<string, string>): void;
  failOn(route: string, status: number, body: string | object): void;
  hangNext(): void;
  close(): Promise<void>;
}

const fixture = (name: string) => JSON.parse(readFileSync(join(root, 'test/fixtures/x', name), 'utf8'));

async function startXFixture(): Promise<XFixture> {
  const me = fixture('users-me.json').data;
  const recorded = fixture('mentions.json');
  const users = [...recorded.includes.users];
  const mentions: Array<Record<string, unknown>> = [...recorded.data];
  let next = 1870000000000000000n;
  const newId = () => String(next++);
  let failures: Array<{ route?: string; status: number; body: string | object; headers?: Record<string, string> }> = [];
  let hang = false;
  const fx = {
    log: [] as XFixture['log'],
    tweets: [] as FxTweet[],
    code: 'code-123',
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    addTweet: (t: { text: string; replyTo?: string }) => {
      const id = newId();
      fx.tweets.push({ id, text: t.text, authorId: me.id, replyTo: t.replyTo, createdAt: new Date().toISOString() });
      return id;
    },
    addMention: (text: string) => {
      const id = newId();
      mentions.unshift({ id, text, author_id: users[0].id, conversation_id: id, created_at: new Date().toISOString() });
      return id;
    },
    expireAccessToken: () => void (fx.accessToken = `expired-${fx.accessToken}`),
    failNext: (status: number, body: string | object, headers?: Record<string, string>) => void failures.push({ status, body, headers }),
    failOn: (route: string, status: number, body: string | object) => void failures.push({ route, status, body }),
    hangNext: () => void (hang = true),
  };
  const asX = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/https?:\/\/\S+/g, 'https://t.co/Zx12Ab34Cd');
  const send = (res: ServerResponse, status: number, body: string | object, headers: Record<string, string> = {}) => {
    const json = typeof body === 'string' ? fixture(body) : body;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    res.writeHead(status, { 'content-type': type, ...headers }).end(JSON.stringify(json));
  };

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const u = new URL(req.url!, 'http://x');
    const route = `${req.method} ${u.pathname}`;
    if (hang) return void (hang = false);
    const failure = failures.find((f) => !f.route || f.route === route);
    if (failure) {
      failures = failures.filter((f) => f !== failure);
      return send(res, failure.status, failure.body, failure.headers);
    }
    if (route === 'POST /2/oauth2/token') {
      const f = new URLSearchParams(raw);
      const codeOk = f.get('grant_type') === 'authorization_code' && f.get('code') === fx.code && !!f.get('code_verifier') && !!f.get('redirect_uri');
      const refreshOk = f.get('grant_type') === 'refresh_token' && f.get('refresh_token') === fx.refreshToken;
      if (!req.headers.authorization?.startsWith('Basic ') || !(codeOk || refreshOk)) return send(res, 400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
      if (refreshOk) [fx.accessToken, fx.refreshToken] = [`access-${newId()}`, `refresh-${newId()}`];
      return send(res, 200, { ...fixture('token.json'), _source: undefined, access_token: fx.accessToken, refresh_token: fx.refreshToken });
    }
    if (req.headers.authorization !== `Bearer ${fx.accessToken}`) return send(res, 401, 'error-401.json');
    if (route === 'GET /2/users/me') return send(res, 200, { data: me });
    if (route === `GET /2/users/${me.id}/tweets`) {
      const since = Date.parse(u.searchParams.get('start_time') ?? '1970-01-01T00:00:00Z');
      const data = fx.tweets
        .filter((t) => Date.parse(t.createdAt) >= since - 1000)
        .reverse()
        .map((t) => ({ id: t.id, text: asX(t.text), created_at: t.createdAt, ...(t.replyTo ? { referenced_tweets: [{ type: 'replied_to', id: t.replyTo }] } : {}) }));
      return send(res, 200, { data, meta: { result_count: data.length } });
    }
    if (route === 'POST /2/tweets') {
      const b = JSON.parse(raw) as { text?: string; reply?: { in_reply_to_tweet_id: string } };
      if (typeof b.text !== 'string') return send(res, 400, { title: 'Invalid Request', detail: 'text is required', type: 'about:blank' });
      if (fx.tweets.some((t) => t.text === b.text)) return send(res, 403, 'error-duplicate.json');
      const id = fx.addTweet({ text: b.text, replyTo: b.reply?.in_reply_to_tweet_id });
      return send(res, 201, { data: { id, text: asX(b.text) } });
    }
    if (req.method === 'DELETE' && u.pathname.startsWith('/2/tweets/')) {
      const id = u.pathname.split('/').pop();
      if (!fx.tweets.some((t) => t.id === id)) return send(res, 404, { title: 'Not Found Error', detail: 'Could not find tweet', type: 'https://api.twitter.com/2/problems/resource-not-found' });
      fx.tweets = fx.tweets.filter((t) => t.id !== id);
      return send(res, 200, { data: { deleted: true } });
    }
    if (route === `GET /2/users/${me.id}/mentions`) {
      const since = u.searchParams.get('since_id');
      const data = mentions.filter((m) => !since || BigInt(m.id as string) > BigInt(since));
      return send(res, 200, data.length ? { data, includes: { users }, meta: { result_count: data.length, newest_id: data[0].id } } : { meta: { result_count: 0 } });
    }
    return send(res, 404, { title: 'Not Found', detail: `no fixture for ${route}`, type: 'about:blank' });
  }

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      fx.log.push({ method: req.method!, url: req.url!, body: raw || undefined });
      handle(req, res, raw).catch((e) => send(res, 500, { title: 'fixture error', detail: String(e) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(fx, {
    url,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  });
}
