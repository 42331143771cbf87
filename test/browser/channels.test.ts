import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAtprotoNetwork, type AtprotoNetwork } from '../support/atproto-network';
import { browserUnavailable, expectAccessible, newPage, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { PASSWORD, setupOwner } from '../support/client';
import { mailServersUnavailable, startMailServers, type MailServers } from '../support/mail-server';

const missing = browserUnavailable() || !inject('pgUrl') || mailServersUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`CI: the channels journey needs Chromium, PostgreSQL and the mail servers (${mailServersUnavailable() ?? ''})`);

/**
 * A newcomer connects a Bluesky account (the local AT Protocol network) and the organization's mailbox (Dovecot and
 * Postfix started here) from the browser, sees their status, and sees what came in.
 */
describe.skipIf(!!missing)('connecting channels in the browser', () => {
  let net: AtprotoNetwork;
  let mail: MailServers;
  let env: BrowserEnv;
  let page: Page;
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

  beforeAll(async () => {
    [net, mail, env] = await Promise.all([startAtprotoNetwork(inject('pgUrl')!), startMailServers(), startBrowserEnv()]);
    await setupOwner(env.t.http, 'owner@gemeente.test');
    page = await newPage(env, 'nl-NL');
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill('owner@gemeente.test');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/w/**');
    await page.getByTestId('nav-channels').click();
    await page.getByRole('heading', { name: 'Kanalen', level: 1 }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([env?.close(), net?.close(), mail?.stop()]);
  });

  it('connects a Bluesky account with an app password and shows what came in', async () => {
    await shot(page, 'ch-01-empty');
    await expectAccessible(page, 'channels, empty');
    const me = await net.createAccount('gemeente', 'Gemeente Testdorp');
    const appPassword = await net.createAppPassword(me, 'Regie');
    await page.getByRole('button', { name: 'Kanaal verbinden' }).first().click();
    await page.getByTestId('connect-kind-bluesky').click();
    const dialog = page.getByTestId('connect-dialog');
    await dialog.locator('#cf-service').fill(net.pdsUrl);
    await dialog.locator('#cf-identifier').fill(me.handle);
    await dialog.locator('#cf-appPassword').fill(appPassword);
    await shot(page, 'ch-02-bluesky-form');
    await expectAccessible(page, 'connect dialog');
    await dialog.getByRole('button', { name: 'Verbinden', exact: true }).click();
    const card = page.getByTestId('channel-card-bluesky');
    await card.waitFor();
    await poll(async () => (await card.innerText()).includes('gemeente.test')).toBe(true);
    await poll(async () => await card.getByTestId('channel-status').innerText()).toMatch(/Verbonden/);

    const citizen = await net.createAccount('burger', 'Bea Burger');
    await net.xrpc(citizen, 'com.atproto.repo.createRecord', {
      body: {
        repo: citizen.did,
        collection: 'app.bsky.feed.post',
        record: { $type: 'app.bsky.feed.post', text: `@${me.handle} wanneer gaat het zwembad weer open?`, createdAt: new Date().toISOString(), facets: [{ index: { byteStart: 0, byteEnd: me.handle.length + 1 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: me.did }] }] },
      },
    });
    await net.settle(10_000);
    await card.getByTestId('channel-sync').click();
    await poll(async () => (await page.locator('body').innerText()).match(/1 nieuw bericht opgehaald/) !== null).toBe(true);
    await card.getByRole('button', { name: /Laatst ontvangen/ }).click();
    await poll(async () => (await card.innerText()).includes('wanneer gaat het zwembad weer open?')).toBe(true);
    await shot(page, 'ch-03-bluesky-connected');
  });

  it('connects the mailbox and shows a citizen’s e-mail', async () => {
    await page.getByRole('button', { name: 'Kanaal verbinden' }).first().click();
    await page.getByTestId('connect-kind-email').click();
    const dialog = page.getByTestId('connect-dialog');
    await dialog.locator('#cf-address').fill(mail.users.info.address);
    await dialog.locator('#cf-password').fill(mail.users.info.password);
    await dialog.locator('#cf-imapHost').fill(mail.imap.host);
    await dialog.locator('#cf-imapPort').fill(String(mail.imap.port));
    await dialog.getByRole('switch', { name: 'IMAP via TLS' }).setChecked(false);
    await dialog.locator('#cf-smtpHost').fill(mail.smtp.host);
    await dialog.locator('#cf-smtpPort').fill(String(mail.smtp.port));
    await dialog.getByRole('switch', { name: 'SMTP via TLS' }).setChecked(false);
    await shot(page, 'ch-04-mailbox-form');
    await dialog.getByRole('button', { name: 'Verbinden', exact: true }).click();
    const card = page.getByTestId('channel-card-email');
    await card.waitFor();
    await poll(async () => await card.getByTestId('channel-status').innerText()).toMatch(/Verbonden/);

    await mail.deliver(
      [`From: Bea Burger <${mail.users.burger.address}>`, `To: ${mail.users.info.address}`, 'Subject: Vraag over de afvalpas', 'Message-ID: <vraag-1@example.test>', 'Content-Type: text/plain; charset=utf-8', '', 'Ik ben mijn afvalpas kwijt. Hoe vraag ik een nieuwe aan?', ''].join('\r\n'),
      mail.users.info.address,
      mail.users.burger.address,
    );
    await card.getByTestId('channel-sync').click();
    await card.getByRole('button', { name: /Laatst ontvangen/ }).click();
    await poll(async () => (await card.innerText()).includes('Ik ben mijn afvalpas kwijt')).toBe(true);
    await card.getByTestId('channel-test').click();
    await poll(async () => (await page.locator('body').innerText()).includes('De verbinding werkt.')).toBe(true);
    await shot(page, 'ch-05-both-connected');
    await expectAccessible(page, 'channels with two channels');
    const api = (await env.t.http.inject({ method: 'GET', url: '/api/health' })).json();
    expect(api.status).toBe('ok');
  });
});
