import { describe, expect, it } from 'vitest';
import { type Bucket, blockUntil, takeToken } from './rate-bucket';

const limits = { perMinute: 6, burst: 3 };
const at = (iso: string) => new Date(iso);
const T0 = '2026-05-01T10:00:00.000Z';

describe('takeToken', () => {
  it('starts a missing bucket full and takes a token', () => {
    expect(takeToken(null, limits, at(T0))).toEqual({ ok: true, bucket: { tokens: 2, updatedAt: T0, blockedUntil: null } });
  });

  it('allows a burst, then refuses with the wait until the next token', () => {
    let bucket: Bucket | null = null;
    for (let i = 0; i < 3; i++) {
      const r = takeToken(bucket, limits, at(T0));
      expect(r.ok).toBe(true);
      bucket = r.bucket;
    }
    expect(takeToken(bucket, limits, at(T0))).toEqual({ ok: false, bucket: { tokens: 0, updatedAt: T0, blockedUntil: null }, waitMs: 10_000 });
    expect(takeToken(bucket, limits, at('2026-05-01T10:00:04.000Z'))).toEqual({
      ok: false,
      bucket: { tokens: 0.4, updatedAt: '2026-05-01T10:00:04.000Z', blockedUntil: null },
      waitMs: 6000,
    });
    const later = takeToken(bucket, limits, at('2026-05-01T10:00:10.000Z'));
    expect(later).toEqual({ ok: true, bucket: { tokens: 0, updatedAt: '2026-05-01T10:00:10.000Z', blockedUntil: null } });
  });

  it('refills in proportion to elapsed time, capped at burst', () => {
    const empty: Bucket = { tokens: 0, updatedAt: T0, blockedUntil: null };
    expect(takeToken(empty, limits, at('2026-05-01T10:00:25.000Z'))).toEqual({ ok: true, bucket: { tokens: 1.5, updatedAt: '2026-05-01T10:00:25.000Z', blockedUntil: null } });
    expect(takeToken(empty, limits, at('2026-05-02T10:00:00.000Z'))).toEqual({ ok: true, bucket: { tokens: 2, updatedAt: '2026-05-02T10:00:00.000Z', blockedUntil: null } });
  });

  it('refuses while blocked, with the wait to the end of the block, and leaves the bucket as it was', () => {
    const blocked: Bucket = { tokens: 3, updatedAt: T0, blockedUntil: '2026-05-01T10:01:30.000Z' };
    expect(takeToken(blocked, limits, at('2026-05-01T10:00:30.000Z'))).toEqual({ ok: false, bucket: blocked, waitMs: 60_000 });
    expect(takeToken(blocked, limits, at('2026-05-01T10:01:29.999Z'))).toEqual({ ok: false, bucket: blocked, waitMs: 1 });
  });

  it('clears a block that has passed', () => {
    const blocked: Bucket = { tokens: 0, updatedAt: T0, blockedUntil: '2026-05-01T10:01:30.000Z' };
    expect(takeToken(blocked, limits, at('2026-05-01T10:01:30.000Z'))).toEqual({ ok: true, bucket: { tokens: 2, updatedAt: '2026-05-01T10:01:30.000Z', blockedUntil: null } });
  });

  it('does not refill or move updatedAt back when the clock goes backwards', () => {
    const bucket: Bucket = { tokens: 1.25, updatedAt: '2026-05-01T10:00:10.000Z', blockedUntil: null };
    expect(takeToken(bucket, limits, at(T0))).toEqual({ ok: true, bucket: { tokens: 0.25, updatedAt: '2026-05-01T10:00:10.000Z', blockedUntil: null } });
  });

  it('treats a corrupt stored bucket as full and clamps tokens into [0, burst]', () => {
    const now = at(T0);
    expect(takeToken({ tokens: Number.NaN, updatedAt: T0, blockedUntil: null }, limits, now)).toEqual({ ok: true, bucket: { tokens: 2, updatedAt: T0, blockedUntil: null } });
    expect(takeToken({ tokens: 1, updatedAt: 'gisteren', blockedUntil: null }, limits, now)).toEqual({ ok: true, bucket: { tokens: 2, updatedAt: T0, blockedUntil: null } });
    expect(takeToken({ tokens: 50, updatedAt: T0, blockedUntil: null }, limits, now)).toEqual({ ok: true, bucket: { tokens: 2, updatedAt: T0, blockedUntil: null } });
    expect(takeToken({ tokens: -4, updatedAt: T0, blockedUntil: 'nooit' }, limits, now)).toEqual({ ok: false, bucket: { tokens: 0, updatedAt: T0, blockedUntil: null }, waitMs: 10_000 });
  });

  it('counts a token that float arithmetic left a hair short of whole as whole', () => {
    expect(takeToken({ tokens: 1 - 1e-12, updatedAt: T0, blockedUntil: null }, limits, at(T0))).toEqual({ ok: true, bucket: { tokens: 0, updatedAt: T0, blockedUntil: null } });
    expect(takeToken({ tokens: 0.999, updatedAt: T0, blockedUntil: null }, limits, at(T0)).ok).toBe(false);
  });

  it('refuses nonsensical limits and times', () => {
    expect(() => takeToken(null, { perMinute: 0, burst: 3 }, at(T0))).toThrow(RangeError);
    expect(() => takeToken(null, { perMinute: Number.NaN, burst: 3 }, at(T0))).toThrow(RangeError);
    expect(() => takeToken(null, { perMinute: 6, burst: 0.5 }, at(T0))).toThrow(RangeError);
    expect(() => takeToken(null, limits, new Date('x'))).toThrow(RangeError);
  });

  it('always gives a token after waiting the waitMs it named, and never more than perMinute over time', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (const l of [{ perMinute: 7, burst: 1 }, { perMinute: 0.5, burst: 2 }, { perMinute: 1000, burst: 10 }, { perMinute: 13, burst: 2.5 }]) {
      let bucket: Bucket | null = null;
      let nowMs = Date.parse(T0);
      let granted = 0;
      for (let step = 0; step < 400; step++) {
        const r = takeToken(bucket, l, new Date(nowMs));
        bucket = r.bucket;
        if (r.ok) {
          granted++;
          nowMs += Math.floor(random() * 3000);
        } else {
          nowMs += r.waitMs;
          const retry = takeToken(bucket, l, new Date(nowMs));
          expect(retry.ok, JSON.stringify({ l, bucket, waitMs: r.waitMs })).toBe(true);
          bucket = retry.bucket;
          granted++;
        }
      }
      const minutes = (nowMs - Date.parse(T0)) / 60_000;
      expect(granted).toBeLessThanOrEqual(Math.floor(l.burst + minutes * l.perMinute + 1e-6));
    }
  });
});

describe('blockUntil', () => {
  const bucket: Bucket = { tokens: 2, updatedAt: T0, blockedUntil: null };

  it('sets the block and keeps the rest', () => {
    expect(blockUntil(bucket, at('2026-05-01T10:05:00Z'))).toEqual({ tokens: 2, updatedAt: T0, blockedUntil: '2026-05-01T10:05:00.000Z' });
  });

  it('never shortens an existing block, but extends it', () => {
    const blocked = { ...bucket, blockedUntil: '2026-05-01T10:05:00.000Z' };
    expect(blockUntil(blocked, at('2026-05-01T10:02:00Z'))).toBe(blocked);
    expect(blockUntil(blocked, at('2026-05-01T10:09:00Z'))).toEqual({ ...blocked, blockedUntil: '2026-05-01T10:09:00.000Z' });
  });

  it('makes an empty blocked bucket from nothing, which refills from the end of the block', () => {
    const b = blockUntil(null, at('2026-05-01T10:05:00Z'));
    expect(b).toEqual({ tokens: 0, updatedAt: '2026-05-01T10:05:00.000Z', blockedUntil: '2026-05-01T10:05:00.000Z' });
    expect(takeToken(b, limits, at('2026-05-01T10:04:00Z'))).toEqual({ ok: false, bucket: b, waitMs: 60_000 });
    expect(takeToken(b, limits, at('2026-05-01T10:05:10Z'))).toEqual({ ok: true, bucket: { tokens: 0, updatedAt: '2026-05-01T10:05:10.000Z', blockedUntil: null } });
  });

  it('refuses an invalid date', () => {
    expect(() => blockUntil(bucket, new Date('later'))).toThrow(RangeError);
  });
});
