/**
 * Users, organizations, workspaces, membership, mandates, sessions, tokens and the audit chain. Row shapes: see
 * ../schema.ts.
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
