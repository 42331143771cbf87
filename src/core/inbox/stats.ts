/**
 * Figures for inbox reports: response-time medians and percentiles, SLA attainment, and volume per local day.
 * Pure functions over plain data.
 */
import { dateOfDayNumber, instantMs, ZoneClock } from './business-hours';
import type { SlaState } from './sla';

function sortedCopy(xs: readonly number[]): number[] {
  for (const x of xs) if (!Number.isFinite(x)) throw new RangeError(`Cannot take statistics over ${x}.`);
  return [...xs].sort((a, b) => a - b);
}

/** The middle value (the mean of the two middle values for an even count); null for no values. Throws on NaN/∞. */
export function median(xs: readonly number[]): number | null {
  const s = sortedCopy(xs);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The `p`th percentile (0–100) by the nearest-rank method: the smallest value with at least p% of the values at or
 * below it, so it is always a value that occurred ("90% were answered within X"). p = 0 gives the minimum. On an
 * even count `percentile(xs, 50)` is the lower middle value, where `median` averages the two. Null for no values;
 * throws RangeError for p outside 0–100 or values that are not finite.
 */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile lies in 0–100, not ${p}.`);
  const s = sortedCopy(xs);
  if (s.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p * s.length) / 100 - 1e-9));
  return s[rank - 1];
}

/** The share of `met` among clocks that were met or missed (0–1); null when none was. Other states do not count. */
export function attainment(items: ReadonlyArray<{ state: SlaState }>): number | null {
  let met = 0;
  let missed = 0;
  for (const i of items) {
    if (i.state === 'met') met++;
    else if (i.state === 'missed') missed++;
  }
  return met + missed === 0 ? null : met / (met + missed);
}

export interface DayCount {
  /** The local date 'YYYY-MM-DD' in the report's time zone. */
  day: string;
  key: string;
  count: number;
}

/**
 * How many items fall on each local day (in `timeZone`) per key, sorted by day and then key; days without items
 * are left out. One call per dimension (channel, kind, team, sentiment); for tags pass one item per tag. Throws
 * RangeError for an unknown time zone or an instant without a zone.
 */
export function bucketByDay(items: ReadonlyArray<{ at: string; key: string }>, timeZone: string): DayCount[] {
  const zone = new ZoneClock(timeZone);
  const counts = new Map<number, Map<string, number>>();
  for (const { at, key } of items) {
    const day = zone.localDay(instantMs(at));
    let perKey = counts.get(day);
    if (!perKey) counts.set(day, (perKey = new Map()));
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  const out: DayCount[] = [];
  for (const day of [...counts.keys()].sort((a, b) => a - b)) {
    const perKey = counts.get(day)!;
    const date = dateOfDayNumber(day);
    for (const key of [...perKey.keys()].sort()) out.push({ day: date, key, count: perKey.get(key)! });
  }
  return out;
}
