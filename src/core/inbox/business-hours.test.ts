import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessMs,
  businessMsBetween,
  dutchHolidays,
  dutchPublicHolidays,
  easterSunday,
  instantMs,
  isOpen,
  nextOpening,
  validateBusinessHours,
  type BusinessHours,
} from './business-hours';

const H = 3_600_000;
const M = 60_000;
const weekdays = (from: string, to: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, from, to }));
/** Mon–Fri 09:00–17:00 in Amsterdam, closed on Tweede Paasdag 2026 (Monday 6 April). */
const office: BusinessHours = { timeZone: 'Europe/Amsterdam', week: weekdays('09:00', '17:00'), closedDates: ['2026-04-06'] };
const sundays = (from: string, to: string): BusinessHours => ({ timeZone: 'Europe/Amsterdam', week: [{ day: 7, from, to }], closedDates: [] });
const between = (h: BusinessHours, a: string, b: string) => businessMsBetween(h, a, b);

describe('businessMsBetween: open time between two instants', () => {
  it('counts only the open part of a night', () => {
    expect(between(office, '2026-02-10T16:00+01:00', '2026-02-11T10:00+01:00')).toBe(2 * H);
  });
  it('skips a weekend', () => {
    expect(between(office, '2026-02-13T16:30+01:00', '2026-02-16T09:30+01:00')).toBe(60 * M);
  });
  it('skips a closed date but not Good Friday', () => {
    expect(between(office, '2026-04-02T16:00+02:00', '2026-04-07T10:00+02:00')).toBe(10 * H);
  });
  it('is zero inside closed time and at equal instants, and negative backwards', () => {
    expect(between(office, '2026-02-14T10:00Z', '2026-02-15T10:00Z')).toBe(0);
    expect(between(office, '2026-02-10T10:00Z', '2026-02-10T10:00Z')).toBe(0);
    expect(between(office, '2026-02-11T10:00+01:00', '2026-02-10T16:00+01:00')).toBe(-2 * H);
  });
  it('reads local time on both sides of the spring switch (2026-03-29)', () => {
    expect(between(office, '2026-03-27T16:00+01:00', '2026-03-30T10:00+02:00')).toBe(2 * H);
    expect(between(sundays('00:00', '24:00'), '2026-03-28T12:00Z', '2026-03-30T12:00Z')).toBe(23 * H);
    expect(between(sundays('01:00', '04:00'), '2026-03-28T12:00Z', '2026-03-30T12:00Z')).toBe(2 * H);
  });
  it('reads local time on both sides of the autumn switch (2026-10-25)', () => {
    expect(between(office, '2026-10-23T16:00+02:00', '2026-10-26T10:00+01:00')).toBe(2 * H);
    expect(between(sundays('00:00', '24:00'), '2026-10-24T12:00Z', '2026-10-26T12:00Z')).toBe(25 * H);
    expect(between(sundays('01:00', '04:00'), '2026-10-24T12:00Z', '2026-10-26T12:00Z')).toBe(4 * H);
  });
  it('a time in the repeated hour means its first occurrence', () => {
    expect(between(sundays('00:00', '02:30'), '2026-10-24T12:00Z', '2026-10-26T12:00Z')).toBe(2.5 * H);
    expect(between(sundays('02:30', '24:00'), '2026-10-24T12:00Z', '2026-10-26T12:00Z')).toBe(22.5 * H);
  });
  it('a span in the skipped hour opens when the clocks jump', () => {
    const h = sundays('02:30', '03:30');
    expect(between(h, '2026-03-28T12:00Z', '2026-03-30T12:00Z')).toBe(30 * M);
    expect(between(sundays('02:00', '03:00'), '2026-03-28T12:00Z', '2026-03-30T12:00Z')).toBe(0);
    expect(isOpen(h, '2026-03-29T00:59:59Z')).toBe(false);
    expect(isOpen(h, '2026-03-29T01:00:00Z')).toBe(true);
    expect(nextOpening(h, '2026-03-28T12:00Z')).toBe('2026-03-29T01:00:00.000Z');
  });
  it('a day whose midnight is skipped starts when the clocks jump (America/Santiago, 2026-09-06)', () => {
    const h: BusinessHours = { timeZone: 'America/Santiago', week: [{ day: 7, from: '00:00', to: '02:00' }], closedDates: [] };
    expect(between(h, '2026-09-05T00:00Z', '2026-09-08T00:00Z')).toBe(H);
    expect(nextOpening(h, '2026-09-05T12:00Z')).toBe('2026-09-06T04:00:00.000Z');
  });
  it('joins a span ending at 24:00 to the next day’s 00:00', () => {
    const night: BusinessHours = { timeZone: 'Europe/Amsterdam', week: [{ day: 1, from: '18:00', to: '24:00' }, { day: 2, from: '00:00', to: '08:00' }], closedDates: [] };
    expect(between(night, '2026-02-09T20:00+01:00', '2026-02-10T02:00+01:00')).toBe(6 * H);
    expect(isOpen(night, '2026-02-09T23:59:59+01:00')).toBe(true);
    expect(isOpen(night, '2026-02-10T00:00+01:00')).toBe(true);
    expect(isOpen(night, '2026-02-10T08:00+01:00')).toBe(false);
    expect(nextOpening(night, '2026-02-10T00:00+01:00')).toBe('2026-02-09T23:00:00.000Z');
    expect(isOpen({ ...night, week: [night.week[0]] }, '2026-02-10T00:00+01:00')).toBe(false);
  });
  it('merges overlapping spans instead of counting twice', () => {
    const h: BusinessHours = { ...office, week: [{ day: 2, from: '09:00', to: '12:00' }, { day: 2, from: '11:00', to: '13:00' }] };
    expect(between(h, '2026-02-10T00:00+01:00', '2026-02-11T00:00+01:00')).toBe(4 * H);
  });
  it('counts a whole year per day, not per minute', () => {
    const withHolidays = { ...office, closedDates: dutchPublicHolidays(2026) };
    const t0 = performance.now();
    expect(between({ ...office, closedDates: [] }, '2026-01-01T00:00+01:00', '2027-01-01T00:00+01:00')).toBe(261 * 8 * H);
    expect(between(withHolidays, '2026-01-01T00:00+01:00', '2027-01-01T00:00+01:00')).toBe(254 * 8 * H);
    expect(performance.now() - t0).toBeLessThan(200);
  });
  it('counts round-the-clock time as wall time', () => {
    expect(between(ALWAYS_OPEN, '2026-03-28T12:00Z', '2026-03-30T12:00Z')).toBe(48 * H);
  });
  it('refuses instants without a time zone', () => {
    expect(() => between(office, '2026-02-10T10:00', '2026-02-11T10:00Z')).toThrow(RangeError);
    expect(() => instantMs('yesterday')).toThrow(RangeError);
    expect(instantMs('2026-02-10T10:00:00.123+01:00')).toBe(Date.UTC(2026, 1, 10, 9, 0, 0, 123));
  });
});

describe('addBusinessMs: when an amount of open time has passed', () => {
  it('carries over nights and weekends', () => {
    expect(addBusinessMs(office, '2026-02-13T16:00+01:00', 2 * H)).toBe('2026-02-16T09:00:00.000Z');
    expect(addBusinessMs(office, '2026-03-27T16:00+01:00', 2 * H)).toBe('2026-03-30T08:00:00.000Z');
    expect(addBusinessMs(office, '2026-04-03T16:00+02:00', 2 * H)).toBe('2026-04-07T08:00:00.000Z');
  });
  it('gives the earliest instant: the end of a span that exactly fills, the start for zero', () => {
    expect(addBusinessMs(office, '2026-02-13T16:00+01:00', H)).toBe('2026-02-13T16:00:00.000Z');
    expect(addBusinessMs(office, '2026-02-14T10:00Z', 0)).toBe('2026-02-14T10:00:00.000Z');
    expect(addBusinessMs(office, '2026-02-14T10:00Z', 1)).toBe('2026-02-16T08:00:00.001Z');
  });
  it('refuses negative or non-finite amounts and answers null when nothing ever opens', () => {
    expect(() => addBusinessMs(office, '2026-02-14T10:00Z', -1)).toThrow(RangeError);
    expect(() => addBusinessMs(office, '2026-02-14T10:00Z', Number.NaN)).toThrow(RangeError);
    const never: BusinessHours = { ...office, week: [] };
    expect(addBusinessMs(never, '2026-02-14T10:00Z', 1)).toBeNull();
    expect(nextOpening(never, '2026-02-14T10:00Z')).toBeNull();
    expect(between(never, '2026-02-14T10:00Z', '2027-02-14T10:00Z')).toBe(0);
  });
  it('round-trips with businessMsBetween on random instants (seeded)', () => {
    let seed = 20260329;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const mixed: BusinessHours = {
      timeZone: 'Europe/Amsterdam',
      week: [...weekdays('08:30', '12:00'), ...weekdays('13:00', '17:30'), { day: 6, from: '22:00', to: '24:00' }, { day: 7, from: '00:00', to: '03:30' }],
      closedDates: dutchPublicHolidays(2026),
    };
    const year = Date.UTC(2026, 0, 1);
    for (const h of [office, mixed, ALWAYS_OPEN]) {
      for (let i = 0; i < 150; i++) {
        const a = year + Math.floor(random() * 365 * 24 * H);
        const b = a + Math.floor(random() * 40 * 24 * H);
        const [start, end] = [new Date(a).toISOString(), new Date(b).toISOString()];
        const ms = between(h, start, end);
        const reached = addBusinessMs(h, start, ms)!;
        expect(instantMs(reached)).toBeLessThanOrEqual(b);
        expect(between(h, start, reached)).toBe(ms);
        expect(between(h, reached, end)).toBe(0);
        const amount = Math.floor(random() * 60 * H);
        expect(between(h, start, addBusinessMs(h, start, amount)!)).toBe(amount);
      }
    }
  });
});

describe('isOpen and nextOpening', () => {
  it('looks past many closed days in a row', () => {
    const mondays = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 1, 16 + 7 * i)).toISOString().slice(0, 10));
    const h: BusinessHours = { timeZone: 'Europe/Amsterdam', week: [{ day: 1, from: '09:00', to: '10:00' }], closedDates: mondays };
    expect(nextOpening(h, '2026-02-10T12:00Z')).toBe('2026-04-27T07:00:00.000Z');
    expect(addBusinessMs(h, '2026-02-10T12:00Z', 30 * M)).toBe('2026-04-27T07:30:00.000Z');
  });
  it('a span includes its start and excludes its end', () => {
    expect(isOpen(office, '2026-02-10T09:00+01:00')).toBe(true);
    expect(isOpen(office, '2026-02-10T08:59:59.999+01:00')).toBe(false);
    expect(isOpen(office, '2026-02-10T17:00+01:00')).toBe(false);
    expect(isOpen(office, '2026-04-06T10:00+02:00')).toBe(false);
  });
  it('finds the next opening over weekends and closed dates, or the instant itself when open', () => {
    expect(nextOpening(office, '2026-02-13T17:00+01:00')).toBe('2026-02-16T08:00:00.000Z');
    expect(nextOpening(office, '2026-04-03T17:00+02:00')).toBe('2026-04-07T07:00:00.000Z');
    expect(nextOpening(office, '2026-02-13T12:00+01:00')).toBe('2026-02-13T11:00:00.000Z');
  });
});

describe('validateBusinessHours', () => {
  it('returns a clean, sorted copy of good hours', () => {
    const raw = { timeZone: ' Europe/Amsterdam ', week: [{ day: 2, from: '13:00', to: '24:00' }, { day: 2, from: '09:00', to: '12:00' }], closedDates: ['2026-12-25', '2026-01-01', '2026-12-25'] };
    expect(validateBusinessHours(raw)).toEqual({
      ok: true,
      hours: { timeZone: 'Europe/Amsterdam', week: [{ day: 2, from: '09:00', to: '12:00' }, { day: 2, from: '13:00', to: '24:00' }], closedDates: ['2026-01-01', '2026-12-25'] },
    });
    expect(validateBusinessHours(ALWAYS_OPEN)).toEqual({ ok: true, hours: ALWAYS_OPEN });
  });
  it('names every problem in plain words', () => {
    const raw = {
      timeZone: 'Europe/Amsterdma',
      week: [{ day: 8, from: '09:00', to: '17:00' }, { day: 1, from: '9:00', to: '17:00' }, { day: 1, from: '24:00', to: '24:00' }, { day: 1, from: '17:00', to: '09:00' }, { day: 1, from: '09:00', to: '24:01' }, { day: 3, from: '09:00', to: '17:00' }, { day: 3, from: '16:00', to: '18:00' }],
      closedDates: ['2026-02-30', 20260101],
    };
    expect(validateBusinessHours(raw)).toEqual({
      ok: false,
      problems: [
        '"Europe/Amsterdma" is not a known time zone (such as "Europe/Amsterdam").',
        'Span 1 needs a day from 1 (Monday) to 7 (Sunday).',
        'Monday, span 2: the start must be a time from "00:00" to "23:59".',
        'Monday, span 3: the start must be a time from "00:00" to "23:59".',
        'Monday, span 4: the end must come after the start (use "24:00" for midnight).',
        'Monday, span 5: the end must be a time from "00:01" to "24:00".',
        'Wednesday, span 7: 16:00–18:00 overlaps 09:00–17:00.',
        '"2026-02-30" is not a date written as YYYY-MM-DD.',
        '20260101 is not a date written as YYYY-MM-DD.',
      ],
    });
  });
  it('refuses a week without opening hours and things that are not hours', () => {
    expect(validateBusinessHours({ timeZone: 'UTC', week: [], closedDates: [] })).toEqual({ ok: false, problems: ['The week has no opening hours; a team needs at least one span.'] });
    expect(validateBusinessHours(null)).toEqual({ ok: false, problems: ['Business hours must be an object with a time zone, a week and closed dates.'] });
    expect(validateBusinessHours({ timeZone: 'UTC', week: 'Mon-Fri', closedDates: {} })).toEqual({ ok: false, problems: ['The week must be a list of opening spans.', 'The closed dates must be a list of dates.'] });
  });
});

describe('Dutch public holidays', () => {
  it('computes Easter for 2024–2030', () => {
    expect([2024, 2025, 2026, 2027, 2028, 2029, 2030].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21']);
    expect(() => easterSunday(1582)).toThrow(RangeError);
  });
  it('lists the days of 2026 without Goede Vrijdag, Bevrijdingsdag marked', () => {
    expect(dutchHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag', lustrumOnly: true },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
    expect(dutchHolidays(2026).some((d) => d.date === '2026-04-03')).toBe(false);
  });
  it('moves Koningsdag to 26 April when 27 April is a Sunday', () => {
    expect(dutchHolidays(2025).find((d) => d.name === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(dutchHolidays(2031).find((d) => d.name === 'Koningsdag')?.date).toBe('2031-04-26');
  });
  it('includes Bevrijdingsdag every year, in lustrum years only, or never, and lists each date once', () => {
    expect(dutchPublicHolidays(2026)).toContain('2026-05-05');
    expect(dutchPublicHolidays(2026, 'lustrum')).not.toContain('2026-05-05');
    expect(dutchPublicHolidays(2025, 'lustrum')).toContain('2025-05-05');
    expect(dutchPublicHolidays(2025, 'never')).not.toContain('2025-05-05');
    expect(dutchPublicHolidays(2016)).toEqual(['2016-01-01', '2016-03-27', '2016-03-28', '2016-04-27', '2016-05-05', '2016-05-15', '2016-05-16', '2016-12-25', '2016-12-26']);
    expect(() => dutchHolidays(2013)).toThrow(RangeError);
  });
});
