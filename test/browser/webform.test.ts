import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, expectAccessible, newPage, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { setupOwner, type Client } from '../support/client';

/**
 * The website widget in a real Chromium, embedded in ANOTHER site (a second loopback server, another origin) that
 * sends a strict CSP allowing scripts and connections only to Regie: a visitor fills in the contact form, and one
 * chats, with the keyboard and the labels a screen reader uses; the messages arrive in Regie.
 */

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 50 });

function page(title: string, lang: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><p>Gemeente Testdorp</p></header><main><h1>${title}</h1>${body}</main></body></html>`;
}

describe.skipIf(browserUnavailable())('website widget in the browser', () => {
  let env: BrowserEnv;
  let regie = '';
  let site: Server;
  let siteUrl = '';
  let owner: Client;
  let ws = '';
  let channelId = '';
  let key = '';
  const violations: string[] = [];

  beforeAll(async () => {
    env = await startBrowserEnv();
    regie = env.baseUrl;
    site = createServer((req, res) => {
      const mode = req.url === '/chat' ? 'chat' : 'form';
      const embed = `<script src="${regie}/widget.js" data-regie-key="${key}" data-mode="${mode}" data-lang="${mode === 'chat' ? 'en' : 'nl'}" async></script>`;
      const html =
        mode === 'form'
          ? page('Contact', 'nl', `<p>Heeft u een vraag? Stuur ons een bericht.</p>${embed}`)
          : page('Parking', 'en', `<p>Questions about parking? Chat with us.</p>${embed}`);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src ${regie}; connect-src ${regie}; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'`,
      });
      res.end(html);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    ({ owner, ws } = await setupOwner(env.t.http));
    const ch = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'webform', credentials: { name: 'Website Testdorp', allowedOrigins: siteUrl } });
    expect(ch.status, ch.text).toBe(201);
    channelId = ch.body.id;
    key = ch.body.account.remoteId;
  });

  afterAll(async () => {
    await new Promise((r) => site?.close(r));
    await env?.close();
  });

  /** A visitor's page with a fake clock (to pass the 2-second spam trap without sleeping) that records CSP violations. */
  async function visit(path: string, locale: string): Promise<Page> {
    const p = await newPage(env, locale);
    await p.clock.install();
    await p.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    p.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await p.goto(siteUrl + path);
    return p;
  }
  const inbound = async () => (await owner.get(`/api/workspaces/${ws}/channels/${channelId}/inbound`)).body.items.map((i: { item: any }) => i.item);

  it('a visitor sends the contact form (Dutch), with the keyboard and labels; it arrives in Regie', async () => {
    const p = await visit('/form', 'nl-NL');
    await p.getByRole('heading', { name: 'Stuur ons een bericht' }).waitFor();
    await expectAccessible(p, 'contact form on the website');
    await shot(p, 'webform-form-empty');

    await p.getByRole('button', { name: 'Versturen' }).click();
    await poll(() => p.getByRole('alert').innerText()).toBe('Schrijf eerst een bericht.');
    expect(await p.getByLabel('Bericht', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(p, 'contact form with an error shown');
    await shot(p, 'webform-form-error');
    expect(await p.getByLabel('Bericht', { exact: true }).evaluate((el) => el.getRootNode() instanceof ShadowRoot), 'rendered in a Shadow DOM').toBe(true);

    await p.getByLabel('Bericht', { exact: true }).fill('Wanneer is het milieupark open op zaterdag?\nAlvast bedankt.');
    expect(await p.getByRole('alert', { includeHidden: true }).textContent(), 'the error goes once the field is fixed').toBe('');
    await p.getByLabel('E-mailadres').fill('jan@voorbeeld');
    await p.getByRole('button', { name: 'Versturen' }).click();
    await poll(() => p.getByRole('alert').innerText()).toBe('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.');
    await poll(() => p.evaluate(() => document.querySelector('.regie-widget')?.shadowRoot?.activeElement?.getAttribute('name') ?? null)).toBe('email');
    await p.keyboard.type('.test');
    await p.getByLabel('Naam').fill('Jan de Vries');
    await p.getByLabel('Onderwerp').fill('Milieupark');
    await p.clock.fastForward(3000);
    await p.getByLabel('Bericht', { exact: true }).press('Tab');
    await p.keyboard.press('Enter');
    await poll(() => p.getByRole('status').innerText()).toBe('Bedankt, we hebben je bericht ontvangen.');
    expect(await p.getByLabel('Bericht', { exact: true }).inputValue()).toBe('');
    await shot(p, 'webform-form-sent');

    await poll(async () => (await inbound()).filter((i: any) => i.kind === 'form').length).toBe(1);
    const [item] = (await inbound()).filter((i: any) => i.kind === 'form');
    expect(item).toMatchObject({
      author: { email: 'jan@voorbeeld.test', displayName: 'Jan de Vries' },
      subject: 'Milieupark',
      text: 'Wanneer is het milieupark open op zaterdag?\nAlvast bedankt.',
      url: `${siteUrl}/form`,
    });
    await p.context().close();
  });

  it('a visitor chats (English): the panel opens and closes with the keyboard; the message arrives in Regie', async () => {
    const p = await visit('/chat', 'en-GB');
    const bubble = p.getByRole('button', { name: 'Chat with us' });
    await bubble.waitFor();
    await expectAccessible(p, 'chat button on the website');
    await bubble.focus();
    await p.keyboard.press('Enter');
    expect(await bubble.getAttribute('aria-expanded')).toBe('true');
    const dialog = p.getByRole('dialog', { name: 'Chat with us' });
    await dialog.waitFor();
    const focused = () => p.evaluate(() => document.querySelector('.regie-widget')?.shadowRoot?.activeElement?.getAttribute('name') ?? null);
    await poll(focused).toBe('message');
    await expectAccessible(p, 'open chat panel');

    await p.keyboard.type('Where can I park near the town hall?');
    await p.clock.fastForward(3000);
    await p.keyboard.press('Enter');
    await poll(() => dialog.getByRole('status').innerText()).toBe('Thanks, we received your message.');
    await poll(() => dialog.getByRole('list', { name: 'Sent messages' }).innerText()).toContain('Where can I park near the town hall?');
    await shot(p, 'webform-chat');

    await poll(async () => (await inbound()).filter((i: any) => i.kind === 'chat').length).toBe(1);
    const [item] = (await inbound()).filter((i: any) => i.kind === 'chat');
    const conversation = await p.evaluate((k) => sessionStorage.getItem(`regie-chat:${k}`), key);
    expect(item).toMatchObject({ threadRemoteId: conversation, text: 'Where can I park near the town hall?', author: { remoteId: expect.stringMatching(/^visitor:/) } });

    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await bubble.getAttribute('aria-expanded')).toBe('false');
    await poll(() => p.evaluate(() => document.querySelector('.regie-widget')?.shadowRoot?.activeElement?.className ?? null)).toBe('bubble');
    await p.context().close();
  });

  it('ran under the strict CSP without a single violation or script error', () => {
    expect(violations).toEqual([]);
  });
});
