import { ConnectorError } from '../errors';
import type { ConnectorContext, OutboundMedia, OutboundPart, OutboundReply, OutboundVariant, PublishResult, RemoteRef } from '../types';
import { xApi, type XApi } from './x.http';
import { LOOKUP_WINDOW_MS, matchThread, recentOwnTweets } from './x.lookup';
import { tweetUrl } from './x.map';
import { uploadXMedia } from './x.media';
import { composeXText, pollMinutes } from './x.validate';

interface CreateAnswer {
  data?: { id?: string; text?: string };
}

/** The reference to a published post or thread: the first post, with the later parts' ids in `extra.threadIds`. */
export function threadRef(handle: string, ids: string[], expected = ids.length): RemoteRef {
  const ref: RemoteRef = { remoteId: ids[0], url: tweetUrl(handle, ids[0]) };
  const extra: Record<string, string> = {};
  if (ids.length > 1) extra.threadIds = ids.slice(1).join(',');
  if (ids.length < expected) extra.incomplete = `${ids.length}/${expected}`;
  if (Object.keys(extra).length) ref.extra = extra;
  return ref;
}

async function createPost(api: XApi, ctx: ConnectorContext, text: string, media: OutboundMedia[], part: Pick<OutboundPart, 'poll'>, replyTo?: string): Promise<string> {
  const mediaIds: string[] = [];
  for (const m of media) mediaIds.push(await uploadXMedia(api, m, () => ctx.now()));
  const body: Record<string, unknown> = { text };
  if (mediaIds.length) body.media = { media_ids: mediaIds };
  if (part.poll) body.poll = { options: part.poll.options, duration_minutes: pollMinutes(part.poll.durationSeconds) };
  if (replyTo) body.reply = { in_reply_to_tweet_id: replyTo };
  const answer = await api.post<CreateAnswer>('/2/tweets', body);
  const id = answer?.data?.id;
  if (!id) throw new ConnectorError('transient', 'X accepted the post but returned no id.');
  return id;
}

/**
 * Looks up an earlier publish of `variant` among the account's recent posts (see x.lookup.ts for the limits);
 * returns the reference (with `extra.incomplete` when only the first parts of a thread arrived) or null.
 */
export async function findXPublished(ctx: ConnectorContext, variant: OutboundVariant, since?: Date): Promise<RemoteRef | null> {
  const from = since ?? new Date(ctx.now().getTime() - LOOKUP_WINDOW_MS);
  const texts = variant.parts.map(composeXText);
  const ids = matchThread(await recentOwnTweets(xApi(ctx), ctx.account.remoteId, from), texts);
  return ids.length ? threadRef(ctx.account.handle, ids, texts.length) : null;
}

/**
 * Publishes a post or a thread (each part replies to the one before). Idempotent by lookup: parts already on X
 * (an earlier attempt that crashed or timed out) are found by text and not sent again; a half-sent thread is
 * completed from where it stopped.
 */
export async function publishX(ctx: ConnectorContext, variant: OutboundVariant): Promise<PublishResult> {
  const api = xApi(ctx);
  const texts = variant.parts.map(composeXText);
  const since = new Date(ctx.now().getTime() - LOOKUP_WINDOW_MS);
  const ids = matchThread(await recentOwnTweets(api, ctx.account.remoteId, since), texts);
  if (ids.length) ctx.log.info({ found: ids.length, of: texts.length }, 'x: earlier publish found, not sending those parts again');
  for (let i = ids.length; i < texts.length; i++) {
    const part = variant.parts[i];
    ids.push(await createPost(api, ctx, texts[i], part.media ?? [], part, ids[i - 1]));
  }
  const parts = ids.map((id) => ({ remoteId: id, url: tweetUrl(ctx.account.handle, id) }));
  return { status: 'published', remote: threadRef(ctx.account.handle, ids), parts };
}

/** Answers an inbound post with a reply; idempotent by the same lookup as publishing. */
export async function replyX(ctx: ConnectorContext, r: OutboundReply): Promise<RemoteRef> {
  const api = xApi(ctx);
  const target = r.inReplyTo.replyRef?.tweetId ?? r.inReplyTo.remoteId;
  const since = new Date(ctx.now().getTime() - LOOKUP_WINDOW_MS);
  const [found] = matchThread(await recentOwnTweets(api, ctx.account.remoteId, since), [r.text], target);
  const id = found ?? (await createPost(api, ctx, r.text, r.media ?? [], {}, target));
  return { remoteId: id, url: tweetUrl(ctx.account.handle, id) };
}

/** Deletes a post and, for a thread, its later parts (newest first). Already-deleted posts are fine. */
export async function deleteX(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const api = xApi(ctx);
  const later = (ref.extra?.threadIds ?? '').split(',').filter(Boolean).reverse();
  for (const id of [...later, ref.remoteId]) await api.del(`/2/tweets/${encodeURIComponent(id)}`);
}
