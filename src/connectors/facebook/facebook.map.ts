/** Facebook Page webhook events → InboundItems. Pure; input already signature-checked but still untrusted. */
import { mapMessagingEvent } from '../meta/messaging-map';
import { arr, obj, str, type MetaWebhookBody } from '../meta/webhook';
import { isoTime } from '../meta/graph';
import type { InboundItem, WebhookResult } from '../types';

type Items = Extract<WebhookResult, { kind: 'items' }>;

/**
 * A Page feed change `{item: 'comment', verb: 'add'}` → a `comment` item: thread = the post id, in reply to
 * `parent_id` (the post for a top-level comment, the comment for a reply), `fromSelf` when the Page wrote it.
 * `replyRef.commentId` is where a reply goes: Facebook nests one level, so replies to a reply go to its parent.
 * Other feed changes (posts, reactions, edits, removals) yield undefined.
 */
export function mapFeedChange(pageId: string, value: unknown, received: Date): InboundItem | undefined {
  const v = obj(value);
  if (v.item !== 'comment' || v.verb !== 'add') return undefined;
  const id = str(v.comment_id);
  const postId = str(v.post_id);
  if (!id || !postId) return undefined;
  const from = obj(v.from);
  const authorId = str(from.id) ?? 'unknown';
  const name = str(from.name);
  const parent = str(v.parent_id) ?? postId;
  const photo = str(v.photo);
  return {
    remoteId: id,
    kind: 'comment',
    threadRemoteId: postId,
    inReplyToRemoteId: parent,
    author: { remoteId: authorId, ...(name ? { handle: name, displayName: name } : {}) },
    text: str(v.message) ?? '',
    createdAt: isoTime(v.created_time, received),
    ...(photo ? { attachments: [{ name: 'photo', mimeType: 'image/*', size: 0 }] } : {}),
    replyRef: { commentId: parent !== postId ? parent : id },
    fromSelf: authorId === pageId,
  };
}

/**
 * Maps a verified webhook body with `object: 'page'`: feed comments and Messenger messages become items (each with
 * the Page id as `accountRemoteId`), Messenger deliveries become `delivered` statuses. Bodies for other objects
 * yield no items (each Meta product has its own webhook route).
 */
export function parseFacebookEvent(body: MetaWebhookBody, received: Date): Items {
  const items: Items['items'] = [];
  const statuses: NonNullable<Items['statuses']> = [];
  if (body.object !== 'page') return { kind: 'items', items };
  for (const entry of body.entry) {
    const pageId = str(entry.id);
    if (!pageId) continue;
    for (const change of arr(entry.changes)) {
      const c = obj(change);
      if (c.field !== 'feed') continue;
      const item = mapFeedChange(pageId, c.value, received);
      if (item) items.push({ accountRemoteId: pageId, item });
    }
    for (const ev of arr(entry.messaging)) {
      const out = mapMessagingEvent(pageId, ev, received);
      if (out.item) items.push({ accountRemoteId: pageId, item: out.item });
      for (const mid of out.delivered ?? []) statuses.push({ accountRemoteId: pageId, remoteId: mid, status: 'delivered' });
    }
  }
  return { kind: 'items', items, ...(statuses.length ? { statuses } : {}) };
}
