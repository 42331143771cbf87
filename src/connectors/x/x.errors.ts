import { ConnectorError, failureFromStatus, retryAfterMs } from '../errors';

/** Minimal view of response headers (a fetch `Headers` fits). */
interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The platform's own words from an X error body: problem+json `detail` (then `title`), the first of `errors[]`,
 * or a plain `message`/`error`; falls back to the raw text (shortened). Pure.
 */
export function xReason(body: unknown, raw = ''): string {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const first = Array.isArray(b.errors) ? (b.errors[0] as Record<string, unknown> | undefined) : undefined;
  const pick = [b.detail, first?.detail, first?.message, b.message, b.title, b.error_description, b.error, first?.title];
  const found = pick.find((v) => typeof v === 'string' && v.trim());
  return (found as string | undefined) ?? raw.slice(0, 300);
}

const DUPLICATE = /duplicate content/i;

/**
 * Maps a failed X answer to a typed failure: 429 → rate_limited (Retry-After, else `x-rate-limit-reset` epoch
 * seconds), 401 → auth_expired, 403 → auth_revoked except the duplicate-content refusal (→ rejected, code
 * `duplicate`), other 4xx → rejected with the platform's reason, 5xx → transient. Pure.
 */
export function xFailure(status: number, headers: HeaderSource, body: unknown, raw: string, now: Date): ConnectorError {
  const reason = xReason(body, raw);
  if (status === 429) {
    let wait = retryAfterMs(headers.get('retry-after'), now);
    const reset = Number(headers.get('x-rate-limit-reset'));
    if (wait === undefined && Number.isFinite(reset) && reset > 0) wait = Math.max(0, reset * 1000 - now.getTime());
    return new ConnectorError('rate_limited', 'X asks to slow down', { status, retryAfterMs: wait, platformReason: reason });
  }
  if (status === 403 && DUPLICATE.test(reason)) {
    return new ConnectorError('rejected', reason, { status, platformReason: reason, platformCode: 'duplicate' });
  }
  return failureFromStatus(status, now, null, reason);
}
