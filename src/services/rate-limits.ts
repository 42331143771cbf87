import { statusAfterFailure } from '../core/channels/status';
import { blockUntil, takeToken, type Bucket } from '../core/publishing/rate-bucket';
import { ConnectorError } from '../connectors/errors';
import { updateChannel } from '../db/repos/channels.repo';
import { lockBucket, saveBucket } from '../db/repos/dispatch.repo';
import type { Q } from '../db/repos/types';
import type { App } from './app';

function toBucket(row: { tokens: number; updated_at: string; blocked_until: string | null }): Bucket {
  return { tokens: Number(row.tokens), updatedAt: row.updated_at, blockedUntil: row.blocked_until };
}

/**
 * Takes one send from the channel's bucket (one row per channel, updated in the caller's transaction). Returns 0 when
 * the send may go now, else how many milliseconds to wait (the channel's own pace, or a platform's 429 block).
 */
export async function takeChannelToken(app: App, q: Q, channelId: string, limit: { perMinute: number; burst: number } | null, now: Date): Promise<number> {
  const row = await lockBucket(q, app.dialect, channelId);
  if (!limit) {
    if (row?.blocked_until && Date.parse(row.blocked_until) > now.getTime()) return Date.parse(row.blocked_until) - now.getTime();
    return 0;
  }
  const r = takeToken(row ? toBucket(row) : null, limit, now);
  await saveBucket(q, { channel_id: channelId, tokens: r.bucket.tokens, updated_at: r.bucket.updatedAt, blocked_until: r.bucket.blockedUntil }, !!row);
  return r.ok ? 0 : Math.max(1, r.waitMs);
}

/** Stops sends to the channel until `until` (the platform said so with a 429). */
export async function blockChannel(app: App, q: Q, channelId: string, until: Date, now: Date): Promise<void> {
  const row = await lockBucket(q, app.dialect, channelId);
  const b = blockUntil(row ? toBucket(row) : { tokens: 0, updatedAt: now.toISOString(), blockedUntil: null }, until);
  await saveBucket(q, { channel_id: channelId, tokens: b.tokens, updated_at: b.updatedAt, blocked_until: b.blockedUntil }, !!row);
}

/**
 * Records on the channel that the platform refused its account (`auth_expired`, `auth_revoked`) or its pace
 * (`rate_limited`), in the caller's transaction: the channel's status and why, and for a rate limit a block on sends
 * until the platform's time (or 15 minutes). Returns the status detail to show, and until when sends wait (rate
 * limit only). The same for posts and replies: whatever was being sent decides itself what happens to it.
 */
export async function channelRefused(
  app: App,
  q: Q,
  channel: { id: string; name: string },
  failure: 'auth_expired' | 'auth_revoked' | 'rate_limited',
  err: unknown,
  now: Date,
): Promise<{ detail: string | null; until: Date | null }> {
  const retryAfterMs = err instanceof ConnectorError ? err.details.retryAfterMs : undefined;
  const change = statusAfterFailure(failure, now, { retryAfterMs, platformReason: err instanceof ConnectorError ? err.details.platformReason : undefined, channelName: channel.name });
  await updateChannel(q, channel.id, { status: change.status, status_detail: change.detail, rate_limited_until: change.rateLimitedUntil, last_error_at: now.toISOString() });
  if (failure !== 'rate_limited') return { detail: change.detail, until: null };
  const until = new Date(now.getTime() + (retryAfterMs ?? 15 * 60_000));
  await blockChannel(app, q, channel.id, until, now);
  return { detail: change.detail, until };
}
