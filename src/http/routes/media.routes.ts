import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { asciiFileName, isPostMediaKind, MEDIA_KINDS } from '../../core/content/media-types';
import { openMedia, openPublicMedia, uploadMedia, type MediaFile } from '../../services/media.service';
import { publicRoute, workspaceRoute } from '../define-route';
import { id, wsParams } from '../schemas';

const mediaView = z.object({ id: z.string(), kind: z.enum(MEDIA_KINDS), mimeType: z.string(), size: z.number(), fileName: z.string(), createdAt: z.string(), url: z.string() });

function header(req: FastifyRequest, name: string): string | null {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** A header parameter value per RFC 5987: percent-encoded UTF-8, including the characters it reserves. */
const rfc5987 = (v: string) => encodeURIComponent(v).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

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
    .header('content-disposition', `${dispositionOf(file)}; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${rfc5987(file.fileName)}`)
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
