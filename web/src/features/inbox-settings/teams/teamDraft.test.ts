import { describe, expect, it } from 'vitest';
import { addClosedDates, emptyTeam, endForInput, endFromInput, joinMinutes, splitMinutes, teamProblems } from './teamDraft';

describe('minutes in the form', () => {
  it('splits and joins', () => {
    expect(splitMinutes(80)).toEqual({ hours: '1', minutes: '20' });
    expect(splitMinutes(null)).toEqual({ hours: '', minutes: '' });
    expect(joinMinutes('1', '20')).toBe(80);
    expect(joinMinutes('', '45')).toBe(45);
    expect(joinMinutes('2', '')).toBe(120);
  });
  it('reads blank as no target and rejects junk and zero', () => {
    expect(joinMinutes(' ', '')).toBeNull();
    expect(joinMinutes('1.5', '')).toBe('invalid');
    expect(joinMinutes('-1', '')).toBe('invalid');
    expect(joinMinutes('0', '0')).toBe('invalid');
  });
});

describe('end of day', () => {
  it('shows 24:00 as 00:00 and reads 00:00 back as 24:00', () => {
    expect(endForInput('24:00')).toBe('00:00');
    expect(endForInput('17:00')).toBe('17:00');
    expect(endFromInput('00:00')).toBe('24:00');
    expect(endFromInput('12:30')).toBe('12:30');
  });
});

describe('teamProblems', () => {
  it('accepts a named new team', () => {
    expect(teamProblems({ ...emptyTeam(), name: 'Webcare' })).toEqual([]);
  });
  it('finds a missing name, no hours, a bad warn level and limit', () => {
    const t = emptyTeam();
    const p = teamProblems({ ...t, businessHours: { ...t.businessHours, week: [] }, sla: { ...t.sla, warnAtFraction: 1 }, defaultLimit: 0 });
    expect(p).toEqual(['nameRequired', 'noHours', 'badWarn', 'badLimit']);
  });
  it('finds a backwards span and overlapping spans', () => {
    const t = { ...emptyTeam(), name: 'x' };
    expect(teamProblems({ ...t, businessHours: { ...t.businessHours, week: [{ day: 1, from: '17:00', to: '09:00' }] } })).toEqual(['badSpan']);
    expect(
      teamProblems({
        ...t,
        businessHours: {
          ...t.businessHours,
          week: [
            { day: 1, from: '09:00', to: '12:00' },
            { day: 1, from: '11:00', to: '24:00' },
          ],
        },
      }),
    ).toEqual(['overlap']);
    expect(
      teamProblems({
        ...t,
        businessHours: {
          ...t.businessHours,
          week: [
            { day: 1, from: '09:00', to: '12:00' },
            { day: 1, from: '12:00', to: '24:00' },
          ],
        },
      }),
    ).toEqual([]);
  });
});

describe('addClosedDates', () => {
  it('merges, sorts and counts the new ones', () => {
    expect(addClosedDates(['2026-12-25'], ['2026-01-01', '2026-12-25', '2026-04-27'])).toEqual({
      dates: ['2026-01-01', '2026-04-27', '2026-12-25'],
      added: 2,
    });
  });
});
