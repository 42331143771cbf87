import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import type { ConnectorContext, HttpFetch } from '../types';
import { BlueskyClient, xrpcFailure } from './bluesky.api';
import { linkCardEmbed, parsePageMeta } from './bluesky.link-card';

const NOW = new Date('2026-01-01T00:00:00Z');
const fail = (status: number, body: object, headers: Record<string, string> = {}) => xrpcFailure(status, new Headers(headers), JSON.stringify(body), NOW);
const quiet = { info: () => {}, warn: () => {} };

function ctxWith(fetch: HttpFetch, over: Partial<ConnectorContext> = {}): ConnectorContext {
  return {
    account: { remoteId: 'did:plc:me', handle: 'me.test', displayName: 'Me' },
    credentials: { accessJwt: 'old', refreshJwt: 'r', did: 'did:plc:me', handle: 'me.test', service: 'http://127.0.0.1:9' },
    fetch,
    fetchUntrusted: async () => {
      throw new Error('no untrusted fetch expected');
    },
    now: () => NOW,
    log: quiet,
    ...over,
  };
}

describe('bluesky XRPC failures', () => {
  it('maps expired and unreadable tokens (400 on Bluesky) and 401 to auth_expired', () => {
    expect(fail(400, { error: 'ExpiredToken', message: 'Token has expired' }).failure).toBe('auth_expired');
    expect(fail(400, { error: 'InvalidToken' }).failure).toBe('auth_expired');
    expect(fail(401, { error: 'AuthenticationRequired' }).failure).toBe('auth_expired');
  });

  it('maps takedowns to auth_revoked, other 400s to rejected with the code and reason', () => {
    expect(fail(400, { error: 'AccountTakedown' }).failure).toBe('auth_revoked');
    const e = fail(400, { error: 'InvalidRequest', message: 'Record/text must not be longer than 300 graphemes' });
    expect(e.failure).toBe('rejected');
    expect(e.details).toMatchObject({ status: 400, platformCode: 'InvalidRequest', platformReason: 'InvalidRequest: Record/text must not be longer than 300 graphemes' });
  });

  it('reads Retry-After or RateLimit-Reset on 429', () => {
    expect(fail(429, { error: 'RateLimitExceeded' }, { 'retry-after': '5' }).details.retryAfterMs).toBe(5000);
    const reset = String(NOW.getTime() / 1000 + 90);
    expect(fail(429, { error: 'RateLimitExceeded' }, { 'ratelimit-reset': reset }).details.retryAfterMs).toBe(90_000);
    expect(fail(502, {}).failure).toBe('transient');
  });
});

describe('bluesky client refresh', () => {
  it('refreshes once on an expired token, retries once, and keeps the new token for later calls', async () => {
    const tokens: string[] = [];
    const fetch: HttpFetch = async (_url, init) => {
      const token = String(new Headers(init?.headers).get('authorization')).replace('Bearer ', '');
      tokens.push(token);
      if (token === 'old') return new Response('{"error":"ExpiredToken","message":"Token has expired"}', { status: 400 });
      return new Response('{"did":"did:plc:me","handle":"me.test"}', { status: 200 });
    };
    let refreshes = 0;
    const api = new BlueskyClient(ctxWith(fetch, { refreshCredentials: async () => ({ accessJwt: `new${++refreshes}`, refreshJwt: 'r2', did: 'did:plc:me', handle: 'me.test', service: 'http://127.0.0.1:9' }) }));
    await api.get('com.atproto.server.getSession');
    await api.get('com.atproto.server.getSession');
    expect(refreshes).toBe(1);
    expect(tokens).toEqual(['old', 'new1', 'new1']);
  });

  it('without refreshCredentials, or when a network error happens, throws a typed error', async () => {
    const expired: HttpFetch = async () => new Response('{"error":"ExpiredToken"}', { status: 400 });
    await expect(new BlueskyClient(ctxWith(expired)).get('x.y.z')).rejects.toMatchObject({ failure: 'auth_expired' });
    const broken: HttpFetch = async () => {
      throw new TypeError('fetch failed');
    };
    const err = (await new BlueskyClient(ctxWith(broken)).get('x.y.z').catch((e: unknown) => e)) as ConnectorError;
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.failure).toBe('transient');
  });
});

describe('bluesky link cards', () => {
  it('reads Open Graph data, decodes entities and resolves the image against the page', () => {
    const html = `<html><head><title>Fallback</title><meta content="Ons &amp; jullie" property="og:title">
      <meta name="description" content="Het verslag &#8211; 2026"><meta property="og:image" content="/img/card.png"></head></html>`;
    expect(parsePageMeta(html, 'https://regie.test/report/')).toEqual({ title: 'Ons & jullie', description: 'Het verslag – 2026', imageUrl: 'https://regie.test/img/card.png' });
    expect(parsePageMeta('<title> Only  a title </title><meta property="og:image" content="javascript:x">', 'https://regie.test/')).toEqual({ title: 'Only a title' });
  });

  it('uses a given title and fetches nothing; without one it reads the page and its image through the guarded fetch', async () => {
    const uploads: string[] = [];
    const upload = async (m: { mimeType: string }) => {
      uploads.push(m.mimeType);
      return { $type: 'blob' as const, ref: { $link: 'bafkthumb' }, mimeType: m.mimeType, size: 3 };
    };
    const refuse: HttpFetch = async () => {
      throw new Error('must not fetch');
    };
    expect(await linkCardEmbed({ url: 'https://regie.test/a', title: 'Given' }, { fetchUntrusted: refuse, log: quiet, upload })).toEqual({
      $type: 'app.bsky.embed.external',
      external: { uri: 'https://regie.test/a', title: 'Given', description: '' },
    });
    const asked: string[] = [];
    const site: HttpFetch = async (url) => {
      asked.push(url);
      if (url.endsWith('.png')) return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } });
      return new Response('<meta property="og:title" content="Page"><meta property="og:description" content="About"><meta property="og:image" content="https://cdn.regie.test/c.png">', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    };
    const card = await linkCardEmbed({ url: 'https://regie.test/b' }, { fetchUntrusted: site, log: quiet, upload });
    expect(card.external).toEqual({ uri: 'https://regie.test/b', title: 'Page', description: 'About', thumb: { $type: 'blob', ref: { $link: 'bafkthumb' }, mimeType: 'image/png', size: 3 } });
    expect(asked).toEqual(['https://regie.test/b', 'https://cdn.regie.test/c.png']);
    expect(uploads).toEqual(['image/png']);
  });

  it('falls back to the URL as title when the page cannot be read', async () => {
    const refused: HttpFetch = async () => {
      throw new ConnectorError('rejected', '127.0.0.1 is a private or local address.');
    };
    const card = await linkCardEmbed({ url: 'http://127.0.0.1:1/x' }, { fetchUntrusted: refused, log: quiet, upload: async () => ({ $type: 'blob', ref: { $link: 'x' }, mimeType: 'image/png', size: 1 }) });
    expect(card.external).toEqual({ uri: 'http://127.0.0.1:1/x', title: 'http://127.0.0.1:1/x', description: '' });
  });
});
