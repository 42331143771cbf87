/** Instagram webhook events → InboundItems. Pure; input already signature-checked but still untrusted. */
import { isoTime } from '../meta/graph';
import { mapMessagingEvent } from '../meta/messaging-map';
import { arr, obj, str, type MetaWebhookBody } from '../meta/webhook';
import type { InboundItem, WebhookResult } from '../types';

type Items = Extract<WebhookResult, { kind: 'items' }>;

/**
 * An Instagram `comments` change → a `comment` item: thread = the media id, in reply to the parent comment (or
 * the media for a top-level comment), `fromSelf` when the account commented itself. Instagram nests one level, so
 * `replyRef.commentId` is the top-level comment a reply should go under.
 */
export function mapInstagramComment(igUserId: string, value: unknown, at: unknown, received: Date): InboundItem | undefined {
  const v = obj(value);
  const id = str(v.id);
  const mediaId = str(obj(v.media).id);
  if (!id || !mediaId) return undefined;
  const from = obj(v.from);
  const authorId = str(from.id) ?? 'unknown';
  const username = str(from.username);
  const parent = str(v.parent_id);
  return {
    remoteId: id,
    kind: 'comment',
    threadRemoteId: mediaId,
    inReplyToRemoteId: parent ?? mediaId,
    author: { remoteId: authorId, ...(username ? { handle: username, displayName: username } : {}) },
    text: str(v.text) ?? '',
    createdAt: isoTime(at, received),
    replyRef: { commentId: parent ?? id },
    fromSelf: authorId === igUserId,
  };
}

/**
 * Maps a verified webhook body with `object: 'instagram'`: comments and direct messages (echoes of the account's
 * own messages are `fromSelf`), each with the Instagram account id as `accountRemoteId`. Other objects yield nothing.
 */
export function parseInstagramEvent(body: MetaWebhookBody, received: Date): Items {
  const items: Items['items'] = [];
  const statuses: NonNullable<Items['statuses']> = [];
  if (body.object !== 'instagram') return { kind: 'items', items };
  for (const entry of body.entry) {
    const igUserId = str(entry.id);
    if (!igUserId) continue;
    for (const change of arr(entry.changes)) {
      const c = obj(change);
      if (c.field !== 'comments') continue;
      const item = mapInstagramComment(igUserId, c.value, entry.time, received);
      if (item) items.push({ accountRemoteId: igUserId, item });
    }
    for (const ev of arr(entry.messaging)) {
      const out = mapMessagingEvent(igUserId, ev, received);
      if (out.item) items.push({ accountRemoteId: igUserId, item: out.item });
      for (const mid of out.delivered ?? []) statuses.push({ accountRemoteId: igUserId, remoteId: mid, status: 'delivered' });
    }
  }
  return { kind: 'items', items, ...(statuses.length ? { statuses } : {}) };
}
