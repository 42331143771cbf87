import type { WorkspaceRole } from '../workspaces/roles';

/**
 * Which work needs whose approval before it may leave. The organization chooses these per workspace; the four-eyes
 * rule (nobody approves their own work) and "findings that need approval need an owner" always hold.
 */
export interface ReviewRules {
  /** Everything written by agency members needs an approver from the organization itself. */
  agencyWorkNeedsApproval: boolean;
  /** Which of the organization's own members need an approval: everyone, only contributors, or nobody. */
  ownWorkNeedsApproval: 'all' | 'contributors' | 'none';
}

export const DEFAULT_REVIEW_RULES: ReviewRules = { agencyWorkNeedsApproval: true, ownWorkNeedsApproval: 'contributors' };

/** The person whose work is judged: the author of the post, or the writer of the latest version. */
export interface Writer {
  userId: string;
  role: WorkspaceRole;
  /** Set when the writer works here under an agency's mandate. */
  mandate: { mayPublishWithoutApproval: boolean; channelIds: string[] | null } | null;
}

export type ApprovalReason = 'agency_work' | 'own_work' | 'contributor_work' | 'code_needs_approval';

export interface ApprovalNeed {
  needed: boolean;
  /** Who may approve: a member of the organization with editor or owner role, or only an owner. */
  by: 'member' | 'owner';
  reasons: ApprovalReason[];
}

/**
 * Whether work by `writers` (the author and everyone who wrote a version) going to `channelIds` needs approval, and
 * from whom. A mandate that allows publishing without approval only counts when every channel lies in its scope.
 * A code finding that "needs approval" always needs an owner, whatever the mandate says.
 */
export function approvalNeed(rules: ReviewRules, writers: Writer[], channelIds: string[], codeNeedsApproval: boolean): ApprovalNeed {
  const reasons = new Set<ApprovalReason>();
  for (const w of writers) {
    if (w.mandate) {
      const scopeOk = w.mandate.channelIds === null || channelIds.every((c) => w.mandate!.channelIds!.includes(c));
      if (rules.agencyWorkNeedsApproval && !(w.mandate.mayPublishWithoutApproval && scopeOk)) reasons.add('agency_work');
      if (w.role === 'contributor') reasons.add('contributor_work');
    } else if (rules.ownWorkNeedsApproval === 'all') {
      reasons.add('own_work');
    } else if (rules.ownWorkNeedsApproval === 'contributors' && w.role === 'contributor') {
      reasons.add('contributor_work');
    }
    if (w.role === 'viewer' || w.role === 'webcare_agent') reasons.add('contributor_work');
  }
  if (codeNeedsApproval) reasons.add('code_needs_approval');
  return { needed: reasons.size > 0, by: codeNeedsApproval ? 'owner' : 'member', reasons: [...reasons] };
}

export interface Approver {
  userId: string;
  role: WorkspaceRole;
  /** True when the approver works here under an agency's mandate (they never approve for the organization). */
  viaAgency: boolean;
}

export type ApproveRefusal = 'own_work' | 'agency_cannot_approve' | 'role_cannot_approve' | 'owner_required';

/**
 * Whether `approver` may approve work written by `writerIds` under `need`: only the organization's own owners and
 * editors approve, an owner where the code asks for one, and never someone who wrote any version of it (four eyes).
 */
export function mayApprove(need: ApprovalNeed, approver: Approver, writerIds: string[]): { ok: true } | { ok: false; why: ApproveRefusal } {
  if (approver.viaAgency) return { ok: false, why: 'agency_cannot_approve' };
  if (writerIds.includes(approver.userId)) return { ok: false, why: 'own_work' };
  if (approver.role !== 'owner' && approver.role !== 'editor') return { ok: false, why: 'role_cannot_approve' };
  if (need.by === 'owner' && approver.role !== 'owner') return { ok: false, why: 'owner_required' };
  return { ok: true };
}
