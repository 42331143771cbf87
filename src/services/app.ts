import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Clock } from '../core/shared/clock';
import type { Connection, Dialect } from '../db/dialect';
import type { Q } from '../db/repos/types';
import type { Connector, HttpFetch } from '../connectors/types';
import type { Keys } from './secret-key';

/** A message Regie itself sends (invitations, password resets): not on an organization's behalf. */
export interface SystemMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves to true when the message was handed to a mail server; never throws. */
  send(mail: SystemMail): Promise<boolean>;
}

/** A change in a workspace's inbox, told to every open tab (and, on PostgreSQL, every server process). */
export interface InboxEvent {
  type: 'conversation';
  conversationId: string;
  change: 'new' | 'message' | 'updated' | 'reply' | 'note';
}

/** Live updates: publish after a commit; subscribers in this process (and others, where the database can tell them). */
export interface LiveEvents {
  publish(workspaceId: string, event: InboxEvent): void;
  /** Returns the function that ends the subscription. */
  subscribe(workspaceId: string, listener: (event: InboxEvent) => void): () => void;
  close(): Promise<void>;
}

/** Everything a use case needs, wired once in context.ts. */
export interface App {
  config: Config;
  conn: Connection;
  db: Q;
  dialect: Dialect;
  clock: Clock;
  log: Logger;
  keys: Keys;
  mailer: Mailer;
  commonPasswords: ReadonlySet<string>;
  /** The connectors this installation offers (tests may pass their own). */
  connectors: Connector[];
  /** Outbound HTTP for connectors: to platform APIs, and guarded for user-supplied URLs. */
  http: { platform: HttpFetch; untrusted: HttpFetch };
  events: LiveEvents;
}

/** The person behind a request, and where it came from (for the audit trail). */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  locale: 'nl' | 'en' | null;
  /** Installation administrator (enters the platforms' app credentials). */
  isAdmin: boolean;
  sessionId: string | null;
  tokenId: string | null;
  csrf: string | null;
  ip: string | null;
  userAgent: string | null;
}
