import { describe, expect, it } from 'vitest';
import { mastodonFailure, normalizeInstanceUrl, platformReason } from './mastodon.api';
import { idempotencyKeyFor, toMastodonVisibility, withMention } from './mastodon.publish';

const now = new Date('2026-11-20T10:00:00.000Z');
const h = (o: Record<string, string> = {}) => new Headers(o);

describe('Mastodon failures', () => {
  it('429: Retry-After first, else X-RateLimit-Reset (an ISO time) as the wait', () => {
    const reset = mastodonFailure(429, h({ 'x-ratelimit-reset': '2026-11-20T10:05:00.000Z' }), '{"error":"Too many requests"}', now);
    expect(reset.failure).toBe('rate_limited');
    expect(reset.details.retryAfterMs).toBe(300_000);
    expect(mastodonFailure(429, h({ 'retry-after': '30', 'x-ratelimit-reset': '2026-11-20T10:05:00.000Z' }), '', now).details.retryAfterMs).toBe(30_000);
    expect(mastodonFailure(429, h(), '', now).details.retryAfterMs).toBeUndefined();
  });

  it('401 is auth_expired (Mastodon tokens cannot be refreshed), 403 auth_revoked', () => {
    expect(mastodonFailure(401, h(), '{"error":"The access token is invalid"}', now)).toMatchObject({ failure: 'auth_expired', details: { platformReason: 'The access token is invalid' } });
    expect(mastodonFailure(403, h(), '{"error":"This action is outside the authorized scopes"}', now).failure).toBe('auth_revoked');
  });

  it("422 is rejected with Mastodon's error text; media still processing is transient", () => {
    const e = mastodonFailure(422, h(), '{"error":"Validation failed: Text character limit of 500 exceeded"}', now);
    expect(e.failure).toBe('rejected');
    expect(e.details.platformReason).toBe('Validation failed: Text character limit of 500 exceeded');
    expect(e.message).toContain('character limit');
    expect(mastodonFailure(422, h(), '{"error":"Cannot attach files that have not finished processing. Try again in a moment!"}', now).failure).toBe('transient');
    expect(mastodonFailure(503, h(), '<html>down</html>', now).failure).toBe('transient');
  });

  it('reads nested errors and OAuth error descriptions', () => {
    expect(platformReason('{"error":{"error":"Validation failed: Name is too long"}}')).toBe('Validation failed: Name is too long');
    expect(platformReason('{"error":"invalid_grant","error_description":"The grant is invalid"}')).toBe('invalid_grant: The grant is invalid');
    expect(platformReason('<h1>Bad gateway</h1>')).toBe('Bad gateway');
  });
});

describe('Mastodon instance URLs', () => {
  it('accepts what people type and keeps only the origin', () => {
    expect(normalizeInstanceUrl('mastodon.social')).toBe('https://mastodon.social');
    expect(normalizeInstanceUrl(' https://Mastodon.Social/about?x=1 ')).toBe('https://mastodon.social');
    expect(normalizeInstanceUrl('@regie@social.example')).toBe('https://social.example');
    expect(normalizeInstanceUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
  });

  it('refuses plain http (except loopback test servers), other schemes and credentials', () => {
    for (const bad of ['http://mastodon.social', 'ftp://mastodon.social', 'https://user:pw@mastodon.social', 'javascript:alert(1)', '']) {
      expect(() => normalizeInstanceUrl(bad), bad).toThrow(expect.objectContaining({ failure: 'rejected' }));
    }
  });
});

describe('Mastodon publish helpers', () => {
  it('derives one Idempotency-Key per part; hashes keys that cannot be a header value', () => {
    expect(idempotencyKeyFor('variant-123', 2)).toBe('variant-123:2');
    expect(idempotencyKeyFor('variant é', 0)).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyFor('variant é', 0)).not.toBe(idempotencyKeyFor('variant é', 1));
  });

  it('maps visibility: followers-only is private, none is the account default', () => {
    expect(toMastodonVisibility('followers')).toBe('private');
    expect(toMastodonVisibility('direct')).toBe('direct');
    expect(toMastodonVisibility(undefined)).toBeUndefined();
  });

  it('mentions the author once', () => {
    expect(withMention('piet@other.example', 'Dank u!')).toBe('@piet@other.example Dank u!');
    expect(withMention('piet@other.example', '@piet@other.example dank u')).toBe('@piet@other.example dank u');
    expect(withMention('anna', 'Hoi @anna, dank')).toBe('Hoi @anna, dank');
    expect(withMention('anna', 'Hoi @annabel')).toBe('@anna Hoi @annabel');
  });
});
