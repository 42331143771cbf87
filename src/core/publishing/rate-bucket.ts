/**
 * A per-channel rate limit as a token bucket in plain data, so that it can live in one database row and be updated
 * atomically: tokens refill continuously at `perMinute`, up to `burst`; a 429 from the platform blocks the channel
 * until the time it named.
 */

export type Bucket = { tokens: number; updatedAt: string; blockedUntil: string | null };
export type BucketLimits = { perMinute: number; burst: number };
export type TakeResult = { ok: true; bucket: Bucket } | { ok: false; bucket: Bucket; waitMs: number };

/** Float slack, so that waiting exactly the `waitMs` that was asked for always yields a token. */
const EPSILON = 1e-9;

function checkLimits({ perMinute, burst }: BucketLimits): void {
  if (!(Number.isFinite(perMinute) && perMinute > 0)) throw new RangeError(`perMinute must be a positive number, not ${perMinute}`);
  if (!(Number.isFinite(burst) && burst >= 1)) throw new RangeError(`burst must be a number of at least 1, not ${burst}`);
}

const timeOf = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/**
 * Takes one token for a call to the platform at `now`. A missing bucket starts full. First the bucket refills for
 * the time since `updatedAt` (nothing when the clock went backwards) up to `burst`. While `blockedUntil` lies in the
 * future the answer is no, with `waitMs` until then and the bucket unchanged; a block in the past is cleared. Without
 * a whole token the answer is no, with `waitMs` until one has refilled. Stored values that make no sense (tokens not
 * a number, an unreadable time) are treated as a full bucket refilled now. Throws RangeError for limits that are
 * not positive (a burst below 1 could never give a token).
 */
export function takeToken(bucket: Bucket | null, limits: BucketLimits, now: Date): TakeResult {
  checkLimits(limits);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now is not a valid time');
  const blockedMs = timeOf(bucket?.blockedUntil);
  if (bucket && blockedMs > nowMs) return { ok: false, bucket, waitMs: Math.ceil(blockedMs - nowMs) };

  const since = timeOf(bucket?.updatedAt);
  const sane = bucket !== null && Number.isFinite(bucket.tokens) && Number.isFinite(since);
  const elapsed = sane ? Math.max(0, nowMs - since) : 0;
  const start = sane ? Math.min(Math.max(bucket.tokens, 0), limits.burst) : limits.burst;
  const tokens = Math.min(limits.burst, start + (elapsed * limits.perMinute) / 60_000);
  const updatedAt = sane && since > nowMs ? bucket.updatedAt : now.toISOString();

  if (tokens >= 1 - EPSILON) return { ok: true, bucket: { tokens: Math.max(0, tokens - 1), updatedAt, blockedUntil: null } };
  const waitMs = Math.max(1, Math.ceil(((1 - tokens) * 60_000) / limits.perMinute));
  return { ok: false, bucket: { tokens, updatedAt, blockedUntil: null }, waitMs };
}

/**
 * The bucket blocked until `until` (after a 429 with Retry-After, say). An existing later block is kept, never
 * shortened. A missing bucket becomes an empty one that starts refilling at `until`. Throws RangeError for an
 * invalid date.
 */
export function blockUntil(bucket: Bucket | null, until: Date): Bucket {
  const untilMs = until.getTime();
  if (!Number.isFinite(untilMs)) throw new RangeError('until is not a valid time');
  const untilIso = until.toISOString();
  if (!bucket) return { tokens: 0, updatedAt: untilIso, blockedUntil: untilIso };
  return timeOf(bucket.blockedUntil) >= untilMs ? bucket : { ...bucket, blockedUntil: untilIso };
}
