/**
 * The review life of a post (the whole message, all its variants): draft → in review → changes requested →
 * approved. Scheduling and publishing are per variant (see core/publishing). An approval binds to one version.
 */
export const REVIEW_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Per channel: where a variant is on its way out. */
export const VARIANT_STATES = ['draft', 'scheduled', 'held', 'publishing', 'published', 'failed', 'cancelled'] as const;
export type VariantState = (typeof VARIANT_STATES)[number];

/**
 * The review state after an edit: a draft stays a draft; a post that was submitted, approved or sent back goes
 * (back) to review when the new version needs an approval, and counts as approved when nobody needs to approve it.
 */
export function stateAfterEdit(current: ReviewState, needsApproval: boolean): ReviewState {
  if (!needsApproval) return current === 'draft' ? 'draft' : 'approved';
  if (current === 'draft') return 'draft';
  return 'in_review';
}

/** The one word shown for a post in lists and the calendar, from its review state and its variants' states. */
export function displayState(review: ReviewState, variants: VariantState[]): ReviewState | VariantState | 'partly_published' {
  const live = variants.filter((v) => v !== 'cancelled');
  if (live.length === 0) return review;
  const all = (s: VariantState) => live.every((v) => v === s);
  if (all('published')) return 'published';
  if (live.some((v) => v === 'published')) return live.some((v) => v === 'failed') ? 'failed' : 'partly_published';
  if (live.some((v) => v === 'publishing')) return 'publishing';
  if (live.some((v) => v === 'failed')) return 'failed';
  if (live.some((v) => v === 'held')) return 'held';
  if (live.some((v) => v === 'scheduled')) return 'scheduled';
  return review;
}
