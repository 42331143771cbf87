/**
 * Raw inbound e-mail → InboundItem: parsed with mailparser, HTML through the allow-list sanitiser, attachments kept
 * (bytes up to a limit), thread ids from References / In-Reply-To, and the references a reply needs.
 */
import type { AddressObject, ParsedMail } from 'mailparser';
import { lazy } from '../lazy';

const mailparser = lazy<typeof import('mailparser')>('mailparser');
import type { InboundItem } from '../types';
import { isReplyMessageId } from './email.compose';
import { sanitizeEmailHtml } from './email.sanitize';

/** Attachments larger than this keep their name, type and size but not their bytes. */
export const ATTACHMENT_BYTES_LIMIT = 10 * 1024 * 1024;
/** All attachment bytes of one message together stay under this. */
export const MESSAGE_ATTACHMENT_BYTES_LIMIT = 25 * 1024 * 1024;

/** Where a message was found: the IMAP UID in a mailbox generation (UIDVALIDITY) and when the server got it. */
export interface MessageMeta {
  uid: number;
  uidValidity: string;
  receivedAt?: Date;
}

/** Parses a raw RFC 5322 message; `cid:` links stay as they are (the attachments carry the content ids). */
export function parseRawMessage(raw: Buffer | string): Promise<ParsedMail> {
  return mailparser().simpleParser(raw, { keepCidLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
}

/** Message-IDs in a header value, each with angle brackets, in order. */
export function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const out: string[] = [];
  for (const m of text.matchAll(/<([^<>\s]+)>|(\S+@\S+)/g)) {
    const id = `<${m[1] ?? m[2]!.replace(/^<|>$/g, '')}>`;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** The conversation's root: the first References entry, else In-Reply-To, else the message itself. */
export function threadRootOf(references: string[], inReplyTo: string | undefined, own: string): string {
  return references[0] ?? inReplyTo ?? own;
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address?: string; name?: string } | undefined {
  const list = Array.isArray(a) ? a.flatMap((x) => x.value) : (a?.value ?? []);
  const one = list.find((v) => v.address) ?? list[0];
  return one ? { address: one.address?.toLowerCase(), name: one.name || undefined } : undefined;
}

function header(parsed: ParsedMail, name: string): string | undefined {
  const v = parsed.headers.get(name);
  return typeof v === 'string' ? v : undefined;
}

/**
 * Maps a parsed message to an InboundItem. `remoteId` is the Message-ID (angle brackets kept), or
 * `uidValidity:uid` when the message has none. `fromSelf` is set for our own replies coming back: a Message-ID we
 * generate (see {@link isReplyMessageId}) or From = the mailbox address.
 */
export function toInboundItem(
  parsed: ParsedMail,
  meta: MessageMeta,
  mailbox: { address: string },
  limits = { attachmentBytes: ATTACHMENT_BYTES_LIMIT, messageBytes: MESSAGE_ATTACHMENT_BYTES_LIMIT },
): InboundItem {
  const own = messageIds(parsed.messageId)[0];
  const remoteId = own ?? `${meta.uidValidity}:${meta.uid}`;
  const references = messageIds(parsed.references);
  const inReplyTo = messageIds(parsed.inReplyTo).at(-1);
  const from = firstAddress(parsed.from);
  const replyTo = firstAddress(parsed.replyTo);
  const email = from?.address;
  const subject = parsed.subject ?? '';
  const html = typeof parsed.html === 'string' && parsed.html.trim() ? sanitizeEmailHtml(parsed.html).trim() : undefined;
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined;
  const createdAt = (meta.receivedAt ?? date ?? new Date(0)).toISOString();

  const replyRef: Record<string, string> = { subject };
  if (own) replyRef.messageId = own;
  if (references.length) replyRef.references = references.join(' ');
  if (replyTo?.address && replyTo.address !== email) replyRef.replyTo = replyTo.address;
  const autoSubmitted = header(parsed, 'auto-submitted');
  if (autoSubmitted && autoSubmitted.toLowerCase() !== 'no') replyRef.autoSubmitted = autoSubmitted;

  let budget = limits.messageBytes;
  const attachments = parsed.attachments.map((a) => {
    const keep = a.size <= limits.attachmentBytes && a.size <= budget;
    if (keep) budget -= a.size;
    return {
      name: a.filename || (a.cid ? `inline-${a.cid}` : 'attachment'),
      mimeType: a.contentType || 'application/octet-stream',
      size: a.size,
      ...(a.cid ? { contentId: a.cid } : {}),
      ...(keep ? { bytes: new Uint8Array(a.content) } : {}),
    };
  });

  const item: InboundItem = {
    remoteId,
    kind: 'email',
    threadRemoteId: threadRootOf(references, inReplyTo, remoteId),
    author: { remoteId: email ?? 'unknown', handle: email, displayName: from?.name ?? email, email },
    text: (parsed.text ?? '').trim(),
    subject,
    createdAt,
    replyRef,
  };
  if (inReplyTo) item.inReplyToRemoteId = inReplyTo;
  if (html) item.html = html;
  if (attachments.length) item.attachments = attachments;
  const self = mailbox.address.toLowerCase();
  if ((own && isReplyMessageId(own, self)) || email === self) item.fromSelf = true;
  return item;
}
