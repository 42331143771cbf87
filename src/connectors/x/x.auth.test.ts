import { describe, expect, it } from 'vitest';
import token from '../../../test/fixtures/x/token.json';
import type { HttpFetch } from '../types';
import { refreshXCredentials, xAuthorizeUrl, xExchangeCode } from './x.auth';

const app = { clientId: 'client-1', clientSecret: 's3cret' };
const now = new Date('2026-11-29T12:00:00Z');

function recording(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch: HttpFetch = async (url, init = {}) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetch };
}

describe('x OAuth 2.0 with PKCE', () => {
  it('builds the consent URL with S256 and the scopes', () => {
    const u = new URL(xAuthorizeUrl(app, { state: 'st', codeChallenge: 'ch', redirectUri: 'https://regie.example/cb' }));
    expect(u.origin + u.pathname).toBe('https://x.com/i/oauth2/authorize');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      response_type: 'code', client_id: 'client-1', redirect_uri: 'https://regie.example/cb', state: 'st',
      scope: 'tweet.read tweet.write users.read offline.access media.write', code_challenge: 'ch', code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with the verifier at api.x.com, Basic client auth', async () => {
    const r = recording(200, token);
    const c = await xExchangeCode(r.fetch, app, { code: 'abc', codeVerifier: 'ver', redirectUri: 'https://regie.example/cb' }, now);
    expect(c).toEqual({ accessToken: token.access_token, refreshToken: token.refresh_token, expiresAt: '2026-11-29T14:00:00.000Z', scope: token.scope });
    expect(r.calls[0].url).toBe('https://api.x.com/2/oauth2/token');
    const form = new URLSearchParams(String(r.calls[0].init.body));
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'authorization_code', code: 'abc', redirect_uri: 'https://regie.example/cb', code_verifier: 'ver', client_id: 'client-1' });
    expect((r.calls[0].init.headers as Record<string, string>).authorization).toBe(`Basic ${Buffer.from('client-1:s3cret').toString('base64')}`);
  });

  it('refreshes with the stored (rotating) refresh token; a refused one means connect again', async () => {
    const ok = recording(200, { ...token, refresh_token: 'rotated' });
    expect((await refreshXCredentials(ok.fetch, app, { accessToken: 'old', refreshToken: 'r1' }, now)).refreshToken).toBe('rotated');
    expect(new URLSearchParams(String(ok.calls[0].init.body)).get('refresh_token')).toBe('r1');
    const bad = recording(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
    await expect(refreshXCredentials(bad.fetch, app, { accessToken: 'old', refreshToken: 'used' }, now)).rejects.toMatchObject({ failure: 'auth_revoked' });
    await expect(refreshXCredentials(bad.fetch, app, { accessToken: 'old' }, now)).rejects.toMatchObject({ failure: 'auth_expired' });
  });
});
