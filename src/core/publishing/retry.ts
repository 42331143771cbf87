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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC850_DATE = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/** The instant of an HTTP date (RFC 9110: IMF-fixdate, or the obsolete RFC 850 and asctime forms), or null. */
function parseHttpDate(text: string): number | null {
  let parts: [number, string, number, number, number, number] | null = null;
  let m: RegExpExecArray | null;
  if ((m = IMF_FIXDATE.exec(text))) parts = [+m[3], m[2], +m[1], +m[4], +m[5], +m[6]];
  else if ((m = RFC850_DATE.exec(text))) parts = [+m[3] + (+m[3] < 70 ? 2000 : 1900), m[2], +m[1], +m[4], +m[5], +m[6]];
  else if ((m = ASCTIME_DATE.exec(text))) parts = [+m[6], m[1], +m[2], +m[3], +m[4], +m[5]];
  if (!parts) return null;
  const [year, monthName, day, hour, minute, second] = parts;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const t = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  return new Date(t).getUTCDate() === day ? t : null;
}

/**
 * The wait a Retry-After header asks for, in ms from `now`: delta-seconds (`120`; a decimal such as `1.5` is
 * accepted too) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`); a date in the past means 0. Null when the header
 * is missing, empty or not understood (a negative number, garbage).
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  if (typeof header !== 'string') return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const ms = Math.ceil(Number(text) * 1000);
    return Number.isFinite(ms) ? ms : null;
  }
  const at = parseHttpDate(text.replace(/\s+/g, ' '));
  return at === null ? null : Math.max(0, at - now.getTime());
}
