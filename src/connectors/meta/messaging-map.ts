/**
 * Messenger Platform events (`entry[].messaging[]`) → InboundItem: Facebook Page conversations and Instagram
 * direct messages share this shape. Pure; the input is untrusted JSON that was already signature-checked.
 */
import type { InboundItem } from '../types';
import { isoTime } from './graph';
import { arr, obj, str } from './webhook';

const MIME_BY_TYPE: Record<string, string> = { image: 'image/*', video: 'video/*', audio: 'audio/*', file: 'application/octet-stream', sticker: 'image/*' };

/** What one messaging event yields: a direct message, and/or message ids Meta reports as delivered. */
export interface MessagingOutcome {
  item?: InboundItem;
  delivered?: string[];
}

/**
 * Maps one messaging event of the page or Instagram account `entryId`. A message (or a button postback) becomes a
 * `direct_message` whose thread is the other person's page-scoped id (PSID / IGSID) — for echoes of what the
 * account itself sent, that is the recipient, and `fromSelf` is true. Deliveries become delivered message ids.
 * Read receipts, reactions, deleted (unsent) messages and unknown events yield nothing.
 */
export function mapMessagingEvent(entryId: string, raw: unknown, received: Date): MessagingOutcome {
  const ev = obj(raw);
  const sender = str(obj(ev.sender).id);
  const recipient = str(obj(ev.recipient).id);
  const createdAt = isoTime(ev.timestamp, received);
  const delivery = obj(ev.delivery);
  if (Array.isArray(delivery.mids)) return { delivered: arr(delivery.mids).map(str).filter((m): m is string => !!m) };
  if (!sender) return {};

  const message = obj(ev.message);
  const mid = str(message.mid);
  if (mid && message.is_deleted !== true) {
    const echo = message.is_echo === true || sender === entryId;
    const customer = (echo ? recipient : sender) ?? sender;
    const attachments = arr(message.attachments).map((a) => {
      const type = str(obj(a).type) ?? 'file';
      return { name: type, mimeType: MIME_BY_TYPE[type] ?? 'application/octet-stream', size: 0 };
    });
    const text = str(message.text) ?? (attachments.length ? attachments.map((a) => `[${a.name}]`).join(' ') : '');
    return {
      item: {
        remoteId: mid,
        kind: 'direct_message',
        threadRemoteId: customer,
        ...(str(obj(message.reply_to).mid) ? { inReplyToRemoteId: str(obj(message.reply_to).mid) } : {}),
        author: { remoteId: sender },
        text,
        createdAt,
        ...(attachments.length ? { attachments } : {}),
        replyRef: { recipientId: customer },
        fromSelf: echo,
      },
    };
  }

  const postback = obj(ev.postback);
  const title = str(postback.title);
  if (title !== undefined) {
    return {
      item: {
        remoteId: str(postback.mid) ?? `postback:${sender}:${String(ev.timestamp ?? createdAt)}`,
        kind: 'direct_message',
        threadRemoteId: sender,
        author: { remoteId: sender },
        text: title,
        createdAt,
        replyRef: { recipientId: sender },
        fromSelf: false,
      },
    };
  }
  return {};
}
