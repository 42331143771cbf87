import { ApiError, enc } from '../../../api/client';
import { kindOfMimeType, type MediaKind } from '../../../../../src/core/content/media-types';

/** The answer to an upload (see src/http/routes/media.routes.ts). */
export interface UploadedMedia {
  id: string;
  kind: MediaKind;
  mimeType: string;
  size: number;
  fileName: string;
  createdAt: string;
  url: string;
}

/** Where the signed-in UI reads a stored file (an <img> or <video> source). */
export function mediaUrl(workspaceId: string, mediaId: string): string {
  return `/api/workspaces/${enc(workspaceId)}/media/${enc(mediaId)}`;
}

export interface UploadOptions {
  csrf: string | null;
  /** Fraction sent so far, 0…1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = null;
  }
  return new ApiError(xhr.status, body?.error?.code ?? `HTTP_${xhr.status}`, body?.error?.message ?? xhr.statusText ?? 'Upload failed', body?.error?.details);
}

/**
 * Sends one file as the raw body of POST /media (its type in content-type, its name URI-encoded in x-file-name),
 * reporting progress. Resolves with the stored file; rejects with an ApiError (code and details as the server
 * answered, ERR_NETWORK when it could not be reached) or an AbortError when `signal` aborts.
 */
export function uploadMedia(workspaceId: string, file: File, opts: UploadOptions): Promise<UploadedMedia> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/workspaces/${enc(workspaceId)}/media`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    if (opts.csrf) xhr.setRequestHeader('x-csrf-token', opts.csrf);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedMedia);
        } catch {
          reject(new ApiError(xhr.status, 'ERR_INTERNAL', 'The server answered in an unexpected way.'));
        }
      } else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'ERR_NETWORK', 'The server could not be reached.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new DOMException('The upload was cancelled.', 'AbortError'));
        return;
      }
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}

/** The name in a Content-Disposition header (the UTF-8 `filename*` when present), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall back to the plain name */
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
}

/** A stored file's name and kind, from the headers of a HEAD request (for posts saved before this page was opened). */
export async function mediaInfo(workspaceId: string, mediaId: string, signal?: AbortSignal): Promise<{ fileName: string | null; kind: MediaKind | null }> {
  const res = await fetch(mediaUrl(workspaceId, mediaId), { method: 'HEAD', credentials: 'same-origin', signal });
  if (!res.ok) return { fileName: null, kind: null };
  return { fileName: fileNameOf(res.headers.get('content-disposition')), kind: kindOfMimeType(res.headers.get('content-type') ?? '') };
}
