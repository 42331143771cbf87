import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, pgUnavailable, testDb } from '../support/test-app';

const exec = promisify(execFile);

describe.skipIf(pgUnavailable())(`the regie command (${testDb()})`, () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let env: NodeJS.ProcessEnv;

  const regie = async (...args: string[]) => {
    try {
      const r = await exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, cwd: process.cwd() });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e: any) {
      return { code: e.code as number, out: e.stdout as string, err: e.stderr as string };
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'regie-cli-'));
    db = await freshDatabase();
    env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: db.url ?? '' };
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('explains itself with --help, also per command', async () => {
    expect((await regie('--help')).out).toMatch(/audit verify/);
    expect((await regie('backup', '--help')).out).toMatch(/consistent copy/);
    const bad = await regie('frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown command/);
  });

  it('migrates, creates a user, verifies the audit trail and backs up', { timeout: 120_000 }, async () => {
    expect((await regie('migrate')).out).toMatch(/Applied: 0001_foundation|up to date/);
    expect((await regie('migrate')).out).toMatch(/up to date/);
    const made = await regie('user', 'create', '--email', 'Beheer@Gemeente.nl', '--name', 'Beheerder');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/Created beheer@gemeente.nl/);
    expect(made.out).toMatch(/Password \(shown once\): \S{15,}/);
    const twice = await regie('user', 'create', '--email', 'beheer@gemeente.nl', '--name', 'B');
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/already exists/);
    const ok = await regie('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit trail intact: 1 records in 1 chains/);

    const out = join(dataDir, testDb() === 'sqlite' ? 'copy.db' : 'copy.sql');
    const b = await regie('backup', '--out', out);
    expect(b.code, b.err).toBe(0);
    expect(existsSync(out) && statSync(out).size).toBeGreaterThan(0);
    if (testDb() === 'sqlite') {
      const copy = new Database(out, { readonly: true });
      expect(copy.prepare('select email from users').all()).toEqual([{ email: 'beheer@gemeente.nl' }]);
      copy.close();
    } else {
      expect(readFileSync(out, 'utf8')).toMatch(/CREATE TABLE public\.audit_records/);
    }
  });

  it('reports bad configuration clearly, one line per problem', async () => {
    const r = await exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
      env: { ...env, PORT: 'abc', DATABASE_URL: 'mysql://x' },
    }).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT/);
    expect(r.stderr).toMatch(/DATABASE_URL: must start with postgres:\/\//);
  });
});
