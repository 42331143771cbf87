/**
 * Calendar arithmetic for one IANA time zone (the workspace's): civil dates as "YYYY-MM-DD" strings, and instants
 * seen on that zone's wall clock through Intl. Nothing here uses the browser's own time zone.
 */

export type CivilDate = string;

export type PeriodKind = 'month' | 'week';

export interface ZonedMoment {
  date: CivilDate;
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallParts(
  ms: number,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  }
  return p;
}

/** True when `timeZone` is a time zone this browser knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const moments = new Map<string, ZonedMoment>();
const MOMENTS_KEPT = 20_000;

/** The date, hour and minute the wall clock in `timeZone` shows at instant `ms`. */
export function zonedMoment(ms: number, timeZone: string): ZonedMoment {
  const key = `${timeZone}|${ms}`;
  const known = moments.get(key);
  if (known) return { ...known };
  const p = wallParts(ms, timeZone);
  const moment = { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, hour: p.hour, minute: p.minute };
  if (moments.size >= MOMENTS_KEPT) moments.clear();
  moments.set(key, moment);
  return { ...moment };
}

/** The zone's offset from UTC (ms) at instant `ms`. */
function offsetAt(timeZone: string, ms: number): number {
  const p = wallParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. A time the clock skips (the spring
 * DST gap) moves forward by the gap (02:30 → 03:30); a time the clock shows twice (the autumn fold) is the first.
 */
export function zonedInstant(date: CivilDate, hour: number, minute: number, timeZone: string): number {
  const { y, m, d } = parseCivil(date);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const fits = [wall - before, wall - after].filter((t) => t + offsetAt(timeZone, t) === wall).sort((a, b) => a - b);
  return fits[0] ?? wall - before;
}

/** "2026-03-09" → its numbers; throws RangeError on anything that is not a real date in that form. */
export function parseCivil(date: CivilDate): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`not a date: ${date}`);
  }
  return { y, m, d };
}

/** True when `value` is a real date written "YYYY-MM-DD". */
export function isCivilDate(value: string): boolean {
  try {
    parseCivil(value);
    return true;
  } catch {
    return false;
  }
}

function civilOf(ms: number): CivilDate {
  const t = new Date(ms);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function civilMs(date: CivilDate): number {
  const { y, m, d } = parseCivil(date);
  return Date.UTC(y, m - 1, d);
}

/** `date` moved by `n` days (negative goes back). */
export function addDays(date: CivilDate, n: number): CivilDate {
  return civilOf(civilMs(date) + n * DAY_MS);
}

/** 0 for Monday through 6 for Sunday. */
export function weekdayIndex(date: CivilDate): number {
  return (new Date(civilMs(date)).getUTCDay() + 6) % 7;
}

/** The Monday of the week `date` is in. */
export function startOfWeek(date: CivilDate): CivilDate {
  return addDays(date, -weekdayIndex(date));
}

/** The first day of the month `date` is in. */
export function startOfMonth(date: CivilDate): CivilDate {
  return `${date.slice(0, 7)}-01`;
}

/** The seven days (Monday first) of the week `date` is in. */
export function weekDays(date: CivilDate): CivilDate[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Whole weeks (Monday first) covering the month `date` is in: 28, 35 or 42 days. */
export function monthDays(date: CivilDate): CivilDate[] {
  const first = startOfMonth(date);
  const { y, m } = parseCivil(first);
  const last = civilOf(Date.UTC(y, m, 0));
  const start = startOfWeek(first);
  const end = addDays(startOfWeek(last), 6);
  const count = Math.round((civilMs(end) - civilMs(start)) / DAY_MS) + 1;
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/** The days a period view shows. */
export function periodDays(kind: PeriodKind, date: CivilDate): CivilDate[] {
  return kind === 'month' ? monthDays(date) : weekDays(date);
}

/** The anchor date of the period before (`step` -1) or after (`step` 1) the one `date` is in. */
export function shiftPeriod(kind: PeriodKind, date: CivilDate, step: number): CivilDate {
  if (kind === 'week') return addDays(startOfWeek(date), 7 * step);
  const { y, m } = parseCivil(startOfMonth(date));
  return civilOf(Date.UTC(y, m - 1 + step, 1));
}

/** The instants [from, to) as ISO strings that cover `days` (consecutive, in order) on the wall clock of `timeZone`. */
export function rangeOf(days: CivilDate[], timeZone: string): { from: string; to: string } {
  const from = zonedInstant(days[0], 0, 0, timeZone);
  const to = zonedInstant(addDays(days[days.length - 1], 1), 0, 0, timeZone);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Today's date on the wall clock of `timeZone`. */
export function todayIn(timeZone: string, now: Date): CivilDate {
  return zonedMoment(now.getTime(), timeZone).date;
}

/** "09:05". */
export function clock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

/** "09:05" or "9.05" → hour and minute; null when it is not a time of day. */
export function parseClock(value: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** A civil date as a Date at noon UTC, for Intl formatting with timeZone 'UTC' (weekday, month names). */
export function civilAsDate(date: CivilDate): Date {
  return new Date(civilMs(date) + 12 * 3_600_000);
}
