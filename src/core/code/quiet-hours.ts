/** Quiet hours: a daily window of local time in a time zone, possibly wrapping midnight ("22:00"–"07:00"). */

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an 'HH:MM' time (00:00–23:59), or null when it is not one. */
export function parseHHMM(s: string): number | null {
  const m = HHMM.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** True when `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A formatter giving the local hour and minute in `timeZone` (create once, reuse). */
export function localClock(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** Minutes since local midnight of `at` as `clock` shows it. */
export function localMinutes(clock: Intl.DateTimeFormat, at: Date): number {
  let hour = 0;
  let minute = 0;
  for (const p of clock.formatToParts(at)) {
    if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return hour * 60 + minute;
}

/** True when `minutes` falls in [from, to), where a window with from > to wraps midnight and from = to is empty. */
export function inWindow(minutes: number, from: number, to: number): boolean {
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** 'HH:MM' of minutes since midnight. */
export function formatHHMM(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
