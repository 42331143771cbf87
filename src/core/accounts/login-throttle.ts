/** Failed logins allowed within the window before logins are refused for a while: per account, and per IP. */
export const THROTTLE_MAX_FAILURES = { email: 5, ip: 50 } as const;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_BLOCK_MS = 15 * 60 * 1000;

export interface ThrottleState {
  failures: number;
  windowStart: string;
  blockedUntil: string | null;
}

/** Seconds until a throttled key may try again at `now`, or 0 when it may try now. */
export function retryAfterSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(state.blockedUntil) - now.getTime()) / 1000));
}

/** The state after one more failure at `now`: a new window when the old one passed, blocked at `max` failures. */
export function afterFailure(state: ThrottleState | null, now: Date, max: number): ThrottleState {
  const fresh = !state || now.getTime() - Date.parse(state.windowStart) > THROTTLE_WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now.toISOString() : state.windowStart;
  const blockedUntil =
    failures >= max ? new Date(now.getTime() + THROTTLE_BLOCK_MS).toISOString() : null;
  return { failures, windowStart, blockedUntil };
}
