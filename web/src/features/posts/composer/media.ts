import { isPostMediaKind, MEDIA_MAX_BYTES, SNIFF_BYTES, sniffMediaType, type MediaType } from '../../../../../src/core/content/media-types';
import type { MediaItem } from './draft';

/** The most media a post takes (the API's limit). */
export const MAX_MEDIA = 10;

/** What the file picker offers; the server decides again from the bytes. */
export const MEDIA_ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,video/mp4';

/** Moves the item at `index` by `delta` places; out-of-range moves leave the list as it is. */
export function moveMedia(list: MediaItem[], index: number, delta: -1 | 1): MediaItem[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** The list without the item with `mediaId`. */
export function removeMedia(list: MediaItem[], mediaId: string): MediaItem[] {
  return list.filter((m) => m.mediaId !== mediaId);
}

/** The list with the alt text of `mediaId` set to `altText`. */
export function setAltText(list: MediaItem[], mediaId: string, altText: string): MediaItem[] {
  return list.map((m) => (m.mediaId === mediaId ? { ...m, altText } : m));
}

/** True when an item still needs a description (empty or only spaces). */
export function needsAltText(item: MediaItem): boolean {
  return item.altText.trim() === '';
}

export type PrecheckResult = { ok: true; type: MediaType } | { ok: false; reason: 'type' | 'size'; maxBytes?: number };

/**
 * The browser's early check of a picked file from its first bytes and size, with the server's rules, so a wrong or
 * too large file is refused before it is sent. A document (PDF) is refused as a wrong type: posts carry images
 * and video only. The server checks again and has the last word.
 */
export function precheckFile(head: Uint8Array, size: number): PrecheckResult {
  const type = sniffMediaType(head);
  if (!type || !isPostMediaKind(type.kind)) return { ok: false, reason: 'type' };
  const max = MEDIA_MAX_BYTES[type.kind];
  if (size > max) return { ok: false, reason: 'size', maxBytes: max };
  return { ok: true, type };
}

/** Reads the first bytes of a picked file and runs {@link precheckFile} on them. */
export async function precheckBlob(file: Blob): Promise<PrecheckResult> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return precheckFile(head, file.size);
}

/** "2,4 MB" / "850 kB" in the given locale. */
export function formatBytes(n: number, locale: string): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(n / 1024)).toLocaleString(locale)} kB`;
}
