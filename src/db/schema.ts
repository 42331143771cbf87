/**
 * Row shapes as both databases return them after normalisation in dialect.ts: timestamps are ISO text, counts and
 * sequence numbers are numbers, booleans are 0/1 integers, JSON is text.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  created_at: string;
  updated_at: string;
  /** 1 for installation administrators. */
  is_admin: number;
}

export interface OrganizationsTable {
  id: string;
  kind: 'client' | 'agency';
  name: string;
  created_at: string;
}

export interface WorkspacesTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: string;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface AgencyMembersTable {
  agency_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface MandatesTable {
  workspace_id: string;
  id: string;
  agency_id: string;
  role: string;
  ends_at: string | null;
  may_publish_without_approval: number;
  may_reply_without_approval: number;
  channel_ids: string | null;
  granted_by: string;
  granted_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  workspace_id: string | null;
  agency_id: string | null;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  cancelled_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  blocked_until: string | null;
}

export interface AuditRecordsTable {
  chain_id: string;
  seq: number;
  id: string;
  workspace_id: string | null;
  actor_user_id: string | null;
  actor_org_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  summary: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  chain_id: string;
  seq: number;
  hash: string;
}

export interface ChannelsTable {
  workspace_id: string;
  id: string;
  kind: string;
  name: string;
  account_remote_id: string;
  account_handle: string;
  account_display_name: string;
  avatar_url: string | null;
  service_url: string | null;
  status: string;
  status_detail: string | null;
  rate_limited_until: string | null;
  last_sync_at: string | null;
  last_error_at: string | null;
  /** Sealed (AES-256-GCM) JSON of the connector's credentials. */
  credentials: string;
  credentials_version: number;
  refresh_lease_until: string | null;
  inbound_cursor: string | null;
  created_by: string;
  created_at: string;
  disconnected_at: string | null;
  /** nl | en: the language the channel speaks (the code's language check), or null. */
  language: string | null;
}

export interface ProviderAppsTable {
  provider: string;
  client_id: string;
  /** Sealed JSON: client secret, webhook verify token, app secret. */
  secrets: string;
  updated_by: string | null;
  updated_at: string;
}

export interface OAuthStatesTable {
  state_hash: string;
  workspace_id: string;
  kind: string;
  /** Sealed JSON: PKCE verifier, redirect URI, instance. */
  sealed: string;
  created_by: string;
  expires_at: string;
}

export interface InboundItemsTable {
  workspace_id: string;
  channel_id: string;
  remote_id: string;
  id: string;
  kind: string;
  thread_remote_id: string;
  from_self: number;
  /** The InboundItem as JSON (attachments' bytes left out). */
  item: string;
  created_at: string;
  received_at: string;
}

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

export interface ContactsTable {
  workspace_id: string;
  id: string;
  display_name: string;
  email: string | null;
  /** JSON array of tags. */
  tags: string;
  vip: number;
  /** Set when this contact was merged into another (kept for history). */
  merged_into: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactIdentitiesTable {
  workspace_id: string;
  channel_id: string;
  remote_id: string;
  contact_id: string;
  handle: string | null;
  display_name: string | null;
  created_at: string;
}

export interface ConversationsTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  thread_remote_id: string;
  contact_id: string;
  kind: string;
  subject: string | null;
  /** open | pending | snoozed | resolved */
  status: string;
  snoozed_until: string | null;
  team_id: string | null;
  assignee_id: string | null;
  priority: string;
  tags: string;
  language: string | null;
  sentiment: string;
  message_count: number;
  first_message_at: string;
  last_message_at: string;
  last_inbound_at: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
  /** When the first response is due (business hours of the team), null without a target. */
  sla_first_due_at: string | null;
  sla_resolution_due_at: string | null;
  /** The running clock's due time (first response, else resolution); null when no clock runs. Sorts by urgency. */
  sla_due_at: string | null;
  /** When a running clock next changes state (warning, breach): the SLA sweeper looks at it then. */
  sla_check_at: string | null;
  /** none | ok | warning | breached | met | missed: the most urgent clock's state as last recorded. */
  sla_state: string;
  /** JSON: [{from, to|null}] spans that do not count for resolution (pending, snoozed). */
  sla_paused: string;
  /** JSON: the routing result when the conversation was opened (matched rules and why). */
  routing: string | null;
  /** The last inbound message's text, at most 200 characters, for lists. */
  preview: string | null;
  acknowledged_at: string | null;
}

export interface TeamsTable {
  workspace_id: string;
  id: string;
  name: string;
  description: string;
  /** JSON: core/inbox/business-hours BusinessHours. */
  business_hours: string;
  /** JSON: { targets: { low|normal|high|urgent: {firstResponseMinutes, resolutionMinutes} }, warnAtFraction }. */
  sla: string;
  /** manual | round_robin | least_loaded */
  assignment_mode: string;
  default_limit: number | null;
  last_assigned_user_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  workspace_id: string;
  team_id: string;
  user_id: string;
  max_open: number | null;
  available: number;
  position: number;
  created_at: string;
}

export interface InboxSettingsTable {
  workspace_id: string;
  /** JSON: core/inbox/routing RoutingRule[] in order. */
  rules: string;
  default_team_id: string | null;
  default_priority: string;
  /** JSON: which replies need an organization approver (agency / own members: all | negative | none). */
  reply_rules: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface ConversationEventsTable {
  workspace_id: string;
  id: string;
  conversation_id: string;
  actor_id: string | null;
  actor_org_id: string | null;
  /** note | assigned | status | tags | priority | team | routed | sla | expert | reply */
  kind: string;
  /** The text of a note. */
  body: string | null;
  data: string;
  created_at: string;
}

export interface RepliesTable {
  workspace_id: string;
  id: string;
  conversation_id: string;
  channel_id: string;
  in_reply_to_message_id: string;
  text: string;
  /** agent | suggestion | expert | auto_ack */
  source: string;
  author_id: string | null;
  author_org_id: string | null;
  /** JSON: user ids who changed the text after its author. */
  editor_ids: string;
  /** suggested | awaiting_approval | queued | sending | sent | failed | held | rejected | discarded */
  state: string;
  approval_reasons: string;
  approved_by: string | null;
  approved_at: string | null;
  sent_by: string | null;
  code_version: number | null;
  reason_code: string | null;
  reason_text: string | null;
  remote_id: string | null;
  remote_url: string | null;
  attempts: number;
  attempt_started_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SavedRepliesTable {
  workspace_id: string;
  id: string;
  title: string;
  body: string;
  language: string | null;
  created_by: string;
  updated_by: string;
  used_count: number;
  created_at: string;
  updated_at: string;
}

export interface ExpertRequestsTable {
  workspace_id: string;
  id: string;
  conversation_id: string;
  expert_email: string;
  expert_name: string;
  question: string;
  token_hash: string;
  expires_at: string;
  draft_text: string | null;
  answered_at: string | null;
  revoked_at: string | null;
  reply_id: string | null;
  created_by: string;
  created_at: string;
}

export interface MessagesTable {
  workspace_id: string;
  id: string;
  conversation_id: string;
  channel_id: string;
  remote_id: string;
  /** in (from the public) | out (ours, sent through the gate or recognised coming back) */
  direction: string;
  kind: string;
  contact_id: string | null;
  author_user_id: string | null;
  text: string;
  /** Sanitised HTML (e-mail); rendered only in a sandboxed frame. */
  html: string | null;
  subject: string | null;
  url: string | null;
  language: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  /** JSON: what the platform needs to reply (InboundItem.replyRef). */
  reply_ref: string | null;
  created_at: string;
  received_at: string;
  /** Stemmed terms (Dutch and English) of subject and text, for full-text search. */
  search_terms: string | null;
  /** The reply (through the gate) this outgoing message is. */
  reply_id: string | null;
  /**
   * JSON: the inbound attachments stored for this message, `[{name, mimeType, size, sha256, contentId}]` (files in
   * the workspace's media folder); null or absent when there are none.
   */
  attachments?: string | null;
}

export interface DB {
  contacts: ContactsTable;
  contact_identities: ContactIdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  inbox_settings: InboxSettingsTable;
  conversation_events: ConversationEventsTable;
  replies: RepliesTable;
  saved_replies: SavedRepliesTable;
  expert_requests: ExpertRequestsTable;
  code_versions: CodeVersionsTable;
  code_proposals: CodeProposalsTable;
  publishing_settings: PublishingSettingsTable;
  briefs: BriefsTable;
  brief_comments: BriefCommentsTable;
  campaigns: CampaignsTable;
  posts: PostsTable;
  post_versions: PostVersionsTable;
  variants: VariantsTable;
  publish_attempts: PublishAttemptsTable;
  post_reviews: PostReviewsTable;
  channel_buckets: ChannelBucketsTable;
  notifications: NotificationsTable;
  media: MediaTable;
  channels: ChannelsTable;
  provider_apps: ProviderAppsTable;
  oauth_states: OAuthStatesTable;
  inbound_items: InboundItemsTable;
  users: UsersTable;
  organizations: OrganizationsTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  agency_members: AgencyMembersTable;
  mandates: MandatesTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  login_throttle: LoginThrottleTable;
  audit_records: AuditRecordsTable;
  audit_heads: AuditHeadsTable;
}
