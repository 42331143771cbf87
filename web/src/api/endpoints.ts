import { api, enc, query } from './client';
import type {
  AccountChoices,
  AgencyDetail,
  AgencyRole,
  AgencySummary,
  ApiToken,
  AuditFacets,
  AuditItem,
  Channel,
  ConnectorInfo,
  InboundEntry,
  Invitation,
  InvitationCreated,
  InvitationInfo,
  Locale,
  Mandate,
  Member,
  Page,
  ProviderInfo,
  ProviderName,
  Ref,
  Role,
  SessionInfo,
  SessionItem,
  User,
  Workspace,
} from './types';

/** Typed calls for every endpoint in docs/api.md. */

const ws = (id: string) => `/api/workspaces/${enc(id)}`;

export interface AuditFilters {
  actorId?: string;
  organizationId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const endpoints = {
  setupStatus: () => api.get<{ needsSetup: boolean }>('/api/setup', { quiet401: true }),
  setup: (body: {
    name: string;
    email: string;
    password: string;
    organizationName: string;
    workspaceName: string;
    locale?: Locale;
  }) => api.post<{ user: User; workspaceId: string }>('/api/setup', body, { quiet401: true }),
  login: (email: string, password: string) =>
    api.post<{ user: User }>('/api/auth/login', { email, password }, { quiet401: true }),
  logout: () => api.post<void>('/api/auth/logout', {}, { quiet401: true }),
  requestReset: (email: string) => api.post<void>('/api/auth/password-reset/request', { email }, { quiet401: true }),
  confirmReset: (token: string, password: string) =>
    api.post<void>('/api/auth/password-reset/confirm', { token, password }, { quiet401: true }),
  invitation: (token: string) => api.get<InvitationInfo>(`/api/invitations/${enc(token)}`, { quiet401: true }),
  acceptInvitation: (token: string, body: { name?: string; password?: string }) =>
    api.post<{ workspaceId?: string; agencyId?: string }>(`/api/invitations/${enc(token)}/accept`, body, {
      quiet401: true,
    }),

  session: () => api.get<SessionInfo>('/api/session', { quiet401: true }),
  updateAccount: (body: { name?: string; locale?: Locale }) => api.patch<{ user: User }>('/api/account', body),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/account/password', { currentPassword, newPassword }),
  sessions: () => api.get<Page<SessionItem>>('/api/account/sessions'),
  revokeSession: (id: string) => api.del(`/api/account/sessions/${enc(id)}`),
  revokeAllSessions: (includeCurrent: boolean) =>
    api.post<{ revoked: number }>('/api/account/sessions/revoke-all', { includeCurrent }),
  tokens: () => api.get<Page<ApiToken>>('/api/account/tokens'),
  createToken: (name: string, expiresInDays?: number) =>
    api.post<{ token: ApiToken; secret: string }>('/api/account/tokens', { name, expiresInDays }),
  revokeToken: (id: string) => api.del(`/api/account/tokens/${enc(id)}`),

  createWorkspace: (body: { name: string; organizationName: string } | { name: string; organizationId: string }) =>
    api.post<{ id: string }>('/api/workspaces', body),
  workspace: (id: string, quiet = false) => api.get<Workspace>(ws(id), { quietWorkspace: quiet }),
  renameWorkspace: (id: string, name: string) => api.patch<Workspace>(ws(id), { name }),
  members: (id: string) => api.get<Page<Member>>(`${ws(id)}/members`),
  changeRole: (id: string, userId: string, role: Role) =>
    api.patch<Member>(`${ws(id)}/members/${enc(userId)}`, { role }),
  removeMember: (id: string, userId: string) => api.del(`${ws(id)}/members/${enc(userId)}`),
  invitations: (id: string) => api.get<Page<Invitation>>(`${ws(id)}/invitations`),
  invite: (id: string, email: string, role: Role) =>
    api.post<InvitationCreated>(`${ws(id)}/invitations`, { email, role }),
  cancelInvitation: (id: string, invitationId: string) => api.del(`${ws(id)}/invitations/${enc(invitationId)}`),
  resendInvitation: (id: string, invitationId: string) => api.post<InvitationCreated>(`${ws(id)}/invitations/${enc(invitationId)}/resend`, {}),

  agencies: () => api.get<Page<AgencySummary>>('/api/agencies'),
  createAgency: (name: string) => api.post<AgencySummary>('/api/agencies', { name }),
  agencyDirectory: () => api.get<Page<Ref>>('/api/agencies/directory'),
  agency: (id: string) => api.get<AgencyDetail>(`/api/agencies/${enc(id)}`),
  inviteToAgency: (id: string, email: string, role: AgencyRole) =>
    api.post<InvitationCreated>(`/api/agencies/${enc(id)}/invitations`, { email, role }),
  removeAgencyMember: (id: string, userId: string) => api.del(`/api/agencies/${enc(id)}/members/${enc(userId)}`),

  mandates: (id: string) => api.get<Page<Mandate>>(`${ws(id)}/mandates`),
  grantMandate: (
    id: string,
    body: {
      agencyId: string;
      role: Role;
      endsAt?: string;
      mayPublishWithoutApproval?: boolean;
      mayReplyWithoutApproval?: boolean;
    },
  ) => api.post<Mandate>(`${ws(id)}/mandates`, body),
  revokeMandate: (id: string, mandateId: string, reason?: string) =>
    api.post<Mandate>(`${ws(id)}/mandates/${enc(mandateId)}/revoke`, reason ? { reason } : {}),

  audit: (id: string, filters: AuditFilters, before?: number | null, limit = 50) =>
    api.get<{ items: AuditItem[]; nextBefore: number | null }>(
      `${ws(id)}/audit${query({ ...filters, before: before ?? undefined, limit })}`,
    ),
  auditFacets: (id: string) => api.get<AuditFacets>(`${ws(id)}/audit/facets`),
  auditCsvUrl: (id: string, filters: AuditFilters) => `${ws(id)}/audit.csv${query({ ...filters })}`,

  connectors: () => api.get<Page<ConnectorInfo>>('/api/connectors'),
  channels: (id: string) => api.get<Page<Channel>>(`${ws(id)}/channels`),
  /** With reconnectId: fresh credentials for that existing channel (same account only); answers the same channel. */
  connectChannel: (
    id: string,
    body: { kind: string; name?: string; credentials: Record<string, string>; reconnectId?: string },
  ) => api.post<Channel>(`${ws(id)}/channels`, body),
  startChannelOAuth: (id: string, body: { kind: string; instanceUrl?: string; name?: string; reconnectId?: string }) =>
    api.post<{ authorizeUrl: string }>(`${ws(id)}/channels/oauth`, body),
  /** After a sign-in that manages several accounts (/w/:ws/channels?choose=<token>): the accounts to pick from. */
  accountChoices: (id: string, token: string) =>
    api.get<AccountChoices>(`${ws(id)}/channels/choices/${enc(token)}`),
  /** Connects the chosen account; a choice works once. */
  chooseAccount: (id: string, token: string, index: number) =>
    api.post<Channel>(`${ws(id)}/channels/choices/${enc(token)}`, { index }),
  renameChannel: (id: string, channelId: string, name: string, language?: 'nl' | 'en' | null) =>
    api.patch<Channel>(`${ws(id)}/channels/${enc(channelId)}`, language === undefined ? { name } : { name, language }),
  testChannel: (id: string, channelId: string) => api.post<Channel>(`${ws(id)}/channels/${enc(channelId)}/test`),
  syncChannel: (id: string, channelId: string) =>
    api.post<{ added: number; channel: Channel }>(`${ws(id)}/channels/${enc(channelId)}/sync`),
  disconnectChannel: (id: string, channelId: string) =>
    api.post<Channel>(`${ws(id)}/channels/${enc(channelId)}/disconnect`),
  channelInbound: (id: string, channelId: string, limit = 20) =>
    api.get<Page<InboundEntry>>(`${ws(id)}/channels/${enc(channelId)}/inbound${query({ limit })}`),
  setMandateChannels: (id: string, mandateId: string, channelIds: string[] | null) =>
    api.put<Mandate>(`${ws(id)}/mandates/${enc(mandateId)}/channels`, { channelIds }),

  adminProviders: () => api.get<Page<ProviderInfo>>('/api/admin/providers'),
  saveAdminProvider: (provider: ProviderName, body: { clientId: string; clientSecret: string; verifyToken?: string }) =>
    api.put<ProviderInfo>(`/api/admin/providers/${enc(provider)}`, body),
};
