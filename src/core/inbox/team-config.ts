/**
 * A team's working agreement: SLA targets per priority and how conversations are assigned. Validation answers in
 * plain sentences so the settings page can show them next to the form.
 */
import type { AssignmentMode } from './assignment';
import { dutchPublicHolidays, validateBusinessHours, type BusinessHours } from './business-hours';
import { PRIORITIES, type Priority } from './routing';
import type { SlaTargets } from './sla';

export interface TeamSla {
  targets: Record<Priority, { firstResponseMinutes: number | null; resolutionMinutes: number | null }>;
  warnAtFraction: number;
}

export interface TeamConfig {
  name: string;
  description: string;
  businessHours: BusinessHours;
  sla: TeamSla;
  assignmentMode: AssignmentMode;
  defaultLimit: number | null;
}

export const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['manual', 'round_robin', 'least_loaded'];

/** Office hours Monday to Friday 9:00–17:00 in Amsterdam, closed on this year's and next year's Dutch public holidays. */
export function defaultBusinessHours(year: number): BusinessHours {
  return {
    timeZone: 'Europe/Amsterdam',
    week: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, from: '09:00', to: '17:00' })),
    closedDates: [...dutchPublicHolidays(year), ...dutchPublicHolidays(year + 1)],
  };
}

/** Webcare norms common in the Netherlands: an answer within the hour, urgent within 15 minutes, solved within days. */
export const DEFAULT_SLA: TeamSla = {
  targets: {
    low: { firstResponseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60 },
    normal: { firstResponseMinutes: 60, resolutionMinutes: 3 * 8 * 60 },
    high: { firstResponseMinutes: 30, resolutionMinutes: 8 * 60 },
    urgent: { firstResponseMinutes: 15, resolutionMinutes: 4 * 60 },
  },
  warnAtFraction: 0.8,
};

/** The clock targets for one priority of a team. */
export function targetsFor(sla: TeamSla, priority: string): SlaTargets {
  const t = sla.targets[(PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : 'normal'];
  return { firstResponseMinutes: t.firstResponseMinutes, resolutionMinutes: t.resolutionMinutes, warnAtFraction: sla.warnAtFraction };
}

const MAX_MINUTES = 366 * 24 * 60;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function minutesOrNull(v: unknown, where: string, problems: string[]): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_MINUTES) {
    problems.push(`${where} must be a whole number of minutes from 1 to ${MAX_MINUTES}, or empty for no target.`);
    return null;
  }
  return v;
}

/** Checks SLA targets: every priority present, whole minutes or null, warning between 10% and 100%. */
export function validateSla(raw: unknown): { ok: true; sla: TeamSla } | { ok: false; problems: string[] } {
  if (!isObj(raw) || !isObj(raw.targets)) return { ok: false, problems: ['The SLA needs targets for every priority (low, normal, high, urgent).'] };
  const problems: string[] = [];
  const targets = {} as TeamSla['targets'];
  for (const p of PRIORITIES) {
    const t = raw.targets[p];
    if (!isObj(t)) {
      problems.push(`Priority "${p}" has no targets.`);
      continue;
    }
    targets[p] = {
      firstResponseMinutes: minutesOrNull(t.firstResponseMinutes, `The first response target for ${p}`, problems),
      resolutionMinutes: minutesOrNull(t.resolutionMinutes, `The resolution target for ${p}`, problems),
    };
  }
  const warn = raw.warnAtFraction;
  if (typeof warn !== 'number' || !(warn >= 0.1 && warn <= 1)) problems.push('The warning must come between 10% and 100% of a target.');
  return problems.length ? { ok: false, problems } : { ok: true, sla: { targets, warnAtFraction: warn as number } };
}

/** Checks a whole team configuration; all problems at once. */
export function validateTeamConfig(raw: unknown): { ok: true; team: TeamConfig } | { ok: false; problems: string[] } {
  if (!isObj(raw)) return { ok: false, problems: ['A team must be an object.'] };
  const problems: string[] = [];
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (name.length < 1 || name.length > 80) problems.push('A team needs a name of 1 to 80 characters.');
  const description = typeof raw.description === 'string' ? raw.description.trim().slice(0, 1000) : '';
  const hours = validateBusinessHours(raw.businessHours);
  if (!hours.ok) problems.push(...hours.problems);
  const sla = validateSla(raw.sla);
  if (!sla.ok) problems.push(...sla.problems);
  const mode = raw.assignmentMode;
  if (!(ASSIGNMENT_MODES as readonly unknown[]).includes(mode)) problems.push('Assignment must be manual, round robin or least loaded.');
  const limit = raw.defaultLimit;
  if (limit !== null && limit !== undefined && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
    problems.push('The limit per person must be a whole number from 1 to 1000, or empty for no limit.');
  }
  if (problems.length || !hours.ok || !sla.ok) return { ok: false, problems };
  return {
    ok: true,
    team: { name, description, businessHours: hours.hours, sla: sla.sla, assignmentMode: mode as AssignmentMode, defaultLimit: (limit as number | null | undefined) ?? null },
  };
}
