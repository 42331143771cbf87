/**
 * Which files Regie stores, recognised by their first bytes (never by the name or the type a client claims), and
 * how large each kind may be: images and video (a post's media) and PDF documents (a brief's attachments only).
 * Pure and browser-safe: the composer and the brief form can use the same rules.
 */

/** What a post may carry: images (GIF apart, platforms treat it differently) and video. */
export type PostMediaKind = 'image' | 'gif' | 'video';
/** Every kind Regie stores: a post's kinds and `document` (PDF), which only briefs carry. */
export type MediaKind = PostMediaKind | 'document';

export const MEDIA_KINDS = ['image', 'gif', 'video', 'document'] as const satisfies readonly MediaKind[];

export interface MediaType {
  mimeType: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'video/mp4' | 'application/pdf';
  kind: MediaKind;
}

export const ALLOWED_MEDIA_TYPES: readonly MediaType['mimeType'][] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'application/pdf'];

/** Largest file per kind, in bytes: 8 MB for images (GIF included), 50 MB for video, 20 MB for a PDF document. */
export const MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = { image: 8 * 1024 * 1024, gif: 8 * 1024 * 1024, video: 50 * 1024 * 1024, document: 20 * 1024 * 1024 };

/** True when a post may carry a file of this kind (images and video; never a document). */
export function isPostMediaKind(kind: MediaKind | null | undefined): kind is PostMediaKind {
  return kind === 'image' || kind === 'gif' || kind === 'video';
}

/** The largest file of any kind: a body longer than this is refused before its type is known. */
export const MEDIA_MAX_ANY_BYTES = Math.max(...Object.values(MEDIA_MAX_BYTES));

/** How many leading bytes {@link sniffMediaType} needs to decide. */
export const SNIFF_BYTES = 16;

/** ISO base-media brands of MP4 video; QuickTime (`qt  `) and HEIF/AVIF images share the box layout but are not MP4 video. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'dash', 'mmp4', 'MSNV', 'NDAS']);

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/**
 * The media type of a file from its first bytes (at least {@link SNIFF_BYTES} when the file has them), or null
 * when it is none of JPEG, PNG, GIF, WebP, MP4 or PDF (`%PDF-`). SVG, HTML and anything else text-like is null.
 */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', kind: 'image' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png', kind: 'image' };
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return { mimeType: 'image/gif', kind: 'gif' };
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { mimeType: 'image/webp', kind: 'image' };
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp' && MP4_BRANDS.has(ascii(head, 8, 12))) return { mimeType: 'video/mp4', kind: 'video' };
  if (head.length >= 5 && ascii(head, 0, 5) === '%PDF-') return { mimeType: 'application/pdf', kind: 'document' };
  return null;
}

/** The kind of a stored media's MIME type (for rows written by {@link sniffMediaType}); null for anything else. */
export function kindOfMimeType(mimeType: string): MediaKind | null {
  if (mimeType === 'image/gif') return 'gif';
  if (mimeType === 'video/mp4') return 'video';
  if (mimeType === 'application/pdf') return 'document';
  return mimeType === 'image/jpeg' || mimeType === 'image/png' || mimeType === 'image/webp' ? 'image' : null;
}

/**
 * A file name fit to store and show: the last path segment, without control characters, quotes or backslashes,
 * whitespace collapsed, at most 200 characters; `fallback` when nothing is left.
 */
export function cleanFileName(name: string | null | undefined, fallback = 'upload'): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\u0000-\u001f\u007f"\\]/g, '').replace(/\s+/g, ' ').trim();
  const cut = [...clean].slice(0, 200).join('');
  return cut && cut !== '.' && cut !== '..' ? cut : fallback;
}

/** An ASCII-only stand-in for a file name, for the plain `filename=` of a Content-Disposition header. */
export function asciiFileName(name: string): string {
  const a = cleanFileName(name).replace(/[^A-Za-z0-9._ -]/g, '_');
  return a.replace(/^[ .]+/, '') || 'upload';
}
