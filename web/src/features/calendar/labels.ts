import i18n from '../../i18n';
import { civilAsDate, clock, parseCivil, zonedMoment, type CivilDate, type PeriodKind } from './time';

/** Dates in words, in the current language (Intl). Civil dates are formatted as such: no time zone shifts them. */

function locale(): string {
  return i18n.language === 'nl' ? 'nl-NL' : 'en-GB';
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

const longDates = new Map<string, string>();

/** "maandag 9 maart 2026". */
export function longDate(date: CivilDate): string {
  const key = `${locale()}|${date}`;
  let text = longDates.get(key);
  if (text === undefined) {
    text = fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(civilAsDate(date));
    if (longDates.size > 5000) longDates.clear();
    longDates.set(key, text);
  }
  return text;
}

/** "ma 9 mrt". */
export function shortDate(date: CivilDate): string {
  return fmt({ weekday: 'short', day: 'numeric', month: 'short' }).format(civilAsDate(date));
}

/** "ma" and "maandag" for a date. */
export function weekdayNames(date: CivilDate): { short: string; long: string } {
  const d = civilAsDate(date);
  return { short: fmt({ weekday: 'short' }).format(d), long: fmt({ weekday: 'long' }).format(d) };
}

/** The title of the period shown: "maart 2026", or "9 – 15 maart 2026" for a week. */
export function periodTitle(kind: PeriodKind, days: CivilDate[]): string {
  if (kind === 'month') {
    const middle = days[Math.floor(days.length / 2)];
    return fmt({ month: 'long', year: 'numeric' }).format(civilAsDate(middle));
  }
  const first = civilAsDate(days[0]);
  const last = civilAsDate(days[days.length - 1]);
  return fmt({ day: 'numeric', month: 'long', year: 'numeric' }).formatRange(first, last);
}

/** The day number shown in a month cell. */
export function dayNumber(date: CivilDate): number {
  return parseCivil(date).d;
}

/** "di 10 mrt 09:30" for an instant on the wall clock of `timeZone`. */
export function dateTimeIn(ms: number, timeZone: string): string {
  const m = zonedMoment(ms, timeZone);
  return `${shortDate(m.date)} ${clock(m.hour, m.minute)}`;
}
