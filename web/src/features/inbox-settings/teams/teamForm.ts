import type { Priority, Team, TeamInput, TeamMemberInput } from '../api';
import type { MemberBox } from './TeamMembersEditor';
import type { SlaBoxes } from './SlaEditor';
import { emptyTeam, joinMinutes, PRIORITIES_HIGH_FIRST, splitMinutes, teamInputOf } from './teamDraft';

/** The team form's state: the team's fields plus the text boxes that only become numbers on save. */
export interface TeamFormState {
  input: TeamInput;
  sla: Record<Priority, SlaBoxes>;
  warnPercent: string;
  defaultLimit: string;
  members: MemberBox[];
}

/** The form for a new team, or filled from a loaded one. */
export function formOf(team: Team | null): TeamFormState {
  const input = team ? teamInputOf(team) : emptyTeam();
  const sla = {} as Record<Priority, SlaBoxes>;
  for (const p of PRIORITIES_HIGH_FIRST) {
    const target = input.sla.targets[p] ?? { firstResponseMinutes: null, resolutionMinutes: null };
    sla[p] = { first: splitMinutes(target.firstResponseMinutes), resolution: splitMinutes(target.resolutionMinutes) };
  }
  return {
    input,
    sla,
    warnPercent: String(Math.round(input.sla.warnAtFraction * 100)),
    defaultLimit: input.defaultLimit === null ? '' : String(input.defaultLimit),
    members: (team?.members ?? []).map((m) => ({ userId: m.userId, maxOpen: m.maxOpen === null ? '' : String(m.maxOpen), available: m.available })),
  };
}

export type FormReading = { ok: true; input: TeamInput; members: TeamMemberInput[] } | { ok: false; invalidTargets: Set<string>; problems: string[] };

const positiveInt = (s: string): number | null | 'invalid' => {
  const v = s.trim();
  if (!v) return null;
  return /^\d{1,6}$/.test(v) && Number(v) > 0 ? Number(v) : 'invalid';
};

/** Reads the text boxes into a TeamInput and member list, or names what cannot be read (translation keys). */
export function readForm(form: TeamFormState): FormReading {
  const invalidTargets = new Set<string>();
  const problems: string[] = [];
  const targets = {} as TeamInput['sla']['targets'];
  for (const p of PRIORITIES_HIGH_FIRST) {
    const first = joinMinutes(form.sla[p].first.hours, form.sla[p].first.minutes);
    const resolution = joinMinutes(form.sla[p].resolution.hours, form.sla[p].resolution.minutes);
    if (first === 'invalid') invalidTargets.add(`${p}.first`);
    if (resolution === 'invalid') invalidTargets.add(`${p}.resolution`);
    targets[p] = {
      firstResponseMinutes: first === 'invalid' ? null : first,
      resolutionMinutes: resolution === 'invalid' ? null : resolution,
    };
  }
  if (invalidTargets.size) problems.push('badTarget');
  const warn = positiveInt(form.warnPercent);
  if (warn === null || warn === 'invalid' || warn >= 100) problems.push('badWarn');
  const limit = positiveInt(form.defaultLimit);
  if (limit === 'invalid') problems.push('badLimit');
  const members: TeamMemberInput[] = [];
  for (const m of form.members) {
    const max = positiveInt(m.maxOpen);
    if (max === 'invalid') {
      if (!problems.includes('badMemberLimit')) problems.push('badMemberLimit');
    } else members.push({ userId: m.userId, maxOpen: max, available: m.available });
  }
  if (problems.length) return { ok: false, invalidTargets, problems };
  const input: TeamInput = {
    ...form.input,
    name: form.input.name.trim(),
    description: form.input.description.trim(),
    sla: { targets, warnAtFraction: (warn as number) / 100 },
    defaultLimit: limit as number | null,
  };
  return { ok: true, input, members };
}
