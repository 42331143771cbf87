/**
 * When to try a failed publish again: exponential backoff with full jitter, and the platform's Retry-After honoured.
 * Pure: the caller passes the random source and the current time.
 */

/** Defaults: the first retry within 30 s, never more than 30 minutes of backoff. */
export const RETRY_DEFAULTS = { baseMs: 30_000, maxMs: 30 * 60_000 } as const;

export interface RetryDelayOptions {
  baseMs?: number;
  maxMs?: number;
  /** What the platform asked for (Retry-After), in milliseconds. */
  retryAfterMs?: number | null;
  /** A source of numbers in [0, 1), such as `Math.random`. */
  random: () => number;
}

const finiteAtLeast = (n: number | undefined, min: number, fallback: number) => (typeof n === 'number' && Number.isFinite(n) ? Math.max(min, n) : fallback);

/**
 * How long to wait (whole ms) after failed attempt number `attempt` (1 = the first attempt failed) before the next.
 * Full jitter: a uniform pick in [0, min(maxMs, baseMs × 2^(attempt − 1))). The result is never less than
 * `retryAfterMs` when given, even when that is longer than `maxMs`: the cap limits our own backoff, not the
 * platform's explicit wish. An attempt below 1 (or not a number) counts as 1; a random value outside [0, 1) is
 * clamped into it.
 */
export function nextAttemptDelayMs(attempt: number, opts: RetryDelayOptions): number {
  const baseMs = finiteAtLeast(opts.baseMs, 0, RETRY_DEFAULTS.baseMs);
  const maxMs = finiteAtLeast(opts.maxMs, 0, RETRY_DEFAULTS.maxMs);
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 60));
  const r = opts.random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
  const jittered = Math.floor(unit * ceiling);
  const floor = opts.retryAfterMs != null && Number.isFinite(opts.retryAfterMs) && opts.retryAfterMs > 0 ? Math.ceil(opts.retryAfterMs) : 0;
  return Math.max(jittered, floor);
}

/**
 * True when no further attempt should be made: `attempt` attempts have been made and `maxAttempts` is the most
 * allowed. A `maxAttempts` below 1 (or not a number) allows one attempt.
 */
export function shouldGiveUp(attempt: number, maxAttempts: number): boolean {
  const limit = Number.isFinite(maxAttempts) ? Math.max(1, Math.floor(maxAttempts)) : 1;
  return !(attempt < limit);
}
