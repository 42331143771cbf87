/** Instagram Graph calls: container publishing, comments, direct messages, media engagement and insights. */
import { ConnectorError } from '../errors';
import type { CommentTarget } from '../meta/comments';
import { graphCall, type GraphAuth } from '../meta/graph';
import { insightValues } from '../meta/insights';
import { findRecentSame } from '../meta/recent-match';
import type { ConnectorContext, MetricValues, OutboundPart, RemoteRef } from '../types';
import type { InstagramMedia } from './instagram.capabilities';

/** The Instagram user id of a connected channel (`credentials.igUserId`, else the account's remote id). */
export function igUserIdOf(ctx: ConnectorContext): string {
  const id = ctx.credentials.igUserId || ctx.account.remoteId;
  if (!/^\d+$/.test(id)) throw new ConnectorError('rejected', 'This Instagram channel has no valid account id; reconnect it.');
  return id;
}

/** An image Instagram can fetch: its public https URL and alt text. */
export interface PublicImage {
  url: string;
  altText?: string;
}

/**
 * The images of a part as Instagram needs them: JPEG, each with a public https `publicUrl` (see InstagramMedia).
 * Throws `rejected` (platformCode `media_url_required`) before any call when one is missing.
 */
export function publicImages(part: OutboundPart): PublicImage[] {
  const media = (part.media ?? []) as InstagramMedia[];
  if (media.length === 0) throw new ConnectorError('rejected', 'An Instagram post needs at least one photo.', { platformCode: 'media_required' });
  return media.map((m) => {
    if (m.kind !== 'image') throw new ConnectorError('rejected', `Regie publishes only photos to Instagram, not ${m.kind}.`);
    let u: URL | undefined;
    try {
      u = m.publicUrl ? new URL(m.publicUrl) : undefined;
    } catch {
      u = undefined;
    }
    if (!u || u.protocol !== 'https:') {
      throw new ConnectorError('rejected', 'Instagram fetches photos from a public https address and this photo has none; Instagram cannot take uploaded bytes.', { platformCode: 'media_url_required' });
    }
    return { url: u.toString(), ...(m.altText?.trim() ? { altText: m.altText.trim() } : {}) };
  });
}

type MediaRow = { id?: string; caption?: string; timestamp?: string; permalink?: string };

/** A media object the account published within the duplicate window with exactly this caption, or undefined. */
export async function findRecentMedia(g: GraphAuth, igUserId: string, caption: string): Promise<RemoteRef | undefined> {
  if (!caption.trim()) return undefined;
  const res = await graphCall<{ data?: MediaRow[] }>(g, 'GET', `${igUserId}/media`, { query: { fields: 'id,caption,timestamp,permalink', limit: 25 } });
  const hit = findRecentSame(res.data ?? [], (m) => ({ text: m.caption, time: m.timestamp }), caption, g.now());
  return hit?.id ? { remoteId: hit.id, ...(hit.permalink ? { url: hit.permalink } : {}) } : undefined;
}

async function container(g: GraphAuth, igUserId: string, form: Record<string, string | undefined>): Promise<string> {
  const r = await graphCall<{ id?: string }>(g, 'POST', `${igUserId}/media`, { form });
  if (!r.id) throw new ConnectorError('rejected', 'Instagram answered without a container id.');
  return r.id;
}

/** Creates the media container to publish: one image, or a carousel of 2–10 item containers; returns its id. */
export async function createContainer(g: GraphAuth, igUserId: string, caption: string, images: PublicImage[]): Promise<string> {
  const text = caption.trim() ? caption : undefined;
  if (images.length === 1) return container(g, igUserId, { image_url: images[0].url, caption: text, alt_text: images[0].altText });
  const children: string[] = [];
  for (const img of images) children.push(await container(g, igUserId, { image_url: img.url, is_carousel_item: 'true', alt_text: img.altText }));
  return container(g, igUserId, { media_type: 'CAROUSEL', children: children.join(','), caption: text });
}

/** A container's processing state: FINISHED, IN_PROGRESS, PUBLISHED, ERROR or EXPIRED (with Meta's detail). */
export async function containerStatus(g: GraphAuth, containerId: string): Promise<{ code: string; detail?: string }> {
  const r = await graphCall<{ status_code?: string; status?: string }>(g, 'GET', containerId, { query: { fields: 'status_code,status' } });
  return { code: r.status_code ?? 'UNKNOWN', ...(r.status ? { detail: r.status } : {}) };
}

/** Publishes a FINISHED container; returns the new media id. */
export async function publishContainer(g: GraphAuth, igUserId: string, containerId: string): Promise<string> {
  const r = await graphCall<{ id?: string }>(g, 'POST', `${igUserId}/media_publish`, { form: { creation_id: containerId } });
  if (!r.id) throw new ConnectorError('rejected', 'Instagram answered without a media id.');
  return r.id;
}

/** The media's public permalink, or undefined when Graph does not give it (never fails the caller). */
export async function permalinkOf(g: GraphAuth, mediaId: string): Promise<string | undefined> {
  try {
    return (await graphCall<{ permalink?: string }>(g, 'GET', mediaId, { query: { fields: 'permalink' } })).permalink;
  } catch {
    return undefined;
  }
}

/** Comments under a media object (`{media}/comments`) or replies under a comment (`{comment}/replies`), for commentOnce. */
export function instagramComments(path: string, igUserId: string): CommentTarget {
  return {
    listPath: path,
    listFields: 'id,text,from,timestamp',
    pick: (c) => ({ id: c.id as string | undefined, text: c.text as string | undefined, authorId: (c.from as { id?: string } | undefined)?.id, time: c.timestamp as string | undefined }),
    createPath: path,
    ownId: igUserId,
  };
}

/** Sends an Instagram direct message through the linked Page (`credentials.pageId`, else the token's own node). */
export async function sendInstagramText(g: GraphAuth, pageId: string | undefined, igsid: string, text: string): Promise<string> {
  const r = await graphCall<{ message_id?: string }>(g, 'POST', `${pageId || 'me'}/messages`, { json: { recipient: { id: igsid }, messaging_type: 'RESPONSE', message: { text } } });
  if (!r.message_id) throw new ConnectorError('rejected', 'Instagram answered without a message id.');
  return r.message_id;
}

/** Media insights Regie records. `impressions` is retired for recent media; asked anyway so it shows as unsupported. */
const INSIGHTS: Array<[string, 'views' | 'saves' | 'shares' | 'impressions']> = [
  ['views', 'views'],
  ['saved', 'saves'],
  ['shares', 'shares'],
  ['impressions', 'impressions'],
];

/**
 * Metrics of one media object: likes and comments from the media itself, views/saves/shares/impressions from
 * insights one metric per request (a refused metric is null). Media that no longer exists yields undefined.
 */
export async function mediaMetrics(g: GraphAuth, mediaId: string): Promise<MetricValues | undefined> {
  let m: { like_count?: number; comments_count?: number };
  try {
    m = await graphCall(g, 'GET', mediaId, { query: { fields: 'like_count,comments_count' } });
  } catch (err) {
    if (err instanceof ConnectorError && err.failure === 'rejected') return undefined;
    throw err;
  }
  const out: MetricValues = {};
  if (typeof m.like_count === 'number') out.likes = m.like_count;
  if (typeof m.comments_count === 'number') out.replies = m.comments_count;
  const values = await insightValues(g, mediaId, INSIGHTS.map(([name]) => name));
  for (const [metric, name] of INSIGHTS) {
    const v = values.get(metric);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
