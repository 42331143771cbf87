import { describe, expect, it } from 'vitest';
import { attainment, bucketByDay, median, percentile } from './stats';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even count', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-5, 5])).toBe(0);
  });
  it('leaves its input alone and refuses values that are not finite', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
    expect(() => median([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('percentile (nearest rank)', () => {
  const tens = [100, 10, 90, 20, 80, 30, 70, 40, 60, 50];
  it('gives a value that occurred, the smallest with p% at or below it', () => {
    expect(percentile(tens, 90)).toBe(90);
    expect(percentile(tens, 91)).toBe(100);
    expect(percentile(tens, 70)).toBe(70);
    expect(percentile(tens, 0)).toBe(10);
    expect(percentile(tens, 100)).toBe(100);
  });
  it('takes the lower middle at 50 on an even count, where median averages', () => {
    expect(percentile(tens, 50)).toBe(50);
    expect(median(tens)).toBe(55);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 90)).toBe(5);
  });
  it('handles tiny arrays and fractional p', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 9], 50)).toBe(1);
    expect(percentile([1, 9], 51)).toBe(9);
    expect(percentile(Array.from({ length: 1000 }, (_, i) => i + 1), 99.9)).toBe(999);
    expect(percentile(Array.from({ length: 250 }, (_, i) => i + 1), 64.4)).toBe(161);
  });
  it('refuses p outside 0–100', () => {
    expect(() => percentile(tens, -1)).toThrow(RangeError);
    expect(() => percentile(tens, 101)).toThrow(RangeError);
    expect(() => percentile(tens, Number.NaN)).toThrow(RangeError);
  });
});

describe('attainment', () => {
  it('is the share met among met and missed', () => {
    expect(attainment([{ state: 'met' }, { state: 'met' }, { state: 'missed' }, { state: 'breached' }, { state: 'none' }])).toBe(2 / 3);
    expect(attainment([{ state: 'missed' }])).toBe(0);
  });
  it('is null when nothing was met or missed', () => {
    expect(attainment([])).toBeNull();
    expect(attainment([{ state: 'ok' }, { state: 'warning' }, { state: 'none' }])).toBeNull();
  });
});

describe('bucketByDay', () => {
  it('counts per local day and key, sorted, across the spring and autumn switches', () => {
    const items = [
      { at: '2026-03-29T22:00:00Z', key: 'email' },
      { at: '2026-03-28T23:30:00Z', key: 'bluesky' },
      { at: '2026-03-29T21:59:59Z', key: 'email' },
      { at: '2026-03-29T12:00:00Z', key: 'bluesky' },
      { at: '2026-10-24T22:00:00Z', key: 'email' },
      { at: '2026-10-25T22:59:59Z', key: 'email' },
      { at: '2026-10-25T23:00:00Z', key: 'email' },
    ];
    expect(bucketByDay(items, 'Europe/Amsterdam')).toEqual([
      { day: '2026-03-29', key: 'bluesky', count: 2 },
      { day: '2026-03-29', key: 'email', count: 1 },
      { day: '2026-03-30', key: 'email', count: 1 },
      { day: '2026-10-25', key: 'email', count: 2 },
      { day: '2026-10-26', key: 'email', count: 1 },
    ]);
    expect(bucketByDay(items.slice(0, 2), 'UTC')).toEqual([
      { day: '2026-03-28', key: 'bluesky', count: 1 },
      { day: '2026-03-29', key: 'email', count: 1 },
    ]);
  });
  it('splits days at local midnight in a half-hour zone', () => {
    expect(bucketByDay([{ at: '2026-02-10T18:29:59Z', key: 'x' }, { at: '2026-02-10T18:30:00Z', key: 'x' }], 'Asia/Kolkata')).toEqual([
      { day: '2026-02-10', key: 'x', count: 1 },
      { day: '2026-02-11', key: 'x', count: 1 },
    ]);
  });
  it('is empty for no items and refuses unknown zones and instants without a zone', () => {
    expect(bucketByDay([], 'Europe/Amsterdam')).toEqual([]);
    expect(() => bucketByDay([], 'Mars/Olympus')).toThrow(RangeError);
    expect(() => bucketByDay([{ at: '2026-02-10 18:30', key: 'x' }], 'UTC')).toThrow(RangeError);
  });
  it('counts a large report quickly', () => {
    const start = Date.UTC(2025, 0, 1);
    const items = Array.from({ length: 100_000 }, (_, i) => ({ at: new Date(start + i * 317_000).toISOString(), key: ['email', 'bluesky', 'webform'][i % 3] }));
    const t0 = performance.now();
    const rows = bucketByDay(items, 'Europe/Amsterdam');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(100_000);
  });
});
