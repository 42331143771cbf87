import type { MandateRole } from './roles';

export type MandateStatus = 'active' | 'expired' | 'revoked';

/** The parts of a mandate that decide whether it is in force. */
export interface MandateTerms {
  role: MandateRole;
  endsAt: string | null;
  revokedAt: string | null;
}

/**
 * Whether a mandate is in force at `now`: a revocation wins at once; an end date ends it at that instant.
 */
export function mandateStatus(m: MandateTerms, now: Date): MandateStatus {
  if (m.revokedAt !== null) return 'revoked';
  if (m.endsAt !== null && Date.parse(m.endsAt) <= now.getTime()) return 'expired';
  return 'active';
}
