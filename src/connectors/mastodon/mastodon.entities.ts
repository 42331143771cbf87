/**
 * The parts of Mastodon's JSON entities (docs.joinmastodon.org/entities/) this connector reads. Everything is
 * optional-minded: other servers speaking the Mastodon API (and Mastodon versions) leave fields out.
 */

export type MastodonVisibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name?: string;
  avatar?: string;
  url?: string;
}

export interface MastodonMention {
  id: string;
  username: string;
  acct: string;
  url?: string;
}

export interface MastodonStatus {
  id: string;
  uri?: string;
  url?: string | null;
  created_at: string;
  account: MastodonAccount;
  content?: string;
  spoiler_text?: string;
  visibility?: MastodonVisibility;
  in_reply_to_id?: string | null;
  in_reply_to_account_id?: string | null;
  mentions?: MastodonMention[];
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  media_attachments?: Array<{ id: string; type: string; url?: string | null; description?: string | null }>;
}

export interface MastodonNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: MastodonStatus | null;
}

export interface MastodonContext {
  ancestors: MastodonStatus[];
  descendants: MastodonStatus[];
}

export interface MastodonMediaAttachment {
  id: string;
  type: string;
  url?: string | null;
  description?: string | null;
}

export interface MastodonApplication {
  client_id: string;
  client_secret: string;
}

export interface MastodonToken {
  access_token: string;
  token_type?: string;
  scope?: string;
  created_at?: number;
}

export interface MastodonInstance {
  domain?: string;
  configuration?: { statuses?: { max_characters?: number } };
}
