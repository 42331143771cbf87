import { describe, expect, it } from 'vitest';
import errors from '../../../test/fixtures/meta/graph-errors.json';
import { ConnectorError } from '../errors';
import type { HttpFetch } from '../types';
import { GRAPH_VERSION, graphCall, graphUrl, isoTime } from './graph';
import { graphFailure, metaRetryAfterMs } from './graph-errors';
import { META_SCOPES, metaAuthorizeUrl } from './oauth';
import { findRecentSame, normalizeText } from './recent-match';

const now = new Date('2026-11-29T12:00:00Z');

describe('Graph error mapping (fixtures from the error-handling docs)', () => {
  for (const c of errors.cases) {
    it(`${c.status} code ${c.body.error.code}${'error_subcode' in c.body.error ? `/${c.body.error.error_subcode}` : ''} → ${c.expect}`, () => {
      const e = graphFailure(c.status, c.body, new Headers(), now);
      expect(e.failure).toBe(c.expect);
      expect(e.details.platformReason).toContain(c.body.error.message);
      expect(e.details.platformCode).toMatch(/^\d+(\/\d+)?$/);
    });
  }
  it('keeps WhatsApp error details in the reason', () => {
    const c = errors.cases.find((x) => x.body.error.code === 131047)!;
    expect(graphFailure(c.status, c.body, new Headers(), now).details.platformReason).toMatch(/24 hours/);
  });
  it('falls back to HTTP statuses for bodies that are not Graph errors', () => {
    const body = { error: 'TestFailure', message: 'test failure reason' };
    expect(graphFailure(401, body, new Headers(), now).failure).toBe('auth_expired');
    expect(graphFailure(403, body, new Headers(), now).failure).toBe('auth_revoked');
    expect(graphFailure(503, null, new Headers(), now, '<html>').failure).toBe('transient');
    const r = graphFailure(400, body, new Headers(), now);
    expect([r.failure, r.details.platformReason]).toEqual(['rejected', 'TestFailure: test failure reason']);
    expect(graphFailure(429, body, new Headers({ 'retry-after': '30' }), now).details.retryAfterMs).toBe(30_000);
  });
  it('reads how long to wait from Retry-After or the business-use-case usage header', () => {
    const buc = JSON.stringify({ '102030405060708': [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: 7 }] });
    expect(metaRetryAfterMs(new Headers({ 'x-business-use-case-usage': buc }), now)).toBe(7 * 60_000);
    expect(metaRetryAfterMs(new Headers({ 'x-business-use-case-usage': 'garbage' }), now)).toBeUndefined();
    const e = graphFailure(400, { error: { code: 32, message: 'Page request limit reached' } }, new Headers({ 'x-business-use-case-usage': buc }), now);
    expect([e.failure, e.details.retryAfterMs]).toEqual(['rate_limited', 420_000]);
  });
});

describe('graphCall', () => {
  it('pins the version, sends the token as a Bearer header (never in the URL), adds appsecret_proof, posts forms', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetch: HttpFetch = async (url, init) => {
      seen = { url, init: init! };
      return new Response('{"id":"1_2"}', { status: 200 });
    };
    const r = await graphCall(({ fetch, now: () => now, token: 'tok', proof: 'pf' }), 'POST', '/123/feed', { form: { message: 'hé', link: undefined } });
    expect(r).toEqual({ id: '1_2' });
    expect(seen!.url).toBe(`https://graph.facebook.com/${GRAPH_VERSION}/123/feed?appsecret_proof=pf`);
    expect(seen!.url).not.toContain('tok');
    const h = seen!.init.headers as Record<string, string>;
    expect([h.authorization, h['content-type']]).toEqual(['Bearer tok', 'application/x-www-form-urlencoded']);
    expect(seen!.init.body).toBe('message=h%C3%A9');
  });
  it('turns Graph errors inside a 200 and unreadable answers into ConnectorErrors', async () => {
    const answer = (body: string, status = 200): HttpFetch => async () => new Response(body, { status });
    await expect(graphCall({ fetch: answer('{"error":{"code":100,"message":"bad"}}'), now: () => now, token: 't' }, 'GET', 'x')).rejects.toMatchObject({ failure: 'rejected' });
    await expect(graphCall({ fetch: answer('<html>'), now: () => now, token: 't' }, 'GET', 'x')).rejects.toBeInstanceOf(ConnectorError);
    await expect(graphCall({ fetch: async () => { throw new TypeError('fetch failed'); }, now: () => now, token: 't' }, 'GET', 'x')).rejects.toMatchObject({ failure: 'transient' });
  });
  it('builds URLs with encoded query values', () => {
    expect(graphUrl('me/accounts', { fields: 'id,name', limit: 5, skip: undefined })).toBe(`https://graph.facebook.com/${GRAPH_VERSION}/me/accounts?fields=id%2Cname&limit=5`);
  });
});

describe('Meta OAuth authorize URL', () => {
  it('asks for the code flow with state, PKCE S256 and the kind-specific scopes', () => {
    const u = new URL(metaAuthorizeUrl('instagram', { clientId: 'app1', clientSecret: 's' }, { state: 'st', codeChallenge: 'ch', redirectUri: 'https://regie.example/cb' }));
    expect(u.origin + u.pathname).toBe(`https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`);
    expect(Object.fromEntries(u.searchParams)).toEqual({ client_id: 'app1', redirect_uri: 'https://regie.example/cb', state: 'st', response_type: 'code', scope: META_SCOPES.instagram.join(','), code_challenge: 'ch', code_challenge_method: 'S256' });
    expect(u.toString()).not.toContain('s&');
  });
});

describe('duplicate lookup and times', () => {
  const rows = [
    { text: 'Hello\r\nworld ', time: '2026-11-29T11:00:00+0000' },
    { text: 'Old', time: '2026-11-28T11:00:00+0000' },
  ];
  it('matches identical normalised text inside the window only', () => {
    expect(findRecentSame(rows, (r) => r, 'Hello\nworld', now)).toBe(rows[0]);
    expect(findRecentSame(rows, (r) => r, 'Old', now)).toBeUndefined();
    expect(findRecentSame(rows, (r) => r, '  ', now)).toBeUndefined();
    expect(normalizeText('e\u0301 ')).toBe('é');
  });
  it('reads Meta times in seconds, milliseconds, digit strings and Graph ISO form', () => {
    expect(isoTime(1700000000, now)).toBe('2023-11-14T22:13:20.000Z');
    expect(isoTime(1700000000123, now)).toBe('2023-11-14T22:13:20.123Z');
    expect(isoTime('1749416383', now)).toBe('2025-06-08T20:59:43.000Z');
    expect(isoTime('2019-04-05T07:56:32+0000', now)).toBe('2019-04-05T07:56:32.000Z');
    expect(isoTime(undefined, now)).toBe(now.toISOString());
  });
});
