/**
 * The inbox: contacts and identities, conversations and messages, teams, settings, events, replies, saved replies,
 * expert requests. Row shapes: see ../schema.ts.
 */

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
