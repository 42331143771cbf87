/**
 * The code, briefs, campaigns, posts with versions and variants, the way out (attempts, reviews, buckets),
 * notifications and media. Row shapes: see ../schema.ts.
 */

export interface CodeVersionsTable {
  workspace_id: string;
  version: number;
  /** The clauses as JSON (core/code Clause[]). */
  clauses: string;
  note: string | null;
  proposal_id: string | null;
  created_by: string;
  created_at: string;
}

export interface CodeProposalsTable {
  workspace_id: string;
  id: string;
  base_version: number;
  clauses: string;
  note: string;
  status: string;
  proposed_by: string;
  proposed_org_id: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface PublishingSettingsTable {
  workspace_id: string;
  time_zone: string;
  /** JSON of core/review ReviewRules. */
  review_rules: string;
  held: number;
  hold_reason: string | null;
  held_by: string | null;
  held_at: string | null;
  updated_at: string;
}

export interface BriefsTable {
  workspace_id: string;
  id: string;
  title: string;
  goal: string;
  audience: string;
  key_message: string;
  details: string;
  channel_ids: string;
  timing: string;
  wanted_by: string | null;
  status: string;
  decline_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** JSON array of `{mediaId, name}`; null (rows from before 0006) means none. */
  attachments: string | null;
}

export interface BriefCommentsTable {
  workspace_id: string;
  id: string;
  brief_id: string;
  author_id: string;
  author_org_id: string;
  body: string;
  created_at: string;
}

export interface CampaignsTable {
  workspace_id: string;
  id: string;
  name: string;
  goal: string;
  pillar: string;
  starts_on: string | null;
  ends_on: string | null;
  created_by: string;
  created_at: string;
  archived_at: string | null;
}

export interface PostsTable {
  workspace_id: string;
  id: string;
  brief_id: string | null;
  campaign_id: string | null;
  instrument: string;
  author_id: string;
  author_org_id: string;
  review_state: string;
  version: number;
  approved_version: number | null;
  scheduled_at: string | null;
  scheduled_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PostVersionsTable {
  workspace_id: string;
  post_id: string;
  version: number;
  /** JSON of core/content PostContent. */
  content: string;
  verdict: string;
  created_by: string;
  created_org_id: string;
  created_at: string;
}

export interface VariantsTable {
  workspace_id: string;
  id: string;
  post_id: string;
  channel_id: string;
  state: string;
  version: number;
  due_at: string | null;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: number;
  remote_id: string | null;
  remote_url: string | null;
  published_at: string | null;
  reason_code: string | null;
  reason_text: string | null;
  /** JSON: what the composer knew about the message when it was published (for insights). */
  features: string | null;
  updated_at: string;
}

export interface PublishAttemptsTable {
  workspace_id: string;
  id: string;
  variant_id: string;
  n: number;
  version: number;
  worker: string;
  started_at: string;
  finished_at: string | null;
  /** null while unknown (in flight, or the process died); published | failed | transient | unclear | found | not_found. */
  outcome: string | null;
  remote_id: string | null;
  detail: string | null;
}

export interface PostReviewsTable {
  workspace_id: string;
  id: string;
  post_id: string;
  version: number;
  /** approval | changes_requested | comment | suggestion | coaching */
  kind: string;
  author_id: string;
  author_org_id: string;
  body: string;
  clause_id: string | null;
  suggestion: string | null;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface ChannelBucketsTable {
  channel_id: string;
  tokens: number;
  updated_at: string;
  blocked_until: string | null;
}

export interface NotificationsTable {
  user_id: string;
  id: string;
  workspace_id: string | null;
  kind: string;
  subject_type: string | null;
  subject_id: string | null;
  payload: string;
  created_at: string;
  read_at: string | null;
}

export interface MediaTable {
  workspace_id: string;
  id: string;
  kind: string;
  mime_type: string;
  size: number;
  sha256: string;
  file_name: string;
  created_by: string;
  created_at: string;
}
