/**
 * Meta Graph API failures in Regie's terms. Graph answers `{ error: { message, type, code, error_subcode,
 * fbtrace_id, is_transient } }`, often with HTTP 400 whatever the cause, so the `code` decides, not the status.
 */
import { ConnectorError, failureFromStatus, retryAfterMs } from '../errors';

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  error_data?: { details?: string } | string;
  fbtrace_id?: string;
  is_transient?: boolean;
}

/** Throttling codes: app/user/page limits (4, 17, 32, 613), IG publish limit (9), business-use-case limits, WhatsApp throughput and pair limits. */
const RATE_CODES = new Set([4, 9, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80007, 80008, 80009, 80014, 130429, 131048, 131056]);
/** Temporary server-side trouble: Graph's "unknown"/"service" errors and WhatsApp's generic and unavailable codes. */
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016]);
/** Code 190 subcodes after which only the person can help: app removed (458), checkpoint (459), password changed (460), unconfirmed (464), session invalidated (492). */
const REVOKED_SUBCODES = new Set([458, 459, 460, 464, 492]);
/** Permission-coded errors that are really about the message: Messenger's 24-hour window. */
const NOT_PERMISSION_SUBCODES = new Set([2018278, 2018108, 2018065]);

/**
 * The seconds until Meta lets this app call again, from `X-Business-Use-Case-Usage` / `X-Ad-Account-Usage`
 * (`estimated_time_to_regain_access`, in minutes), or undefined when no header says so.
 */
export function metaRetryAfterMs(headers: Headers, now: Date): number | undefined {
  const explicit = retryAfterMs(headers.get('retry-after'), now);
  if (explicit !== undefined) return explicit;
  let minutes = 0;
  const buc = headers.get('x-business-use-case-usage');
  if (buc) {
    try {
      for (const list of Object.values(JSON.parse(buc) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>)) {
        for (const u of Array.isArray(list) ? list : []) minutes = Math.max(minutes, Number(u.estimated_time_to_regain_access) || 0);
      }
    } catch {
      /* an unreadable usage header says nothing */
    }
  }
  return minutes > 0 ? minutes * 60_000 : undefined;
}

function reasonOf(e: GraphErrorBody): string {
  const details = typeof e.error_data === 'string' ? e.error_data : e.error_data?.details;
  return [e.message, e.error_user_msg, details].filter((s): s is string => typeof s === 'string' && s.length > 0).join(' — ').slice(0, 600);
}

/**
 * Maps a failed Graph answer to a ConnectorError. With a Graph error object: 429 or a throttling code →
 * `rate_limited`; code 190 → `auth_expired`, or `auth_revoked` for the subcodes where the person must act
 * (458/459/460/464/492; 463 "expired" and 467 "invalid" stay `auth_expired`); 10 and 200–299 (permissions) →
 * `auth_revoked`; 1, 2, `is_transient`, WhatsApp 131000/131016 and any 5xx → `transient`; everything else (100
 * invalid parameter, 506 duplicate, 368 blocked, WhatsApp 131047 outside the 24-hour window…) → `rejected` with
 * Meta's message. Without one (a proxy, a mock) the usual HTTP-status mapping applies. `platformCode` is
 * `code` or `code/subcode`.
 */
export function graphFailure(status: number, body: unknown, headers: Headers, now: Date, rawText = ''): ConnectorError {
  const e = (body as { error?: unknown } | null)?.error;
  if (e && typeof e === 'object' && typeof (e as GraphErrorBody).code === 'number') {
    const g = e as GraphErrorBody;
    const code = g.code!;
    const sub = g.error_subcode;
    const platformReason = reasonOf(g) || `Graph error ${code}`;
    const details = { status, platformReason, platformCode: sub ? `${code}/${sub}` : String(code) };
    if (status === 429 || RATE_CODES.has(code)) {
      return new ConnectorError('rate_limited', 'Meta asks to slow down', { ...details, retryAfterMs: metaRetryAfterMs(headers, now) });
    }
    if (code === 190) {
      if (sub && REVOKED_SUBCODES.has(sub)) return new ConnectorError('auth_revoked', `Meta no longer accepts this connection; reconnect the channel (${platformReason})`, details);
      return new ConnectorError('auth_expired', `The Meta sign-in has expired or is no longer valid (${platformReason})`, details);
    }
    if ((code === 10 || (code >= 200 && code <= 299)) && !(sub && NOT_PERMISSION_SUBCODES.has(sub))) {
      return new ConnectorError('auth_revoked', `Meta refused: a permission is missing or was withdrawn (${platformReason})`, details);
    }
    if (TRANSIENT_CODES.has(code) || g.is_transient === true || status >= 500) {
      return new ConnectorError('transient', `Meta had a temporary problem (${platformReason})`, details);
    }
    return new ConnectorError('rejected', platformReason, details);
  }
  const b = body as { error?: unknown; message?: unknown; error_description?: unknown } | null;
  const parts = [b?.error, b?.message, b?.error_description].filter((s): s is string => typeof s === 'string' && s.length > 0);
  const reason = (parts.length ? parts.join(': ') : rawText.trim()).slice(0, 600) || `HTTP ${status}`;
  const err = failureFromStatus(status, now, headers.get('retry-after'), reason);
  if (err.failure === 'rate_limited' && err.details.retryAfterMs === undefined) {
    return new ConnectorError('rate_limited', err.message, { ...err.details, retryAfterMs: metaRetryAfterMs(headers, now) });
  }
  return err;
}
