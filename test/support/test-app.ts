import type { Connector } from '../../src/connectors/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/context';
import type { Clock } from '../../src/core/shared/clock';
import { buildHttpApp } from '../../src/http/app';
import { endInboxStreams } from '../../src/http/routes/inbox-events.routes';
import type { App, SystemMail } from '../../src/services/app';
import type { FastifyInstance } from 'fastify';

export type TestDb = 'sqlite' | 'postgres';

/** Which database this test run targets (set per vitest project). */
export function testDb(): TestDb {
  return process.env.REGIE_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/** True when the postgres project has no PostgreSQL (only outside CI): tests then skip. */
export function pgUnavailable(): boolean {
  return testDb() === 'postgres' && !inject('pgUrl');
}

/** A clock tests can move forward. */
export class TestClock implements Clock {
  constructor(private t = Date.now()) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t += ms;
  }
}

export interface TestApp {
  app: App;
  http: FastifyInstance;
  clock: TestClock;
  mails: SystemMail[];
  dataDir: string;
  databaseUrl: string | null;
  close(): Promise<void>;
}

/** Creates a fresh, empty database of the kind under test and returns its URL (null for SQLite) and a dropper. */
export async function freshDatabase(): Promise<{ url: string | null; drop(): Promise<void> }> {
  if (testDb() === 'sqlite') return { url: null, drop: async () => {} };
  const admin = inject('pgUrl')!;
  const name = `regie_t_${Math.random().toString(36).slice(2, 10)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return {
    url: admin.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** A complete Regie (database migrated, HTTP app ready for inject()) on a fresh database of the kind under test. */
export async function createTestApp(env: Record<string, string> = {}, opts: { webDir?: string | null; connectors?: Connector[] } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-test-'));
  const db = await freshDatabase();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(db.url ? { DATABASE_URL: db.url } : {}), ...env });
  const clock = new TestClock();
  const mails: SystemMail[] = [];
  const app = await createApp(config, {
    clock,
    ...(opts.connectors ? { connectors: opts.connectors } : {}),
    logger: pino({ level: 'silent' }),
    mailer: {
      async send(m) {
        mails.push(m);
        return true;
      },
    },
  });
  const http = await buildHttpApp(app, { webDir: opts.webDir ?? null });
  await http.ready();
  return {
    app,
    http,
    clock,
    mails,
    dataDir,
    databaseUrl: db.url,
    async close() {
      endInboxStreams(app);
      await http.close();
      await app.events.close();
      await app.conn.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
