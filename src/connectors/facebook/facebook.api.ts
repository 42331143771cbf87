/** Facebook Page calls: posts (text, link, photos), comments, Messenger replies, engagement and insights. */
import { ConnectorError } from '../errors';
import { commentOnce, type CommentTarget } from '../meta/comments';
import { graphCall, graphFor, type GraphAuth } from '../meta/graph';
import { insightValues } from '../meta/insights';
import { findRecentSame } from '../meta/recent-match';
import type { ConnectorContext, MetricValues, OutboundMedia, OutboundPart, RemoteRef } from '../types';

/** The Page id of a connected channel (`credentials.pageId`, else the account's remote id). */
export function pageIdOf(ctx: ConnectorContext): string {
  const id = ctx.credentials.pageId || ctx.account.remoteId;
  if (!/^\d+$/.test(id)) throw new ConnectorError('rejected', 'This Facebook channel has no valid Page id; reconnect it.');
  return id;
}

/** The public address of a Page post (`{page-id}_{post-id}` works as a path on facebook.com). */
export function postUrl(postId: string): string {
  return `https://www.facebook.com/${postId}`;
}

type PostRow = { id?: string; message?: string; created_time?: string };

/** A post the Page published within the duplicate window with exactly this text, or undefined (see recent-match). */
export async function findRecentPagePost(g: GraphAuth, pageId: string, text: string): Promise<RemoteRef | undefined> {
  if (!text.trim()) return undefined;
  const res = await graphCall<{ data?: PostRow[] }>(g, 'GET', `${pageId}/published_posts`, { query: { fields: 'id,message,created_time', limit: 25 } });
  const hit = findRecentSame(res.data ?? [], (p) => ({ text: p.message, time: p.created_time }), text, g.now());
  return hit?.id ? { remoteId: hit.id, url: postUrl(hit.id) } : undefined;
}

function photoForm(m: OutboundMedia, fields: Record<string, string>): FormData {
  if (m.kind !== 'image') throw new ConnectorError('rejected', `Regie publishes only photos to Facebook Pages, not ${m.kind}.`);
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  if (m.altText?.trim()) f.set('alt_text_custom', m.altText.trim());
  const ext = m.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'jpg';
  f.set('source', new Blob([m.bytes.slice()], { type: m.mimeType }), `photo.${ext}`);
  return f;
}

/**
 * Creates the post and returns its id (`{page-id}_{post-id}`): text and/or link → POST /{page}/feed; one photo →
 * POST /{page}/photos (multipart bytes, the text as caption); several → each uploaded unpublished, then one feed
 * post with `attached_media`.
 */
export async function createPagePost(g: GraphAuth, pageId: string, part: OutboundPart): Promise<string> {
  const media = part.media ?? [];
  const text = part.text.trim() ? part.text : undefined;
  if (media.length === 0) {
    if (!text && !part.link) throw new ConnectorError('rejected', 'There is nothing to publish.');
    const r = await graphCall<{ id?: string }>(g, 'POST', `${pageId}/feed`, { form: { message: text, link: part.link?.url } });
    if (!r.id) throw new ConnectorError('rejected', 'Meta answered without a post id.');
    return r.id;
  }
  if (media.length === 1) {
    const r = await graphCall<{ id?: string; post_id?: string }>(g, 'POST', `${pageId}/photos`, { multipart: photoForm(media[0], text ? { caption: text } : {}), timeoutMs: 120_000 });
    if (!r.post_id && !r.id) throw new ConnectorError('rejected', 'Meta answered without a post id.');
    return r.post_id ?? `${pageId}_${r.id}`;
  }
  const form: Record<string, string | undefined> = { message: text };
  for (const [i, m] of media.entries()) {
    const r = await graphCall<{ id?: string }>(g, 'POST', `${pageId}/photos`, { multipart: photoForm(m, { published: 'false', temporary: 'true' }), timeoutMs: 120_000 });
    if (!r.id) throw new ConnectorError('rejected', 'Meta answered without a photo id.');
    form[`attached_media[${i}]`] = JSON.stringify({ media_fbid: r.id });
  }
  const r = await graphCall<{ id?: string }>(g, 'POST', `${pageId}/feed`, { form });
  if (!r.id) throw new ConnectorError('rejected', 'Meta answered without a post id.');
  return r.id;
}

/** Comments on a Page post or comment, as listed by Graph, for {@link commentOnce}. */
export function facebookComments(parentId: string, pageId: string): CommentTarget {
  return {
    listPath: `${parentId}/comments`,
    listFields: 'id,message,from{id},created_time',
    listQuery: { order: 'reverse_chronological', filter: 'stream' },
    pick: (c) => ({ id: c.id as string | undefined, text: c.message as string | undefined, authorId: (c.from as { id?: string } | undefined)?.id, time: c.created_time as string | undefined }),
    createPath: `${parentId}/comments`,
    ownId: pageId,
  };
}

/** Sends a Messenger text to the person `psid` as a response to their message (inside Meta's messaging window). */
export async function sendMessengerText(g: GraphAuth, pageId: string, psid: string, text: string): Promise<string> {
  const r = await graphCall<{ message_id?: string }>(g, 'POST', `${pageId}/messages`, {
    json: { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text } },
  });
  if (!r.message_id) throw new ConnectorError('rejected', 'Meta answered without a message id.');
  return r.message_id;
}

type Engagement = { reactions?: { summary?: { total_count?: number } }; comments?: { summary?: { total_count?: number } }; shares?: { count?: number } };

/** Post insights Regie records, per metric name. `post_impressions` is retired by Meta; asked anyway so its retirement shows as unsupported. */
const INSIGHTS: Array<[string, 'clicks' | 'impressions' | 'views']> = [
  ['post_clicks', 'clicks'],
  ['post_impressions', 'impressions'],
  ['post_media_view', 'views'],
];

/**
 * Metrics of one Page post: reactions (as likes), comments (as replies) and shares from the post itself — Graph
 * omits `shares` when there are none, which is 0 — and clicks, impressions and views from insights, one metric per
 * request; a refused metric is null. A post that no longer exists (Graph "rejected") yields undefined.
 */
export async function pagePostMetrics(g: GraphAuth, postId: string): Promise<MetricValues | undefined> {
  let e: Engagement;
  try {
    e = await graphCall<Engagement>(g, 'GET', postId, { query: { fields: 'reactions.summary(true).limit(0),comments.summary(true).limit(0),shares' } });
  } catch (err) {
    if (err instanceof ConnectorError && err.failure === 'rejected') return undefined;
    throw err;
  }
  const out: MetricValues = { shares: e.shares?.count ?? 0 };
  if (typeof e.reactions?.summary?.total_count === 'number') out.likes = e.reactions.summary.total_count;
  if (typeof e.comments?.summary?.total_count === 'number') out.replies = e.comments.summary.total_count;
  const values = await insightValues(g, postId, INSIGHTS.map(([m]) => m));
  for (const [metric, name] of INSIGHTS) {
    const v = values.get(metric);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Deletes a Page post (idempotent: a post that is already gone counts as deleted). */
export async function deletePagePost(g: GraphAuth, postId: string): Promise<void> {
  try {
    await graphCall(g, 'DELETE', postId);
  } catch (err) {
    if (err instanceof ConnectorError && err.failure === 'rejected' && /^100(\/33)?$/.test(err.details.platformCode ?? '')) return;
    throw err;
  }
}

/** Page webhook fields Regie listens to: feed (comments) and Messenger (messages, echoes, deliveries, postbacks). */
export const PAGE_WEBHOOK_FIELDS = ['feed', 'messages', 'message_echoes', 'message_deliveries', 'messaging_postbacks'];

/**
 * Subscribes Regie's Meta app to the connected Page's webhooks (POST /{page-id}/subscribed_apps); call once after
 * connecting. Also needed for Instagram direct messages, with the Instagram channel's linked Page.
 */
export async function subscribePageWebhooks(ctx: ConnectorContext, fields: string[] = PAGE_WEBHOOK_FIELDS): Promise<void> {
  await graphCall(graphFor(ctx), 'POST', `${pageIdOf(ctx)}/subscribed_apps`, { form: { subscribed_fields: fields.join(',') } });
}
