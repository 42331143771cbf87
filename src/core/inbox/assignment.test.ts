import { describe, expect, it } from 'vitest';
import { chooseAssignee, type AssignmentMode, type TeamMemberLoad } from './assignment';

const member = (userId: string, open = 0, limit: number | null = null, available = true): TeamMemberLoad => ({ userId, available, open, limit });

/** Picks `count` times, each pick adding one open conversation to the chosen member. */
function picks(mode: AssignmentMode, team: TeamMemberLoad[], count: number, last: string | null = null): Array<string | null> {
  const members = team.map((m) => ({ ...m }));
  const out: Array<string | null> = [];
  for (let i = 0; i < count; i++) {
    const chosen = chooseAssignee(mode, members, last);
    out.push(chosen);
    const m = members.find((x) => x.userId === chosen);
    if (m) m.open++;
    if (chosen !== null) last = chosen;
  }
  return out;
}

const tally = (ids: Array<string | null>) => ids.reduce<Record<string, number>>((t, id) => ({ ...t, [String(id)]: (t[String(id)] ?? 0) + 1 }), {});

describe('chooseAssignee', () => {
  it('leaves manual assignment to a person', () => {
    expect(chooseAssignee('manual', [member('u1')], null)).toBeNull();
    expect(chooseAssignee('manual', [member('u1')], 'u1')).toBeNull();
  });

  it('round robin: the next available member after the last one, wrapping and skipping the unavailable', () => {
    const team = [member('anna'), member('bram', 0, null, false), member('cas'), member('dewi')];
    const twelve = picks('round_robin', team, 12);
    expect(twelve).toEqual(['anna', 'cas', 'dewi', 'anna', 'cas', 'dewi', 'anna', 'cas', 'dewi', 'anna', 'cas', 'dewi']);
    expect(tally(twelve)).toEqual({ anna: 4, cas: 4, dewi: 4 });
    expect(chooseAssignee('round_robin', team, 'dewi')).toBe('anna');
    expect(chooseAssignee('round_robin', team, 'anna')).toBe('cas');
    expect(chooseAssignee('round_robin', team, 'bram')).toBe('cas');
  });

  it('round robin: starts at the top when the last one is unknown, and gives it to the last one again only when alone', () => {
    const team = [member('anna', 0, null, false), member('bram'), member('cas', 0, null, false)];
    expect(chooseAssignee('round_robin', team, 'someone-who-left')).toBe('bram');
    expect(chooseAssignee('round_robin', team, null)).toBe('bram');
    expect(chooseAssignee('round_robin', team, 'bram')).toBe('bram');
  });

  it('round robin: passes over members at their limit', () => {
    const team = [member('anna', 0, 2), member('bram'), member('cas', 5, 5)];
    expect(picks('round_robin', team, 6)).toEqual(['anna', 'bram', 'anna', 'bram', 'bram', 'bram']);
  });

  it('least loaded: the fewest open conversations first, equals in turn after the last one, fairly over 12 picks', () => {
    const even = picks('least_loaded', [member('anna'), member('bram'), member('cas')], 12);
    expect(even).toEqual(['anna', 'bram', 'cas', 'anna', 'bram', 'cas', 'anna', 'bram', 'cas', 'anna', 'bram', 'cas']);
    const uneven = picks('least_loaded', [member('anna', 3), member('bram', 0), member('cas', 1)], 12);
    expect(uneven).toEqual(['bram', 'cas', 'bram', 'cas', 'bram', 'cas', 'anna', 'bram', 'cas', 'anna', 'bram', 'cas']);
    expect(tally(uneven)).toEqual({ anna: 2, bram: 5, cas: 5 });
  });

  it('least loaded: respects each limit and skips the unavailable', () => {
    const team = [member('anna', 0, 2), member('bram', 0, null, false), member('cas', 1, 4), member('dewi', 2, null)];
    const twelve = picks('least_loaded', team, 12);
    expect(tally(twelve)).toEqual({ anna: 2, cas: 3, dewi: 7 });
    expect(twelve.slice(0, 6)).toEqual(['anna', 'cas', 'anna', 'cas', 'dewi', 'cas']);
  });

  it('least loaded: among equals without a known last one, the lowest user id', () => {
    const team = [member('u3', 1), member('u1', 1), member('u2', 1), member('u0', 2)];
    expect(chooseAssignee('least_loaded', team, null)).toBe('u1');
    expect(chooseAssignee('least_loaded', team, 'gone')).toBe('u1');
    expect(chooseAssignee('least_loaded', team, 'u3')).toBe('u1');
    expect(chooseAssignee('least_loaded', team, 'u1')).toBe('u2');
    expect(chooseAssignee('least_loaded', team, 'u2')).toBe('u3');
    expect(chooseAssignee('least_loaded', team, 'u0')).toBe('u3');
  });

  it('gives nobody when nobody can take it', () => {
    for (const mode of ['round_robin', 'least_loaded'] as const) {
      expect(chooseAssignee(mode, [], null), mode).toBeNull();
      expect(chooseAssignee(mode, [member('a', 0, null, false), member('b', 0, null, false)], 'a'), mode).toBeNull();
      expect(chooseAssignee(mode, [member('a', 3, 3), member('b', 9, 1), member('c', 0, 0)], null), mode).toBeNull();
    }
    expect(chooseAssignee('sometimes' as AssignmentMode, [member('a')], null)).toBeNull();
  });
});
