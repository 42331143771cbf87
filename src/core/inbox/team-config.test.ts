import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA, defaultBusinessHours, targetsFor, validateTeamConfig } from './team-config';

const good = { name: ' Klantenservice ', description: '', businessHours: defaultBusinessHours(2026), sla: DEFAULT_SLA, assignmentMode: 'round_robin', defaultLimit: 10 };

describe('team configuration', () => {
  it('accepts a sound team and trims its name', () => {
    const r = validateTeamConfig(good);
    expect(r.ok && r.team.name).toBe('Klantenservice');
    expect(r.ok && r.team.businessHours.closedDates).toContain('2026-12-25');
  });
  it('names every problem at once', () => {
    const r = validateTeamConfig({ ...good, name: '', assignmentMode: 'random', defaultLimit: 0, sla: { targets: { ...DEFAULT_SLA.targets, urgent: { firstResponseMinutes: -5, resolutionMinutes: null } }, warnAtFraction: 2 } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      'A team needs a name of 1 to 80 characters.',
      'The first response target for urgent must be a whole number of minutes from 1 to 527040, or empty for no target.',
      'The warning must come between 10% and 100% of a target.',
      'Assignment must be manual, round robin or least loaded.',
      'The limit per person must be a whole number from 1 to 1000, or empty for no limit.',
    ]);
  });
  it('targets per priority, unknown priorities count as normal', () => {
    expect(targetsFor(DEFAULT_SLA, 'urgent')).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 240, warnAtFraction: 0.8 });
    expect(targetsFor(DEFAULT_SLA, 'weird').firstResponseMinutes).toBe(60);
  });
});
