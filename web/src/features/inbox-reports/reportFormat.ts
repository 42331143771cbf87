/** Pure helpers for the inbox reports: durations in words, percentages, date ranges. */

/**
 * Minutes as "1 u 20 min" (nl) or "1 h 20 min" (en): rounded to whole minutes, the hours part left out under an
 * hour and the minutes part left out on a whole hour; null (no data) gives "—".
 */
export function formatMinutes(minutes: number | null | undefined, lang: 'nl' | 'en'): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const hourUnit = lang === 'nl' ? 'u' : 'h';
  if (h === 0) return `${m} min`;
  if (m === 0) return `${h} ${hourUnit}`;
  return `${h} ${hourUnit} ${m} min`;
}

/** A share 0..1 as a whole percentage ("87%"), clamped to 0–100; null gives "—". */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD. */
export function dateInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last `days` days up to and including `today` (YYYY-MM-DD), as from/to. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number);
  const start = new Date(y, m - 1, d - (Math.max(1, Math.floor(days)) - 1));
  return { from: dateInput(start), to: today };
}

/** Whether from/to are real dates with from on or before to. */
export function validRange(from: string, to: string): boolean {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(from) || !re.test(to)) return false;
  const ok = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
  };
  return ok(from) && ok(to) && from <= to;
}

/** Every date from `from` to `to` with its count (0 where `byDay` has none); at most 1,000 days. */
export function fillDays(from: string, to: string, byDay: ReadonlyArray<{ date: string; count: number }>): Array<{ date: string; count: number }> {
  if (!validRange(from, to)) return [...byDay];
  const counts = new Map(byDay.map((d) => [d.date, d.count]));
  const [y, m, d] = from.split('-').map(Number);
  const out: Array<{ date: string; count: number }> = [];
  for (let i = 0; i < 1000; i++) {
    const date = dateInput(new Date(y, m - 1, d + i));
    if (date > to) break;
    out.push({ date, count: counts.get(date) ?? 0 });
  }
  return out;
}
