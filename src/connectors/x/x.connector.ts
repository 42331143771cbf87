import { ConnectorError } from '../errors';
import type { AccountInfo, Connector, ConnectorContext, Credentials, HttpFetch, InboundItem, MetricValues, OutboundVariant, RemoteRef } from '../types';
import { refreshXCredentials, xAuthorizeUrl, xExchangeCode } from './x.auth';
import { X_SCOPES, xCapabilities } from './x.capabilities';
import { xApi } from './x.http';
import { compareIds, isTweetId, mentionsToInbound, xMetrics, type XTweet, type XTweetPage, type XUser } from './x.map';
import { deleteX, findXPublished, publishX, replyX } from './x.publish';
import { validateX } from './x.validate';

/** Pages of 100 mentions read per poll at most (the first poll of an account reads one page only). */
const MAX_MENTION_PAGES = 5;

async function me(ctx: ConnectorContext): Promise<AccountInfo> {
  const answer = await xApi(ctx).get<{ data?: XUser }>('/2/users/me', { 'user.fields': 'profile_image_url,username,name' });
  const u = answer?.data;
  if (!u?.id) throw new ConnectorError('rejected', 'X did not return the signed-in account.');
  return { remoteId: u.id, handle: u.username, displayName: u.name || u.username, avatarUrl: u.profile_image_url };
}

async function pollMentions(ctx: ConnectorContext, cursor: string | null) {
  const api = xApi(ctx);
  const since = isTweetId(cursor) ? cursor : null;
  let newest = since;
  const items = new Map<string, InboundItem>();
  let token: string | undefined;
  for (let page = 0; page < MAX_MENTION_PAGES; page++) {
    const res = await api.get<XTweetPage>(`/2/users/${encodeURIComponent(ctx.account.remoteId)}/mentions`, {
      max_results: 100,
      since_id: since ?? undefined,
      pagination_token: token,
      'tweet.fields': 'created_at,author_id,conversation_id,referenced_tweets,in_reply_to_user_id',
      expansions: 'author_id',
      'user.fields': 'username,name,profile_image_url',
    });
    const got = mentionsToInbound(res ?? {}, since, ctx.account.remoteId, ctx.now());
    for (const i of got) {
      items.set(i.remoteId, i);
      if (!newest || compareIds(i.remoteId, newest) > 0) newest = i.remoteId;
    }
    const next = res?.meta?.next_token;
    if (!since || !got.length || !next || (res?.meta?.result_count ?? 0) < 100) break;
    token = next;
  }
  return { items: [...items.values()].sort((a, b) => compareIds(a.remoteId, b.remoteId)), cursor: newest };
}

async function metricsOf(ctx: ConnectorContext, refs: RemoteRef[]): Promise<Map<string, MetricValues>> {
  const api = xApi(ctx);
  const out = new Map<string, MetricValues>();
  const ids = [...new Set(refs.map((r) => r.remoteId).filter(isTweetId))];
  for (let i = 0; i < ids.length; i += 100) {
    const answer = await api.get<{ data?: XTweet[] }>('/2/tweets', { ids: ids.slice(i, i + 100).join(','), 'tweet.fields': 'public_metrics' });
    for (const t of answer?.data ?? []) if (ids.includes(t.id)) out.set(t.id, xMetrics(t));
  }
  return out;
}

/** A context for calls made while connecting (before the account is known). */
function connectingContext(fetch: HttpFetch, credentials: Credentials, now: Date): ConnectorContext {
  return { account: { remoteId: '', handle: '', displayName: '' }, credentials, fetch, fetchUntrusted: fetch, now: () => now, log: { info() {}, warn() {} } };
}

/**
 * X (API v2) for one account, connected with OAuth 2.0 + PKCE. Publishes posts, threads, media with alt text and
 * polls; answers mentions and replies found by polling the mentions timeline (cursor = newest post id); metrics
 * from public_metrics. X has no idempotency key: publishing and replying look for an earlier attempt by text
 * first (see x.lookup.ts). Credentials: `accessToken`, `refreshToken`, `expiresAt`, `scope`. On a 401 it asks
 * `ctx.refreshCredentials` once and retries once; it never refreshes by itself (refresh tokens rotate).
 */
export const xConnector: Connector = {
  kind: 'x',
  displayName: 'X',
  capabilities: xCapabilities,
  auth: { kind: 'oauth2', pkce: true, refresh: true, scopes: X_SCOPES, provider: 'x' },

  validate: validateX,

  authorizeUrl: xAuthorizeUrl,

  refresh(fetch, app, credentials, now) {
    if (!app) throw new ConnectorError('auth_expired', 'The X app credentials are missing; reconnect the channel.');
    return refreshXCredentials(fetch, app, credentials, now);
  },

  async exchangeCode(fetch, app, p, now) {
    const credentials = await xExchangeCode(fetch, app, p, now);
    const account = await me(connectingContext(fetch, credentials, now));
    return { credentials, account };
  },

  verify: me,

  publish: publishX,
  /** X: 100 posts per 15 minutes per user. */
  rateLimit: { perMinute: 6, burst: 50 },

  /**
   * Needs the variant: X has no idempotency key, so the lookup is by text (`variant`), within a day before
   * `attemptedAt` (default: now). Without the variant it refuses (`rejected`, code lookup_needs_variant) rather
   * than answer "never arrived" and risk a second post.
   */
  async findPublished(ctx: ConnectorContext, _key: string, variant?: OutboundVariant, attemptedAt?: Date) {
    if (!variant) {
      throw new ConnectorError('rejected', 'X has no idempotency key: finding an earlier publish needs the variant text.', { platformCode: 'lookup_needs_variant' });
    }
    const since = attemptedAt ? new Date(attemptedAt.getTime() - 60 * 60 * 1000) : undefined;
    return findXPublished(ctx, variant, since);
  },

  delete: deleteX,
  reply: replyX,
  poll: pollMentions,
  metrics: metricsOf,
};
