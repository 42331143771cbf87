/** WhatsApp Cloud API calls: the phone number, text and template messages, webhook subscription. */
import { ConnectorError } from '../errors';
import { graphCall, graphFor, type GraphAuth } from '../meta/graph';
import type { AccountInfo, ConnectorContext, RemoteRef } from '../types';

/** The phone number id of a connected channel (`credentials.phoneNumberId`, else the account's remote id). */
export function phoneNumberIdOf(ctx: ConnectorContext): string {
  const id = ctx.credentials.phoneNumberId || ctx.account.remoteId;
  if (!/^\d+$/.test(id)) throw new ConnectorError('rejected', 'This WhatsApp channel has no valid phone number id; reconnect it.');
  return id;
}

/** Reads the phone number (display number, verified business name) as the channel's account. */
export async function readPhoneNumber(g: GraphAuth, phoneNumberId: string, fallbackHandle?: string): Promise<AccountInfo> {
  const p = await graphCall<{ display_phone_number?: string; verified_name?: string }>(g, 'GET', phoneNumberId, { query: { fields: 'id,display_phone_number,verified_name' } });
  const handle = p.display_phone_number ?? fallbackHandle ?? phoneNumberId;
  return { remoteId: phoneNumberId, handle, displayName: p.verified_name ?? handle };
}

/** Sends one message payload from `phoneNumberId`; returns the new message id (`wamid.…`). */
export async function sendWhatsApp(g: GraphAuth, phoneNumberId: string, payload: Record<string, unknown>): Promise<string> {
  const r = await graphCall<{ messages?: Array<{ id?: string }> }>(g, 'POST', `${phoneNumberId}/messages`, {
    json: { messaging_product: 'whatsapp', recipient_type: 'individual', ...payload },
  });
  const id = r.messages?.[0]?.id;
  if (!id) throw new ConnectorError('rejected', 'WhatsApp answered without a message id.');
  return id;
}

/** The payload of a free-form text message to `to` (a wa_id); links get a preview. */
export function textPayload(to: string, body: string): Record<string, unknown> {
  return { to, type: 'text', text: { preview_url: /\bhttps?:\/\//i.test(body), body } };
}

/** An approved message template: its name, language code (e.g. `nl` or `en_US`) and filled-in components. */
export interface WhatsAppTemplate {
  name: string;
  languageCode: string;
  components?: Array<Record<string, unknown>>;
}

const TEMPLATE_NAME_RE = /^[a-z0-9_]{1,512}$/;
const LANGUAGE_RE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
const WA_ID_RE = /^\+?\d{6,20}$/;

/** The payload of a template message; refuses (before any call) malformed names, language codes and numbers. */
export function templatePayload(to: string, t: WhatsAppTemplate): Record<string, unknown> {
  if (!WA_ID_RE.test(to)) throw new ConnectorError('rejected', 'The WhatsApp recipient must be a phone number in international form.');
  if (!TEMPLATE_NAME_RE.test(t.name)) throw new ConnectorError('rejected', 'A WhatsApp template name has only lowercase letters, digits and underscores.');
  if (!LANGUAGE_RE.test(t.languageCode)) throw new ConnectorError('rejected', 'A WhatsApp template language is a code such as nl or en_US.');
  return {
    to: to.replace(/^\+/, ''),
    type: 'template',
    template: { name: t.name, language: { policy: 'deterministic', code: t.languageCode }, ...(t.components?.length ? { components: t.components } : {}) },
  };
}

/**
 * Sends an approved template to `to` (a wa_id): the only way to (re)open a conversation outside the 24-hour
 * customer-service window. An extra besides the contract (OutboundReply has no template field): it must be called
 * through the gate like every write. `idempotencyKey` is accepted for the gate's records; WhatsApp has no
 * idempotency key, so a retry after a lost answer can send twice — the gate records the attempt first.
 */
export async function replyWithTemplate(ctx: ConnectorContext, p: { idempotencyKey: string; to: string; template: WhatsAppTemplate }): Promise<RemoteRef> {
  const payload = templatePayload(p.to, p.template);
  return { remoteId: await sendWhatsApp(graphFor(ctx), phoneNumberIdOf(ctx), payload) };
}

/** Subscribes Regie's Meta app to the channel's WhatsApp Business Account webhooks (needs `credentials.wabaId`). */
export async function subscribeWhatsAppWebhooks(ctx: ConnectorContext): Promise<void> {
  const waba = ctx.credentials.wabaId;
  if (!waba || !/^\d+$/.test(waba)) throw new ConnectorError('rejected', 'This WhatsApp channel has no WhatsApp Business Account id; reconnect it.');
  await graphCall(graphFor(ctx), 'POST', `${waba}/subscribed_apps`);
}
