/**
 * Realistic Meta webhook traffic for load and crash tests: distinct events (Page feed comments, Messenger, Instagram
 * comments and direct messages, WhatsApp messages) for three connected accounts, batched into signed webhook bodies
 * the way Meta sends them (JSON with non-ASCII escaped as \uXXXX, `X-Hub-Signature-256` over the raw bytes).
 */
import { createHmac } from 'node:crypto';

export type MetaEndpoint = 'facebook' | 'instagram' | 'whatsapp';

/** The accounts the events are addressed to (what the connected channels' account ids must be). */
export const META_ACCOUNTS = { pageId: '102030405060708', igUserId: '17841400000000000', waPhoneNumberId: '106540352242922', waBusinessId: '102290129340398' } as const;

/** One platform event: where it is posted, what Regie must store for it, and its wire form. */
export interface MetaEvent {
  endpoint: MetaEndpoint;
  /** The account id of the channel it belongs to. */
  account: string;
  remoteId: string;
  threadRemoteId: string;
  authorRemoteId: string;
  text: string;
  /** Facebook/Instagram: one `entry[]` element; WhatsApp: one `messages[]` element. */
  wire: Record<string, unknown>;
  /** WhatsApp only: the sender's `contacts[]` element. */
  contact?: { profile: { name: string }; wa_id: string };
}

/** A small deterministic PRNG (mulberry32), so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place with the given random source; returns the array. */
export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

const NAMES = ['Jörg Müller', 'Anouk de Vries', 'Søren Ødegård', 'Fatima El Amrani', 'Zoë Çelik', 'Łukasz Wróbel', 'Noah Bakker', 'Chloé Lefèvre', 'Daan Jansen', 'Ilse van Dijk'];
const TEXTS = [
  'Wanneer gaat het zwembad weer open? 🏊‍♀️',
  'Kan ik mijn paspoort ophalen zonder afspraak? 🙏',
  'De straatverlichting in de Kerkstraat is al een week kapot 😡',
  'Dank je wel voor de snelle reactie! 👍',
  'Is de milieustraat zaterdag geopend?',
  'Thanks for the update — great news for the neighbourhood 🎉',
  'Waarom is de parkeervergunning zo duur geworden? €120 is te veel.',
  'Ik heb een melding gedaan over zwerfafval bij de speeltuin, nog geen antwoord…',
  'Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest? 🎈',
  'Great initiative! Will there be a session in English as well?',
];

/**
 * `n` distinct events spread over the three accounts: feed comments on 25 Page posts, Messenger from 150 people,
 * Instagram comments on 15 media, Instagram DMs from 100 people and WhatsApp messages from 200 numbers — so many
 * events share a conversation. Every text is unique (the event number is in it) and non-ASCII.
 */
export function metaEvents(n: number, rand: () => number, baseSeconds = Math.floor(Date.now() / 1000) - 86_400): MetaEvent[] {
  const { pageId, igUserId, waPhoneNumberId } = META_ACCOUNTS;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const events: MetaEvent[] = [];
  for (let i = 0; i < n; i++) {
    const t = baseSeconds + i;
    const text = `${pick(TEXTS)} (#${i})`;
    const slot = i % 20;
    if (slot < 5) {
      const post = `${pageId}_${900000 + (i % 25)}`;
      const person = `74${String(1000 + Math.floor(rand() * 400)).padStart(12, '0')}`;
      const id = `${900000 + (i % 25)}_${5000000 + i}`;
      const value = { from: { id: person, name: pick(NAMES) }, post: { status_type: 'added_photos', is_published: true, id: post }, message: text, post_id: post, comment_id: id, created_time: t, item: 'comment', parent_id: post, verb: 'add' };
      events.push({ endpoint: 'facebook', account: pageId, remoteId: id, threadRemoteId: post, authorRemoteId: person, text, wire: { id: pageId, time: t, changes: [{ field: 'feed', value }] } });
    } else if (slot < 9) {
      const psid = `25${String(100 + (i % 150)).padStart(14, '0')}`;
      const mid = `m_AYb${i.toString(36)}Qx${(i * 7919).toString(36)}`;
      const ev = { sender: { id: psid }, recipient: { id: pageId }, timestamp: t * 1000, message: { mid, text } };
      events.push({ endpoint: 'facebook', account: pageId, remoteId: mid, threadRemoteId: psid, authorRemoteId: psid, text, wire: { id: pageId, time: t * 1000, messaging: [ev] } });
    } else if (slot < 12) {
      const media = `1790000000${String(i % 15).padStart(7, '0')}`;
      const person = `17${String(2000 + Math.floor(rand() * 300)).padStart(15, '0')}`;
      const id = `1786${String(i).padStart(13, '0')}`;
      const value = { from: { id: person, username: `inwoner_${person.slice(-4)}` }, media: { id: media, media_product_type: 'FEED' }, id, text };
      events.push({ endpoint: 'instagram', account: igUserId, remoteId: id, threadRemoteId: media, authorRemoteId: person, text, wire: { id: igUserId, time: t, changes: [{ field: 'comments', value }] } });
    } else if (slot < 15) {
      const igsid = `65${String(300 + (i % 100)).padStart(14, '0')}`;
      const mid = `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj${i.toString(36)}`;
      const ev = { sender: { id: igsid }, recipient: { id: igUserId }, timestamp: t * 1000, message: { mid, text } };
      events.push({ endpoint: 'instagram', account: igUserId, remoteId: mid, threadRemoteId: igsid, authorRemoteId: igsid, text, wire: { id: igUserId, time: t * 1000, messaging: [ev] } });
    } else {
      const waId = `316${String(10000000 + (i % 200)).padStart(8, '0')}`;
      const id = `wamid.HBgLMzE2${Buffer.from(`loss-${i}`).toString('base64url')}`;
      const wire = { from: waId, id, timestamp: String(t), type: 'text', text: { body: text } };
      events.push({ endpoint: 'whatsapp', account: waPhoneNumberId, remoteId: id, threadRemoteId: waId, authorRemoteId: waId, text, wire, contact: { profile: { name: NAMES[i % NAMES.length] }, wa_id: waId } });
    }
  }
  return events;
}

/** Meta's wire form: JSON with every non-ASCII character escaped as \uXXXX (so only the raw bytes verify). */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The raw body of one webhook POST carrying `events` (all of one endpoint), batched as Meta does. */
export function webhookBody(endpoint: MetaEndpoint, events: MetaEvent[]): Buffer {
  if (events.some((e) => e.endpoint !== endpoint)) throw new Error('one webhook body carries events of one endpoint');
  if (endpoint === 'whatsapp') {
    const contacts = [...new Map(events.map((e) => [e.contact!.wa_id, e.contact!])).values()];
    const value = { messaging_product: 'whatsapp', metadata: { display_phone_number: '31201234567', phone_number_id: META_ACCOUNTS.waPhoneNumberId }, contacts, messages: events.map((e) => e.wire) };
    return Buffer.from(metaJson({ object: 'whatsapp_business_account', entry: [{ id: META_ACCOUNTS.waBusinessId, changes: [{ value, field: 'messages' }] }] }), 'utf8');
  }
  return Buffer.from(metaJson({ object: endpoint === 'facebook' ? 'page' : 'instagram', entry: events.map((e) => e.wire) }), 'utf8');
}

/** The `X-Hub-Signature-256` header value for `body` under the app secret. */
export function metaSignature(body: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}
