import type { Priority, SlaTarget, Team, TeamInput, WeekSpan } from '../api';

/** Pure helpers for the team form: a sensible new team, minutes as hours + minutes, the end of day as 24:00. */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
export const PRIORITIES_HIGH_FIRST: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

/** A new team: open on weekdays 9–17 in Amsterdam, targets that suit webcare, manual assignment. */
export function emptyTeam(): TeamInput {
  return {
    name: '',
    description: '',
    businessHours: {
      timeZone: DEFAULT_TIME_ZONE,
      week: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
      closedDates: [],
    },
    sla: {
      targets: {
        urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
        high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
        normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
        low: { firstResponseMinutes: 480, resolutionMinutes: null },
      },
      warnAtFraction: 0.8,
    },
    assignmentMode: 'manual',
    defaultLimit: null,
  };
}

/** The editable part of a team (a deep copy, so the form never changes the loaded team). */
export function teamInputOf(team: Team): TeamInput {
  return {
    name: team.name,
    description: team.description,
    businessHours: {
      timeZone: team.businessHours.timeZone,
      week: team.businessHours.week.map((s) => ({ ...s })),
      closedDates: [...team.businessHours.closedDates],
    },
    sla: { targets: { ...team.sla.targets }, warnAtFraction: team.sla.warnAtFraction },
    assignmentMode: team.assignmentMode,
    defaultLimit: team.defaultLimit,
  };
}

/** Minutes as the two boxes of the form ('' when there is no target). */
export function splitMinutes(total: number | null): { hours: string; minutes: string } {
  if (total === null) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };
}

/**
 * The two boxes back as minutes: both blank → null (no target); whole non-negative numbers only, otherwise
 * 'invalid'. A total of 0 is invalid too (a target must lie in the future).
 */
export function joinMinutes(hours: string, minutes: string): number | null | 'invalid' {
  const h = hours.trim();
  const m = minutes.trim();
  if (!h && !m) return null;
  const whole = /^\d{1,5}$/;
  if ((h && !whole.test(h)) || (m && !whole.test(m))) return 'invalid';
  const total = Number(h || 0) * 60 + Number(m || 0);
  return total > 0 ? total : 'invalid';
}

/** A span's end as a time input shows it ('24:00' is shown as '00:00'). */
export function endForInput(to: string): string {
  return to === '24:00' ? '00:00' : to;
}

/** A time input's end back as the server wants it ('00:00' as an end means midnight: '24:00'). */
export function endFromInput(value: string): string {
  return value === '00:00' ? '24:00' : value;
}

const minutesOf = (hhmm: string): number | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const n = Number(m[1]) * 60 + Number(m[2]);
  return n <= 1440 ? n : null;
};

/** Translation keys of what is wrong with the team before it goes to the server. */
export function teamProblems(input: TeamInput): string[] {
  const out: string[] = [];
  if (!input.name.trim()) out.push('nameRequired');
  if (input.businessHours.week.length === 0) out.push('noHours');
  if (input.businessHours.week.some((s) => badSpan(s))) out.push('badSpan');
  else if (hasOverlap(input.businessHours.week)) out.push('overlap');
  for (const t of Object.values(input.sla.targets) as SlaTarget[]) {
    if ((t.firstResponseMinutes !== null && t.firstResponseMinutes <= 0) || (t.resolutionMinutes !== null && t.resolutionMinutes <= 0)) {
      out.push('badTarget');
      break;
    }
  }
  const warn = input.sla.warnAtFraction;
  if (!(warn > 0 && warn < 1)) out.push('badWarn');
  if (input.defaultLimit !== null && (!Number.isInteger(input.defaultLimit) || input.defaultLimit < 1)) out.push('badLimit');
  return out;
}

function badSpan(s: WeekSpan): boolean {
  const from = minutesOf(s.from);
  const to = minutesOf(s.to);
  return from === null || to === null || from >= to;
}

function hasOverlap(week: readonly WeekSpan[]): boolean {
  return week.some((a, i) =>
    week.some((b, j) => j > i && a.day === b.day && minutesOf(a.from)! < minutesOf(b.to)! && minutesOf(b.from)! < minutesOf(a.to)!),
  );
}

/** Adds dates to a list of closed dates: sorted, no repeats; returns the new list and how many were new. */
export function addClosedDates(existing: readonly string[], more: readonly string[]): { dates: string[]; added: number } {
  const set = new Set(existing);
  let added = 0;
  for (const d of more) {
    if (!set.has(d)) {
      set.add(d);
      added++;
    }
  }
  return { dates: [...set].sort(), added };
}
