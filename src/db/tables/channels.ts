/**
 * Channels, the platforms' app credentials, OAuth states and the journal of inbound items. Row shapes: see
 * ../schema.ts.
 */

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
