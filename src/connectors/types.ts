/**
 * The connector contract: what every channel (Bluesky, Mastodon, Meta, LinkedIn, X, WhatsApp, e-mail, website,
 * sandbox) implements. Connectors know nothing of jobs, database rows or environment variables: they get plain data
 * and a context, and answer with plain data or a typed {@link ConnectorError}. Only the gate may call the write
 * operations (`publish`, `reply`, `delete`).
 */

export const CHANNEL_KINDS = ['bluesky', 'mastodon', 'facebook', 'instagram', 'linkedin', 'x', 'whatsapp', 'email', 'webform', 'sandbox'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export type MetricName = 'likes' | 'reposts' | 'replies' | 'quotes' | 'shares' | 'clicks' | 'impressions' | 'saves' | 'views';

export type InboundKind = 'mention' | 'reply' | 'comment' | 'quote' | 'direct_message' | 'email' | 'form' | 'chat';

/** How text length is counted: Unicode graphemes (most networks), or X's weighted count (URLs count 23). */
export interface TextRules {
  maxLength: number;
  counting: 'graphemes' | 'x-weighted' | 'utf16';
}

export interface MediaRules {
  kinds: Array<'image' | 'video' | 'gif'>;
  maxCount: number;
  /** Largest accepted file per kind, in bytes. */
  maxBytes: Partial<Record<'image' | 'video' | 'gif', number>>;
  altText: { supported: boolean; maxLength: number };
  mimeTypes: string[];
}

/** What a channel can do; the composer and the gate read it, nothing is assumed. */
export interface Capabilities {
  text: TextRules;
  media: MediaRules | null;
  threads: boolean;
  polls: { maxOptions: number; maxOptionLength: number; minDurationSeconds: number; maxDurationSeconds: number } | null;
  linkCards: boolean;
  firstComment: boolean;
  replies: boolean;
  directMessages: boolean;
  deletes: boolean;
  /** Metrics the platform reports; others are recorded as unsupported, never as 0. */
  metrics: MetricName[];
  inbound: { poll: boolean; webhook: boolean; kinds: InboundKind[] };
}

/** How an account is connected. */
export type AuthStrategy =
  | { kind: 'oauth2'; pkce: boolean; refresh: boolean; scopes: string[]; provider: 'meta' | 'linkedin' | 'x' }
  | { kind: 'oauth2-per-instance'; scopes: string[] }
  | { kind: 'app-password' }
  | { kind: 'mail-credentials' }
  | { kind: 'access-token' }
  | { kind: 'none' };

/** Secrets of one connected account, decrypted for the duration of a call. Shape is the connector's own. */
export type Credentials = Record<string, string>;

/** The connected account as the platform knows it. */
export interface AccountInfo {
  remoteId: string;
  handle: string;
  displayName: string;
  avatarUrl?: string;
  /** Base URL of the server (Mastodon instance, PDS, mail host) where that matters. */
  serviceUrl?: string;
}

/** A pointer to something on the platform. `extra` holds what the platform needs besides the id (Bluesky: cid). */
export interface RemoteRef {
  remoteId: string;
  url?: string;
  extra?: Record<string, string>;
}

export interface OutboundMedia {
  kind: 'image' | 'video' | 'gif';
  mimeType: string;
  bytes: Uint8Array;
  altText?: string;
  /** The file's size in bytes while `bytes` is not loaded yet (checks before the send); validation prefers it. */
  size?: number;
}

/** One post of a message (a thread has several, in order). */
export interface OutboundPart {
  text: string;
  media?: OutboundMedia[];
  link?: { url: string; title?: string; description?: string; thumb?: OutboundMedia };
  poll?: { options: string[]; durationSeconds: number };
}

/** What Regie hands a connector to publish: already checked by the gate. */
export interface OutboundVariant {
  /** Regie's stable key for this variant: publishing twice with it must not post twice. */
  idempotencyKey: string;
  parts: OutboundPart[];
  firstComment?: string;
  visibility?: 'public' | 'unlisted' | 'followers' | 'direct';
  language?: string;
}

/** A reply to an inbound item (comment, mention, DM, e-mail), also through the gate. */
export interface OutboundReply {
  idempotencyKey: string;
  inReplyTo: InboundItem;
  text: string;
  media?: OutboundMedia[];
}

export type PublishResult =
  | { status: 'published'; remote: RemoteRef; parts: RemoteRef[] }
  | { status: 'pending'; checkToken: string };

/** One inbound item, the same shape for every channel. `remoteId` is unique per channel (dedupe key). */
export interface InboundItem {
  remoteId: string;
  kind: InboundKind;
  /** The conversation it belongs to on the platform: comment thread, DM thread, e-mail thread. */
  threadRemoteId: string;
  inReplyToRemoteId?: string;
  author: { remoteId: string; handle?: string; displayName?: string; email?: string; avatarUrl?: string };
  text: string;
  /** Sanitised HTML where the platform sends HTML (e-mail); render as untrusted. */
  html?: string;
  subject?: string;
  createdAt: string;
  url?: string;
  attachments?: Array<{ name: string; mimeType: string; size: number; contentId?: string; bytes?: Uint8Array }>;
  /** Platform-specific references needed to reply (Bluesky root/parent uri+cid, e-mail Message-ID/References). */
  replyRef?: Record<string, string>;
  /** True when this is our own outbound message coming back (not a new question). */
  fromSelf?: boolean;
}

export interface PollResult {
  items: InboundItem[];
  /** Where to continue next time; persisted by the caller. */
  cursor: string | null;
}

export type WebhookResult =
  | { kind: 'challenge'; status: number; body: string; contentType?: string }
  | { kind: 'items'; items: Array<{ accountRemoteId: string; item: InboundItem }>; statuses?: Array<{ accountRemoteId: string; remoteId: string; status: string }> };

export interface WebhookRequest {
  method: string;
  rawBody: Buffer;
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
}

/** Values per metric; `null` means the platform does not report it (unsupported, never 0). */
export type MetricValues = Partial<Record<MetricName, number | null>>;

/** A finding of a connector's own validation (length, media, poll rules). Same verdict in browser and server. */
export interface ValidationFinding {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  part?: number;
  /** [start, end) in UTF-16 offsets of the part's text, when the finding points at a span. */
  span?: [number, number];
}

export interface ConnectorLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** The outbound HTTP a connector may use: guarded against private addresses, with time and size limits. */
export type HttpFetch = (url: string, init?: RequestInit & { timeoutMs?: number; maxBytes?: number }) => Promise<Response>;

/** What a connector gets for one call about one connected account. */
export interface ConnectorContext {
  account: AccountInfo;
  credentials: Credentials;
  /** For platform API calls (the platform's own hosts, or the configured instance). */
  fetch: HttpFetch;
  /** For URLs that users supplied (link cards, media by URL): refuses private, loopback and link-local targets. */
  fetchUntrusted: HttpFetch;
  now(): Date;
  log: ConnectorLog;
  /**
   * Refreshes expired OAuth credentials once, even when many calls ask at the same moment, stores them, and returns
   * the new ones. Present for strategies that can refresh.
   */
  refreshCredentials?(): Promise<Credentials>;
}

/** Input for connecting an account with a secret typed by a person (app password, mail login, access token). */
export type ConnectInput = Record<string, string>;

/** A field of the connect form for typed credentials; the UI translates `channels.fields.<name>`. */
export interface ConnectField {
  name: string;
  type: 'text' | 'password' | 'url' | 'email' | 'number' | 'checkbox';
  required: boolean;
  default?: string;
}

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** Mastodon: the instance's base URL. */
  instanceUrl?: string;
}

export interface Connector {
  kind: ChannelKind;
  displayName: string;
  capabilities: Capabilities;
  auth: AuthStrategy;

  /** Pure: checks a variant against this channel's rules. Used by the composer (browser) and the gate (server). */
  validate(variant: OutboundVariant): ValidationFinding[];

  /** The fields `connect` needs, for the connect form. */
  connectFields?: ConnectField[];
  /** Connects with typed credentials; returns what to store (encrypted) and the account. */
  connect?(fetch: HttpFetch, input: ConnectInput, now: Date): Promise<{ credentials: Credentials; account: AccountInfo }>;
  /** OAuth: the URL to send the person to. */
  authorizeUrl?(app: OAuthApp, p: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** OAuth: exchanges the code for credentials and the account. */
  exchangeCode?(fetch: HttpFetch, app: OAuthApp, p: { code: string; codeVerifier: string; redirectUri: string }, now: Date): Promise<{ credentials: Credentials; account: AccountInfo }>;
  /**
   * After an OAuth sign-in of a person: the accounts that person may connect (Facebook Pages, Instagram accounts,
   * WhatsApp numbers), each with the credentials to store. Regie asks the person to choose when there are several.
   */
  listAccounts?(fetch: HttpFetch, app: OAuthApp, signedIn: { credentials: Credentials; account: AccountInfo }, now: Date): Promise<Array<{ credentials: Credentials; account: AccountInfo }>>;
  /** Mastodon: registers Regie as an app on the instance. */
  registerApp?(fetch: HttpFetch, p: { instanceUrl: string; redirectUri: string; appName: string; website: string }): Promise<OAuthApp>;

  /**
   * Exchanges a refresh token (or Bluesky refresh JWT) for new credentials. Called only by Regie's host, once per
   * expiry across all processes; connectors ask for it through `ctx.refreshCredentials`, never call it themselves.
   */
  refresh?(fetch: HttpFetch, app: OAuthApp | null, credentials: Credentials, now: Date): Promise<Credentials>;

  /** Checks that the credentials still work; returns the (possibly updated) account. */
  verify(ctx: ConnectorContext): Promise<AccountInfo>;

  publish?(ctx: ConnectorContext, variant: OutboundVariant): Promise<PublishResult>;
  /**
   * How a repeated `publish` after a lost answer is kept from posting twice, when there is no `findPublished`:
   * the platform dedupes on the idempotency key (for `windowSeconds`, or forever when null), or `publish` itself
   * looks for an identical recent post (text posts only, within `windowSeconds`). Absent means: a person decides.
   */
  resendSafety?: { kind: 'key'; windowSeconds: number | null } | { kind: 'recent-text'; windowSeconds: number };
  /** How many posts per minute (and in one burst) Regie sends to one account; absent: only the platform's 429s pace it. */
  rateLimit?: { perMinute: number; burst: number };
  /**
   * Looks up an earlier publish (crash reconciliation); null when it never arrived. Platforms without an
   * idempotency key look up by text, so they need the variant and the time the attempt started.
   */
  findPublished?(ctx: ConnectorContext, idempotencyKey: string, variant?: OutboundVariant, attemptedAt?: Date): Promise<RemoteRef | null>;
  checkPending?(ctx: ConnectorContext, checkToken: string): Promise<PublishResult>;
  delete?(ctx: ConnectorContext, ref: RemoteRef): Promise<void>;
  reply?(ctx: ConnectorContext, reply: OutboundReply): Promise<RemoteRef>;

  poll?(ctx: ConnectorContext, cursor: string | null): Promise<PollResult>;
  /** Verifies the signature over the raw bytes BEFORE parsing; throws ConnectorError 'rejected' with status 401 when bad. */
  verifyAndParseWebhook?(req: WebhookRequest, secrets: { appSecret: string; verifyToken: string }): WebhookResult;

  metrics?(ctx: ConnectorContext, refs: RemoteRef[]): Promise<Map<string, MetricValues>>;
}
