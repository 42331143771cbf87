import { describe, expect, it } from 'vitest';
import { formOf, readForm } from './teamForm';

describe('team form', () => {
  it('round-trips a new team', () => {
    const form = formOf(null);
    form.input.name = '  Webcare ';
    const r = readForm(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.name).toBe('Webcare');
    expect(r.input.sla.targets.urgent).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240 });
    expect(r.input.sla.targets.low.resolutionMinutes).toBeNull();
    expect(r.input.sla.warnAtFraction).toBe(0.8);
    expect(r.input.defaultLimit).toBeNull();
    expect(r.members).toEqual([]);
  });

  it('reads limits and member limits', () => {
    const form = formOf(null);
    form.defaultLimit = '12';
    form.members = [
      { userId: 'u1', maxOpen: '', available: true },
      { userId: 'u2', maxOpen: '5', available: false },
    ];
    const r = readForm(form);
    expect(r.ok && r.input.defaultLimit).toBe(12);
    expect(r.ok && r.members).toEqual([
      { userId: 'u1', maxOpen: null, available: true },
      { userId: 'u2', maxOpen: 5, available: false },
    ]);
  });

  it('names every box it cannot read', () => {
    const form = formOf(null);
    form.sla.high.first = { hours: 'x', minutes: '' };
    form.sla.low.resolution = { hours: '0', minutes: '0' };
    form.warnPercent = '100';
    form.defaultLimit = '0';
    form.members = [{ userId: 'u1', maxOpen: '-2', available: true }];
    const r = readForm(form);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([...r.invalidTargets].sort()).toEqual(['high.first', 'low.resolution']);
    expect(r.problems).toEqual(['badTarget', 'badWarn', 'badLimit', 'badMemberLimit']);
  });
});
