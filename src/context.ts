import pino, { type Logger } from 'pino';
import type { Config } from './config/config';
import { createSystemMailer } from './connectors/mail/system-mailer';
import { systemClock, type Clock } from './core/shared/clock';
import { connectDatabase } from './db/connect';
import { migrateToLatest } from './db/migrations';
import type { App, Mailer } from './services/app';
import { connectors as shippedConnectors } from './connectors';
import { createPlatformFetch, createUntrustedFetch } from './connectors/http/fetchers';
import type { Connector, HttpFetch } from './connectors/types';
import { createLiveEvents } from './services/live-events';
import { loadCommonPasswords } from './services/passwords';
import { deriveKeys, loadOrCreateSecret } from './services/secret-key';

export interface ContextOptions {
  clock?: Clock;
  logger?: Logger;
  mailer?: Mailer;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  connectors?: Connector[];
  http?: { platform: HttpFetch; untrusted: HttpFetch };
}

/**
 * The composition root: opens the database, brings its schema up to date, loads the secret keys and wires the
 * mailer and clock. Everything else receives what it needs from the returned {@link App}.
 */
export async function createApp(config: Config, opts: ContextOptions = {}): Promise<App & { secretSource: string }> {
  const log = opts.logger ?? pino({ level: config.logLevel });
  const conn = connectDatabase(config);
  try {
    if (opts.migrate !== false) await migrateToLatest(conn.db, conn.dialect);
  } catch (err) {
    await conn.close();
    throw err;
  }
  const { secret, source } = loadOrCreateSecret(config.secretKey, config.dataDir);
  return {
    config,
    conn,
    db: conn.db,
    dialect: conn.dialect,
    clock: opts.clock ?? systemClock,
    log,
    keys: deriveKeys(secret),
    mailer: opts.mailer ?? createSystemMailer(config.smtpUrl, config.mailFrom, log),
    commonPasswords: loadCommonPasswords(),
    connectors: opts.connectors ?? shippedConnectors,
    http: opts.http ?? { platform: createPlatformFetch(), untrusted: createUntrustedFetch() },
    events: createLiveEvents(conn, log),
    secretSource: source,
  };
}
