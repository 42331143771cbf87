import { ConnectorError, failureFromStatus, retryAfterMs } from '../errors';

interface HeaderSource {
  get(name: string): string | null;
}

/** LinkedIn's error body: `{ status, serviceErrorCode, code, message }` (OAuth endpoints: `error`, `error_description`). */
export interface LinkedInErrorBody {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
  error?: string;
  error_description?: string;
}

/** The platform's own words from a LinkedIn error body, else the raw text (shortened). Pure. */
export function linkedinReason(body: unknown, raw = ''): string {
  const b = (body && typeof body === 'object' ? body : {}) as LinkedInErrorBody;
  const found = [b.message, b.error_description, b.error, b.code].find((v) => typeof v === 'string' && v.trim());
  return found ?? raw.slice(0, 300);
}

/** True when a 401 says the member revoked Regie's access (refreshing will not help). Pure. */
export function isRevoked(body: unknown): boolean {
  const b = (body && typeof body === 'object' ? body : {}) as LinkedInErrorBody;
  return b.serviceErrorCode === 65601 || b.code === 'REVOKED_ACCESS_TOKEN';
}

/**
 * Maps a failed LinkedIn answer to a typed failure: 401 → auth_expired, or auth_revoked when the member revoked
 * access (serviceErrorCode 65601); 403 (ACCESS_DENIED: no longer a page admin, or scope missing) → auth_revoked;
 * 429 → rate_limited (Retry-After when sent; LinkedIn's quotas are daily); 422 "duplicate" → rejected with code
 * `duplicate`; other 4xx → rejected with LinkedIn's message; 5xx → transient. Pure.
 */
export function linkedinFailure(status: number, headers: HeaderSource, body: unknown, raw: string, now: Date): ConnectorError {
  const reason = linkedinReason(body, raw);
  const b = (body && typeof body === 'object' ? body : {}) as LinkedInErrorBody;
  const details = { status, platformReason: reason, platformCode: b.code ?? (b.serviceErrorCode !== undefined ? String(b.serviceErrorCode) : undefined) };
  if (status === 401 && isRevoked(body)) return new ConnectorError('auth_revoked', `LinkedIn access was revoked (${reason})`, details);
  if (status === 429) return new ConnectorError('rate_limited', 'LinkedIn asks to slow down', { ...details, retryAfterMs: retryAfterMs(headers.get('retry-after'), now) });
  if (status === 422 && /duplicate/i.test(reason)) return new ConnectorError('rejected', reason, { ...details, platformCode: 'duplicate' });
  const e = failureFromStatus(status, now, headers.get('retry-after'), reason);
  return new ConnectorError(e.failure, e.message, { ...e.details, platformCode: details.platformCode });
}
