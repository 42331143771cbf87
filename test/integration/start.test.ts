import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/postgres-server';
import { freshDatabase, pgUnavailable, testDb } from '../support/test-app';

/** What `npm start` runs after its build step: the server bundle, on a fresh data folder (and database). */
describe.skipIf(pgUnavailable())(`the built server starts and serves the UI and API (${testDb()})`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dataDir: string;
  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'regie-start-'));
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /api/health, serves the SPA on deep links, and stops on SIGTERM', { timeout: 60_000 }, async () => {
    expect(existsSync('dist/server/regie.mjs'), 'run node scripts/build.mjs (npm test does)').toBe(true);
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/server/regie.mjs', 'serve'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: db.url ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      let health: Response | null = null;
      for (let i = 0; i < 200 && !health; i++) {
        if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (!health) await new Promise((r) => setTimeout(r, 50));
      }
      expect(await health!.json()).toMatchObject({ status: 'ok', database: { dialect: testDb() } });
      expect(out).toMatch(new RegExp(`Regie runs at http://localhost:${port}`));
      const page = await fetch(`http://127.0.0.1:${port}/w/some-workspace/channels`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(child.exitCode === 0 || child.signalCode === 'SIGTERM').toBe(true);
  });
});
