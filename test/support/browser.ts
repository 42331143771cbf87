import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD } from './client';
import { createTestApp, type TestApp } from './test-app';

export const CHROMIUM = '/usr/bin/chromium';

/** True when Debian's Chromium is missing outside CI: browser tests then skip. In CI they must run. */
export function browserUnavailable(): boolean {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') throw new Error('CI: /usr/bin/chromium is required for browser tests (apt-get install chromium).');
  console.warn('[browser] /usr/bin/chromium not found: browser tests are skipped locally (apt-get install chromium fonts-dejavu-core).');
  return true;
}

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Regie on a fresh SQLite database serving the built UI on a loopback port, and a headless Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const webDir = join(process.cwd(), 'dist/web');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error('dist/web is missing: run `node scripts/build.mjs` (npm test does).');
  const t = await createTestApp({ PUBLIC_URL: 'http://127.0.0.1:0' }, { webDir });
  await t.http.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.http.server.address() as { port: number }).port;
  t.app.config.publicUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A new page in its own context (own cookies), in the given language. */
export async function newPage(env: BrowserEnv, locale = 'nl-NL'): Promise<Page> {
  const ctx = await env.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

const shotsDir = join(process.cwd(), 'test-results');

/** Saves a full-page screenshot to test-results/<name>.png, to be looked at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

/** A new page signed in as `email` (the test password), in Dutch unless told otherwise. */
export async function signIn(env: BrowserEnv, email: string, locale = 'nl-NL'): Promise<Page> {
  const page = await newPage(env, locale);
  await page.goto(`${env.baseUrl}/login`);
  await page.getByLabel(locale.startsWith('nl') ? 'E-mailadres' : 'E-mail address').fill(email);
  await page.getByLabel(locale.startsWith('nl') ? 'Wachtwoord' : 'Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: locale.startsWith('nl') ? 'Inloggen' : 'Log in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** Fails on any serious or critical axe violation on the current page. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), `axe on ${label}`).toEqual([]);
}
