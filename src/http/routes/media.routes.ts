import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { asciiFileName, isPostMediaKind, MEDIA_KINDS } from '../../core/content/media-types';
import { openMedia, openPublicMedia, uploadMedia, type MediaFile } from '../../services/media.service';
import { openAttachment, type AttachmentFile } from '../../services/message-attachments.service';
import { publicRoute, workspaceRoute } from '../define-route';
import { id, wsParams } from '../schemas';

const mediaView = z.object({ id: z.string(), kind: z.enum(MEDIA_KINDS), mimeType: z.string(), size: z.number(), fileName: z.string(), createdAt: z.string(), url: z.string() });

function header(req: FastifyRequest, name: string): string | null {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** A header parameter value per RFC 5987: percent-encoded UTF-8, including the characters it reserves. */
const rfc5987 = (v: string) => encodeURIComponent(v).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A Content-Disposition value with a plain ASCII name and the exact name in UTF-8 (RFC 6266). */
const disposition = (how: 'inline' | 'attachment', name: string) => `${how}; filename="${asciiFileName(name)}"; filename*=UTF-8''${rfc5987(name)}`;

/**
 * How a browser should take the file: images and video open in the page (`inline`); documents, and anything
 * else, are only ever downloaded (`attachment`).
 */
function dispositionOf(file: MediaFile): 'inline' | 'attachment' {
  return isPostMediaKind(file.kind) ? 'inline' : 'attachment';
}

/**
 * Sends a stored file with headers that keep it inert: its recorded type only (no sniffing), no scripts or
 * styles should a browser open it, a sanitised name, a private cache, and an ETag of its hash.
 */
function sendMedia(req: FastifyRequest, reply: FastifyReply, file: MediaFile, crossOrigin: boolean) {
  const etag = `"${file.sha256}"`;
  reply
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=3600')
    .header('cross-origin-resource-policy', crossOrigin ? 'cross-origin' : 'same-origin')
    .header('etag', etag);
  if (header(req, 'if-none-match') === etag) return reply.code(304).send();
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', String(file.size))
    .header('content-disposition', disposition(dispositionOf(file), file.fileName))
    .send(createReadStream(file.path));
}

/**
 * Sends a file someone outside sent in (an e-mail attachment): always a download, never shown in the page; its
 * sniffed type only, and should a browser open it anyway, a sandbox without any source.
 */
function sendAttachment(reply: FastifyReply, file: AttachmentFile) {
  return reply
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('content-type', file.mimeType)
    .header('content-length', String(file.size))
    .header('content-disposition', disposition('attachment', file.name))
    .send(createReadStream(file.path));
}

export const mediaRoutes = [
  // briefs.write, not posts.write: whoever writes a brief attaches files to it (every role with posts.write has it too).
  workspaceRoute('briefs.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/media',
    tag: 'media',
    summary: 'Upload an image (JPEG, PNG, GIF, WebP; at most 8 MB), a video (MP4; at most 50 MB) or a PDF document (at most 20 MB, for brief attachments) as the raw body, its name in x-file-name',
    status: 201,
    rawBody: true,
    params: wsParams,
    response: mediaView,
    async handler({ app, actor, scope, req, reply }) {
      const length = Number(header(req, 'content-length'));
      try {
        return await uploadMedia(app, actor, scope, {
          fileName: header(req, 'x-file-name'),
          declaredLength: Number.isFinite(length) && length >= 0 ? length : null,
          // Not destroyed when reading stops early, so the refusal can still be answered.
          body: req.raw.iterator({ destroyOnReturn: false }),
        });
      } catch (err) {
        // The rest of a refused body is not wanted: close the connection after the answer instead of reading it.
        reply.header('connection', 'close');
        throw err;
      }
    },
  }),
  workspaceRoute('content.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/media/:id',
    tag: 'media',
    summary: 'The bytes of an uploaded file, with its recorded type (images and video inline, documents as a download)',
    produces: 'application/octet-stream',
    params: wsParams.extend({ id }),
    handler: async ({ app, scope, params, req, reply }) => sendMedia(req, reply, await openMedia(app, scope.workspaceId, params.id), false),
  }),
  workspaceRoute('inbox.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/inbox/messages/:id/attachments/:n',
    tag: 'inbox',
    summary: 'The bytes of an inbound message’s attachment (counted from 0), always as a download, with its sniffed type',
    produces: 'application/octet-stream',
    // Any `n` but a small whole number is simply not there (404), like an unknown message.
    params: wsParams.extend({ id, n: z.string().min(1).max(20) }),
    handler: async ({ app, scope, params, reply }) => sendAttachment(reply, await openAttachment(app, scope.workspaceId, params.id, /^\d{1,3}$/.test(params.n) ? Number(params.n) : -1)),
  }),
  publicRoute({
    method: 'GET',
    url: '/media/public/:token',
    tag: 'media',
    summary: 'A file by its signed, expiring public address (for platforms that fetch media themselves, such as Instagram)',
    produces: 'application/octet-stream',
    params: z.object({ token: z.string().min(1).max(400) }),
    handler: async ({ app, params, req, reply }) => sendMedia(req, reply, await openPublicMedia(app, params.token), true),
  }),
];
