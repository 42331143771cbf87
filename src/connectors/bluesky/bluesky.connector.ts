import { ConnectorError } from '../errors';
import type { AccountInfo, Connector, ConnectorContext, Credentials, HttpFetch, InboundItem, MetricValues, PollResult } from '../types';
import { BlueskyClient, credentialsFrom, refreshSession, serviceOf, xrpcCall, type SessionOut } from './bluesky.api';
import { blueskyCapabilities } from './bluesky.capabilities';
import { advanceCursor, formatCursor, INBOUND_REASON_LIST, isAfter, notificationToItem, parseCursor, postMetrics, type BskyNotification, type BskyPostView } from './bluesky.map';
import { deletePost, findPublishedPost, publishVariant, replyTo } from './bluesky.publish';
import { parseAtUri } from './bluesky.rkey';
import { validateBluesky } from './bluesky.validate';

/** Pages of 100 notifications read per poll at most; older ones are left (logged as a gap). */
const MAX_POLL_PAGES = 5;

interface Profile {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
}

function jwtScope(jwt: string): string | undefined {
  try {
    return (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scope?: string }).scope;
  } catch {
    return undefined;
  }
}

async function accountOf(api: BlueskyClient, service: string, did: string, handle: string): Promise<AccountInfo> {
  let profile: Profile | null = null;
  try {
    profile = await api.get<Profile>('app.bsky.actor.getProfile', { actor: did });
  } catch (e) {
    // A new account may not be indexed by the AppView yet: the session alone identifies it.
    if (!(e instanceof ConnectorError) || e.failure !== 'rejected') throw e;
  }
  return {
    remoteId: did,
    handle: profile?.handle && profile.handle !== 'handle.invalid' ? profile.handle : handle,
    displayName: profile?.displayName?.trim() || handle,
    ...(profile?.avatar ? { avatarUrl: profile.avatar } : {}),
    serviceUrl: service,
  };
}

const contextFor = (fetch: HttpFetch, credentials: Credentials, now: Date): ConnectorContext => ({
  account: { remoteId: credentials.did, handle: credentials.handle, displayName: credentials.handle, serviceUrl: credentials.service },
  credentials,
  fetch,
  fetchUntrusted: async () => {
    throw new ConnectorError('rejected', 'No untrusted fetches while connecting.');
  },
  now: () => now,
  log: { info: () => {}, warn: () => {} },
});

/**
 * Bluesky (AT Protocol) over plain XRPC: app-password sign-in, posts and threads with facets, images and link
 * cards, idempotent on record keys derived from the idempotency key, replies, deletes, mention/reply/quote
 * notifications by polling, and like/repost/reply/quote counts. Credentials:
 * `{ accessJwt, refreshJwt, did, handle, service }`.
 */
export const blueskyConnector: Connector = {
  kind: 'bluesky',
  displayName: 'Bluesky',
  capabilities: blueskyCapabilities,
  auth: { kind: 'app-password' },

  validate: validateBluesky,

  /**
   * Signs in with `{ service?, identifier, appPassword }` (createSession). Refuses an account's main password (only
   * app passwords can be revoked on their own) and ends that session again.
   */
  connectFields: [
    { name: 'service', type: 'url', required: false, default: 'https://bsky.social' },
    { name: 'identifier', type: 'text', required: true },
    { name: 'appPassword', type: 'password', required: true },
  ],

  async connect(fetch, input, now) {
    const service = serviceOf({ service: input.service?.trim() ?? '' });
    if (!/^https?:\/\/[^\s/]+/i.test(service)) throw new ConnectorError('rejected', 'The Bluesky server address must start with https://');
    const identifier = (input.identifier ?? '').trim().replace(/^@/, '');
    const password = (input.appPassword ?? '').trim();
    if (!identifier || !password) throw new ConnectorError('rejected', 'Enter the handle and an app password.');
    let session: SessionOut;
    try {
      session = await xrpcCall<SessionOut>(fetch, service, { nsid: 'com.atproto.server.createSession', method: 'POST', body: { identifier, password } }, null, now);
    } catch (e) {
      if (e instanceof ConnectorError && (e.failure === 'auth_expired' || e.details.platformCode === 'AuthenticationRequired')) {
        throw new ConnectorError('rejected', 'Bluesky does not accept this handle and app password.', e.details);
      }
      if (e instanceof ConnectorError && e.details.platformCode === 'AuthFactorTokenRequired') {
        throw new ConnectorError('rejected', 'Use an app password (Settings → Privacy and security → App passwords), not the account password.', e.details);
      }
      throw e;
    }
    if (jwtScope(session.accessJwt) === 'com.atproto.access') {
      await xrpcCall(fetch, service, { nsid: 'com.atproto.server.deleteSession', method: 'POST' }, session.refreshJwt, now).catch(() => undefined);
      throw new ConnectorError('rejected', 'Use an app password (Settings → Privacy and security → App passwords), not the account password.', { platformCode: 'AppPasswordRequired' });
    }
    const credentials = credentialsFrom(session, service);
    const account = await accountOf(new BlueskyClient(contextFor(fetch, credentials, now)), service, session.did, session.handle);
    return { credentials, account };
  },

  /** New credentials from the refresh JWT (the host calls this once per expiry; connectors never do). */
  refresh: (fetch, _app, credentials, now) => refreshSession(fetch, credentials, now),

  async verify(ctx) {
    const api = new BlueskyClient(ctx);
    const s = await api.get<{ did: string; handle: string }>('com.atproto.server.getSession');
    return accountOf(api, serviceOf(ctx.credentials, ctx.account.serviceUrl), s.did, s.handle);
  },

  publish: publishVariant,
  resendSafety: { kind: 'key', windowSeconds: null },
  /** The PDS allows about 1,666 record creations an hour (5,000 points, 3 each). */
  rateLimit: { perMinute: 25, burst: 100 },
  findPublished: findPublishedPost,
  reply: replyTo,
  delete: deletePost,

  /**
   * Mentions, replies and quotes since `cursor`, oldest first. The cursor is the newest indexedAt seen plus the
   * notifications seen at exactly that moment, so a second poll from it repeats nothing and misses nothing.
   */
  async poll(ctx, cursor): Promise<PollResult> {
    const api = new BlueskyClient(ctx);
    const since = parseCursor(cursor);
    const fresh: BskyNotification[] = [];
    let page: string | undefined;
    let reachedSeen = false;
    for (let i = 0; i < MAX_POLL_PAGES && !reachedSeen; i++) {
      const out = await api.get<{ notifications?: BskyNotification[]; cursor?: string }>('app.bsky.notification.listNotifications', { limit: 100, reasons: INBOUND_REASON_LIST, cursor: page });
      for (const n of out.notifications ?? []) {
        if (isAfter(since, n.indexedAt, n.uri)) fresh.push(n);
        else reachedSeen = true;
      }
      if (!out.cursor || !out.notifications?.length) break;
      page = out.cursor;
      if (i === MAX_POLL_PAGES - 1 && !reachedSeen && since) ctx.log.warn({ since: since.at }, 'bluesky poll: more new notifications than one poll reads; older ones are skipped');
    }
    const items: InboundItem[] = [];
    for (const n of fresh.reverse()) {
      const item = notificationToItem(n, api.did);
      if (item) items.push(item);
    }
    const next = advanceCursor(since, fresh);
    return { items, cursor: next ? formatCursor(next) : cursor };
  },

  /** Likes, reposts, replies and quotes per post (getPosts, 25 at a time); posts that are gone (or not posts) are left out. */
  async metrics(ctx, refs) {
    const api = new BlueskyClient(ctx);
    const out = new Map<string, MetricValues>();
    const uris = [...new Set(refs.map((r) => r.remoteId))].filter((u) => parseAtUri(u)?.collection === 'app.bsky.feed.post');
    for (let i = 0; i < uris.length; i += 25) {
      const res = await api.get<{ posts?: BskyPostView[] }>('app.bsky.feed.getPosts', { uris: uris.slice(i, i + 25) });
      for (const p of res.posts ?? []) out.set(p.uri, postMetrics(p));
    }
    return out;
  },
};
