/** What a WhatsApp Business number can take, and the customer-service window. Pure and browser-safe. */
import type { Capabilities, OutboundVariant, ValidationFinding } from '../types';
import { validateAgainstCapabilities } from '../validate';

/** WhatsApp lets a business answer freely for 24 hours after the customer's last message; after that only templates. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Longest text message body. */
export const WHATSAPP_TEXT_MAX = 4096;

/**
 * WhatsApp Business (Cloud API) is a messaging channel: no feed to publish to. Inbound direct messages and
 * delivery statuses arrive by webhook; replies are text inside the 24-hour window, approved templates outside it.
 */
export const whatsappCapabilities: Capabilities = {
  text: { maxLength: WHATSAPP_TEXT_MAX, counting: 'graphemes' },
  media: null,
  threads: false,
  polls: null,
  linkCards: false,
  firstComment: false,
  replies: true,
  directMessages: true,
  deletes: false,
  metrics: [],
  inbound: { poll: false, webhook: true, kinds: ['direct_message'] },
};

/** The shared checks (length, no media, one part). Pure. */
export function validateWhatsApp(v: OutboundVariant): ValidationFinding[] {
  return validateAgainstCapabilities(whatsappCapabilities, v, 'WhatsApp');
}

/**
 * True while a free-form reply is allowed: less than 24 hours since the customer's last message (`lastInboundAt`,
 * ISO). After that WhatsApp only delivers approved templates. Pure; the composer uses it to offer templates.
 */
export function customerServiceWindowOpen(lastInboundAt: string, now: Date): boolean {
  const at = Date.parse(lastInboundAt);
  return !Number.isNaN(at) && now.getTime() - at < CUSTOMER_SERVICE_WINDOW_MS;
}
