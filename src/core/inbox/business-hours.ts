/**
 * A team's business hours: weekly opening spans in local time of a time zone, minus closed dates (public holidays).
 * Open time is counted per local day and per span, never per minute, and every local time is turned into an instant
 * through Intl, so that days of 23 and 25 hours come out right. Pure: no clock, no I/O.
 */
import { isTimeZone } from '../code/quiet-hours';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessHours {
  timeZone: string;
  /** Opening spans in local time, 'HH:MM'; several per day allowed; `to` may be '24:00' (the end of the day). */
  week: Array<{ day: IsoWeekday; from: string; to: string }>;
  /** Local dates 'YYYY-MM-DD' on which the team is closed all day. */
  closedDates: string[];
}

/** Open around the clock, every day (in UTC, which has no daylight saving time). */
export const ALWAYS_OPEN: BusinessHours = {
  timeZone: 'UTC',
  week: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, from: '00:00', to: '24:00' })),
  closedDates: [],
};

const DAY = 86_400_000;
const MIN = 60_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 instant with a zone ('Z' or an offset); throws RangeError otherwise. */
export function instantMs(iso: string): number {
  const ms = INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant with a time zone: ${JSON.stringify(iso)}.`);
  return ms;
}

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD' calendar date, or null. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  return m && dateOfDayNumber(ms / DAY) === date ? ms / DAY : null;
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function isoWeekday(n: number): IsoWeekday {
  return ((((n + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** Minutes since midnight of 'HH:MM' (00:00–24:00), or null. */
function minutesOf(s: string): number | null {
  const m = TIME.exec(s);
  const v = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  return m && Number(m[2]) < 60 && v <= 1440 ? v : null;
}

/** Per time zone: a formatter, and per UTC day the offset at its start and the instant it switches (if it does). */
type ZoneCache = { fmt: Intl.DateTimeFormat; days: Map<number, { from: number; to: number; at: number }> };
const zones = new Map<string, ZoneCache>();
const MAX_CACHED_DAYS = 50_000;

/** A time zone's clock: the offset (local minus UTC, ms) at an instant, and local wall time ↔ instant. */
export class ZoneClock {
  private readonly zone: ZoneCache;
  constructor(readonly timeZone: string) {
    let z = zones.get(timeZone);
    if (!z) {
      const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      z = { fmt, days: new Map() };
      zones.set(timeZone, z);
    }
    this.zone = z;
  }

  private measure(ms: number): number {
    const p: Record<string, number> = {};
    for (const part of this.zone.fmt.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000));
  }

  /**
   * Local wall time minus UTC at instant `ms`, in milliseconds. Measured through Intl once per UTC day (assuming, as
   * every real zone does, at most one switch a day) and remembered.
   */
  offset(ms: number): number {
    const d = this.utcDay(Math.floor(ms / DAY));
    return ms < d.at ? d.from : d.to;
  }

  private utcDay(key: number): { from: number; to: number; at: number } {
    let d = this.zone.days.get(key);
    if (!d) {
      const from = this.measure(key * DAY);
      const to = this.measure((key + 1) * DAY);
      let [lo, hi] = [key * DAY, (key + 1) * DAY];
      while (from !== to && hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.measure(mid) === from) lo = mid;
        else hi = mid;
      }
      d = { from, to, at: from === to ? Infinity : hi };
      if (this.zone.days.size >= MAX_CACHED_DAYS) this.zone.days.clear();
      this.zone.days.set(key, d);
    }
    return d;
  }

  /** The local day (days since 1970-01-01) that instant `ms` falls on. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offset(ms)) / DAY);
  }

  /**
   * The instant of local wall time `wall` (ms, as if the local fields were UTC). A time the clocks repeat maps to its
   * first occurrence; a time the clocks skip maps to the moment they skip (the first local time that exists after it).
   */
  instant(wall: number): number {
    const before = this.offset(wall - DAY);
    const after = this.offset(wall + DAY);
    if (before === after) return wall - before;
    const early = wall - before;
    const late = wall - after;
    const earlyValid = this.offset(early) === before;
    const lateValid = this.offset(late) === after;
    if (earlyValid || lateValid) return earlyValid && lateValid ? Math.min(early, late) : earlyValid ? early : late;
    const switchAt = this.utcDay(Math.floor(late / DAY)).at;
    return switchAt > late && switchAt <= early ? switchAt : this.utcDay(Math.floor(early / DAY)).at;
  }
}

interface Compiled {
  zone: ZoneClock;
  /** Per ISO weekday (index 1–7): merged, sorted [from, to) spans in local minutes. */
  week: Array<Array<[number, number]>>;
  closed: Set<number>;
  anyOpen: boolean;
  roundTheClock: boolean;
}

function compile(h: BusinessHours): Compiled {
  const week: Array<Array<[number, number]>> = Array.from({ length: 8 }, () => []);
  for (const s of h.week) {
    const from = minutesOf(s.from);
    const to = minutesOf(s.to);
    if (from !== null && to !== null && from < to && s.day >= 1 && s.day <= 7) week[s.day].push([from, to]);
  }
  for (const spans of week) {
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i][0] <= spans[i - 1][1]) {
        spans[i - 1][1] = Math.max(spans[i - 1][1], spans[i][1]);
        spans.splice(i--, 1);
      }
    }
  }
  const closed = new Set(h.closedDates.map(dayNumber).filter((n): n is number => n !== null));
  const anyOpen = week.some((d) => d.length > 0);
  const roundTheClock = closed.size === 0 && week.slice(1).every((d) => d.length === 1 && d[0][0] === 0 && d[0][1] === 1440);
  return { zone: new ZoneClock(h.timeZone), week, closed, anyOpen, roundTheClock };
}

/** The open intervals [start, end) of one local day as instants (ms), in order; empty when closed. */
function openOnDay(c: Compiled, day: number): Array<[number, number]> {
  const spans = c.closed.has(day) ? [] : c.week[isoWeekday(day)];
  if (spans.length === 0) return [];
  const at = spans.flat().map((m) => c.zone.instant(day * DAY + m * MIN));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < at.length; i += 2) if (at[i + 1] > at[i]) out.push([at[i], at[i + 1]]);
  return out;
}

/** Days in a row that may pass without open time before it is sure none will come: each closed date can take one week. */
const horizon = (c: Compiled) => 7 * (c.closed.size + 2);

/**
 * Milliseconds of open time between two instants. Negative when `endIso` is before `startIso` (the same amount,
 * counted backwards). Works per day and span, so a range of years stays cheap.
 */
export function businessMsBetween(h: BusinessHours, startIso: string, endIso: string): number {
  const s = instantMs(startIso);
  const e = instantMs(endIso);
  if (e < s) return -businessMsBetween(h, endIso, startIso);
  const c = compile(h);
  if (c.roundTheClock) return e - s;
  let total = 0;
  const last = c.zone.localDay(e);
  for (let day = c.zone.localDay(s); day <= last; day++) {
    for (const [a, b] of openOnDay(c, day)) total += Math.max(0, Math.min(b, e) - Math.max(a, s));
  }
  return total;
}

/**
 * The earliest instant at which `ms` milliseconds of open time have passed since `startIso` (the start itself for
 * 0), so that `businessMsBetween(h, start, addBusinessMs(h, start, ms)) === ms`. Null when the team never opens
 * again. Throws RangeError for a negative or non-finite `ms`.
 */
export function addBusinessMs(h: BusinessHours, startIso: string, ms: number): string | null {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Cannot add ${ms} ms of business time.`);
  const s = instantMs(startIso);
  if (ms === 0) return new Date(s).toISOString();
  const c = compile(h);
  if (c.roundTheClock) return new Date(s + ms).toISOString();
  if (!c.anyOpen) return null;
  let remaining = ms;
  let idle = 0;
  for (let day = c.zone.localDay(s); idle <= horizon(c); day++) {
    idle++;
    for (const [a, b] of openOnDay(c, day)) {
      if (b <= s) continue;
      const from = Math.max(a, s);
      if (b - from >= remaining) return new Date(from + remaining).toISOString();
      remaining -= b - from;
      idle = 0;
    }
  }
  return null;
}

/** True when the team is open at the instant (spans include their start and exclude their end). */
export function isOpen(h: BusinessHours, iso: string): boolean {
  const t = instantMs(iso);
  const c = compile(h);
  return openOnDay(c, c.zone.localDay(t)).some(([a, b]) => a <= t && t < b);
}

/** The earliest instant at or after `iso` at which the team is open (`iso` itself when open); null when never. */
export function nextOpening(h: BusinessHours, iso: string): string | null {
  const t = instantMs(iso);
  const c = compile(h);
  if (!c.anyOpen) return null;
  const first = c.zone.localDay(t);
  for (let day = first; day <= first + horizon(c); day++) {
    for (const [a, b] of openOnDay(c, day)) if (b > t) return new Date(Math.max(a, t)).toISOString();
  }
  return null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Checks business hours from outside (a form, the database) and returns a clean copy, or plain-English problems:
 * a known time zone, days 1–7, 'HH:MM' times with `from` before `to` (to at most '24:00'), no overlapping spans on
 * one day, at least one span in the week, and real 'YYYY-MM-DD' closed dates (duplicates are dropped).
 */
export function validateBusinessHours(raw: unknown): { ok: true; hours: BusinessHours } | { ok: false; problems: string[] } {
  if (!isObj(raw)) return { ok: false, problems: ['Business hours must be an object with a time zone, a week and closed dates.'] };
  const problems: string[] = [];
  const timeZone = typeof raw.timeZone === 'string' ? raw.timeZone.trim() : '';
  if (!isTimeZone(timeZone)) problems.push(`"${timeZone}" is not a known time zone (such as "Europe/Amsterdam").`);
  const week: BusinessHours['week'] = [];
  if (!Array.isArray(raw.week)) problems.push('The week must be a list of opening spans.');
  else {
    raw.week.forEach((s, i) => {
      const day = isObj(s) ? s.day : undefined;
      if (!isObj(s) || typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) {
        problems.push(`Span ${i + 1} needs a day from 1 (Monday) to 7 (Sunday).`);
        return;
      }
      const from = typeof s.from === 'string' ? minutesOf(s.from) : null;
      const to = typeof s.to === 'string' ? minutesOf(s.to) : null;
      const where = `${DAY_NAMES[day]}, span ${i + 1}`;
      if (from === null || from === 1440) problems.push(`${where}: the start must be a time from "00:00" to "23:59".`);
      else if (to === null) problems.push(`${where}: the end must be a time from "00:01" to "24:00".`);
      else if (from >= to) problems.push(`${where}: the end must come after the start (use "24:00" for midnight).`);
      else {
        const clash = week.find((w) => w.day === day && minutesOf(w.from)! < to && from < minutesOf(w.to)!);
        if (clash) problems.push(`${where}: ${s.from}–${s.to} overlaps ${clash.from}–${clash.to}.`);
        else week.push({ day: day as IsoWeekday, from: s.from as string, to: s.to as string });
      }
    });
    if (raw.week.length === 0) problems.push('The week has no opening hours; a team needs at least one span.');
  }
  const closedDates: string[] = [];
  if (!Array.isArray(raw.closedDates)) problems.push('The closed dates must be a list of dates.');
  else {
    for (const d of raw.closedDates) {
      if (typeof d !== 'string' || dayNumber(d) === null) problems.push(`${JSON.stringify(d)} is not a date written as YYYY-MM-DD.`);
      else if (!closedDates.includes(d)) closedDates.push(d);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  week.sort((a, b) => a.day - b.day || minutesOf(a.from)! - minutesOf(b.from)!);
  return { ok: true, hours: { timeZone, week, closedDates: closedDates.sort() } };
}

/** Easter Sunday of a Gregorian year as 'YYYY-MM-DD' (the anonymous Gregorian algorithm); years 1583–9999. */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`No Gregorian Easter for year ${year}.`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DutchHoliday {
  date: string;
  name: string;
  /** Bevrijdingsdag: many employers (and collective agreements) give the day off only every five years (2025, 2030…). */
  lustrumOnly?: true;
}

/**
 * The Dutch public holidays of a year (rules in force since 2014), in date order. Goede Vrijdag is left out: it is
 * not an official day off. Bevrijdingsdag (5 May) is included every year and marked `lustrumOnly`.
 */
export function dutchHolidays(year: number): DutchHoliday[] {
  if (!Number.isInteger(year) || year < 2014 || year > 9999) throw new RangeError(`Dutch holidays are known from 2014 on, not for ${year}.`);
  const easter = dayNumber(easterSunday(year))!;
  const at = (offset: number) => dateOfDayNumber(easter + offset);
  const kingsDay = dayNumber(`${year}-04-27`)!;
  return [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
    { date: at(0), name: 'Eerste Paasdag' },
    { date: at(1), name: 'Tweede Paasdag' },
    { date: dateOfDayNumber(isoWeekday(kingsDay) === 7 ? kingsDay - 1 : kingsDay), name: 'Koningsdag' },
    { date: `${year}-05-05`, name: 'Bevrijdingsdag', lustrumOnly: true as const },
    { date: at(39), name: 'Hemelvaartsdag' },
    { date: at(49), name: 'Eerste Pinksterdag' },
    { date: at(50), name: 'Tweede Pinksterdag' },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag' },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The dates of `dutchHolidays(year)`, for `closedDates`. `liberationDay` says when Bevrijdingsdag counts: every year
 * (the default), only in lustrum years (divisible by 5), or never. Each date appears once (Hemelvaartsdag can fall
 * on 5 May).
 */
export function dutchPublicHolidays(year: number, liberationDay: 'every_year' | 'lustrum' | 'never' = 'every_year'): string[] {
  const kept = dutchHolidays(year).filter((d) => !d.lustrumOnly || liberationDay === 'every_year' || (liberationDay === 'lustrum' && year % 5 === 0));
  return [...new Set(kept.map((d) => d.date))];
}
