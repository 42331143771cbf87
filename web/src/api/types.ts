/** Shapes from docs/api.md (the API contract). */

export type Locale = 'nl' | 'en';
export type Role = 'owner' | 'editor' | 'contributor' | 'webcare_agent' | 'viewer';
export type AgencyRole = 'admin' | 'member';
export const ROLES: Role[] = ['owner', 'editor', 'contributor', 'webcare_agent', 'viewer'];
export const MANDATE_ROLES: Role[] = ['editor', 'contributor', 'webcare_agent', 'viewer'];

export interface Ref {
  id: string;
  name: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
}

export type Via = { kind: 'member' } | { kind: 'mandate'; mandateId: string; agency: Ref };

export interface WorkspaceSummary {
  id: string;
  name: string;
  organization: Ref;
  role: Role;
  via: Via;
}

export interface AgencySummary {
  id: string;
  name: string;
  role: AgencyRole;
}

export interface SessionInfo {
  user: User;
  csrf: string;
  workspaces: WorkspaceSummary[];
  agencies: AgencySummary[];
}

export interface Workspace {
  id: string;
  name: string;
  organization: Ref;
  role: Role;
  actingFor: null | { agency: Ref };
  createdAt: string;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  via: 'member' | 'mandate';
  agency: Ref | null;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role | AgencyRole;
  invitedBy: Ref;
  createdAt: string;
  expiresAt: string;
  /** Not in the contract for the list; used when the server (or this browser) knows it. */
  acceptUrl?: string;
}

export interface InvitationCreated {
  invitation: Invitation;
  acceptUrl: string;
  /** Whether the server could send the invitation by e-mail (false when no mailer is configured). */
  emailSent?: boolean;
}

export interface InvitationInfo {
  email: string;
  kind: 'workspace' | 'agency';
  targetName: string;
  role: Role | AgencyRole;
  invitedByName: string;
  accountExists: boolean;
  expiresAt: string;
}

export type MandateStatus = 'active' | 'expired' | 'revoked';

export interface Mandate {
  id: string;
  agency: Ref;
  role: Role;
  status: MandateStatus;
  endsAt: string | null;
  mayPublishWithoutApproval: boolean;
  mayReplyWithoutApproval: boolean;
  channelIds: string[] | null;
  grantedBy: Ref;
  grantedAt: string;
  revokedAt: string | null;
  revokedBy: Ref | null;
  revokeReason: string | null;
}

export interface AgencyDetail {
  id: string;
  name: string;
  role: AgencyRole;
  members: { userId: string; name: string; email: string; role: AgencyRole }[];
  mandates: {
    id: string;
    workspace: Ref;
    organization: Ref;
    role: Role;
    status: MandateStatus;
    endsAt: string | null;
  }[];
}

export interface SessionItem {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface AuditItem {
  seq: number;
  at: string;
  actor: { id: string; name: string; email: string } | null;
  organization: { id: string; name: string; kind: 'client' | 'agency' } | null;
  action: string;
  objectType: string;
  objectId: string;
  summary: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditFacets {
  actors: Ref[];
  organizations: { id: string; name: string; kind: 'client' | 'agency' }[];
  actions: string[];
}

export interface Page<T> {
  items: T[];
}
