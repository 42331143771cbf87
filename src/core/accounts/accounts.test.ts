import { describe, expect, it } from 'vitest';
import { THROTTLE_MAX_FAILURES, afterFailure, retryAfterSeconds } from './login-throttle';
import { assertAcceptablePassword, normalizeEmail } from './password-policy';

describe('password policy', () => {
  const common = new Set(['welkom123456', 'password1234']);
  it('refuses short, common and one-character passwords', () => {
    expect(() => assertAcceptablePassword('kort', common)).toThrow(expect.objectContaining({ code: 'ERR_PASSWORD_TOO_SHORT' }));
    expect(() => assertAcceptablePassword('Welkom123456', common)).toThrow(expect.objectContaining({ code: 'ERR_PASSWORD_TOO_COMMON' }));
    expect(() => assertAcceptablePassword('aaaaaaaaaaaa', common)).toThrow(expect.objectContaining({ code: 'ERR_PASSWORD_TOO_COMMON' }));
    expect(() => assertAcceptablePassword('paard batterij nietje', common)).not.toThrow();
  });
  it('counts characters as people see them', () => {
    expect(() => assertAcceptablePassword('🔒🔒🔒🔒🔒🔒🔒🔒🔒', common)).toThrow(expect.objectContaining({ code: 'ERR_PASSWORD_TOO_SHORT' }));
  });
  it('normalises e-mail addresses', () => expect(normalizeEmail('  Els@Gemeente.NL ')).toBe('els@gemeente.nl'));
});

describe('login throttle', () => {
  const t0 = new Date('2026-01-01T10:00:00Z');
  it('blocks at the limit and says how long to wait', () => {
    let s = null;
    for (let i = 0; i < THROTTLE_MAX_FAILURES.email; i++) s = afterFailure(s, t0, THROTTLE_MAX_FAILURES.email);
    expect(retryAfterSeconds(s, t0)).toBe(15 * 60);
    expect(retryAfterSeconds(s, new Date(t0.getTime() + 15 * 60 * 1000))).toBe(0);
  });
  it('starts a new window after the old one passed', () => {
    const s = afterFailure(afterFailure(null, t0, 5), t0, 5);
    expect(afterFailure(s, new Date(t0.getTime() + 16 * 60 * 1000), 5).failures).toBe(1);
  });
});
