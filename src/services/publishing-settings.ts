import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../core/review/review-rules';
import { findSettings } from '../db/repos/publishing.repo';
import type { Q } from '../db/repos/types';
import { bool } from '../db/repos/types';

export interface PublishingSettings {
  timeZone: string;
  reviewRules: ReviewRules;
  hold: { reason: string; by: string | null; at: string | null } | null;
}

/** The workspace's publishing settings, with defaults (Europe/Amsterdam, agency work needs approval) when unset. */
export async function settingsOf(q: Q, workspaceId: string): Promise<PublishingSettings> {
  const row = await findSettings(q, workspaceId);
  if (!row) return { timeZone: 'Europe/Amsterdam', reviewRules: DEFAULT_REVIEW_RULES, hold: null };
  return {
    timeZone: row.time_zone,
    reviewRules: { ...DEFAULT_REVIEW_RULES, ...(JSON.parse(row.review_rules) as Partial<ReviewRules>) },
    hold: bool(row.held) ? { reason: row.hold_reason ?? '', by: row.held_by, at: row.held_at } : null,
  };
}
