import { describe, expect, it } from 'vitest';
import duplicate from '../../../test/fixtures/x/error-duplicate.json';
import tooMany from '../../../test/fixtures/x/error-429.json';
import { xFailure, xReason } from './x.errors';

const now = new Date('2026-11-29T12:00:00Z');
const h = (o: Record<string, string> = {}) => new Headers(o);

describe('x failures', () => {
  it('429: Retry-After first, else x-rate-limit-reset epoch seconds', () => {
    const reset = String(now.getTime() / 1000 + 90);
    expect(xFailure(429, h({ 'x-rate-limit-reset': reset }), tooMany, '', now).details.retryAfterMs).toBe(90_000);
    expect(xFailure(429, h({ 'retry-after': '5', 'x-rate-limit-reset': reset }), tooMany, '', now).details.retryAfterMs).toBe(5000);
    const e = xFailure(429, h(), tooMany, '', now);
    expect([e.failure, e.details.retryAfterMs]).toEqual(['rate_limited', undefined]);
  });

  it('403 duplicate content is a rejection; other 403s mean access was revoked; 401 expired', () => {
    const d = xFailure(403, h(), duplicate, '', now);
    expect([d.failure, d.details.platformCode, d.details.platformReason]).toEqual(['rejected', 'duplicate', duplicate.detail]);
    expect(xFailure(403, h(), { title: 'Forbidden', detail: 'You are not permitted to perform this action.' }, '', now).failure).toBe('auth_revoked');
    expect(xFailure(401, h(), { title: 'Unauthorized' }, '', now).failure).toBe('auth_expired');
    expect(xFailure(400, h(), { errors: [{ message: 'Invalid poll' }] }, '', now).details.platformReason).toBe('Invalid poll');
    expect(xFailure(503, h(), null, 'Over capacity', now).failure).toBe('transient');
  });

  it('reads the reason from problem+json, errors[], message or raw text', () => {
    expect(xReason({ type: 'about:blank', title: 'Forbidden', detail: 'the detail' })).toBe('the detail');
    expect(xReason({ error: 'TestFailure', message: 'test failure reason' })).toBe('test failure reason');
    expect(xReason(null, 'plain text')).toBe('plain text');
  });
});
