import { describe, expect, it } from 'vitest';
import e400 from '../../../test/fixtures/linkedin/error-400.json';
import e401 from '../../../test/fixtures/linkedin/error-401.json';
import revoked from '../../../test/fixtures/linkedin/error-401-revoked.json';
import e403 from '../../../test/fixtures/linkedin/error-403.json';
import dup from '../../../test/fixtures/linkedin/error-422-duplicate.json';
import e429 from '../../../test/fixtures/linkedin/error-429.json';
import { linkedinFailure } from './linkedin.errors';

const now = new Date('2026-11-29T12:00:00Z');
const f = (status: number, body: unknown, headers: Record<string, string> = {}) => linkedinFailure(status, new Headers(headers), body, '', now);

describe('linkedin failures', () => {
  it('maps LinkedIn error bodies to typed failures with the platform reason', () => {
    expect([f(401, e401).failure, f(401, revoked).failure]).toEqual(['auth_expired', 'auth_revoked']);
    expect(f(403, e403)).toMatchObject({ failure: 'auth_revoked', details: { platformCode: 'ACCESS_DENIED', platformReason: e403.message } });
    expect(f(429, e429)).toMatchObject({ failure: 'rate_limited', details: { retryAfterMs: undefined } });
    expect(f(429, e429, { 'retry-after': '60' }).details.retryAfterMs).toBe(60_000);
    expect(f(422, dup)).toMatchObject({ failure: 'rejected', details: { platformCode: 'duplicate' } });
    expect(f(400, e400)).toMatchObject({ failure: 'rejected', details: { platformReason: e400.message, platformCode: 'INVALID_REQUEST' } });
    expect(f(504, null).failure).toBe('transient');
  });
});
