/**
 * Publishing on a LinkedIn page through the Posts API. LinkedIn has no idempotency key, so an earlier publish is
 * recognised by its commentary among the page's newest posts. Limits (documented for the gate): only the newest
 * {@link LOOKUP_COUNT} posts created inside the look-back window are searched, and the same text published on
 * purpose inside the window is taken for the earlier post.
 */
import { ConnectorError } from '../errors';
import type { ConnectorContext, OutboundMedia, OutboundPart, OutboundVariant, PublishResult, RemoteRef } from '../types';
import { linkedinApi, restliEncode, restliQuery, type LinkedInApi } from './linkedin.http';
import { sameCommentary, toLittleText } from './linkedin.little-text';
import { orgUrn, postUrl, type LinkedInPost } from './linkedin.map';

/** How far back a publish looks for an earlier attempt when the caller does not say when it was. */
export const LOOKUP_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How many of the page's newest posts the lookup reads. */
export const LOOKUP_COUNT = 50;

/** The page's newest posts (finder `author`, sorted by creation). */
export async function recentPosts(api: LinkedInApi, org: string, count: number): Promise<LinkedInPost[]> {
  const answer = await api.get<{ elements?: LinkedInPost[] }>('/rest/posts', restliQuery({ author: org, q: 'author', count, sortBy: 'CREATED' }));
  return answer?.elements ?? [];
}

/** The newest post of `posts` created since `since` whose commentary carries `text`. Pure. */
export function matchPost(posts: LinkedInPost[], text: string, since: Date): LinkedInPost | undefined {
  return posts
    .filter((p) => (p.createdAt ?? p.publishedAt ?? Infinity) >= since.getTime() && sameCommentary(p.commentary ?? '', text))
    .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0))[0];
}

/** Uploads an image (Images API initializeUpload, then PUT of the bytes) and returns its `urn:li:image:` URN. */
export async function uploadImage(api: LinkedInApi, org: string, m: OutboundMedia): Promise<string> {
  const { body } = await api.post<{ value?: { uploadUrl?: string; image?: string } }>('/rest/images', { initializeUploadRequest: { owner: org } }, 'action=initializeUpload');
  const { uploadUrl, image } = body?.value ?? {};
  if (!uploadUrl || !image) throw new ConnectorError('transient', 'LinkedIn did not hand out an image upload.');
  await api.upload(uploadUrl, m.bytes, m.mimeType);
  return image;
}

/** The `content` of a post: one image (`media`), several (`multiImage`) or a link (`article`). Pure. */
export function postContent(part: OutboundPart, images: Array<{ id: string; altText?: string }>, thumbnail?: string): Record<string, unknown> | undefined {
  const alt = (i: { id: string; altText?: string }) => (i.altText?.trim() ? { id: i.id, altText: i.altText.trim() } : { id: i.id });
  if (images.length === 1) return { media: alt(images[0]) };
  if (images.length > 1) return { multiImage: { images: images.map(alt) } };
  if (part.link) {
    const article: Record<string, unknown> = { source: part.link.url, title: part.link.title?.trim() || part.link.url };
    if (part.link.description?.trim()) article.description = part.link.description.trim();
    if (thumbnail) article.thumbnail = thumbnail;
    return { article };
  }
  return undefined;
}

/** The Posts API body for an organic page post. Pure. */
export function postBody(org: string, part: OutboundPart, content?: Record<string, unknown>): Record<string, unknown> {
  return {
    author: org,
    commentary: toLittleText(part.text),
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    ...(content ? { content } : {}),
  };
}

const refOf = (urn: string): RemoteRef => ({ remoteId: urn, url: postUrl(urn) });

/** Looks up an earlier publish of `variant` on the page (see the limits above); null when none. */
export async function findLinkedInPublished(ctx: ConnectorContext, variant: OutboundVariant, since?: Date): Promise<RemoteRef | null> {
  const from = since ?? new Date(ctx.now().getTime() - LOOKUP_WINDOW_MS);
  const org = orgUrn(ctx.account.remoteId);
  const hit = matchPost(await recentPosts(linkedinApi(ctx), org, LOOKUP_COUNT), variant.parts[0]?.text ?? '', from);
  return hit ? refOf(hit.id) : null;
}

/**
 * Publishes a page post: text, and either images (uploaded first) or a link as an article (its thumbnail
 * uploaded when given). Idempotent by lookup: a post with this text from an earlier attempt is returned as is.
 */
export async function publishLinkedIn(ctx: ConnectorContext, variant: OutboundVariant): Promise<PublishResult> {
  const api = linkedinApi(ctx);
  const org = orgUrn(ctx.account.remoteId);
  const part = variant.parts[0];
  const earlier = matchPost(await recentPosts(api, org, LOOKUP_COUNT), part.text, new Date(ctx.now().getTime() - LOOKUP_WINDOW_MS));
  if (earlier) {
    ctx.log.info({ urn: earlier.id }, 'linkedin: earlier publish found, not posting again');
    return { status: 'published', remote: refOf(earlier.id), parts: [refOf(earlier.id)] };
  }
  const images: Array<{ id: string; altText?: string }> = [];
  for (const m of part.media ?? []) images.push({ id: await uploadImage(api, org, m), altText: m.altText });
  const thumbnail = !images.length && part.link?.thumb ? await uploadImage(api, org, part.link.thumb) : undefined;
  const { id } = await api.post('/rest/posts', postBody(org, part, postContent(part, images, thumbnail)));
  if (!id) throw new ConnectorError('transient', 'LinkedIn accepted the post but returned no id.');
  return { status: 'published', remote: refOf(id), parts: [refOf(id)] };
}

/** Deletes a page post; an already deleted one is fine. */
export async function deleteLinkedIn(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  await linkedinApi(ctx).del(`/rest/posts/${restliEncode(ref.remoteId)}`);
}
