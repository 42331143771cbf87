/**
 * Writing to Mastodon: media first (POST /api/v2/media, waiting while the instance processes it), then the
 * statuses (POST /api/v1/statuses as JSON) with an `Idempotency-Key` derived from Regie's key, so that publishing
 * the same variant again within Mastodon's window (an hour) returns the statuses already made instead of new ones.
 */
import { createHash } from 'node:crypto';
import { ConnectorError } from '../errors';
import type { OutboundMedia, OutboundReply, OutboundVariant, PublishResult, RemoteRef } from '../types';
import { mastodonRequest, type MastodonClient } from './mastodon.api';
import type { MastodonMediaAttachment, MastodonStatus, MastodonVisibility } from './mastodon.entities';
import { partText } from './mastodon.text';

const MEDIA_WAIT_MS = 90_000;
const UPLOAD_TIMEOUT_MS = 120_000;
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/heic': 'heic', 'image/heif': 'heif', 'image/avif': 'avif', 'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov', 'video/ogg': 'ogv' };

/** The `Idempotency-Key` for one part: `key:index`, hashed when it would not fit a header (non-ASCII, very long). */
export function idempotencyKeyFor(key: string, index: number): string {
  const raw = `${key}:${index}`;
  return /^[\x21-\x7e]{1,200}$/.test(raw) ? raw : createHash('sha256').update(raw).digest('hex');
}

/** Regie's visibility in Mastodon's words: followers-only is `private`; none means the account's default. */
export function toMastodonVisibility(v: OutboundVariant['visibility']): MastodonVisibility | undefined {
  if (v === 'followers') return 'private';
  return v;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Uploads one file with its alt text; waits (bounded) until the instance has processed it. Returns its id. */
export async function uploadMedia(c: MastodonClient, m: OutboundMedia): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([m.bytes as Uint8Array<ArrayBuffer>], { type: m.mimeType }), `upload.${EXT[m.mimeType] ?? 'bin'}`);
  if (m.altText?.trim()) form.append('description', m.altText.trim());
  const res = await mastodonRequest<MastodonMediaAttachment>(c, 'POST', '/api/v2/media', { form, timeoutMs: UPLOAD_TIMEOUT_MS });
  if (!res.body?.id) throw new ConnectorError('transient', 'The Mastodon server did not return the uploaded media.');
  if (res.status === 200) return String(res.body.id);
  // 202: processing asynchronously. GET /api/v1/media/:id answers 206 while processing, 200 when done.
  const deadline = c.now().getTime() + MEDIA_WAIT_MS;
  for (let wait = 250; c.now().getTime() < deadline; wait = Math.min(wait * 2, 3000)) {
    await delay(wait);
    const check = await mastodonRequest<MastodonMediaAttachment>(c, 'GET', `/api/v1/media/${encodeURIComponent(res.body.id)}`);
    if (check.status === 200) return String(res.body.id);
  }
  throw new ConnectorError('transient', 'Mastodon did not finish processing the media in time.');
}

/** A pointer to a status. */
export function statusRef(s: MastodonStatus): RemoteRef {
  return { remoteId: String(s.id), url: s.url ?? s.uri ?? undefined };
}

interface StatusInput {
  text: string;
  mediaIds?: string[];
  poll?: { options: string[]; durationSeconds: number };
  inReplyToId?: string;
  visibility?: MastodonVisibility;
  language?: string;
}

/** Creates one status as JSON (poll as an object, media as ids), with the given Idempotency-Key. */
export async function createStatus(c: MastodonClient, s: StatusInput, idempotencyKey: string): Promise<MastodonStatus> {
  const body: Record<string, unknown> = {};
  if (s.text.trim()) body.status = s.text;
  if (s.mediaIds?.length) body.media_ids = s.mediaIds;
  if (s.poll) body.poll = { options: s.poll.options, expires_in: s.poll.durationSeconds };
  if (s.inReplyToId) body.in_reply_to_id = s.inReplyToId;
  if (s.visibility) body.visibility = s.visibility;
  if (s.language) body.language = s.language;
  const { body: status } = await mastodonRequest<MastodonStatus>(c, 'POST', '/api/v1/statuses', { json: body, headers: { 'idempotency-key': idempotencyKey } });
  if (!status?.id) throw new ConnectorError('transient', 'The Mastodon server did not return the new status.');
  return status;
}

/**
 * Publishes a variant: one status per part, each part a reply to the one before (a thread), all with the same
 * visibility. The result's `remote` is the first status; `extra.partIds` lists all, so that delete removes the thread.
 */
export async function publishVariant(c: MastodonClient, v: OutboundVariant): Promise<PublishResult> {
  const visibility = toMastodonVisibility(v.visibility);
  const parts: RemoteRef[] = [];
  let parentId: string | undefined;
  for (const [index, part] of v.parts.entries()) {
    const mediaIds: string[] = [];
    for (const m of part.media ?? []) mediaIds.push(await uploadMedia(c, m));
    const status = await createStatus(
      c,
      { text: partText(part), mediaIds, poll: part.poll, inReplyToId: parentId, visibility, language: v.language },
      idempotencyKeyFor(v.idempotencyKey, index),
    );
    parts.push(statusRef(status));
    parentId = String(status.id);
  }
  if (!parts.length) throw new ConnectorError('rejected', 'There is nothing to publish.');
  return { status: 'published', remote: { ...parts[0], extra: { partIds: parts.map((p) => p.remoteId).join(',') } }, parts };
}

/** `@acct text`, unless the text already mentions the account (Mastodon only notifies mentioned accounts). */
export function withMention(acct: string | undefined, text: string): string {
  if (!acct) return text;
  const username = acct.split('@')[0];
  const mentioned = new RegExp(`(^|[^\\w/])@${username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(@|\\b)`, 'i');
  return mentioned.test(text) ? text : `@${acct} ${text}`;
}

/**
 * Answers an inbound item: a status replying to it, mentioning its author, with the original's visibility (a
 * direct message is answered directly, never in public). Idempotent on the reply's key.
 */
export async function replyTo(c: MastodonClient, r: OutboundReply): Promise<RemoteRef> {
  const ref = r.inReplyTo.replyRef ?? {};
  const statusId = ref.statusId ?? r.inReplyTo.remoteId;
  const visibility = (ref.visibility as MastodonVisibility | undefined) ?? (r.inReplyTo.kind === 'direct_message' ? 'direct' : undefined);
  const acct = r.inReplyTo.fromSelf ? undefined : ref.authorAcct;
  const mediaIds: string[] = [];
  for (const m of r.media ?? []) mediaIds.push(await uploadMedia(c, m));
  const status = await createStatus(c, { text: withMention(acct, r.text), mediaIds, inReplyToId: statusId, visibility }, idempotencyKeyFor(r.idempotencyKey, 0));
  return statusRef(status);
}

/** Deletes what a publish made (all parts of a thread, last first); a status that is already gone counts as deleted. */
export async function deleteRef(c: MastodonClient, ref: RemoteRef): Promise<void> {
  const ids = ref.extra?.partIds ? ref.extra.partIds.split(',').filter(Boolean) : [ref.remoteId];
  for (const id of [...ids].reverse()) {
    try {
      await mastodonRequest(c, 'DELETE', `/api/v1/statuses/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err instanceof ConnectorError && err.details.status === 404) continue;
      throw err;
    }
  }
}
