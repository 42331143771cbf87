import { mandateStatus, type MandateTerms } from './mandate';
import type { WorkspaceRole } from './roles';

/** How a person reaches a workspace: as the organization's own member, or through an agency's mandate. */
export type Via = { kind: 'member' } | { kind: 'mandate'; mandateId: string; agencyId: string };

export interface Access {
  role: WorkspaceRole;
  via: Via;
}

export interface MandateGrant extends MandateTerms {
  mandateId: string;
  agencyId: string;
}

/**
 * The effective access of one person to one workspace. A direct membership wins over a mandate (the person is
 * then the organization's own member); among mandates in force the first one found counts. Returns null when the
 * person has no access at `now`, for instance because the mandate was revoked a moment ago.
 */
export function resolveAccess(directRole: WorkspaceRole | null, grants: MandateGrant[], now: Date): Access | null {
  if (directRole) return { role: directRole, via: { kind: 'member' } };
  for (const g of grants) {
    if (mandateStatus(g, now) === 'active') {
      return { role: g.role, via: { kind: 'mandate', mandateId: g.mandateId, agencyId: g.agencyId } };
    }
  }
  return null;
}
