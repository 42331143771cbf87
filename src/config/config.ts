import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Settings Regie runs with. Built only from the environment by {@link loadConfig}. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** postgres://… when set; otherwise the embedded SQLite file `<dataDir>/regie.db`. */
  databaseUrl: string | null;
  /** Base64 32-byte key; when null it is read from (or generated into) `<dataDir>/secret.key`. */
  secretKey: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlDays: number;
  trustProxy: boolean;
  cookieSecure: boolean;
  /**
   * A stable, unique name for this process's worker. When set (or on SQLite, where one process does all the work),
   * a restarted worker takes back its own leases at once instead of waiting for them to run out; on PostgreSQL give
   * each worker its own name (e.g. the service unit), or leave it unset.
   */
  workerName: string | null;
  /** How often the worker asks channels that can be polled (Bluesky, Mastodon, e-mail, …) for new messages. */
  inboxPollSeconds: number;
  /** OAuth apps and webhook secrets of the platforms, when given by environment (they can also be set in the UI). */
  providers: {
    meta: { appId: string; appSecret: string; verifyToken: string } | null;
    linkedin: { clientId: string; clientSecret: string } | null;
    x: { clientId: string; clientSecret: string } | null;
  };
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ message: 'must be a full URL such as https://regie.example.nl' }).optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset to use the embedded SQLite database)')
      .optional(),
  ),
  SECRET_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
      .optional(),
  ),
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\//, 'must look like smtp://user:pass@host:587').optional()),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Regie <regie@localhost>')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  SESSION_TTL_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  WORKER_NAME: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'use letters, digits and . _ : - (at most 64)').optional()),
  INBOX_POLL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(5).max(3600).default(60)),
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).default('false')),
  META_APP_ID: z.preprocess(emptyToUndefined, z.string().optional()),
  META_APP_SECRET: z.preprocess(emptyToUndefined, z.string().optional()),
  META_WEBHOOK_VERIFY_TOKEN: z.preprocess(emptyToUndefined, z.string().optional()),
  LINKEDIN_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().optional()),
  LINKEDIN_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string().optional()),
  X_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().optional()),
  X_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string().optional()),
});

/** A configuration problem, with one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Regie cannot start, the configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Reads and validates the configuration from an environment map (default: `process.env`, after loading `./.env`
 * if it exists). Throws {@link ConfigError} naming every problem at once.
 */
export function loadConfig(env: Record<string, string | undefined> = readProcessEnv()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    secretKey: e.SECRET_KEY ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    cookieSecure: publicUrl.startsWith('https://'),
    workerName: e.WORKER_NAME ?? null,
    inboxPollSeconds: e.INBOX_POLL_SECONDS,
    providers: {
      meta: e.META_APP_ID && e.META_APP_SECRET ? { appId: e.META_APP_ID, appSecret: e.META_APP_SECRET, verifyToken: e.META_WEBHOOK_VERIFY_TOKEN ?? '' } : null,
      linkedin: e.LINKEDIN_CLIENT_ID && e.LINKEDIN_CLIENT_SECRET ? { clientId: e.LINKEDIN_CLIENT_ID, clientSecret: e.LINKEDIN_CLIENT_SECRET } : null,
      x: e.X_CLIENT_ID && e.X_CLIENT_SECRET ? { clientId: e.X_CLIENT_ID, clientSecret: e.X_CLIENT_SECRET } : null,
    },
  };
}

/** The process environment, with `./.env` merged in underneath (real environment variables win). */
export function readProcessEnv(): Record<string, string | undefined> {
  const file = resolve('.env');
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}

/** True when running in CI (`CI=true`): tests must not skip for a missing tool there. */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}
