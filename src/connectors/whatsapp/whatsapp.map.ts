/** WhatsApp Cloud API webhook events → InboundItems and delivery statuses. Pure; input signature-checked but untrusted. */
import { isoTime } from '../meta/graph';
import { arr, obj, str, type MetaWebhookBody } from '../meta/webhook';
import type { InboundItem, WebhookResult } from '../types';

type Items = Extract<WebhookResult, { kind: 'items' }>;

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);
/** Statuses Regie tracks for its own outbound messages. */
export const WHATSAPP_STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

function textOf(m: Record<string, unknown>, type: string): string {
  if (type === 'text') return str(obj(m.text).body) ?? '';
  if (MEDIA_TYPES.has(type)) return str(obj(m[type]).caption) ?? `[${type}]`;
  if (type === 'button') return str(obj(m.button).text) ?? '';
  if (type === 'interactive') {
    const i = obj(m.interactive);
    return str(obj(i.button_reply).title) ?? str(obj(i.list_reply).title) ?? '[interactive]';
  }
  if (type === 'reaction') return str(obj(m.reaction).emoji) ?? '';
  if (type === 'location') {
    const l = obj(m.location);
    return ['[location]', str(l.name), str(l.address)].filter(Boolean).join(' ');
  }
  return `[${type}]`;
}

/**
 * One WhatsApp message → a `direct_message`: thread = the customer's wa_id, author named from `contacts`, text from
 * the body, caption, button or list title, reaction emoji or a bracketed type; `inReplyTo` the quoted message (or
 * the reacted-to one). `fromSelf` for echoes of what the business sent from its WhatsApp Business app
 * (`to` set, thread = the recipient). System notices and unsupported types yield undefined.
 */
export function mapWhatsAppMessage(raw: unknown, names: Map<string, string>, received: Date, echo = false): InboundItem | undefined {
  const m = obj(raw);
  const id = str(m.id);
  const from = str(m.from);
  const type = str(m.type) ?? 'unknown';
  if (!id || !from || type === 'system' || type === 'unsupported') return undefined;
  const customer = echo ? (str(m.to) ?? from) : from;
  const media = MEDIA_TYPES.has(type) ? obj(m[type]) : undefined;
  const replyTo = str(obj(m.context).id) ?? (type === 'reaction' ? str(obj(m.reaction).message_id) : undefined);
  const name = names.get(from);
  return {
    remoteId: id,
    kind: 'direct_message',
    threadRemoteId: customer,
    ...(replyTo ? { inReplyToRemoteId: replyTo } : {}),
    author: { remoteId: from, handle: `+${from}`, ...(name ? { displayName: name } : {}) },
    text: textOf(m, type),
    createdAt: isoTime(m.timestamp, received),
    ...(media ? { attachments: [{ name: str(media.filename) ?? type, mimeType: str(media.mime_type) ?? 'application/octet-stream', size: 0 }] } : {}),
    replyRef: { waId: customer },
    fromSelf: echo,
  };
}

/**
 * Maps a verified webhook body with `object: 'whatsapp_business_account'`: `messages` changes give direct
 * messages and statuses (sent/delivered/read/failed) of the business's own messages, `smb_message_echoes` give
 * `fromSelf` items; `accountRemoteId` is the receiving `phone_number_id` (the channel), not the WABA id.
 */
export function parseWhatsAppEvent(body: MetaWebhookBody, received: Date): Items {
  const items: Items['items'] = [];
  const statuses: NonNullable<Items['statuses']> = [];
  if (body.object !== 'whatsapp_business_account') return { kind: 'items', items };
  for (const entry of body.entry) {
    for (const change of arr(entry.changes)) {
      const c = obj(change);
      if (c.field !== 'messages' && c.field !== 'smb_message_echoes') continue;
      const v = obj(c.value);
      const phone = str(obj(v.metadata).phone_number_id);
      if (!phone) continue;
      const names = new Map<string, string>();
      for (const ct of arr(v.contacts)) {
        const waId = str(obj(ct).wa_id);
        const name = str(obj(obj(ct).profile).name);
        if (waId && name) names.set(waId, name);
      }
      for (const m of arr(v.messages)) {
        const item = mapWhatsAppMessage(m, names, received);
        if (item) items.push({ accountRemoteId: phone, item });
      }
      for (const m of arr(v.message_echoes)) {
        const item = mapWhatsAppMessage(m, names, received, true);
        if (item) items.push({ accountRemoteId: phone, item });
      }
      for (const s of arr(v.statuses)) {
        const id = str(obj(s).id);
        const status = str(obj(s).status);
        if (id && status && WHATSAPP_STATUSES.has(status)) statuses.push({ accountRemoteId: phone, remoteId: id, status });
      }
    }
  }
  return { kind: 'items', items, ...(statuses.length ? { statuses } : {}) };
}
