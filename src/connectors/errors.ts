/** Why a platform call failed, in the terms the jobs decide on. */
export type ConnectorFailure = 'auth_expired' | 'auth_revoked' | 'rate_limited' | 'rejected' | 'transient';

/**
 * A typed connector failure. `rejected` is permanent and carries the platform's reason in `platformReason`;
 * `rate_limited` carries `retryAfterMs` when the platform said when; `transient` may be retried with backoff.
 */
export class ConnectorError extends Error {
  constructor(
    readonly failure: ConnectorFailure,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; platformReason?: string; platformCode?: string } = {},
  ) {
    super(message);
  }
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds from `now`, or undefined. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * The usual mapping of an HTTP answer to a failure: 401 → auth_expired, 403 → auth_revoked (unless the platform
 * says otherwise), 429 → rate_limited (with Retry-After), other 4xx → rejected, 5xx → transient.
 */
export function failureFromStatus(status: number, now: Date, retryAfter: string | null, platformReason: string): ConnectorError {
  if (status === 401) return new ConnectorError('auth_expired', `The platform no longer accepts the sign-in (${platformReason})`, { status, platformReason });
  if (status === 403) return new ConnectorError('auth_revoked', `The platform refused access (${platformReason})`, { status, platformReason });
  if (status === 429) return new ConnectorError('rate_limited', 'The platform asks to slow down', { status, retryAfterMs: retryAfterMs(retryAfter, now), platformReason });
  if (status >= 500) return new ConnectorError('transient', `The platform had a problem (${status})`, { status, platformReason });
  return new ConnectorError('rejected', platformReason || `The platform refused this (${status})`, { status, platformReason });
}
