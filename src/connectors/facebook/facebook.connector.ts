import { DUPLICATE_WINDOW_MS } from '../meta/recent-match';
import { ConnectorError } from '../errors';
import { commentOnce } from '../meta/comments';
import { graphCall, graphFor } from '../meta/graph';
import { META_SCOPES, listMetaAccounts, metaAuthorizeUrl, metaExchangeCode } from '../meta/oauth';
import { verifyMetaWebhook } from '../meta/webhook';
import type { Connector, ConnectorContext, MetricValues, OutboundVariant, RemoteRef } from '../types';
import { FACEBOOK_COMMENT_MAX, MESSENGER_TEXT_MAX, facebookCapabilities, validateFacebook } from './facebook.capabilities';
import { createPagePost, deletePagePost, facebookComments, findRecentPagePost, pageIdOf, pagePostMetrics, postUrl, sendMessengerText } from './facebook.api';
import { parseFacebookEvent } from './facebook.map';

function onlyPart(v: OutboundVariant) {
  if (v.parts.length !== 1) throw new ConnectorError('rejected', 'A Facebook post is one part: Facebook has no threads.');
  const other = v.parts[0].media?.find((m) => m.kind !== 'image');
  if (other) throw new ConnectorError('rejected', `Regie publishes only photos to Facebook Pages, not ${other.kind}.`);
  return v.parts[0];
}

/** Best effort after the post exists: a failing first comment never fails (and so never repeats) the post. */
async function firstComment(ctx: ConnectorContext, postId: string, text: string, postExisted: boolean): Promise<Record<string, string>> {
  try {
    const c = await commentOnce(graphFor(ctx), facebookComments(postId, pageIdOf(ctx)), text, postExisted);
    return { firstCommentId: c.remoteId };
  } catch (err) {
    ctx.log.warn({ postId, failure: (err as ConnectorError).failure, reason: (err as Error).message }, 'facebook: first comment failed after the post was published');
    return { firstCommentError: (err as Error).message.slice(0, 300) };
  }
}

/**
 * Facebook Page. Connect: Facebook Login (code + PKCE) → long-lived user token → choose a Page with
 * `listMetaAccounts(…, 'facebook', …)`; stored credentials `{ accessToken: Page token, pageId, appsecretProof }`.
 * Publishes text, link and photo posts (bytes uploaded, up to 10 photos), an optional first comment, replies to
 * comments and Messenger messages, deletes posts, reads engagement and insights per metric, and parses Page webhooks
 * (feed comments, Messenger). Idempotency: Graph has no key, so publish first looks for an identical recent post
 * by the Page (see meta/recent-match); there is deliberately no `findPublished` (a key alone cannot be looked up),
 * so crash reconciliation must hold the attempt for a person.
 */
export const facebookConnector: Connector = {
  kind: 'facebook',
  displayName: 'Facebook Page',
  capabilities: facebookCapabilities,
  auth: { kind: 'oauth2', pkce: true, refresh: false, scopes: META_SCOPES.facebook, provider: 'meta' },

  validate: validateFacebook,

  authorizeUrl: (app, p) => metaAuthorizeUrl('facebook', app, p),
  exchangeCode: (fetch, app, p, now) => metaExchangeCode(fetch, app, p, now),

  listAccounts: (fetch, app, signedIn, now) => listMetaAccounts(fetch, app, 'facebook', signedIn.credentials.userAccessToken, now),

  async verify(ctx) {
    const pageId = pageIdOf(ctx);
    const p = await graphCall<{ id?: string; name?: string; username?: string; picture?: { data?: { url?: string } } }>(graphFor(ctx), 'GET', pageId, { query: { fields: 'id,name,username,picture{url}' } });
    const avatarUrl = p.picture?.data?.url;
    return { remoteId: p.id ?? pageId, handle: p.username ?? p.name ?? pageId, displayName: p.name ?? p.username ?? pageId, ...(avatarUrl ? { avatarUrl } : {}) };
  },

  resendSafety: { kind: 'recent-text', windowSeconds: DUPLICATE_WINDOW_MS / 1000 },
  /** Meta publishes no fixed Page post limit; stay well below its spam heuristics. */
  rateLimit: { perMinute: 10, burst: 25 },

  async publish(ctx, variant) {
    const part = onlyPart(variant);
    const g = graphFor(ctx);
    const pageId = pageIdOf(ctx);
    const existing = await findRecentPagePost(g, pageId, part.text);
    const remote: RemoteRef = existing ?? { remoteId: await createPagePost(g, pageId, part) };
    remote.url ??= postUrl(remote.remoteId);
    if (variant.firstComment?.trim()) remote.extra = await firstComment(ctx, remote.remoteId, variant.firstComment, !!existing);
    return { status: 'published', remote, parts: [remote] };
  },

  async delete(ctx, ref) {
    await deletePagePost(graphFor(ctx), ref.remoteId);
  },

  async reply(ctx, r) {
    const g = graphFor(ctx);
    const pageId = pageIdOf(ctx);
    if (r.media?.length) throw new ConnectorError('rejected', 'Replies on Facebook are text only in Regie.');
    if (r.inReplyTo.kind === 'comment') {
      if (r.text.length > FACEBOOK_COMMENT_MAX) throw new ConnectorError('rejected', `A Facebook comment may be at most ${FACEBOOK_COMMENT_MAX} characters.`);
      const target = r.inReplyTo.replyRef?.commentId ?? r.inReplyTo.remoteId;
      const c = await commentOnce(g, facebookComments(target, pageId), r.text, true);
      return { remoteId: c.remoteId };
    }
    if (r.inReplyTo.kind === 'direct_message') {
      if (r.text.length > MESSENGER_TEXT_MAX) throw new ConnectorError('rejected', `A Messenger message may be at most ${MESSENGER_TEXT_MAX} characters.`);
      const psid = r.inReplyTo.replyRef?.recipientId ?? r.inReplyTo.threadRemoteId;
      return { remoteId: await sendMessengerText(g, pageId, psid, r.text) };
    }
    throw new ConnectorError('rejected', `Facebook cannot answer a ${r.inReplyTo.kind} here.`);
  },

  verifyAndParseWebhook(req, secrets) {
    const v = verifyMetaWebhook(req, secrets);
    return v.kind === 'challenge' ? v.result : parseFacebookEvent(v.body, new Date());
  },

  async metrics(ctx, refs) {
    const g = graphFor(ctx);
    const out = new Map<string, MetricValues>();
    for (const ref of refs) {
      const m = await pagePostMetrics(g, ref.remoteId);
      if (m) out.set(ref.remoteId, m);
      else ctx.log.warn({ remoteId: ref.remoteId }, 'facebook: post not found for metrics');
    }
    return out;
  },
};
