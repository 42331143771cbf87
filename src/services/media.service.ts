import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ALLOWED_MEDIA_TYPES, cleanFileName, isPostMediaKind, kindOfMimeType, MEDIA_MAX_ANY_BYTES, MEDIA_MAX_BYTES, SNIFF_BYTES, sniffMediaType, type MediaKind, type MediaType, type PostMediaKind } from '../core/content/media-types';
import type { MediaRef } from '../core/content/post-content';
import { AppError, notFound } from '../core/shared/errors';
import { newId, newSecret } from '../core/shared/ids';
import { ConnectorError } from '../connectors/errors';
import type { OutboundMedia, OutboundVariant } from '../connectors/types';
import { findMedia, findMediaById, insertMedia, mediaByIds } from '../db/repos/media.repo';
import type { Q } from '../db/repos/types';
import type { MediaTable } from '../db/schema';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { mediaIdOfToken, publicMediaUrl, verifyMediaToken } from './media-links';

/**
 * A post's media and a brief's attachments: files stored content-addressed under
 * `<dataDir>/media/<workspaceId>/<sha256>`, one row (and one audit record) per upload. The type is decided by the
 * file's first bytes, never by what the client says.
 */

/** What the checks and the gate know of a stored file without reading it (only kinds a post may carry). */
export interface StoredMedia {
  id: string;
  kind: PostMediaKind;
  mimeType: string;
  size: number;
  sha256: string;
  fileName: string;
  /** An expiring public address (for platforms that fetch the file themselves). */
  publicUrl: string;
}

export type MediaLookup = ReadonlyMap<string, StoredMedia>;

/** A media item on its way out: the bytes are read only after the gate's commit, right before the platform call. */
export type GateMedia = OutboundMedia & { mediaId: string; sha256: string; size: number; fileName: string; publicUrl: string };

export interface MediaView {
  id: string;
  kind: MediaKind;
  mimeType: string;
  size: number;
  fileName: string;
  createdAt: string;
  /** Where the signed-in UI reads the file. */
  url: string;
}

const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
const ALLOWED_TEXT = 'JPEG, PNG, GIF or WebP images, MP4 video and PDF documents';

function dirOf(app: Pick<App, 'config'>, workspaceId: string): string {
  if (!SAFE_ID.test(workspaceId)) throw new Error(`unsafe workspace id for a media path: ${workspaceId}`);
  return join(app.config.dataDir, 'media', workspaceId);
}

/** Where the bytes of a stored file live. */
export function mediaPath(app: Pick<App, 'config'>, row: Pick<MediaTable, 'workspace_id' | 'sha256'>): string {
  if (!SHA256.test(row.sha256)) throw new Error('unsafe media hash');
  return join(dirOf(app, row.workspace_id), row.sha256);
}

function viewOf(row: MediaTable): MediaView {
  return { id: row.id, kind: row.kind as MediaKind, mimeType: row.mime_type, size: Number(row.size), fileName: row.file_name, createdAt: row.created_at, url: `/api/workspaces/${row.workspace_id}/media/${row.id}` };
}

function unsupported(): AppError {
  return new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', `Regie takes ${ALLOWED_TEXT}; this file is none of these (SVG, HTML, Word and other files are refused).`, { allowed: ALLOWED_MEDIA_TYPES });
}

function tooLarge(kind: MediaKind | null): AppError {
  const limits = { image: MEDIA_MAX_BYTES.image, video: MEDIA_MAX_BYTES.video, document: MEDIA_MAX_BYTES.document };
  const which =
    kind === 'video' ? `A video may be at most ${MB(limits.video)}` : kind === 'document' ? `A PDF document may be at most ${MB(limits.document)}` : kind ? `An image may be at most ${MB(limits.image)}` : `A file may be at most ${MB(MEDIA_MAX_ANY_BYTES)}`;
  return new AppError('ERR_PAYLOAD_TOO_LARGE', `${which} (images ${MB(limits.image)}, video ${MB(limits.video)}, PDF ${MB(limits.document)}); this file is larger.`, { kind, maxBytes: kind ? MEDIA_MAX_BYTES[kind] : MEDIA_MAX_ANY_BYTES, limits });
}

/** The type of a file from its first bytes, refused when it is not allowed or already known to be too large. */
function accept(head: Buffer, size: number, declaredLength: number | null): MediaType {
  const type = sniffMediaType(head);
  if (!type) throw unsupported();
  const max = MEDIA_MAX_BYTES[type.kind];
  if (size > max || (declaredLength ?? 0) > max) throw tooLarge(type.kind);
  return type;
}

/**
 * Streams the body into `tmp` while hashing it; decides the type from the first bytes before anything is written
 * and stops as soon as the body passes the limit of its kind. The temporary file is removed on every failure.
 */
async function receive(body: AsyncIterable<Uint8Array>, tmp: string, declaredLength: number | null): Promise<{ type: MediaType; size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  let type: MediaType | null = null;
  let head: Buffer = Buffer.alloc(0);
  let file: FileHandle | null = null;
  try {
    for await (const chunk of body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += buf.length;
      if (size > MEDIA_MAX_ANY_BYTES || (type && size > MEDIA_MAX_BYTES[type.kind])) throw tooLarge(type?.kind ?? null);
      hash.update(buf);
      if (file) {
        await file.write(buf);
        continue;
      }
      head = Buffer.concat([head, buf]);
      if (head.length < SNIFF_BYTES) continue;
      type = accept(head, size, declaredLength);
      file = await open(tmp, 'wx', 0o600);
      await file.write(head);
    }
    if (!file) {
      if (head.length === 0) throw new AppError('ERR_VALIDATION', 'The file is empty. Choose the file again.', [{ path: 'body', message: 'empty' }]);
      type = accept(head, size, declaredLength);
      file = await open(tmp, 'wx', 0o600);
      await file.write(head);
    }
    await file.sync();
    await file.close();
    file = null;
    return { type: type!, size, sha256: hash.digest('hex') };
  } catch (err) {
    await file?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Puts a file into the workspace's storage: `write` fills a fresh temporary file (and removes it when it fails),
 * which is then renamed to the hash it reports. The same bytes always land in the same file, so replacing an
 * existing copy changes nothing.
 */
async function intoStorage<T extends { sha256: string }>(app: Pick<App, 'config'>, workspaceId: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const dir = dirOf(app, workspaceId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.upload-${newSecret(12)}`);
  const got = await write(tmp);
  try {
    await rename(tmp, mediaPath(app, { workspace_id: workspaceId, sha256: got.sha256 }));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return got;
}

/** Bytes kept in storage: where to find them again, and the type their first bytes show. */
export interface StoredBytes {
  sha256: string;
  size: number;
  /** Sniffed from the first bytes (JPEG, PNG, GIF, WebP, MP4, PDF); `application/octet-stream` for anything else. */
  mimeType: string;
}

/**
 * Keeps bytes that came from outside (an e-mail's attachments) in the workspace's content-addressed storage,
 * whatever they are, without a media row: they are not a file a post may carry. The type is sniffed, never taken
 * from the sender. The caller limits the size.
 */
export async function storeBytes(app: Pick<App, 'config'>, workspaceId: string, bytes: Uint8Array): Promise<StoredBytes> {
  return intoStorage(app, workspaceId, async (tmp) => {
    try {
      await writeFile(tmp, bytes, { flag: 'wx', mode: 0o600, flush: true });
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, mimeType: sniffMediaType(bytes.subarray(0, SNIFF_BYTES))?.mimeType ?? 'application/octet-stream' };
  });
}

export interface UploadInput {
  /** As the client named it (x-file-name, URI-encoded or plain); cleaned before it is stored. */
  fileName: string | null;
  /** The content-length the client announced, if any: a body announced too large is refused before it is read. */
  declaredLength: number | null;
  body: AsyncIterable<Uint8Array>;
}

/**
 * Stores an uploaded file for the workspace: refuses anything but JPEG, PNG, GIF, WebP, MP4 and PDF (by the first
 * bytes), images over 8 MB, video over 50 MB and PDF documents over 20 MB, then writes it to a temporary file and renames it to its hash,
 * and records the row and the audit record `media.uploaded` in one transaction.
 */
export async function uploadMedia(app: App, actor: Actor, scope: WorkspaceScope, input: UploadInput): Promise<MediaView> {
  if (input.declaredLength !== null && input.declaredLength > MEDIA_MAX_ANY_BYTES) throw tooLarge(null);
  const got = await intoStorage(app, scope.workspaceId, (tmp) => receive(input.body, tmp, input.declaredLength));
  const row: MediaTable = {
    workspace_id: scope.workspaceId,
    id: newId(),
    kind: got.type.kind,
    mime_type: got.type.mimeType,
    size: got.size,
    sha256: got.sha256,
    file_name: cleanFileName(decodeName(input.fileName)),
    created_by: actor.userId,
    created_at: app.clock.now().toISOString(),
  };
  await app.db.transaction().execute(async (q) => {
    await insertMedia(q, row);
    await writeAudit(app, q, actor, { action: 'media.uploaded', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'media', objectId: row.id, summary: { fileName: row.file_name, mimeType: row.mime_type, size: row.size, sha256: row.sha256 } });
  });
  return viewOf(row);
}

function decodeName(name: string | null): string | null {
  if (!name) return null;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A stored file as the HTTP layer serves it. */
export interface MediaFile {
  mimeType: string;
  /** null for a type Regie no longer recognises. */
  kind: MediaKind | null;
  size: number;
  sha256: string;
  fileName: string;
  /** Where its bytes are on disk. */
  path: string;
}

/** A stored file of the workspace and where its bytes are; ERR_NOT_FOUND for unknown, foreign or lost files. */
export async function openMedia(app: App, workspaceId: string, id: string): Promise<MediaFile> {
  const row = await findMedia(app.db, workspaceId, id);
  if (!row) throw notFound('This file');
  const path = mediaPath(app, row);
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) {
    app.log.error({ workspaceId, mediaId: id }, 'media file missing from storage');
    throw notFound('This file');
  }
  return { mimeType: row.mime_type, kind: kindOfMimeType(row.mime_type), size: Number(row.size), sha256: row.sha256, fileName: row.file_name, path };
}

/** The file a public media token points at; ERR_NOT_FOUND when the token is forged, altered or expired. */
export async function openPublicMedia(app: App, token: string): Promise<MediaFile> {
  const mediaId = mediaIdOfToken(token);
  const row = mediaId ? await findMediaById(app.db, mediaId) : undefined;
  if (!row || !verifyMediaToken(app, token, row.workspace_id, app.clock.now())) throw notFound('This file');
  return openMedia(app, row.workspace_id, row.id);
}

/**
 * The workspace's stored files that `refs` name, by id, each with a fresh public address; unknown ids, and files a
 * post may not carry (documents), are absent.
 */
export async function mediaLookup(app: App, q: Q, workspaceId: string, refs: MediaRef[]): Promise<MediaLookup> {
  const rows = await mediaByIds(q, workspaceId, refs.map((r) => r.mediaId));
  const now = app.clock.now();
  const out = new Map<string, StoredMedia>();
  for (const r of rows) {
    const kind = kindOfMimeType(r.mime_type);
    if (!isPostMediaKind(kind)) continue;
    out.set(r.id, { id: r.id, kind, mimeType: r.mime_type, size: Number(r.size), sha256: r.sha256, fileName: r.file_name, publicUrl: publicMediaUrl(app, workspaceId, r.id, now) });
  }
  return out;
}

async function loadBytes(app: App, workspaceId: string, m: OutboundMedia): Promise<OutboundMedia> {
  const g = m as Partial<GateMedia>;
  if (!g.sha256 || !g.mediaId) return m;
  const bytes = await readFile(mediaPath(app, { workspace_id: workspaceId, sha256: g.sha256 })).catch(() => null);
  if (!bytes || bytes.byteLength !== g.size || createHash('sha256').update(bytes).digest('hex') !== g.sha256) {
    throw new ConnectorError('rejected', `The file "${g.fileName ?? g.mediaId}" is missing or damaged in Regie's storage; upload it again and save the post.`, { platformCode: 'media_missing' });
  }
  return { kind: m.kind, mimeType: m.mimeType, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ...(m.altText ? { altText: m.altText } : {}), ...(g.publicUrl ? { publicUrl: g.publicUrl } : {}) } as OutboundMedia;
}

/**
 * The variant with the bytes of its stored media read from disk (checked against their size and hash), as the
 * connector receives it: kind, MIME type, bytes, alt text and the public address. Throws ConnectorError
 * `rejected` when a file is missing or damaged, so the variant fails with that reason and nothing is sent.
 */
export async function withMediaBytes(app: App, workspaceId: string, variant: OutboundVariant): Promise<OutboundVariant> {
  const parts = [];
  for (const p of variant.parts) {
    if (!p.media?.length) {
      parts.push(p);
      continue;
    }
    const media: OutboundMedia[] = [];
    for (const m of p.media) media.push(await loadBytes(app, workspaceId, m));
    parts.push({ ...p, media });
  }
  return { ...variant, parts };
}
