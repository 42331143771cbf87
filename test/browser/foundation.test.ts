import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUserAccount } from '../../src/services/users.service';
import { browserUnavailable, expectAccessible, newPage, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { Client, PASSWORD, inviteAndJoin } from '../support/client';

/**
 * The foundation's user journeys in a real Chromium, in order, each building on the one before: first-run
 * set-up, inviting a member, granting an agency a mandate, the advisor working under it, revoking it (the
 * advisor's open page loses access), the language switch, the audit log and what a viewer does not see.
 */

const OWNER = { name: 'Olga Oosterhuis', email: 'olga@gemeente-testdorp.nl' };
const EDITOR = { name: 'Eddy de Vries', email: 'eddy@gemeente-testdorp.nl' };
const ADVISOR = { name: 'Ada Adviseur', email: 'ada@bureauhelder.nl' };
const VIEWER = { name: 'Vera Meelezer', email: 'vera@gemeente-testdorp.nl' };
const ORG = 'Gemeente Testdorp';
const WORKSPACE = 'Communicatie';
const AGENCY = 'Bureau Helder';
const REASON = 'Samenwerking afgerond';

/** Polls until the assertion holds (Playwright-style auto-waiting, no fixed sleeps). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 50 });

/** Full-page screenshot from the top (a scrolled page leaves sticky-header offsets in full-page captures). */
async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

const text = async (p: Page, testId: string) => (await p.getByTestId(testId).innerText()).replace(/\s+/g, ' ');

describe.skipIf(browserUnavailable())('foundation journeys in the browser', () => {
  let env: BrowserEnv;
  let owner: Page;
  let advisor: Page;
  let wsId = '';
  let wsPath = '';
  const consoleErrors: string[] = [];

  /** A page in its own browser context; console errors from the page's own JS are collected (4xx resource logs are expected). */
  async function open(label: string, locale = 'nl-NL'): Promise<Page> {
    const page = await newPage(env, locale);
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
      consoleErrors.push(`[${label}] ${m.text()} @ ${m.location().url}`);
    });
    return page;
  }

  async function login(page: Page, email: string): Promise<void> {
    await page.goto(env.baseUrl);
    await page.waitForURL('**/login');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`**${wsPath}`);
  }

  beforeAll(async () => {
    env = await startBrowserEnv();
  });

  afterEach(() => {
    expect(consoleErrors, 'console errors from the page').toEqual([]);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('1. first-run set-up lands the owner in the new workspace', async () => {
    owner = await open('owner');
    await owner.goto(env.baseUrl);
    await owner.waitForURL('**/setup');
    await owner.getByRole('heading', { level: 1, name: 'Regie inrichten' }).waitFor();
    await expectAccessible(owner, 'setup');

    await owner.getByLabel('Je naam').fill(OWNER.name);
    await owner.getByLabel('E-mailadres').fill(OWNER.email);
    await owner.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await owner.getByLabel('Naam van de organisatie').fill(ORG);
    await owner.getByLabel('Naam van de werkruimte').fill(WORKSPACE);
    await snap(owner, '01-setup-form');
    await owner.getByRole('button', { name: 'Account en werkruimte aanmaken' }).click();

    await owner.waitForURL(/\/w\/[^/]+$/);
    wsPath = new URL(owner.url()).pathname;
    wsId = decodeURIComponent(wsPath.split('/')[2]);
    await owner.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await owner.getByRole('heading', { level: 1, name: 'Welkom, Olga' }).waitFor();
    await poll(() => text(owner, 'your-role')).toContain('Regiehouder');
    expect(await text(owner, 'workspace-switcher')).toContain(WORKSPACE);
    expect(await text(owner, 'workspace-switcher')).toContain(ORG);
    expect(await owner.getByTestId('user-menu').innerText()).toContain(OWNER.name);
    for (const key of ['overview', 'members', 'mandates', 'audit', 'settings']) await owner.getByTestId(`nav-${key}`).waitFor();
    expect(await owner.getByTestId('nav-overview').getAttribute('aria-current')).toBe('page');
    expect(await owner.getByTestId('acting-for').count()).toBe(0);
    // Every "coming next" item (label + badge) stays inside the sidebar's nav column.
    const overflow = await owner.getByTestId(/^nav-soon-/).evaluateAll((els) =>
      els
        .filter((e) => e.getBoundingClientRect().right > e.closest('.nav-section')!.getBoundingClientRect().right + 0.5)
        .map((e) => e.getAttribute('data-testid')),
    );
    expect(overflow).toEqual([]);
    await poll(() => text(owner, 'overview-mandates')).toContain('Geen bureau heeft een mandaat');
    await snap(owner, '02-owner-overview');
    await expectAccessible(owner, 'owner overview');
  });

  it('2. the owner invites an editor, who accepts in a new browser context', async () => {
    await owner.getByTestId('nav-members').click();
    await owner.waitForURL(`**${wsPath}/members`);
    await owner.getByRole('heading', { level: 1, name: 'Leden' }).waitFor();
    await poll(() => text(owner, 'members-table')).toContain(OWNER.name);
    await owner.getByTestId('invitations-empty').waitFor();

    const form = owner.getByTestId('invite-member');
    await form.getByLabel('E-mailadres').fill(EDITOR.email);
    await form.getByLabel('Rol').selectOption('editor');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await owner.getByTestId('invite-created').waitFor();
    expect(await text(owner, 'invite-created')).toContain(`Uitnodiging voor ${EDITOR.email} aangemaakt.`);
    expect(await text(owner, 'invite-created')).toContain('De uitnodiging is per e-mail verstuurd.');

    const shownUrl = await owner.getByTestId('accept-url').inputValue();
    const mail = env.t.mails.find((m) => m.to === EDITOR.email);
    expect(mail, 'invitation e-mail').toBeDefined();
    const mailedUrl = /https?:\/\/\S+\/invite\/\S+/.exec(mail!.text)?.[0];
    expect(mailedUrl).toBe(shownUrl);
    expect(new URL(shownUrl).origin).toBe(env.baseUrl);

    await poll(() => text(owner, 'invitations-table')).toContain(EDITOR.email);
    const pending = owner.getByTestId('invitations-table').getByRole('row').filter({ hasText: EDITOR.email });
    expect(await pending.innerText()).toContain('Redacteur');
    expect(await pending.innerText()).toContain(OWNER.name);
    await snap(owner, '03-members-invited');
    await expectAccessible(owner, 'members (owner)');

    const editor = await open('editor');
    await editor.goto(shownUrl);
    await editor.getByTestId('invite-summary').waitFor();
    const summary = await text(editor, 'invite-summary');
    expect(summary).toContain(`${OWNER.name} nodigt je uit om te werken in de werkruimte ${WORKSPACE}`);
    expect(summary).toContain('Redacteur');
    expect(summary).toContain(EDITOR.email);
    await editor.getByLabel('Je naam').fill(EDITOR.name);
    await editor.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await snap(editor, '04-invite-accept-form');
    await expectAccessible(editor, 'invitation page');
    await editor.getByRole('button', { name: 'Account aanmaken en accepteren' }).click();

    await editor.waitForURL(`**${wsPath}`);
    await editor.getByRole('heading', { level: 1, name: 'Welkom, Eddy' }).waitFor();
    await poll(() => text(editor, 'your-role')).toContain('Redacteur');
    expect(await editor.getByTestId('nav-audit').count()).toBe(0);
    expect(await editor.getByTestId('nav-settings').count()).toBe(0);
    await snap(editor, '05-editor-overview');
    await expectAccessible(editor, 'editor overview');
    await editor.context().close();

    // The owner sees the new member, and the invitation is no longer pending.
    await owner.reload();
    await poll(() => text(owner, 'members-table')).toContain(EDITOR.name);
    const row = owner.getByTestId('members-table').getByRole('row').filter({ hasText: EDITOR.name });
    expect(await row.getByRole('combobox', { name: `Rol van ${EDITOR.name}` }).inputValue()).toBe('editor');
    await owner.getByTestId('invitations-empty').waitFor();
  });

  it('3. the owner grants Bureau Helder an editor mandate', async () => {
    await createUserAccount(env.t.app, { ...ADVISOR, password: PASSWORD }, { ip: null, userAgent: null });
    const api = new Client(env.t.http);
    expect((await api.post('/api/auth/login', { email: ADVISOR.email, password: PASSWORD })).status).toBe(200);
    const agency = await api.post('/api/agencies', { name: AGENCY });
    expect(agency.status).toBe(201);

    await owner.getByTestId('nav-mandates').click();
    await owner.waitForURL(`**${wsPath}/mandates`);
    await owner.getByRole('heading', { level: 1, name: 'Bureaus & mandaten' }).waitFor();
    await owner.getByTestId('mandates-empty').waitFor();
    const form = owner.getByTestId('grant-mandate');
    await form.getByLabel('Bureau', { exact: true }).selectOption({ label: AGENCY });
    await form.getByLabel('Rol').selectOption('editor');
    await snap(owner, '06-mandate-grant-form');
    await form.getByRole('button', { name: 'Mandaat verlenen' }).click();

    await poll(() => text(owner, 'grant-mandate')).toContain(`${AGENCY} heeft nu een mandaat.`);
    const row = owner.getByTestId('mandates-table').locator('tbody tr').filter({ hasText: AGENCY });
    await row.waitFor();
    expect(await owner.getByTestId('mandates-table').locator('tbody tr').count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('active');
    const cells = (await row.innerText()).replace(/\s+/g, ' ');
    expect(cells).toContain('Actief');
    expect(cells).toContain('Redacteur');
    expect(cells).toContain(`verleend door ${OWNER.name}`);
    expect(cells).toContain('geen einddatum');
    await snap(owner, '07-mandate-active');
    await expectAccessible(owner, 'mandates (owner)');
  });

  it('4. the advisor works in exactly that workspace, always under the acting-for banner', async () => {
    advisor = await open('advisor');
    await advisor.goto(env.baseUrl);
    await advisor.waitForURL('**/login');
    await advisor.getByRole('heading', { level: 1, name: 'Inloggen bij Regie' }).waitFor();
    await snap(advisor, '08-login');
    await expectAccessible(advisor, 'login');
    await login(advisor, ADVISOR.email);

    const banner = `Je werkt voor ${ORG} namens ${AGENCY}`;
    await poll(() => text(advisor, 'acting-for')).toBe(banner);
    await advisor.getByRole('heading', { level: 1, name: 'Welkom, Ada' }).waitFor();
    await poll(() => text(advisor, 'your-role')).toContain(`Redacteur via het mandaat van ${AGENCY}`);
    expect(await advisor.getByTestId('nav-audit').count()).toBe(0);

    await advisor.getByTestId('workspace-switcher').click();
    const items = advisor.getByTestId(/^switch-ws-/);
    await items.first().waitFor();
    expect(await items.count()).toBe(1);
    expect((await items.innerText()).replace(/\s+/g, ' ')).toContain(`${WORKSPACE} ${ORG} · via ${AGENCY}`);
    await snap(advisor, '09-advisor-overview-switcher');
    await advisor.keyboard.press('Escape');
    await items.first().waitFor({ state: 'hidden' });
    await expectAccessible(advisor, 'advisor overview');

    await advisor.getByTestId('nav-members').click();
    await advisor.waitForURL(`**${wsPath}/members`);
    await poll(() => text(advisor, 'members-table')).toContain(ADVISOR.name);
    expect(await text(advisor, 'acting-for')).toBe(banner);
    const me = advisor.getByTestId('members-table').getByRole('row').filter({ hasText: ADVISOR.name });
    expect((await me.innerText()).replace(/\s+/g, ' ')).toContain(`Bureau: ${AGENCY}`);
    expect(await advisor.getByTestId('invite-member').count()).toBe(0);
    await snap(advisor, '10-advisor-members');
    await expectAccessible(advisor, 'advisor members');
  });

  it('5. revoking the mandate takes the advisor out at their next click', async () => {
    const row = owner.getByTestId('mandates-table').locator('tbody tr').filter({ hasText: AGENCY });
    await row.getByTestId('revoke-mandate').click();
    const dialog = owner.getByTestId('revoke-mandate-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').innerText()).toBe(`Mandaat van ${AGENCY} intrekken?`);
    await dialog.getByLabel('Reden').fill(REASON);
    await snap(owner, '11-revoke-dialog');
    await expectAccessible(owner, 'revoke dialog');
    await dialog.getByTestId('confirm-button').click();
    await dialog.waitFor({ state: 'hidden' });

    await poll(() => row.getAttribute('data-status')).toBe('revoked');
    const cells = (await row.innerText()).replace(/\s+/g, ' ');
    expect(cells).toContain('Ingetrokken');
    expect(cells).toContain(`ingetrokken door ${OWNER.name}`);
    expect(cells).toContain(REASON);
    expect(await row.getByTestId('revoke-mandate').count()).toBe(0);
    expect(await text(owner, 'mandate-notice')).toContain(`Het mandaat van ${AGENCY} is ingetrokken.`);
    await snap(owner, '12-mandate-revoked');

    // The advisor's page is still open on the members list; the next click finds the door closed.
    await advisor.getByTestId('nav-overview').click();
    await advisor.getByTestId('access-lost').waitFor();
    expect(await advisor.getByRole('heading', { level: 1 }).innerText()).toBe('Je hebt geen toegang (meer) tot deze werkruimte');
    expect(new URL(advisor.url()).pathname).toBe(wsPath);
    expect(await advisor.getByTestId('acting-for').count()).toBe(0);
    expect(await advisor.getByTestId('nav-members').count()).toBe(0);
    await snap(advisor, '13-advisor-access-lost');
    await expectAccessible(advisor, 'access lost');

    // Home now has no workspace for them: they land on their agency.
    await advisor.getByRole('link', { name: 'Naar de startpagina' }).click();
    await advisor.waitForURL('**/agencies/*');
    await advisor.getByRole('heading', { level: 1, name: AGENCY }).waitFor();
    await advisor.getByTestId('workspace-switcher').click();
    await advisor.getByText('Je zit nog in geen enkele werkruimte.').waitFor();
    expect(await advisor.getByTestId(/^switch-ws-/).count()).toBe(0);
    await advisor.keyboard.press('Escape');
    await snap(advisor, '14-advisor-agency-after-revoke');
    await expectAccessible(advisor, 'agency page');
    await advisor.context().close();
  });

  it('6. the language switch changes the texts and <html lang> without a reload', async () => {
    const lang = () => owner.evaluate(() => document.documentElement.lang);
    const h1 = () => owner.getByRole('heading', { level: 1 }).innerText();
    expect(await lang()).toBe('nl');
    expect(await owner.getByTestId('nav-members').innerText()).toBe('Leden');
    await owner.evaluate(() => ((window as unknown as { regieMarker: number }).regieMarker = 42));

    const sw = owner.getByRole('combobox', { name: 'Taal / Language' });
    await sw.selectOption('en');
    try {
      await poll(lang).toBe('en');
      await poll(() => owner.getByTestId('nav-members').innerText()).toBe('Members');
      expect(await h1()).toBe('Agencies & mandates');
      expect(await owner.getByTestId('nav-calendar').innerText()).toContain('Calendar');
      expect(await owner.getByTestId('nav-inbox').innerText()).toContain('Inbox');
      const row = owner.getByTestId('mandates-table').locator('tbody tr').filter({ hasText: AGENCY });
      expect(await row.innerText()).toContain('Revoked');
      expect(await text(owner, 'mandate-notice')).toContain(`The mandate of ${AGENCY} has been revoked.`);
      expect(await owner.evaluate(() => (window as unknown as { regieMarker?: number }).regieMarker)).toBe(42);
      expect(await owner.title()).toContain('Agencies & mandates');
      await snap(owner, '15-mandates-english');
      await expectAccessible(owner, 'mandates (English)');
    } finally {
      // Back to Dutch even when an assertion above failed, so the next journey is not thrown off.
      await sw.selectOption('nl');
    }
    await poll(lang).toBe('nl');
    await poll(() => owner.getByTestId('nav-members').innerText()).toBe('Leden');
    expect(await h1()).toBe('Bureaus & mandaten');
    expect(await text(owner, 'mandate-notice')).toContain(`Het mandaat van ${AGENCY} is ingetrokken.`);
    expect(await owner.evaluate(() => (window as unknown as { regieMarker?: number }).regieMarker)).toBe(42);
  });

  it('7. the audit log shows grant and revoke; a viewer does not see owner-only items', async () => {
    await owner.getByTestId('nav-audit').click();
    await owner.waitForURL(`**${wsPath}/audit`);
    await owner.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await owner.getByTestId('audit-table').waitFor();
    const granted = owner.locator('[data-testid="audit-row"][data-action="mandate.granted"]');
    const revoked = owner.locator('[data-testid="audit-row"][data-action="mandate.revoked"]');
    expect(await granted.count()).toBe(1);
    expect(await revoked.count()).toBe(1);
    const g = (await granted.innerText()).replace(/\s+/g, ' ');
    expect(g).toContain('Mandaat verleend');
    expect(g).toContain(OWNER.name);
    expect(g).toContain(ORG);
    expect(g).toContain(`agency: ${AGENCY}`);
    const r = (await revoked.innerText()).replace(/\s+/g, ' ');
    expect(r).toContain('Mandaat ingetrokken');
    expect(r).toContain(OWNER.name);
    expect(r).toContain(`agency: ${AGENCY}`);
    expect(r).toContain(`reason: ${REASON}`);
    const joined = owner.locator('[data-testid="audit-row"][data-action="member.joined"]');
    expect((await joined.innerText()).replace(/\s+/g, ' ')).toContain(EDITOR.name);
    // Newest first: the revoke is listed above the grant.
    const actions = await owner.getByTestId('audit-row').evaluateAll((rows) => rows.map((x) => x.getAttribute('data-action')));
    expect(actions.indexOf('mandate.revoked')).toBeLessThan(actions.indexOf('mandate.granted'));
    await snap(owner, '16-audit');
    await expectAccessible(owner, 'audit');

    // A viewer, invited and accepted through the API, signs in through the browser.
    const ownerApi = new Client(env.t.http);
    expect((await ownerApi.post('/api/auth/login', { email: OWNER.email, password: PASSWORD })).status).toBe(200);
    await inviteAndJoin(env.t.http, ownerApi, `/api/workspaces/${wsId}/invitations`, VIEWER.email, 'viewer', VIEWER.name);

    const viewer = await open('viewer');
    await login(viewer, VIEWER.email);
    await viewer.getByRole('heading', { level: 1, name: 'Welkom, Vera' }).waitFor();
    await poll(() => text(viewer, 'your-role')).toContain('Meelezer');
    for (const key of ['overview', 'members', 'mandates']) await viewer.getByTestId(`nav-${key}`).waitFor();
    expect(await viewer.getByTestId('nav-audit').count()).toBe(0);
    expect(await viewer.getByTestId('nav-settings').count()).toBe(0);
    expect(await viewer.getByTestId('quick-audit').count()).toBe(0);
    expect(await viewer.getByTestId('quick-settings').count()).toBe(0);
    expect(await viewer.getByTestId('acting-for').count()).toBe(0);
    await snap(viewer, '17-viewer-overview');
    await expectAccessible(viewer, 'viewer overview');

    await viewer.getByTestId('nav-members').click();
    await poll(() => text(viewer, 'members-table')).toContain(VIEWER.name);
    expect(await viewer.getByTestId('invite-member').count()).toBe(0);
    expect(await viewer.getByTestId('role-select').count()).toBe(0);

    // Typing the owner-only address does not reveal it either.
    await viewer.goto(`${env.baseUrl}${wsPath}/audit`);
    await viewer.getByTestId('owner-only').waitFor();
    expect(await viewer.getByTestId('audit-table').count()).toBe(0);
    expect(await viewer.getByRole('heading', { level: 1 }).innerText()).toBe('Alleen voor regiehouders');
    await snap(viewer, '18-viewer-owner-only');
    await expectAccessible(viewer, 'owner-only page');
    await viewer.context().close();
    await owner.context().close();
  });
});
