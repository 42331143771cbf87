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
  /** An administrator of this installation (platform app credentials). */
  isAdmin?: boolean;
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

/* Channels */

export type ChannelAuth = 'oauth2' | 'oauth2-per-instance' | 'app-password' | 'mail-credentials' | 'access-token' | 'none';

export interface ConnectField {
  name: string;
  type: 'text' | 'password' | 'url' | 'email' | 'number' | 'checkbox';
  required: boolean;
  default?: string;
}

export interface ConnectorInfo {
  kind: string;
  displayName: string;
  auth: ChannelAuth;
  connectFields: ConnectField[];
  capabilities: Record<string, unknown>;
}

export type ChannelStatus = 'healthy' | 'needs_reconnect' | 'rate_limited' | 'disconnected';

export interface Channel {
  id: string;
  kind: string;
  kindName: string;
  name: string;
  /** The language the channel speaks, for the code's language check. */
  language: 'nl' | 'en' | null;
  account: {
    remoteId: string;
    handle: string;
    displayName: string | null;
    avatarUrl: string | null;
    serviceUrl: string | null;
  };
  status: ChannelStatus;
  /** Plain words from the server about the status; may be null. */
  statusDetail: string | null;
  rateLimitedUntil: string | null;
  lastSyncAt: string | null;
  lastErrorAt: string | null;
  createdAt: string;
  disconnectedAt: string | null;
  sandbox: boolean;
}

/** One account a platform sign-in may connect (Facebook Page, Instagram account, WhatsApp number). */
export interface AccountChoice {
  index: number;
  account: {
    handle: string;
    displayName: string | null;
    avatarUrl: string | null;
  };
}

/** GET /api/workspaces/:ws/channels/choices/:token */
export interface AccountChoices {
  kind: string;
  kindName: string;
  items: AccountChoice[];
}

export interface InboundEntry {
  id: string;
  receivedAt: string;
  item: {
    kind: string;
    text: string;
    subject?: string;
    author: { handle?: string; displayName?: string; email?: string };
    createdAt: string;
    url?: string;
  };
}

export type ProviderName = 'meta' | 'linkedin' | 'x';

export interface ProviderInfo {
  provider: ProviderName;
  configured: boolean;
  source: 'environment' | 'database' | null;
  clientId: string | null;
  callbackUrl: string;
  webhookUrl: string | null;
}
