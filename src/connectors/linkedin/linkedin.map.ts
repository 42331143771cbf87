import type { InboundItem, MetricValues } from '../types';

/** A post as the Posts API returns it (the parts Regie reads). */
export interface LinkedInPost {
  id: string;
  author?: string;
  commentary?: string;
  createdAt?: number;
  publishedAt?: number;
  lifecycleState?: string;
  content?: { article?: { source?: string }; media?: { id?: string }; multiImage?: { images?: Array<{ id: string }> } };
}

/** A comment as the Comments API (socialActions/{urn}/comments) returns it. */
export interface LinkedInComment {
  id?: string;
  commentUrn?: string;
  $URN?: string;
  actor: string;
  object?: string;
  parentComment?: string;
  message?: { text?: string };
  created?: { time?: number; actor?: string };
  commentsSummary?: { aggregatedTotalComments?: number; totalFirstLevelComments?: number };
}

/** One element of organizationalEntityShareStatistics. */
export interface LinkedInShareStatistics {
  share?: string;
  ugcPost?: string;
  totalShareStatistics?: Partial<Record<'likeCount' | 'commentCount' | 'shareCount' | 'clickCount' | 'impressionCount' | 'uniqueImpressionsCount' | 'engagement', number>>;
}

/** `urn:li:organization:<id>` from an account id given as URN or bare number. Pure. */
export const orgUrn = (remoteId: string) => (remoteId.startsWith('urn:li:organization:') ? remoteId : `urn:li:organization:${remoteId}`);

/** The public address of a post. Pure. */
export const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}/`;

/** A comment's URN, whichever field the answer carries it in. Pure. */
export function commentUrnOf(c: LinkedInComment): string | undefined {
  return c.commentUrn ?? c.$URN ?? (c.object && c.id ? `urn:li:comment:(${c.object},${c.id})` : undefined);
}

/**
 * Maps a comment on one of the page's posts to an inbound item: kind `comment`, thread = the post, reply target
 * = the parent comment or the post; `replyRef` keeps what a reply needs (post, comment, parent); `fromSelf` when
 * the page itself wrote it. Pure.
 */
export function commentToInbound(c: LinkedInComment, postUrn: string, org: string, now: Date): InboundItem | null {
  const urn = commentUrnOf(c);
  if (!urn) return null;
  const time = c.created?.time;
  const item: InboundItem = {
    remoteId: urn,
    kind: 'comment',
    threadRemoteId: postUrn,
    inReplyToRemoteId: c.parentComment ?? postUrn,
    author: { remoteId: c.actor },
    text: c.message?.text ?? '',
    createdAt: new Date(typeof time === 'number' ? time : now.getTime()).toISOString(),
    url: `${postUrl(postUrn)}?commentUrn=${encodeURIComponent(urn)}`,
    replyRef: { object: postUrn, commentUrn: urn, ...(c.parentComment ? { parentComment: c.parentComment } : {}) },
  };
  if (c.actor === org) item.fromSelf = true;
  return item;
}

/** Where comment polling stands: the newest comment time seen, and the comments seen at exactly that time. */
export interface CommentCursor {
  t: number;
  ids: string[];
}

/** Reads a cursor string (or null → from the beginning). Pure. */
export function parseCursor(cursor: string | null): CommentCursor {
  if (!cursor) return { t: 0, ids: [] };
  try {
    const c = JSON.parse(cursor) as CommentCursor | number;
    if (typeof c !== 'object' || c === null) return { t: Number(c) || 0, ids: [] };
    return { t: Number(c.t) || 0, ids: Array.isArray(c.ids) ? c.ids.map(String) : [] };
  } catch {
    return { t: Number(cursor) || 0, ids: [] };
  }
}

/** True when an item is newer than the cursor (same millisecond counts when its id was not seen). Pure. */
export function isNew(item: InboundItem, c: CommentCursor): boolean {
  const t = Date.parse(item.createdAt);
  return t > c.t || (t === c.t && !c.ids.includes(item.remoteId));
}

/** The cursor after `items` were handed out. Pure. */
export function advance(c: CommentCursor, items: InboundItem[]): CommentCursor {
  let { t, ids } = c;
  for (const i of items) {
    const at = Date.parse(i.createdAt);
    if (at > t) [t, ids] = [at, [i.remoteId]];
    else if (at === t && !ids.includes(i.remoteId)) ids = [...ids, i.remoteId];
  }
  return { t, ids };
}

/**
 * Post statistics → metrics: likeCount → likes, commentCount → replies, shareCount → shares, clickCount →
 * clicks, impressionCount → impressions; a count LinkedIn did not send is null (unsupported), never 0. Pure.
 */
export function linkedinMetrics(s: LinkedInShareStatistics): MetricValues {
  const t = s.totalShareStatistics ?? {};
  const n = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : null);
  return { likes: n(t.likeCount), replies: n(t.commentCount), shares: n(t.shareCount), clicks: n(t.clickCount), impressions: n(t.impressionCount) };
}
