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

export interface DB {
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
