import { describe, expect, it } from 'vitest';
import { RETRY_DEFAULTS, nextAttemptDelayMs, shouldGiveUp } from './retry';

const fixed = (r: number) => () => r;
const NOW = new Date('2026-10-21T07:28:00Z');

describe('nextAttemptDelayMs', () => {
  it('doubles the ceiling per attempt and picks uniformly below it (full jitter)', () => {
    const opts = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => nextAttemptDelayMs(a, { ...opts, random: fixed(0.5) }))).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(nextAttemptDelayMs(3, { ...opts, random: fixed(0) })).toBe(0);
    expect(nextAttemptDelayMs(3, { ...opts, random: fixed(0.999999) })).toBe(3999);
    expect(nextAttemptDelayMs(30, { ...opts, random: fixed(0.999999) })).toBe(59_999);
  });

  it('uses the defaults when base and cap are not given', () => {
    expect(nextAttemptDelayMs(1, { random: fixed(0.5) })).toBe(RETRY_DEFAULTS.baseMs / 2);
    expect(nextAttemptDelayMs(100, { random: fixed(0.5) })).toBe(RETRY_DEFAULTS.maxMs / 2);
  });

  it('never waits less than the platform asked for, even beyond the cap', () => {
    const opts = { baseMs: 1000, maxMs: 60_000 };
    expect(nextAttemptDelayMs(1, { ...opts, retryAfterMs: 5000, random: fixed(0.5) })).toBe(5000);
    expect(nextAttemptDelayMs(8, { ...opts, retryAfterMs: 5000, random: fixed(0.5) })).toBe(30_000);
    expect(nextAttemptDelayMs(1, { ...opts, retryAfterMs: 3_600_000, random: fixed(0.5) })).toBe(3_600_000);
    expect(nextAttemptDelayMs(1, { ...opts, retryAfterMs: 1500.2, random: fixed(0) })).toBe(1501);
    expect(nextAttemptDelayMs(1, { ...opts, retryAfterMs: null, random: fixed(0.5) })).toBe(500);
    expect(nextAttemptDelayMs(1, { ...opts, retryAfterMs: -10, random: fixed(0.5) })).toBe(500);
    expect(nextAttemptDelayMs(1, { ...opts, retryAfterMs: Number.NaN, random: fixed(0.5) })).toBe(500);
  });

  it('stays within [0, cap) for random draws and many attempts', () => {
    let seed = 9;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let attempt = 1; attempt <= 200; attempt++) {
      const ms = nextAttemptDelayMs(attempt, { baseMs: 250, maxMs: 10_000, random });
      expect(Number.isInteger(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(Math.min(10_000, 250 * 2 ** (attempt - 1)));
    }
  });

  it('treats nonsense input safely', () => {
    const opts = { baseMs: 1000, maxMs: 60_000 };
    expect(nextAttemptDelayMs(0, { ...opts, random: fixed(0.5) })).toBe(500);
    expect(nextAttemptDelayMs(-3, { ...opts, random: fixed(0.5) })).toBe(500);
    expect(nextAttemptDelayMs(Number.NaN, { ...opts, random: fixed(0.5) })).toBe(500);
    expect(nextAttemptDelayMs(2.7, { ...opts, random: fixed(0.5) })).toBe(1000);
    expect(nextAttemptDelayMs(Number.POSITIVE_INFINITY, { ...opts, random: fixed(0.5) })).toBe(500);
    expect(nextAttemptDelayMs(2000, { baseMs: 0, maxMs: 60_000, random: fixed(0.5) })).toBe(0);
    expect(nextAttemptDelayMs(2, { ...opts, random: fixed(1) })).toBe(1999);
    expect(nextAttemptDelayMs(2, { ...opts, random: fixed(-4) })).toBe(0);
    expect(nextAttemptDelayMs(2, { ...opts, random: fixed(Number.NaN) })).toBe(0);
    expect(nextAttemptDelayMs(2, { baseMs: -5, maxMs: Number.NaN, random: fixed(0.5) })).toBe(0);
  });
});

describe('shouldGiveUp', () => {
  it('gives up once the attempts made reach the maximum', () => {
    expect(shouldGiveUp(1, 5)).toBe(false);
    expect(shouldGiveUp(4, 5)).toBe(false);
    expect(shouldGiveUp(5, 5)).toBe(true);
    expect(shouldGiveUp(6, 5)).toBe(true);
  });

  it('allows one attempt for a nonsensical maximum and gives up on a nonsensical attempt count', () => {
    expect(shouldGiveUp(0, 0)).toBe(false);
    expect(shouldGiveUp(1, 0)).toBe(true);
    expect(shouldGiveUp(1, Number.NaN)).toBe(true);
    expect(shouldGiveUp(Number.NaN, 5)).toBe(true);
    expect(shouldGiveUp(2, 2.9)).toBe(true);
  });
});
