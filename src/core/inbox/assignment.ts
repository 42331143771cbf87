/** Who in a team gets the next conversation: nobody (manual), the next in turn (round robin), or the least loaded. */

export type AssignmentMode = 'manual' | 'round_robin' | 'least_loaded';

export interface TeamMemberLoad {
  userId: string;
  /** Present and taking conversations now. */
  available: boolean;
  /** Open conversations assigned to this member. */
  open: number;
  /** The most open conversations this member takes; null is no limit. */
  limit: number | null;
}

const canTake = (m: TeamMemberLoad) => m.available && (m.limit === null || m.open < m.limit);

/**
 * The member who gets the next conversation, or null when the mode is manual or nobody can take it. A member can
 * take it when available and under their limit.
 * - round robin: the first member who can take it after `lastAssignedUserId` in the given order, wrapping around
 *   (the last one again only when nobody else can); from the start of the list when the last one is unknown.
 * - least loaded: the member with the fewest open conversations among those who can take it; among equals the first
 *   after `lastAssignedUserId` in the given order, or, when the last one is unknown, the lowest user id.
 */
export function chooseAssignee(
  mode: AssignmentMode,
  members: ReadonlyArray<TeamMemberLoad>,
  lastAssignedUserId: string | null,
): string | null {
  if (mode !== 'round_robin' && mode !== 'least_loaded') return null;
  const last = lastAssignedUserId === null ? -1 : members.findIndex((m) => m.userId === lastAssignedUserId);
  const n = members.length;
  if (mode === 'round_robin') {
    for (let step = 1; step <= n; step++) {
      const m = members[(last + step + n) % n];
      if (canTake(m)) return m.userId;
    }
    return null;
  }
  let fewest = Infinity;
  for (const m of members) if (canTake(m) && m.open < fewest) fewest = m.open;
  const tied = members.filter((m) => canTake(m) && m.open === fewest);
  if (tied.length === 0) return null;
  if (last < 0) return tied.reduce((a, b) => (b.userId < a.userId ? b : a)).userId;
  for (let step = 1; step <= n; step++) {
    const m = members[(last + step) % n];
    if (tied.includes(m)) return m.userId;
  }
  return null;
}
