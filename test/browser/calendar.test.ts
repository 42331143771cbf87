import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserUnavailable, expectAccessible, newPage, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { PASSWORD } from '../support/client';
import { buildWorld, type World } from '../support/world';

const missing = browserUnavailable() || !inject('pgUrl');
if (missing && process.env.CI === 'true') throw new Error('CI: the calendar journey needs Chromium');

/** The date (YYYY-MM-DD) in Europe/Amsterdam of an instant. */
const amsDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const amsTime = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/**
 * The calendar: a scheduled post is dragged to another day (its time of day kept) and moved with the keyboard
 * alternative; then posts are imported from a CSV file with a preview, per-row errors and progress.
 */
describe.skipIf(missing)('calendar and CSV import in the browser', () => {
  let env: BrowserEnv;
  let w: World;
  let page: Page;
  let postId: string;
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 150 });
  const scheduledAt = async (id: string) => (await w.owner.get(`/api/workspaces/${w.ws}/posts/${id}`)).body.scheduledAt as string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    w = await buildWorld(env.t.http, env.t.app);
    // A post at 14:30 Amsterdam time, the 10th of next month (a day safely in the future).
    const now = new Date();
    const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 10, 13, 30));
    const p = await w.owner.post(`/api/workspaces/${w.ws}/posts`, { content: { title: 'Wijkfeest', core: 'Zaterdag wijkfeest op het plein.', variants: [{ channelId: w.channel.id, parts: ['Zaterdag wijkfeest op het plein.'] }] } });
    postId = p.body.id;
    await w.owner.post(`/api/workspaces/${w.ws}/posts/${postId}/schedule`, { version: 1, at: target.toISOString() });
    page = await newPage(env, 'nl-NL');
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill('owner@gemeente.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/w/**');
  }, 120_000);

  afterAll(() => env?.close());

  it('drags a post to another day; the time of day stays', async () => {
    const before = await scheduledAt(postId);
    await page.goto(`${env.baseUrl}/w/${w.ws}/calendar?view=month&date=${amsDate(before)}`);
    const chip = page.locator(`[data-testid="calendar-chip"][data-post-id="${postId}"]`);
    await chip.waitFor();
    await expectAccessible(page, 'calendar month');
    const day = new Date(Date.parse(before) + 3 * 86_400_000);
    await chip.dragTo(page.locator(`[data-testid="calendar-day"][data-date="${amsDate(day.toISOString())}"]`));
    await poll(async () => amsDate(await scheduledAt(postId))).toBe(amsDate(day.toISOString()));
    expect(amsTime(await scheduledAt(postId))).toBe(amsTime(before));
    await shot(page, 'cal-01-dragged');
  });

  it('moves a post with the keyboard alternative', async () => {
    const chip = page.locator(`[data-testid="calendar-chip"][data-post-id="${postId}"]`);
    await chip.getByTestId('calendar-chip-move').click();
    const dialog = page.getByTestId('calendar-move-dialog');
    const at = await scheduledAt(postId);
    const next = new Date(Date.parse(at) + 86_400_000);
    await dialog.getByTestId('calendar-move-date').fill(amsDate(next.toISOString()));
    await dialog.getByTestId('calendar-move-time').fill('09:15');
    await dialog.getByTestId('calendar-move-submit').click();
    await poll(async () => `${amsDate(await scheduledAt(postId))} ${amsTime(await scheduledAt(postId))}`).toBe(`${amsDate(next.toISOString())} 09:15`);
  });

  it('imports posts from a CSV file: preview, errors per row, progress, summary', async () => {
    const y = new Date().getUTCFullYear() + 1;
    const csv = [
      'datum;tijd;kanalen;tekst;link;cta_type;cta_text;cta_url;campagne;eerste_reactie;instrument',
      `${y}-03-02;10:00;Testdorp sandbox;Voorjaarsschoonmaak in de wijk!;;;;;;;post`,
      `${y}-03-03;11:30;Testdorp sandbox;Meld je aan voor de buurtcommissie;;sign_up;Aanmelden;https://testdorp.nl/buurt;;;post`,
      `${y}-03-04;25:99;Testdorp sandbox;Deze tijd bestaat niet;;;;;;;post`,
      `${y}-03-05;10:00;Onbekend kanaal;Dit kanaal bestaat niet;;;;;;;post`,
    ].join('\r\n');
    await page.goto(`${env.baseUrl}/w/${w.ws}/calendar`);
    await page.getByTestId('calendar-import-open').click();
    await page.getByTestId('calendar-import-file').setInputFiles({ name: 'planning.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('calendar-import-preview').waitFor();
    expect(await page.getByTestId('calendar-import-error').count()).toBe(2);
    expect(await page.locator('[data-testid="calendar-import-error"][data-line="4"]').getAttribute('data-code')).toBe('bad_time');
    expect(await page.locator('[data-testid="calendar-import-error"][data-line="5"]').getAttribute('data-code')).toBe('unknown_channel');
    await shot(page, 'cal-02-import-preview');
    await expectAccessible(page, 'import preview');
    await page.getByTestId('calendar-import-start').click();
    await page.getByTestId('calendar-import-summary').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('calendar-import-count-scheduled').getAttribute('data-count')).toBe('2');
    await shot(page, 'cal-03-import-summary');
    const posts = (await w.owner.get(`/api/workspaces/${w.ws}/posts`)).body.items as Array<{ title: string; scheduledAt: string; instrument: string }>;
    const imported = posts.filter((p) => p.scheduledAt?.startsWith(`${y}-03-0`));
    expect(imported).toHaveLength(2);
    expect(imported.find((p) => p.instrument === 'cta')).toBeTruthy();
    expect(amsTime(imported.find((p) => p.scheduledAt.startsWith(`${y}-03-02`))!.scheduledAt)).toBe('10:00');
  });
});
