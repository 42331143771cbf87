import { stat } from 'node:fs/promises';
import { cleanFileName } from '../core/content/media-types';
import { notFound } from '../core/shared/errors';
import type { InboundItem } from '../connectors/types';
import { messageAttachments, setMessageAttachments } from '../db/repos/message-attachments.repo';
import type { Q } from '../db/repos/types';
import type { App } from './app';
import { mediaPath, storeBytes } from './media.service';

/**
 * Inbound attachments (e-mail): their bytes kept in the workspace's content-addressed media storage, a list per
 * message, and the file behind one entry for a download. Entries are addressed by their place in that list.
 */

/** Largest attachment kept, in bytes. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
/** Most attachments kept per message; the rest are skipped. */
export const ATTACHMENTS_PER_MESSAGE = 20;

/** What the ingest needs to keep bytes: where the data lives, and a log for what was skipped. */
export type AttachmentStorage = Pick<App, 'config' | 'log'>;

/** One stored attachment as the message records it. */
interface StoredAttachment {
  name: string;
  /** Sniffed from the bytes; `application/octet-stream` unless Regie recognises them. */
  mimeType: string;
  size: number;
  sha256: string;
  contentId: string | null;
}

/** One attachment as the conversation shows it. */
export interface AttachmentView {
  index: number;
  name: string;
  mimeType: string;
  size: number;
}

function parse(json: string | null | undefined): StoredAttachment[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as StoredAttachment[]) : [];
  } catch {
    return [];
  }
}

/**
 * Keeps the bytes of a new message's attachments (at most {@link ATTACHMENTS_PER_MESSAGE}, each at most
 * {@link ATTACHMENT_MAX_BYTES}) and records the list on the message. Attachments without bytes, too large, or
 * failing to store are skipped with a log line; this never throws for them, so the message is filed regardless.
 */
export async function keepAttachments(q: Q, storage: AttachmentStorage, workspaceId: string, messageId: string, attachments: InboundItem['attachments']): Promise<number> {
  const kept: StoredAttachment[] = [];
  for (const [i, a] of (attachments ?? []).entries()) {
    const skip = (reason: string, err?: unknown) => storage.log.warn({ workspaceId, messageId, attachment: i, size: a.size, reason, err }, 'inbound attachment skipped');
    if (kept.length >= ATTACHMENTS_PER_MESSAGE) {
      skip('too_many');
      continue;
    }
    if (!a.bytes || a.bytes.byteLength === 0) {
      skip('no_bytes');
      continue;
    }
    if (a.bytes.byteLength > ATTACHMENT_MAX_BYTES) {
      skip('too_large');
      continue;
    }
    try {
      const stored = await storeBytes(storage, workspaceId, a.bytes);
      kept.push({ name: cleanFileName(a.name, 'attachment'), mimeType: stored.mimeType, size: stored.size, sha256: stored.sha256, contentId: a.contentId ?? null });
    } catch (err) {
      skip('store_failed', err);
    }
  }
  if (kept.length > 0) await setMessageAttachments(q, workspaceId, messageId, JSON.stringify(kept));
  return kept.length;
}

/** The attachments a message records (JSON column), as the conversation lists them. */
export function attachmentViews(json: string | null | undefined): AttachmentView[] {
  return parse(json).map((a, index) => ({ index, name: a.name, mimeType: a.mimeType, size: a.size }));
}

/** An attachment's file as the HTTP layer sends it. */
export interface AttachmentFile {
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  path: string;
}

/** Attachment `index` of a message of the workspace and where its bytes are; ERR_NOT_FOUND when any of it is missing. */
export async function openAttachment(app: App, workspaceId: string, messageId: string, index: number): Promise<AttachmentFile> {
  const row = await messageAttachments(app.db, workspaceId, messageId);
  const a = row ? parse(row.attachments)[index] : undefined;
  if (!a) throw notFound('This attachment');
  const path = mediaPath(app, { workspace_id: workspaceId, sha256: a.sha256 });
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) {
    app.log.error({ workspaceId, messageId, index }, 'attachment file missing from storage');
    throw notFound('This attachment');
  }
  return { name: a.name, mimeType: a.mimeType, size: st.size, sha256: a.sha256, path };
}
