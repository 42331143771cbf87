/**
 * Outbound replies as RFC 5322 messages: the threading headers (In-Reply-To = parent Message-ID, References =
 * parent References + parent Message-ID), one "Re: " however often the subject was answered, and a Message-ID
 * derived from the reply's idempotency key, so a retried reply carries the same id and can be recognised (in the
 * Sent folder before sending again, and when it comes back into the inbox).
 */
import { createHash } from 'node:crypto';
import type MailComposerT from 'nodemailer/lib/mail-composer';
import { lazy } from '../lazy';

const MailComposer = lazy<typeof MailComposerT>('nodemailer/lib/mail-composer');
import { ConnectorError } from '../errors';
import type { OutboundReply } from '../types';
import { domainOf } from './email.settings';

const ID_PREFIX = 'regie.';
/** References headers are cut to the root plus the most recent ids beyond this many entries. */
const MAX_REFERENCES = 20;

/** The Message-ID of a reply with this idempotency key from this mailbox: `<regie.{hash}@{mailbox domain}>`. */
export function replyMessageId(idempotencyKey: string, address: string): string {
  const hash = createHash('sha256').update(`regie-email-reply\u0000${address.toLowerCase()}\u0000${idempotencyKey}`).digest('hex').slice(0, 40);
  return `<${ID_PREFIX}${hash}@${domainOf(address)}>`;
}

/** True when a Message-ID has the shape {@link replyMessageId} gives this mailbox's replies. */
export function isReplyMessageId(messageId: string, address: string): boolean {
  const m = /^<regie\.([0-9a-f]{40})@([^>]+)>$/i.exec(messageId.trim());
  return !!m && m[2]!.toLowerCase() === domainOf(address);
}

/** "Re: " + the subject without the reply prefixes it already had (Re:, RE[2]:, Aw:, Antw:, Sv:, Vs:). */
export function replySubject(subject: string | undefined): string {
  const base = (subject ?? '').replace(/^\s*(?:(?:re|aw|antw|antwoord|sv|vs|r)(?:\s*\[\d+\]|\s*\(\d+\))?\s*:\s*)+/i, '').trim();
  return base ? `Re: ${base}` : 'Re:';
}

/** The References of a reply: the parent's References followed by the parent's Message-ID, without repeats. */
export function replyReferences(parentReferences: string | undefined, parentId: string | undefined): string[] {
  const ids = (parentReferences ?? '').match(/<[^<>\s]+>/g) ?? [];
  const all = [...ids, ...(parentId ? [parentId] : [])].filter((id, i, a) => a.indexOf(id) === i);
  return all.length > MAX_REFERENCES ? [all[0]!, ...all.slice(all.length - MAX_REFERENCES + 1)] : all;
}

export interface ReplyEnvelope {
  messageId: string;
  to: string;
  subject: string;
  inReplyTo?: string;
  references: string[];
  threadRemoteId: string;
}

/**
 * Works out who a reply goes to and its headers, from the inbound item it answers. Throws ConnectorError
 * 'rejected' when the item has no address to answer.
 */
export function replyEnvelope(reply: OutboundReply, address: string): ReplyEnvelope {
  const parent = reply.inReplyTo;
  const ref = parent.replyRef ?? {};
  const parentId = ref.messageId ?? (/^<[^<>\s]+>$/.test(parent.remoteId) ? parent.remoteId : undefined);
  const to = ref.replyTo ?? parent.author.email;
  if (!to || !/^[^\s@<>]+@[^\s@<>]+$/.test(to)) {
    throw new ConnectorError('rejected', 'This message has no sender address to reply to.', { platformReason: 'no reply address' });
  }
  const references = replyReferences(ref.references, parentId);
  return {
    messageId: replyMessageId(reply.idempotencyKey, address),
    to,
    subject: replySubject(ref.subject ?? parent.subject),
    inReplyTo: parentId,
    references,
    threadRemoteId: parent.threadRemoteId || references[0] || parentId || replyMessageId(reply.idempotencyKey, address),
  };
}

/** Builds the raw reply (plain text, UTF-8; media as attachments), exactly as it is sent and kept in Sent. */
export async function composeReply(
  reply: OutboundReply,
  env: ReplyEnvelope,
  from: { address: string; name?: string },
  date: Date,
): Promise<Buffer> {
  const composer = new (MailComposer())({
    from: from.name && from.name !== from.address ? { name: from.name, address: from.address } : from.address,
    to: env.to,
    subject: env.subject,
    text: reply.text,
    messageId: env.messageId,
    date,
    inReplyTo: env.inReplyTo,
    references: env.references.length ? env.references : undefined,
    attachments: (reply.media ?? []).map((m, i) => ({
      filename: `${m.kind}-${i + 1}.${m.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin'}`,
      contentType: m.mimeType,
      content: Buffer.from(m.bytes),
    })),
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
}
