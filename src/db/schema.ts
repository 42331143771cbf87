/**
 * Row shapes as both databases return them after normalisation in dialect.ts: timestamps are ISO text, counts and
 * sequence numbers are numbers, booleans are 0/1 integers, JSON is text.
 */
// The row types live per group of tables in tables/; this file gathers them into the DB that Kysely is typed with.
import type { UsersTable, OrganizationsTable, WorkspacesTable, WorkspaceMembersTable, AgencyMembersTable, MandatesTable, InvitationsTable, SessionsTable, ApiTokensTable, PasswordResetsTable, LoginThrottleTable, AuditRecordsTable, AuditHeadsTable } from './tables/foundation';
import type { ChannelsTable, ProviderAppsTable, OAuthStatesTable, InboundItemsTable } from './tables/channels';
import type { CodeVersionsTable, CodeProposalsTable, PublishingSettingsTable, BriefsTable, BriefCommentsTable, CampaignsTable, PostsTable, PostVersionsTable, VariantsTable, PublishAttemptsTable, PostReviewsTable, ChannelBucketsTable, NotificationsTable, MediaTable } from './tables/content';
import type { ContactsTable, ContactIdentitiesTable, ConversationsTable, TeamsTable, TeamMembersTable, InboxSettingsTable, ConversationEventsTable, RepliesTable, SavedRepliesTable, ExpertRequestsTable, MessagesTable } from './tables/inbox';

export type * from './tables/foundation';
export type * from './tables/channels';
export type * from './tables/content';
export type * from './tables/inbox';

/** Every table, by name: what Kysely queries are typed against. */
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
