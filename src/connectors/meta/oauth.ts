/**
 * Connecting Meta channels. One login (Facebook Login, authorization code with PKCE and state) gives a PERSON's
 * token; a channel is a Page, an Instagram professional account or a WhatsApp phone number that person manages.
 * So connecting is two steps:
 *   1. `authorizeUrl` → Meta → callback → `exchangeCode`: code → short-lived user token → long-lived user token
 *      (about 60 days); returns `{ credentials: { userAccessToken, userTokenExpiresAt }, account: the person }`.
 *   2. `listMetaAccounts(fetch, app, kind, userAccessToken)`: the Pages / Instagram accounts / phone numbers that
 *      person can use, each with the account and the credentials to store for it. The UI lets the person choose;
 *      the chosen entry is what the channel stores. Page tokens derived from a long-lived user token do not expire.
 * Meta has no refresh tokens: when a token dies the person connects again.
 */
import { ConnectorError } from '../errors';
import type { AccountInfo, Credentials, HttpFetch, OAuthApp } from '../types';
import { DIALOG_HOST, GRAPH_VERSION, appSecretProof, graphCall, type GraphAuth } from './graph';

export type MetaKind = 'facebook' | 'instagram' | 'whatsapp';

/** The permissions each channel kind asks for at login. */
export const META_SCOPES: Record<MetaKind, string[]> = {
  facebook: ['pages_show_list', 'pages_read_engagement', 'pages_read_user_engagement', 'pages_manage_posts', 'pages_manage_engagement', 'pages_manage_metadata', 'pages_messaging', 'read_insights'],
  instagram: ['pages_show_list', 'pages_read_engagement', 'pages_manage_metadata', 'instagram_basic', 'instagram_content_publish', 'instagram_manage_comments', 'instagram_manage_insights', 'instagram_manage_messages', 'business_management'],
  whatsapp: ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'],
};

/** A channel the person may connect: the account as Meta knows it, and what to store for it. */
export interface MetaAccountChoice {
  account: AccountInfo;
  credentials: Credentials;
}

/** The Facebook Login dialog URL for `kind`: code flow, the caller's state, PKCE S256 challenge, the kind's scopes. */
export function metaAuthorizeUrl(kind: MetaKind, app: OAuthApp, p: { state: string; codeChallenge: string; redirectUri: string }): string {
  const u = new URL(`${DIALOG_HOST}/${GRAPH_VERSION}/dialog/oauth`);
  u.searchParams.set('client_id', app.clientId);
  u.searchParams.set('redirect_uri', p.redirectUri);
  u.searchParams.set('state', p.state);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('scope', META_SCOPES[kind].join(','));
  u.searchParams.set('code_challenge', p.codeChallenge);
  u.searchParams.set('code_challenge_method', 'S256');
  return u.toString();
}

type TokenAnswer = { access_token?: string; token_type?: string; expires_in?: number };

const anonymous = (fetch: HttpFetch, now: Date): GraphAuth => ({ fetch, now: () => now, token: '' });

/**
 * Exchanges the callback's code (with the PKCE verifier and the app secret, in a POST body, never a URL) for a
 * user token, then for a long-lived one, and reads who the person is. Throws ConnectorError on any failure.
 */
export async function metaExchangeCode(fetch: HttpFetch, app: OAuthApp, p: { code: string; codeVerifier: string; redirectUri: string }, now: Date): Promise<{ credentials: Credentials; account: AccountInfo }> {
  const short = await graphCall<TokenAnswer>(anonymous(fetch, now), 'POST', 'oauth/access_token', {
    form: { client_id: app.clientId, client_secret: app.clientSecret, redirect_uri: p.redirectUri, code: p.code, code_verifier: p.codeVerifier },
  });
  if (!short.access_token) throw new ConnectorError('rejected', 'Meta returned no access token for this sign-in.');
  const long = await graphCall<TokenAnswer>(anonymous(fetch, now), 'POST', 'oauth/access_token', {
    form: { grant_type: 'fb_exchange_token', client_id: app.clientId, client_secret: app.clientSecret, fb_exchange_token: short.access_token },
  });
  const token = long.access_token ?? short.access_token;
  const expiresIn = Number(long.access_token ? long.expires_in : short.expires_in) || 0;
  const me = await graphCall<{ id?: string; name?: string }>({ fetch, now: () => now, token, proof: appSecretProof(app.clientSecret, token) }, 'GET', 'me', { query: { fields: 'id,name' } });
  if (!me.id) throw new ConnectorError('rejected', 'Meta did not say who signed in.');
  const credentials: Credentials = { userAccessToken: token, appsecretProof: appSecretProof(app.clientSecret, token) };
  if (expiresIn > 0) credentials.userTokenExpiresAt = new Date(now.getTime() + expiresIn * 1000).toISOString();
  return { credentials, account: { remoteId: me.id, handle: me.name ?? me.id, displayName: me.name ?? me.id } };
}

type Page = { id?: string; name?: string; username?: string; access_token?: string; picture?: { data?: { url?: string } }; instagram_business_account?: { id?: string; username?: string; name?: string; profile_picture_url?: string } };
type Business = { id?: string; name?: string; owned_whatsapp_business_accounts?: { data?: Array<{ id?: string; name?: string; phone_numbers?: { data?: Array<{ id?: string; display_phone_number?: string; verified_name?: string }> } }> } };

/**
 * The channels of `kind` the signed-in person can connect, read with their (long-lived) user token: Pages they
 * manage (with a Page token each), Instagram professional accounts linked to those Pages (Page token, IG user id,
 * Page id), or WhatsApp phone numbers of the WhatsApp Business Accounts their businesses own (the user token,
 * phone number id, WABA id). Each entry's `credentials` are ready to store; `appsecretProof` is included for the
 * token stored. Reads at most 100 of each (one page of results).
 */
export async function listMetaAccounts(fetch: HttpFetch, app: OAuthApp, kind: MetaKind, userAccessToken: string, now: Date): Promise<MetaAccountChoice[]> {
  const g: GraphAuth = { fetch, now: () => now, token: userAccessToken, proof: appSecretProof(app.clientSecret, userAccessToken) };
  const proof = (token: string) => appSecretProof(app.clientSecret, token);
  if (kind === 'whatsapp') {
    const res = await graphCall<{ data?: Business[] }>(g, 'GET', 'me/businesses', {
      query: { fields: 'id,name,owned_whatsapp_business_accounts{id,name,phone_numbers{id,display_phone_number,verified_name}}', limit: 100 },
    });
    const out: MetaAccountChoice[] = [];
    for (const b of res.data ?? []) {
      for (const waba of b.owned_whatsapp_business_accounts?.data ?? []) {
        for (const n of waba.phone_numbers?.data ?? []) {
          if (!n.id || !waba.id) continue;
          const handle = n.display_phone_number ?? n.id;
          out.push({ account: { remoteId: n.id, handle, displayName: n.verified_name ?? handle }, credentials: { accessToken: userAccessToken, appsecretProof: proof(userAccessToken), phoneNumberId: n.id, wabaId: waba.id } });
        }
      }
    }
    return out;
  }
  const fields = kind === 'facebook' ? 'id,name,username,access_token,picture{url}' : 'id,name,access_token,instagram_business_account{id,username,name,profile_picture_url}';
  const res = await graphCall<{ data?: Page[] }>(g, 'GET', 'me/accounts', { query: { fields, limit: 100 } });
  const out: MetaAccountChoice[] = [];
  for (const page of res.data ?? []) {
    if (!page.id || !page.access_token) continue;
    if (kind === 'facebook') {
      const avatarUrl = page.picture?.data?.url;
      out.push({
        account: { remoteId: page.id, handle: page.username ?? page.name ?? page.id, displayName: page.name ?? page.id, ...(avatarUrl ? { avatarUrl } : {}) },
        credentials: { accessToken: page.access_token, appsecretProof: proof(page.access_token), pageId: page.id },
      });
      continue;
    }
    const ig = page.instagram_business_account;
    if (!ig?.id) continue;
    out.push({
      account: { remoteId: ig.id, handle: ig.username ?? ig.id, displayName: ig.name ?? ig.username ?? ig.id, ...(ig.profile_picture_url ? { avatarUrl: ig.profile_picture_url } : {}) },
      credentials: { accessToken: page.access_token, appsecretProof: proof(page.access_token), igUserId: ig.id, pageId: page.id },
    });
  }
  return out;
}
