import { DUPLICATE_WINDOW_MS } from '../meta/recent-match';
import { ConnectorError } from '../errors';
import { commentOnce } from '../meta/comments';
import { graphCall, graphFor } from '../meta/graph';
import { META_SCOPES, listMetaAccounts, metaAuthorizeUrl, metaExchangeCode } from '../meta/oauth';
import { verifyMetaWebhook } from '../meta/webhook';
import type { Connector, ConnectorContext, MetricValues, PublishResult, RemoteRef } from '../types';
import { INSTAGRAM_COMMENT_MAX, instagramCapabilities, validateInstagram } from './instagram.capabilities';
import { containerStatus, createContainer, findRecentMedia, igUserIdOf, instagramComments, mediaMetrics, permalinkOf, publicImages, publishContainer, sendInstagramText } from './instagram.api';
import { parseInstagramEvent } from './instagram.map';

/** What a pending Instagram publish needs to continue: the container, the caption (to find it) and the first comment. */
interface PendingToken {
  container: string;
  caption: string;
  firstComment?: string;
}

async function finish(ctx: ConnectorContext, mediaId: string, known: RemoteRef | undefined, firstComment: string | undefined): Promise<PublishResult> {
  const g = graphFor(ctx);
  const remote: RemoteRef = known ?? { remoteId: mediaId };
  if (!remote.url) {
    const url = await permalinkOf(g, mediaId);
    if (url) remote.url = url;
  }
  if (firstComment?.trim()) {
    try {
      const c = await commentOnce(g, instagramComments(`${mediaId}/comments`, igUserIdOf(ctx)), firstComment, !!known);
      remote.extra = { firstCommentId: c.remoteId };
    } catch (err) {
      ctx.log.warn({ mediaId, reason: (err as Error).message }, 'instagram: first comment failed after the post was published');
      remote.extra = { firstCommentError: (err as Error).message.slice(0, 300) };
    }
  }
  return { status: 'published', remote, parts: [remote] };
}

/** Moves a created container on: publishes it when FINISHED, stays pending while IN_PROGRESS, refuses ERROR/EXPIRED. */
async function advance(ctx: ConnectorContext, t: PendingToken): Promise<PublishResult> {
  const g = graphFor(ctx);
  const ig = igUserIdOf(ctx);
  const s = await containerStatus(g, t.container);
  if (s.code === 'FINISHED') return finish(ctx, await publishContainer(g, ig, t.container), undefined, t.firstComment);
  if (s.code === 'IN_PROGRESS') return { status: 'pending', checkToken: JSON.stringify(t) };
  if (s.code === 'PUBLISHED') {
    const found = await findRecentMedia(g, ig, t.caption);
    if (found) return finish(ctx, found.remoteId, found, t.firstComment);
    throw new ConnectorError('rejected', 'Instagram says this post was published, but Regie cannot find it on the account; check the account before publishing again.', { platformCode: 'published_not_found' });
  }
  throw new ConnectorError('rejected', `Instagram could not prepare the photos (${s.code}${s.detail ? `: ${s.detail}` : ''}).`, { platformCode: `container_${s.code.toLowerCase()}`, platformReason: s.detail });
}

/**
 * Instagram professional account (Instagram API with Facebook Login). Connect: Facebook Login (code + PKCE) →
 * `listMetaAccounts(…, 'instagram', …)`; stored credentials `{ accessToken: Page token, igUserId, pageId,
 * appsecretProof }`. Publishes photos and carousels (2–10) with a caption through Instagram's two-step container
 * flow — Instagram fetches images from a public https URL, so each media needs `publicUrl` (see InstagramMedia) —
 * returning `pending` while a container is still processing (`checkPending` continues); an optional first
 * comment; replies to comments and direct messages; engagement and insights per metric; webhooks for comments and
 * direct messages. No deletes (the API has none). Idempotency as for Facebook: an identical recent caption counts
 * as already published; no key-only `findPublished`, so reconciliation must hold the attempt for a person.
 */
export const instagramConnector: Connector = {
  kind: 'instagram',
  displayName: 'Instagram',
  capabilities: instagramCapabilities,
  auth: { kind: 'oauth2', pkce: true, refresh: false, scopes: META_SCOPES.instagram, provider: 'meta' },

  validate: validateInstagram,

  authorizeUrl: (app, p) => metaAuthorizeUrl('instagram', app, p),
  exchangeCode: (fetch, app, p, now) => metaExchangeCode(fetch, app, p, now),

  listAccounts: (fetch, app, signedIn, now) => listMetaAccounts(fetch, app, 'instagram', signedIn.credentials.userAccessToken, now),

  async verify(ctx) {
    const ig = igUserIdOf(ctx);
    const u = await graphCall<{ id?: string; username?: string; name?: string; profile_picture_url?: string }>(graphFor(ctx), 'GET', ig, { query: { fields: 'id,username,name,profile_picture_url' } });
    return { remoteId: u.id ?? ig, handle: u.username ?? ig, displayName: u.name ?? u.username ?? ig, ...(u.profile_picture_url ? { avatarUrl: u.profile_picture_url } : {}) };
  },

  resendSafety: { kind: 'recent-text', windowSeconds: DUPLICATE_WINDOW_MS / 1000 },
  /** Instagram's content publishing limit: 50 posts per account in 24 hours. */
  rateLimit: { perMinute: 50 / 1440, burst: 10 },

  async publish(ctx, variant) {
    if (variant.parts.length !== 1) throw new ConnectorError('rejected', 'An Instagram post is one part: Instagram has no threads.');
    const part = variant.parts[0];
    const images = publicImages(part);
    const g = graphFor(ctx);
    const ig = igUserIdOf(ctx);
    const existing = await findRecentMedia(g, ig, part.text);
    if (existing) return finish(ctx, existing.remoteId, existing, variant.firstComment);
    const containerId = await createContainer(g, ig, part.text, images);
    return advance(ctx, { container: containerId, caption: part.text, ...(variant.firstComment ? { firstComment: variant.firstComment } : {}) });
  },

  async checkPending(ctx, checkToken) {
    let t: PendingToken;
    try {
      t = JSON.parse(checkToken) as PendingToken;
    } catch {
      throw new ConnectorError('rejected', 'This pending Instagram publish cannot be read back.');
    }
    if (typeof t?.container !== 'string' || !/^\d+$/.test(t.container)) throw new ConnectorError('rejected', 'This pending Instagram publish cannot be read back.');
    return advance(ctx, { container: t.container, caption: String(t.caption ?? ''), ...(t.firstComment ? { firstComment: String(t.firstComment) } : {}) });
  },

  async reply(ctx, r) {
    const g = graphFor(ctx);
    if (r.media?.length) throw new ConnectorError('rejected', 'Replies on Instagram are text only in Regie.');
    if (r.text.length > INSTAGRAM_COMMENT_MAX) throw new ConnectorError('rejected', `An Instagram reply may be at most ${INSTAGRAM_COMMENT_MAX} characters.`);
    if (r.inReplyTo.kind === 'comment') {
      const target = r.inReplyTo.replyRef?.commentId ?? r.inReplyTo.remoteId;
      const c = await commentOnce(g, instagramComments(`${target}/replies`, igUserIdOf(ctx)), r.text, true);
      return { remoteId: c.remoteId };
    }
    if (r.inReplyTo.kind === 'direct_message') {
      const igsid = r.inReplyTo.replyRef?.recipientId ?? r.inReplyTo.threadRemoteId;
      return { remoteId: await sendInstagramText(g, ctx.credentials.pageId, igsid, r.text) };
    }
    throw new ConnectorError('rejected', `Instagram cannot answer a ${r.inReplyTo.kind} here.`);
  },

  verifyAndParseWebhook(req, secrets) {
    const v = verifyMetaWebhook(req, secrets);
    return v.kind === 'challenge' ? v.result : parseInstagramEvent(v.body, new Date());
  },

  async metrics(ctx, refs) {
    const g = graphFor(ctx);
    const out = new Map<string, MetricValues>();
    for (const ref of refs) {
      const m = await mediaMetrics(g, ref.remoteId);
      if (m) out.set(ref.remoteId, m);
      else ctx.log.warn({ remoteId: ref.remoteId }, 'instagram: media not found for metrics');
    }
    return out;
  },
};
