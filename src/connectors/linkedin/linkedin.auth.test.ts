import { describe, expect, it } from 'vitest';
import token from '../../../test/fixtures/linkedin/token.json';
import type { HttpFetch } from '../types';
import { linkedinAuthorizeUrl, linkedinExchangeCode, refreshLinkedInCredentials } from './linkedin.auth';

const app = { clientId: 'cid', clientSecret: 'csecret' };
const now = new Date('2026-11-29T12:00:00Z');

describe('linkedin OAuth 2', () => {
  it('builds the consent URL with the page scopes', () => {
    const u = new URL(linkedinAuthorizeUrl(app, { state: 's', codeChallenge: 'unused', redirectUri: 'https://regie.example/cb' }));
    expect(u.origin + u.pathname).toBe('https://www.linkedin.com/oauth/v2/authorization');
    expect(u.searchParams.get('scope')).toBe('w_organization_social r_organization_social rw_organization_admin');
    expect(u.searchParams.has('code_challenge')).toBe(false);
  });

  it('exchanges the code (client secret in the form) and refreshes; a refused refresh means reconnect', async () => {
    const forms: URLSearchParams[] = [];
    const ok: HttpFetch = async (url, init = {}) => {
      expect(url).toBe('https://www.linkedin.com/oauth/v2/accessToken');
      forms.push(new URLSearchParams(String(init.body)));
      return new Response(JSON.stringify(token), { status: 200 });
    };
    const c = await linkedinExchangeCode(ok, app, { code: 'c1', redirectUri: 'https://regie.example/cb' }, now);
    expect(c).toMatchObject({ accessToken: token.access_token, refreshToken: token.refresh_token, expiresAt: new Date(now.getTime() + 5184000e3).toISOString() });
    expect(Object.fromEntries(forms[0])).toEqual({ grant_type: 'authorization_code', code: 'c1', redirect_uri: 'https://regie.example/cb', client_id: 'cid', client_secret: 'csecret' });
    await refreshLinkedInCredentials(ok, app, c, now);
    expect(forms[1].get('grant_type')).toBe('refresh_token');
    const bad: HttpFetch = async () => new Response(JSON.stringify({ error: 'invalid_request', error_description: 'The provided refresh token is invalid' }), { status: 400 });
    await expect(refreshLinkedInCredentials(bad, app, c, now)).rejects.toMatchObject({ failure: 'auth_revoked' });
    await expect(refreshLinkedInCredentials(bad, app, { accessToken: 'a' }, now)).rejects.toMatchObject({ failure: 'auth_expired' });
  });
});
