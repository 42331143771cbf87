/**
 * The inbox report over a period of local days: volume per day and per group, response and resolution times in
 * business minutes, SLA attainment against the stored due times, and which organization answered. Pure: the service
 * fetches plain rows and passes `now`.
 */
import { businessMsBetween, dateOfDayNumber, dayNumber, instantMs, ZoneClock, type BusinessHours } from './business-hours';
import { bucketByDay, median, percentile } from './stats';

const DAY = 86_400_000;
export const MAX_REPORT_DAYS = 366;
export const DEFAULT_REPORT_DAYS = 28;

export interface ReportRange {
  from: string;
  to: string;
  /** The instant local day `from` starts (inclusive). */
  startAt: string;
  /** The instant the day after `to` starts (exclusive). */
  endAt: string;
}

/** The local date 'YYYY-MM-DD' of an instant in a time zone. */
export function localDate(iso: string, timeZone: string): string {
  return dateOfDayNumber(new ZoneClock(timeZone).localDay(instantMs(iso)));
}

/** Local wall time 'YYYY-MM-DD HH:MM' of an instant in a time zone. */
export function localDateTime(iso: string, timeZone: string): string {
  const ms = instantMs(iso);
  return new Date(ms + new ZoneClock(timeZone).offset(ms)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The report's period from optional 'YYYY-MM-DD' dates: both real dates, from ≤ to, at most 366 days; a missing
 * `to` is today (local), a missing `from` is 27 days before `to` (28 days). Problems are plain English lines.
 */
export function reportRange(input: { from?: string; to?: string }, now: string, timeZone: string): { ok: true; range: ReportRange } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const toDay = input.to === undefined ? dayNumber(localDate(now, timeZone)) : dayNumber(input.to);
  if (toDay === null) problems.push(`to: "${input.to}" is not a date (YYYY-MM-DD).`);
  const fromDay = input.from === undefined ? (toDay === null ? null : toDay - (DEFAULT_REPORT_DAYS - 1)) : dayNumber(input.from);
  if (fromDay === null && input.from !== undefined) problems.push(`from: "${input.from}" is not a date (YYYY-MM-DD).`);
  if (fromDay !== null && toDay !== null) {
    if (fromDay > toDay) problems.push('from: must not be after to.');
    else if (toDay - fromDay + 1 > MAX_REPORT_DAYS) problems.push(`A report covers at most ${MAX_REPORT_DAYS} days.`);
  }
  if (problems.length > 0 || fromDay === null || toDay === null) return { ok: false, problems };
  const zone = new ZoneClock(timeZone);
  return {
    ok: true,
    range: {
      from: dateOfDayNumber(fromDay),
      to: dateOfDayNumber(toDay),
      startAt: new Date(zone.instant(fromDay * DAY)).toISOString(),
      endAt: new Date(zone.instant((toDay + 1) * DAY)).toISOString(),
    },
  };
}

/** How many instants fall on each local day of the range, every day listed (zero when none), oldest first. */
export function volumeByDay(at: readonly string[], range: Pick<ReportRange, 'from' | 'to'>, timeZone: string): Array<{ date: string; count: number }> {
  const counted = new Map(bucketByDay(at.map((a) => ({ at: a, key: '' })), timeZone).map((d) => [d.day, d.count]));
  const out: Array<{ date: string; count: number }> = [];
  for (let d = dayNumber(range.from)!; d <= dayNumber(range.to)!; d++) {
    const date = dateOfDayNumber(d);
    out.push({ date, count: counted.get(date) ?? 0 });
  }
  return out;
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

/**
 * Group counts with readable labels, largest first (then by label, then key). A null key (no team, say) becomes
 * `none` with `noneLabel`; counts of the same key are added up; zero counts are left out.
 */
export function labelled(rows: ReadonlyArray<{ key: string | null; count: number }>, labelOf: (key: string) => string, noneLabel: string): Count[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.key ?? 'none', (sums.get(r.key ?? 'none') ?? 0) + Number(r.count));
  return [...sums]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, label: key === 'none' ? noneLabel : labelOf(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** How many conversations carry each tag, from their JSON tag lists (a tag counts once per conversation). */
export function tagCounts(tagLists: readonly string[]): Count[] {
  const rows: Array<{ key: string; count: number }> = [];
  for (const json of tagLists) {
    let tags: unknown;
    try {
      tags = JSON.parse(json);
    } catch {
      continue;
    }
    if (!Array.isArray(tags)) continue;
    for (const t of new Set(tags.filter((x): x is string => typeof x === 'string' && x !== ''))) rows.push({ key: t, count: 1 });
  }
  return labelled(rows, (k) => k, '');
}

export interface ReportConversation {
  teamId: string | null;
  firstMessageAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  slaFirstDueAt: string | null;
  slaResolutionDueAt: string | null;
}

/** met/missed against a stored due time; `running` while not done and not yet due; `none` without a due time. */
export type SlaOutcome = 'none' | 'met' | 'missed' | 'running';

export interface ConversationTimes {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  firstResponseSla: SlaOutcome;
  resolutionSla: SlaOutcome;
}

/** Whether a clock was met: done at or before its due time; missed when done later, or not done and past due. */
export function slaOutcome(doneAt: string | null, dueAt: string | null, now: string): SlaOutcome {
  return outcome(doneAt === null ? null : instantMs(doneAt), dueAt === null ? null : instantMs(dueAt), instantMs(now));
}

function outcome(done: number | null, due: number | null, now: number): SlaOutcome {
  if (due === null) return 'none';
  if (done !== null) return done <= due ? 'met' : 'missed';
  return now > due ? 'missed' : 'running';
}

const narrowed = new WeakMap<BusinessHours, (startIso: string, endIso: string) => number>();

/**
 * `businessMsBetween` for one team's hours, giving the same answers but handing it only the closed dates near the
 * span (a day either side), so that years of holidays are not parsed again for every conversation. Remembered per
 * `hours` object, which must not be changed afterwards.
 */
export function businessClock(hours: BusinessHours): (startIso: string, endIso: string) => number {
  let clock = narrowed.get(hours);
  if (clock) return clock;
  const closed = [...new Set(hours.closedDates)].sort();
  const none: BusinessHours = { ...hours, closedDates: [] };
  const firstAtOrAfter = (date: string) => {
    let [lo, hi] = [0, closed.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (closed[mid] < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  clock = (startIso, endIso) => {
    const [s, e] = [instantMs(startIso), instantMs(endIso)];
    const from = firstAtOrAfter(utcDate(Math.min(s, e) - DAY));
    const to = firstAtOrAfter(utcDate(Math.max(s, e) + 2 * DAY));
    return businessMsBetween(from === to ? none : { ...hours, closedDates: closed.slice(from, to) }, startIso, endIso);
  };
  narrowed.set(hours, clock);
  return clock;
}

/**
 * A conversation's first-response and resolution times in whole minutes from its first message: business minutes
 * of its team's hours, plain minutes when `hours` is null (no team). Null when not (yet) responded or resolved.
 */
export function conversationTimes(c: ReportConversation, hours: BusinessHours | null, now: string): ConversationTimes {
  return timesAt(now)(c, hours);
}

/**
 * `conversationTimes` for many conversations at one `now`: each timestamp is read once, which matters over a
 * year of conversations.
 */
export function timesAt(now: string): (c: ReportConversation, hours: BusinessHours | null) => ConversationTimes {
  const nowMs = instantMs(now);
  const ms = (iso: string | null) => (iso === null ? null : instantMs(iso));
  return (c, hours) => {
    const start = instantMs(c.firstMessageAt);
    const [responded, resolved] = [ms(c.firstResponseAt), ms(c.resolvedAt)];
    const minutes = (endIso: string | null, end: number | null): number | null => {
      if (endIso === null || end === null) return null;
      const span = hours ? businessClock(hours)(c.firstMessageAt, endIso) : end - start;
      return Math.max(0, Math.round(span / 60_000));
    };
    return {
      firstResponseMinutes: minutes(c.firstResponseAt, responded),
      resolutionMinutes: minutes(c.resolvedAt, resolved),
      firstResponseSla: outcome(responded, ms(c.slaFirstDueAt), nowMs),
      resolutionSla: outcome(resolved, ms(c.slaResolutionDueAt), nowMs),
    };
  };
}

export interface TimeFigure {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** Count, median and 90th percentile (nearest rank) of the minutes that are known. */
export function timeFigure(minutes: ReadonlyArray<number | null>): TimeFigure {
  const known = minutes.filter((m): m is number => m !== null);
  return { count: known.length, medianMinutes: median(known), p90Minutes: percentile(known, 90) };
}

/** The share of met among met and missed clocks (0–1); null when no clock was met or missed. */
export function attainmentOf(outcomes: readonly SlaOutcome[]): number | null {
  let met = 0;
  let missed = 0;
  for (const o of outcomes) {
    if (o === 'met') met++;
    else if (o === 'missed') missed++;
  }
  return met + missed === 0 ? null : met / (met + missed);
}

export interface AnsweredBy {
  orgId: string;
  orgName: string;
  isAgency: boolean;
  replies: number;
  conversations: number;
  medianFirstResponseMinutes: number | null;
}

/**
 * Who answered: per organization the replies it wrote (`replyCounts`), the conversations whose first reply it
 * wrote (`firstOrgId`; null when no reply was written in Regie) and the median first-response minutes of those.
 * Organizations without replies or first replies are left out; unknown ones get an empty name. Sorted by
 * conversations, then replies (most first), then name.
 */
export function answeredBy(
  conversations: ReadonlyArray<{ firstOrgId: string | null; firstResponseMinutes: number | null }>,
  replyCounts: ReadonlyArray<{ orgId: string | null; count: number }>,
  orgs: ReadonlyMap<string, { name: string; isAgency: boolean }>,
): AnsweredBy[] {
  const replies = new Map<string, number>();
  for (const r of replyCounts) if (r.orgId !== null) replies.set(r.orgId, (replies.get(r.orgId) ?? 0) + Number(r.count));
  const firsts = new Map<string, number[]>();
  const convCount = new Map<string, number>();
  for (const c of conversations) {
    if (c.firstOrgId === null) continue;
    convCount.set(c.firstOrgId, (convCount.get(c.firstOrgId) ?? 0) + 1);
    if (c.firstResponseMinutes === null) continue;
    const list = firsts.get(c.firstOrgId);
    if (list) list.push(c.firstResponseMinutes);
    else firsts.set(c.firstOrgId, [c.firstResponseMinutes]);
  }
  const rows = [...new Set([...replies.keys(), ...convCount.keys()])].map((orgId) => ({
    orgId,
    orgName: orgs.get(orgId)?.name ?? '',
    isAgency: orgs.get(orgId)?.isAgency ?? false,
    replies: replies.get(orgId) ?? 0,
    conversations: convCount.get(orgId) ?? 0,
    medianFirstResponseMinutes: median(firsts.get(orgId) ?? []),
  }));
  return rows.sort((a, b) => b.conversations - a.conversations || b.replies - a.replies || a.orgName.localeCompare(b.orgName) || (a.orgId < b.orgId ? -1 : 1));
}
