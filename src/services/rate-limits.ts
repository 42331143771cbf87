import { blockUntil, takeToken, type Bucket } from '../core/publishing/rate-bucket';
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
