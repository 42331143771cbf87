/**
 * The Bluesky connector against a real local AT Protocol network (PLC + PDS + AppView from @atproto/dev-env):
 * the contract suite, then one scenario — connect with an app password, publish a thread with an image and link
 * cards, take in a reply and a mention, reply, count, delete — and the expired-token path.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blueskyConnector as bsky } from '../../src/connectors/bluesky/bluesky.connector';
import { recordKeyFor } from '../../src/connectors/bluesky/bluesky.rkey';
import { ConnectorError } from '../../src/connectors/errors';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import { liveContract, staticContract } from '../../src/connectors/testing/contract';
import type { AccountInfo, Credentials, HttpFetch, InboundItem, OutboundVariant, RemoteRef } from '../../src/connectors/types';
import { startAtprotoNetwork, type AtprotoAccount, type AtprotoNetwork } from '../support/atproto-network';
import { testContext } from '../support/connector-context';

const pgUrl = inject('pgUrl');
if (!pgUrl && process.env.CI === 'true') throw new Error('CI: the Bluesky peer tests need PostgreSQL for the local AT Protocol network.');
if (!pgUrl) console.warn('\n[bluesky] *** PostgreSQL missing: the live Bluesky tests are SKIPPED locally (apt-get install postgresql) ***\n');

const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: 'Hello from Regie 👋' }] });
const platform = createPlatformFetch();

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A valid 2×1 RGB PNG, made here. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixels = deflateSync(Buffer.from([0, 0xe0, 0x40, 0x30, 0x20, 0x90, 0xf0]));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}

/** A loopback page with Open Graph tags that must never be fetched (link-card data is given, or refused). */
async function startCanary(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><meta property="og:title" content="Canary"></head></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => new Promise((r) => server.close(() => r())) };
}

/** The same access token with its expiry moved into the past, signed with the PDS's own key: a real expired token. */
function expire(jwt: string, key: Parameters<typeof createHmac>[1]): string {
  const [header, payload] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const now = Math.floor(Date.now() / 1000);
  const body = Buffer.from(JSON.stringify({ ...claims, iat: now - 7200, exp: now - 3600 })).toString('base64url');
  return `${header}.${body}.${createHmac('sha256', key).update(`${header}.${body}`).digest('base64url')}`;
}

const bytes = (s: string, part: string) => {
  const at = Buffer.from(s).indexOf(Buffer.from(part));
  return { byteStart: at, byteEnd: at + Buffer.byteLength(part) };
};

let net: AtprotoNetwork;
let org: AtprotoAccount;
let bob: AtprotoAccount;
let appPassword: string;
let credentials: Credentials;
let account: AccountInfo;
let canary: Awaited<ReturnType<typeof startCanary>>;

beforeAll(async () => {
  if (!pgUrl) return;
  net = await startAtprotoNetwork(pgUrl);
  org = await net.createAccount('regie-org', 'Regie Org');
  bob = await net.createAccount('bob', 'Bob Burger');
  canary = await startCanary();
  appPassword = await net.createAppPassword(org, 'Regie');
  await net.settle();
  const connected = await bsky.connect!(platform, { service: net.pdsUrl, identifier: org.handle, appPassword }, new Date());
  credentials = connected.credentials;
  account = connected.account;
});

afterAll(async () => {
  await canary?.close();
  await net?.close();
});

const ctx = (over: Parameters<typeof testContext>[2] = {}) => testContext(account, credentials, over);
const record = (uri: string) => {
  const [, , repo, collection, rkey] = uri.split('/');
  return net.xrpc(null, 'com.atproto.repo.getRecord', { query: { repo, collection, rkey } }).then((r) => r.value);
};
const postAs = (who: AtprotoAccount, rec: Record<string, unknown>) =>
  net.xrpc(who, 'com.atproto.repo.createRecord', { body: { repo: who.did, collection: 'app.bsky.feed.post', record: { $type: 'app.bsky.feed.post', createdAt: new Date().toISOString(), ...rec } } });

staticContract(bsky, sample);

describe.runIf(!!pgUrl)('bluesky: live', () => {
  liveContract(bsky, { context: async () => ctx(), sampleVariant: sample, canPublish: true, settle: () => net.settle() });

  describe('scenario: a thread, reactions, metrics and delete', () => {
    const png = tinyPng();
    const text0 = 'Our annual report 📊 is out — read it at https://report.regie.test/2026 (thanks @bob.test, not @nobody.test) #Regie';
    let thread: { remote: RemoteRef; parts: RemoteRef[] };
    let inbound: InboundItem[] = [];

    it('connected with an app password, and refuses the main password and a wrong one', async () => {
      expect(Object.keys(credentials).sort()).toEqual(['accessJwt', 'did', 'handle', 'refreshJwt', 'service']);
      expect(account).toMatchObject({ remoteId: org.did, handle: 'regie-org.test', displayName: 'Regie Org', serviceUrl: net.pdsUrl });
      const main = await bsky.connect!(platform, { service: net.pdsUrl, identifier: org.handle, appPassword: org.password }, new Date()).catch((e) => e);
      expect(main).toBeInstanceOf(ConnectorError);
      expect(main.details.platformCode).toBe('AppPasswordRequired');
      const wrong = await bsky.connect!(platform, { service: net.pdsUrl, identifier: org.handle, appPassword: 'aaaa-bbbb-cccc-dddd' }, new Date()).catch((e) => e);
      expect(wrong.failure).toBe('rejected');
    });

    it('publishes a thread (image with alt text, facets, link card), once per key', async () => {
      const variant: OutboundVariant = {
        idempotencyKey: 'scenario-thread',
        language: 'en',
        parts: [
          { text: text0, media: [{ kind: 'image', mimeType: 'image/png', bytes: png, altText: 'A bar chart of members per year, rising.' }], link: { url: 'https://report.regie.test/2026', title: 'Annual report' } },
          { text: 'Part two: what changed this year.', link: { url: `${canary.url}/report`, title: 'Annual report 2026', description: 'Everything we did.', thumb: { kind: 'image', mimeType: 'image/png', bytes: png } } },
        ],
      };
      const findings = bsky.validate(variant);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(findings.map((f) => f.code)).toContain('link_card_with_media');
      const out = await bsky.publish!(ctx(), variant);
      expect(out.status).toBe('published');
      thread = out as typeof thread;
      expect(thread.parts).toHaveLength(2);
      expect(thread.remote.remoteId).toBe(`at://${org.did}/app.bsky.feed.post/${recordKeyFor('scenario-thread', 0)}`);
      expect(thread.remote.extra?.threadUris).toBe(thread.parts[1].remoteId);

      const first = await record(thread.parts[0].remoteId);
      expect(first.langs).toEqual(['en']);
      expect(first.embed.$type).toBe('app.bsky.embed.images');
      expect(first.embed.images[0]).toMatchObject({ alt: 'A bar chart of members per year, rising.', aspectRatio: { width: 2, height: 1 }, image: { mimeType: 'image/png', size: png.byteLength } });
      expect(first.facets).toEqual([
        { index: bytes(text0, 'https://report.regie.test/2026'), features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://report.regie.test/2026' }] },
        { index: bytes(text0, '@bob.test'), features: [{ $type: 'app.bsky.richtext.facet#mention', did: bob.did }] },
        { index: bytes(text0, '#Regie'), features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Regie' }] },
      ]);
      const second = await record(thread.parts[1].remoteId);
      const rootRef = { uri: thread.parts[0].remoteId, cid: thread.parts[0].extra!.cid };
      expect(second.reply).toEqual({ root: rootRef, parent: rootRef });
      expect(second.embed).toMatchObject({ $type: 'app.bsky.embed.external', external: { uri: `${canary.url}/report`, title: 'Annual report 2026', description: 'Everything we did.', thumb: { mimeType: 'image/png' } } });
      expect(canary.hits()).toBe(0);

      const again = await bsky.publish!(ctx(), variant);
      expect(again).toEqual(out);
      const listed = await net.xrpc(null, 'com.atproto.repo.listRecords', { query: { repo: org.did, collection: 'app.bsky.feed.post' } });
      expect(listed.records.filter((r: { uri: string }) => thread.parts.some((p) => p.remoteId === r.uri))).toHaveLength(2);
      const found = await bsky.findPublished!(ctx(), 'scenario-thread');
      expect(found).toMatchObject({ remoteId: thread.remote.remoteId, extra: { cid: thread.remote.extra!.cid, threadUris: thread.parts[1].remoteId } });
      expect(await bsky.findPublished!(ctx(), 'never-published')).toBeNull();
    });

    it('reads a link card page only through the guarded fetch: a loopback page is refused, the URL becomes the title', async () => {
      const out = await bsky.publish!(ctx(), { idempotencyKey: 'scenario-card', parts: [{ text: 'A page', link: { url: `${canary.url}/page` } }] });
      const ref = (out as { remote: RemoteRef }).remote;
      expect((await record(ref.remoteId)).embed.external).toEqual({ uri: `${canary.url}/page`, title: `${canary.url}/page`, description: '' });
      expect(canary.hits()).toBe(0);
      await bsky.delete!(ctx(), ref);
    });

    it('takes in a reply, a mention and a mentioning reply by polling; a second poll repeats nothing', async () => {
      await net.settle();
      const before = await bsky.poll!(ctx(), null);
      const [root, last] = thread.parts.map((p) => ({ uri: p.remoteId, cid: p.extra!.cid }));
      const reply = await postAs(bob, { text: 'Great report! When is the next one?', reply: { root, parent: last } });
      const hey = 'Hey @regie-org.test, can we talk about the report?';
      const mention = await postAs(bob, { text: hey, facets: [{ index: bytes(hey, '@regie-org.test'), features: [{ $type: 'app.bsky.richtext.facet#mention', did: org.did }] }] });
      const both = 'Also @regie-org.test: page 3 has a typo.';
      const mentioningReply = await postAs(bob, { text: both, reply: { root, parent: root }, facets: [{ index: bytes(both, '@regie-org.test'), features: [{ $type: 'app.bsky.richtext.facet#mention', did: org.did }] }] });
      await net.settle();

      const res = await bsky.poll!(ctx(), before.cursor);
      inbound = res.items;
      expect(res.items.map((i) => [i.kind, i.remoteId])).toEqual([
        ['reply', reply.uri],
        ['mention', mention.uri],
        ['mention', mentioningReply.uri],
      ]);
      const [r, m, mr] = res.items;
      expect(r).toMatchObject({
        threadRemoteId: root.uri,
        inReplyToRemoteId: last.uri,
        author: { remoteId: bob.did, handle: 'bob.test', displayName: 'Bob Burger' },
        text: 'Great report! When is the next one?',
        replyRef: { rootUri: root.uri, rootCid: root.cid, parentUri: reply.uri, parentCid: reply.cid },
      });
      expect(r.fromSelf).toBeUndefined();
      expect(Date.parse(r.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(m).toMatchObject({ threadRemoteId: mention.uri, replyRef: { rootUri: mention.uri, parentUri: mention.uri } });
      expect(m.inReplyToRemoteId).toBeUndefined();
      expect(mr).toMatchObject({ threadRemoteId: root.uri, inReplyToRemoteId: root.uri });
      expect((await bsky.poll!(ctx(), res.cursor)).items).toEqual([]);
    });

    it('replies with the right root and parent, once per key', async () => {
      const r = inbound[0];
      const made = await bsky.reply!(ctx(), { idempotencyKey: 'scenario-reply', inReplyTo: r, text: 'Next spring, @bob.test!' });
      const rec = await record(made.remoteId);
      expect(rec.reply).toEqual({ root: { uri: r.replyRef!.rootUri, cid: r.replyRef!.rootCid }, parent: { uri: r.remoteId, cid: r.replyRef!.parentCid } });
      expect(rec.facets[0].features[0]).toEqual({ $type: 'app.bsky.richtext.facet#mention', did: bob.did });
      expect(await bsky.reply!(ctx(), { idempotencyKey: 'scenario-reply', inReplyTo: r, text: 'Next spring, @bob.test!' })).toEqual(made);
      const { replyRef: _, ...bare } = inbound[1];
      const toMention = await bsky.reply!(ctx(), { idempotencyKey: 'scenario-reply-2', inReplyTo: bare, text: 'Sure, send us a message.' });
      const rec2 = await record(toMention.remoteId);
      expect(rec2.reply.root.uri).toBe(inbound[1].remoteId);
      expect(rec2.reply.parent.uri).toBe(inbound[1].remoteId);
    });

    it('reports likes, reposts, replies and quotes', async () => {
      const last = thread.parts[1];
      await net.xrpc(bob, 'com.atproto.repo.createRecord', {
        body: { repo: bob.did, collection: 'app.bsky.feed.like', record: { $type: 'app.bsky.feed.like', subject: { uri: last.remoteId, cid: last.extra!.cid }, createdAt: new Date().toISOString() } },
      });
      await net.settle();
      const m = await bsky.metrics!(ctx(), [last]);
      expect(m.get(last.remoteId)).toEqual({ likes: 1, reposts: 0, replies: 1, quotes: 0 });
    });

    it('deletes the whole thread', async () => {
      await bsky.delete!(ctx(), thread.remote);
      await bsky.delete!(ctx(), thread.remote);
      await net.settle();
      const left = await net.xrpc(bob, 'app.bsky.feed.getPosts', { query: { uris: thread.parts.map((p) => p.remoteId) } });
      expect(left.posts).toEqual([]);
      expect(await bsky.findPublished!(ctx(), 'scenario-thread')).toBeNull();
      await expect(bsky.delete!(ctx(), { remoteId: inbound[0].remoteId })).rejects.toMatchObject({ failure: 'rejected' });
    });
  });

  describe('an expired access token', () => {
    async function expiredContext(refreshTo?: (fresh: Credentials) => Credentials) {
      const { credentials: fresh } = await bsky.connect!(platform, { service: net.pdsUrl, identifier: org.handle, appPassword }, new Date());
      const stale = expire(fresh.accessJwt, net.network.pds.jwtSecretKey());
      const seen: string[] = [];
      let refreshes = 0;
      const fetch: HttpFetch = (url, init) => {
        seen.push(String(new Headers(init?.headers).get('authorization')).replace('Bearer ', ''));
        return platform(url, init);
      };
      const c = testContext(account, { ...fresh, accessJwt: stale }, {
        fetch,
        refreshCredentials: async () => {
          refreshes++;
          const next = await bsky.refresh!(platform, null, fresh, new Date());
          return refreshTo ? refreshTo(next) : next;
        },
      });
      return { c, stale, seen, refreshes: () => refreshes };
    }

    it('is refreshed once and the call retried once', async () => {
      const { c, stale, seen, refreshes } = await expiredContext();
      expect(await bsky.verify(c)).toMatchObject({ remoteId: org.did, handle: 'regie-org.test' });
      expect(refreshes()).toBe(1);
      expect(seen[0]).toBe(stale);
      expect(seen.filter((t) => t === stale)).toHaveLength(1);
      expect(seen[1]).not.toBe(stale);
    });

    it('fails as auth_expired when the refreshed token is refused too, without a second refresh', async () => {
      const { c, stale, seen, refreshes } = await expiredContext((next) => ({ ...next, accessJwt: 'not-a-token' }));
      await expect(bsky.verify(c)).rejects.toMatchObject({ failure: 'auth_expired' });
      expect(refreshes()).toBe(1);
      expect(seen).toEqual([stale, 'not-a-token']);
    });
  });
});
