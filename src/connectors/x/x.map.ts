import type { InboundItem, MetricValues } from '../types';

/** The parts of an X v2 Tweet object Regie reads. */
export interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  conversation_id?: string;
  created_at?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
  public_metrics?: Partial<Record<'like_count' | 'retweet_count' | 'reply_count' | 'quote_count' | 'impression_count' | 'bookmark_count', number>>;
}

/** The parts of an X v2 User object Regie reads (the `author_id` expansion, /2/users/me). */
export interface XUser {
  id: string;
  username: string;
  name: string;
  profile_image_url?: string;
}

/** A page of tweets with expansions, as the timelines answer. */
export interface XTweetPage {
  data?: XTweet[];
  includes?: { users?: XUser[] };
  meta?: { newest_id?: string; next_token?: string; result_count?: number };
}

const TWEET_ID = /^[0-9]{1,19}$/;

/** True for a well-formed X post id (digits only). Pure. */
export const isTweetId = (id: unknown): id is string => typeof id === 'string' && TWEET_ID.test(id);

/** Compares two X ids numerically (they exceed 2^53, so as BigInt). Pure. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The public address of a post: `https://x.com/<handle>/status/<id>` (`i` when the handle is unknown). Pure. */
export function tweetUrl(handle: string | undefined, id: string): string {
  const h = (handle ?? '').replace(/^@/, '') || 'i';
  return `https://x.com/${encodeURIComponent(h)}/status/${id}`;
}

/** The id this post answers, when it is a reply. Pure. */
export const repliedTo = (t: XTweet): string | undefined => t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;

/** X's `created_at` (ISO, or the legacy `Wed Jan 06 18:40:40 +0000 2021` form) as ISO; `fallback` when unreadable. */
export function isoTime(value: string | undefined, fallback: Date): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? fallback.toISOString() : new Date(t).toISOString();
}

/**
 * Maps a mentions-timeline post to an inbound item: `reply` when it answers a post (referenced_tweets
 * replied_to), else `mention`; the thread is the X conversation; author handle and name from the `author_id`
 * expansion; `fromSelf` when the account itself wrote it. Pure.
 */
export function mentionToInbound(t: XTweet, users: Map<string, XUser>, accountId: string, now: Date): InboundItem {
  const author = t.author_id ? users.get(t.author_id) : undefined;
  const parent = repliedTo(t);
  const item: InboundItem = {
    remoteId: t.id,
    kind: parent ? 'reply' : 'mention',
    threadRemoteId: t.conversation_id || t.id,
    author: { remoteId: t.author_id ?? 'unknown', handle: author?.username, displayName: author?.name, avatarUrl: author?.profile_image_url },
    text: t.text ?? '',
    createdAt: isoTime(t.created_at, now),
    url: tweetUrl(author?.username, t.id),
    replyRef: { tweetId: t.id },
  };
  if (parent) item.inReplyToRemoteId = parent;
  if (t.author_id && t.author_id === accountId) item.fromSelf = true;
  return item;
}

/**
 * Maps a page of mentions to inbound items newer than `sinceId` (X is asked with since_id, but a mock or a
 * retried page may repeat older ones), oldest first. Pure.
 */
export function mentionsToInbound(page: XTweetPage, sinceId: string | null, accountId: string, now: Date): InboundItem[] {
  const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
  return (page.data ?? [])
    .filter((t) => isTweetId(t.id) && (!sinceId || compareIds(t.id, sinceId) > 0))
    .sort((a, b) => compareIds(a.id, b.id))
    .map((t) => mentionToInbound(t, users, accountId, now));
}

/**
 * Metrics from `public_metrics`: like_count → likes, retweet_count → reposts, reply_count → replies,
 * quote_count → quotes, impression_count → impressions; a count X did not send is `null` (unsupported), never 0.
 */
export function xMetrics(t: XTweet): MetricValues {
  const m = t.public_metrics ?? {};
  const n = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : null);
  return { likes: n(m.like_count), reposts: n(m.retweet_count), replies: n(m.reply_count), quotes: n(m.quote_count), impressions: n(m.impression_count) };
}
