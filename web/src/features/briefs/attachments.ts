import { isPostMediaKind, MEDIA_MAX_BYTES, SNIFF_BYTES, sniffMediaType, type MediaKind, type MediaType } from '../../../../src/core/content/media-types';
import type { BriefAttachment, BriefAttachmentInput } from './api';

/** The most attachments a brief takes (the API's limit). */
export const MAX_ATTACHMENTS = 20;

/** What the file picker offers for a brief: images, MP4 video and PDF. The server decides again from the bytes. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,video/mp4,application/pdf,.pdf';

/** An attachment in the brief form: what is sent, plus what the form shows (unknown for a file it has not seen). */
export interface AttachmentItem extends BriefAttachmentInput {
  kind: MediaKind | null;
  size: number | null;
}

export type AttachmentCheck = { ok: true; type: MediaType } | { ok: false; reason: 'type' | 'size'; maxBytes?: number };

/**
 * The browser's early check of a picked file from its first bytes and size, with the server's rules for any kind
 * Regie stores (images, video, PDF), so a wrong or too large file is refused before it is sent.
 */
export function precheckAttachment(head: Uint8Array, size: number): AttachmentCheck {
  const type = sniffMediaType(head);
  if (!type) return { ok: false, reason: 'type' };
  const max = MEDIA_MAX_BYTES[type.kind];
  if (size > max) return { ok: false, reason: 'size', maxBytes: max };
  return { ok: true, type };
}

/** Reads the first bytes of a picked file and runs {@link precheckAttachment} on them. */
export async function precheckAttachmentBlob(file: Blob): Promise<AttachmentCheck> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return precheckAttachment(head, file.size);
}

/** The form's items for a brief's saved attachments. */
export function itemsOf(attachments: readonly BriefAttachment[]): AttachmentItem[] {
  return attachments.map((a) => ({ mediaId: a.mediaId, name: a.name, kind: a.kind, size: a.size }));
}

/** The list with `item` at the end; a file already in the list is not added twice. */
export function addAttachment(list: AttachmentItem[], item: AttachmentItem): AttachmentItem[] {
  return list.some((a) => a.mediaId === item.mediaId) ? list : [...list, item];
}

/** The list without the item with `mediaId`. */
export function removeAttachment(list: AttachmentItem[], mediaId: string): AttachmentItem[] {
  return list.filter((a) => a.mediaId !== mediaId);
}

/** What the API takes: the id and the name of each item, in order. */
export function attachmentInputs(list: readonly AttachmentItem[]): BriefAttachmentInput[] {
  return list.map((a) => ({ mediaId: a.mediaId, name: a.name }));
}

/** True when the browser shows the file itself (images and video); a document is downloaded. */
export function opensInBrowser(kind: MediaKind | null): boolean {
  return isPostMediaKind(kind);
}

/** The translation key of a kind's short name ("Afbeelding", "Pdf"…), `other` when unknown. */
export function kindKey(kind: MediaKind | null): 'image' | 'gif' | 'video' | 'document' | 'other' {
  return kind ?? 'other';
}
