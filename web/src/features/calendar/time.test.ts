import { describe, expect, it } from 'vitest';
import {
  addDays,
  isCivilDate,
  monthDays,
  parseClock,
  rangeOf,
  shiftPeriod,
  startOfWeek,
  todayIn,
  weekDays,
  zonedInstant,
  zonedMoment,
} from './time';

const AMS = 'Europe/Amsterdam';
const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedMoment', () => {
  it('reads the wall clock of the zone, not of the machine', () => {
    expect(zonedMoment(Date.parse('2026-03-09T23:30:00Z'), AMS)).toEqual({ date: '2026-03-10', hour: 0, minute: 30 });
    expect(zonedMoment(Date.parse('2026-07-01T10:05:00Z'), AMS)).toEqual({ date: '2026-07-01', hour: 12, minute: 5 });
    expect(zonedMoment(Date.parse('2026-07-01T10:05:00Z'), 'America/New_York')).toEqual({
      date: '2026-07-01',
      hour: 6,
      minute: 5,
    });
  });
});

describe('zonedInstant', () => {
  it('turns a wall-clock time into the instant, in winter and in summer', () => {
    expect(iso(zonedInstant('2026-01-15', 9, 30, AMS))).toBe('2026-01-15T08:30:00.000Z');
    expect(iso(zonedInstant('2026-07-15', 9, 30, AMS))).toBe('2026-07-15T07:30:00.000Z');
  });

  it('moves a time in the spring gap forward and takes the first of a time shown twice', () => {
    expect(iso(zonedInstant('2026-03-29', 2, 30, AMS))).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedMoment(zonedInstant('2026-03-29', 2, 30, AMS), AMS)).toEqual({
      date: '2026-03-29',
      hour: 3,
      minute: 30,
    });
    expect(iso(zonedInstant('2026-10-25', 2, 30, AMS))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips through zonedMoment for every hour of a DST day', () => {
    for (let h = 0; h < 24; h++) {
      if (h === 2) continue;
      expect(zonedMoment(zonedInstant('2026-03-29', h, 15, AMS), AMS)).toEqual({
        date: '2026-03-29',
        hour: h,
        minute: 15,
      });
    }
  });
});

describe('civil dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('rejects dates that do not exist', () => {
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2026-2-3')).toBe(false);
    expect(isCivilDate('2024-02-29')).toBe(true);
  });

  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-03-15')).toBe('2026-03-09');
    expect(startOfWeek('2026-03-09')).toBe('2026-03-09');
    expect(weekDays('2026-03-11')).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
  });

  it('covers a month with whole weeks', () => {
    const march = monthDays('2026-03-20');
    expect(march[0]).toBe('2026-02-23');
    expect(march.at(-1)).toBe('2026-04-05');
    expect(march).toHaveLength(42);
    expect(monthDays('2021-02-10')).toHaveLength(28);
    expect(monthDays('2026-06-01')).toHaveLength(35);
  });

  it('steps periods', () => {
    expect(shiftPeriod('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftPeriod('month', '2026-01-15', -1)).toBe('2025-12-01');
    expect(shiftPeriod('week', '2026-03-11', 1)).toBe('2026-03-16');
  });
});

describe('rangeOf', () => {
  it('spans midnight to midnight on the zone clock', () => {
    expect(rangeOf(weekDays('2026-03-25'), AMS)).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });
});

describe('todayIn and parseClock', () => {
  it('gives the zone date', () => {
    expect(todayIn(AMS, new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
  });

  it('reads times and refuses the impossible', () => {
    expect(parseClock('9.05')).toEqual({ hour: 9, minute: 5 });
    expect(parseClock('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
    expect(parseClock('')).toBeNull();
  });
});
