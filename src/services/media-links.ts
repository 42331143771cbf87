import { createHmac, timingSafeEqual } from 'node:crypto';
import type { App } from './app';

/**
 * Public, expiring addresses of stored media, for platforms that fetch a photo themselves (Instagram) and cannot
 * take uploaded bytes. The token names the workspace, the media and an expiry, signed with a key derived from the
 * installation's secret, so an address can be neither guessed nor stretched.
 */

/** How long a public media address works. */
export const PUBLIC_MEDIA_TTL_SECONDS = 24 * 3600;

const LABEL = 'regie/media-public-url/v1';
const ID = /^[A-Za-z0-9-]{1,64}$/;

function signature(app: App, workspaceId: string, mediaId: string, expiresAt: number): Buffer {
  const key = createHmac('sha256', app.keys.credentials).update(LABEL).digest();
  return createHmac('sha256', key).update(`${workspaceId}\n${mediaId}\n${expiresAt}`).digest();
}

/**
 * The token for one media of one workspace, valid until `expiresAt` (Unix seconds): `<mediaId>.<expiresAt>.<mac>`.
 * The workspace is in the MAC but not in the token (media ids are unique), which keeps the address short enough
 * for the router's path parameter limit.
 */
export function mediaToken(app: App, workspaceId: string, mediaId: string, expiresAt: number): string {
  return `${mediaId}.${expiresAt}.${signature(app, workspaceId, mediaId, expiresAt).toString('base64url')}`;
}

/** The full public address of a media, valid for {@link PUBLIC_MEDIA_TTL_SECONDS} from `now`. */
export function publicMediaUrl(app: App, workspaceId: string, mediaId: string, now: Date): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + PUBLIC_MEDIA_TTL_SECONDS;
  return `${app.config.publicUrl}/media/public/${mediaToken(app, workspaceId, mediaId, expiresAt)}`;
}

/** The media id a well-formed token names (not yet verified: see {@link verifyMediaToken}); null when malformed. */
export function mediaIdOfToken(token: string): string | null {
  const parts = token.split('.');
  return parts.length === 3 && ID.test(parts[0]) && /^\d{1,12}$/.test(parts[1]) ? parts[0] : null;
}

/**
 * True when `token` was signed for this media of `workspaceId` and has not expired at `now`. A forged, altered,
 * truncated or expired token, or one for another workspace, all answer false.
 */
export function verifyMediaToken(app: App, token: string, workspaceId: string, now: Date): boolean {
  const mediaId = mediaIdOfToken(token);
  if (!mediaId) return false;
  const [, exp, sig] = token.split('.');
  const expiresAt = Number(exp);
  const expected = signature(app, workspaceId, mediaId, expiresAt);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  return expiresAt * 1000 > now.getTime();
}
