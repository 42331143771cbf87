import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { InboundItem } from '../../src/connectors/types';
import { storeInbound } from '../../src/services/channels.service';
import { browserUnavailable, expectAccessible, shot, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { buildWorld, type World } from '../support/world';

const missing = browserUnavailable() || !inject('pgUrl');
if (missing && process.env.CI === 'true') throw new Error('CI: the contacts journey needs Chromium');

/**
 * One person, two channels: Jan writes on the sandbox channel and, with the same e-mail address, on a second one.
 * The owner sees the suggested merge, merges, finds both conversations on Jan's page and in the inbox's contact
 * panel, then splits the second channel's identity off again.
 */
describe.skipIf(missing)('contacts in the browser: suggested merge, merge, history, split', () => {
  let env: BrowserEnv;
  let w: World;
  let page: Page;
  let second: { id: string };
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 150 });
  const api = () => `/api/workspaces/${w.ws}/inbox`;
  const janContacts = async () => ((await w.owner.get(`${api()}/contacts?q=jan`)).body as Array<{ id: string; name: string }>).filter((c) => c.name === 'Jan Jansen');
  const conversationOf = async (thread: string) => (await env.t.app.db.selectFrom('conversations').select(['id', 'contact_id']).where('thread_remote_id', '=', thread).executeTakeFirstOrThrow());

  beforeAll(async () => {
    env = await startBrowserEnv();
    w = await buildWorld(env.t.http, env.t.app);
    second = (await w.owner.post(`/api/workspaces/${w.ws}/channels`, { kind: 'sandbox', credentials: { name: 'Tweede kanaal' } })).body;
    const now = env.t.clock.now().toISOString();
    const jan = (channel: string): InboundItem['author'] => ({ remoteId: `${channel}-jan`, displayName: 'Jan Jansen', email: 'jan@example.nl' });
    const store = (channelId: string, items: InboundItem[]) => env.t.app.db.transaction().execute((q) => storeInbound(q, { workspace_id: w.ws, id: channelId }, items, now));
    await store(w.channel.id, [
      { remoteId: 'm-a', kind: 'mention', threadRemoteId: 't-first', author: jan('a'), text: 'Wanneer wordt het grofvuil opgehaald?', createdAt: now },
      { remoteId: 'm-p', kind: 'mention', threadRemoteId: 't-piet', author: { remoteId: 'a-piet', displayName: 'Piet Pieters' }, text: 'Mooi park!', createdAt: now },
    ]);
    await store(second.id, [{ remoteId: 'm-b', kind: 'direct_message', threadRemoteId: 't-second', author: jan('b'), text: 'Nog steeds niets gehoord over het grofvuil.', createdAt: now }]);
    page = await signIn(env, 'owner@gemeente.nl');
  }, 120_000);

  afterAll(() => env?.close());

  it('suggests merging the two Jans (same e-mail) and merges them on confirmation', async () => {
    expect(await janContacts()).toHaveLength(2);
    await page.goto(`${env.baseUrl}/w/${w.ws}/contacts`);
    const suggestion = page.getByTestId('suggested-merge').filter({ hasText: 'Jan Jansen' });
    await suggestion.waitFor();
    expect(await suggestion.getAttribute('data-reason')).toBe('same_email');
    await expect.poll(() => page.getByTestId('suggested-merge').filter({ hasText: 'Piet' }).count()).toBe(0);
    await expectAccessible(page, 'contacts page');
    await shot(page, 'contacts-01-suggested');
    await suggestion.getByTestId('suggested-merge-button').click();
    const dialog = page.getByTestId('merge-confirm');
    await dialog.waitFor();
    await dialog.getByTestId('confirm-button').click();
    await poll(async () => (await janContacts()).length).toBe(1);
    await poll(() => page.getByTestId('suggested-merge').filter({ hasText: 'Jan Jansen' }).count()).toBe(0);
    const [a, b] = [await conversationOf('t-first'), await conversationOf('t-second')];
    expect(a.contact_id).toBe(b.contact_id);
  });

  it('shows both conversations on Jan’s page, each a link into the inbox', async () => {
    const [jan] = await janContacts();
    await page.goto(`${env.baseUrl}/w/${w.ws}/contacts/${jan.id}`);
    await poll(() => page.getByTestId('contact-identity').count()).toBe(2);
    const links = page.getByTestId('conversation-link');
    await poll(() => links.count()).toBe(2);
    await expect.poll(() => links.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Nog steeds niets gehoord'), expect.stringContaining('Wanneer wordt het grofvuil')]));
    await expectAccessible(page, 'contact page');
    await shot(page, 'contacts-02-merged');
    const first = await conversationOf('t-first');
    await links.filter({ hasText: 'Wanneer wordt het grofvuil' }).click();
    await page.waitForURL(`**/inbox/${first.id}`);
    await page.locator(`[data-testid="conversation"][data-conversation-id="${first.id}"]`).waitFor();
  });

  it('the conversation’s contact panel lists Jan’s other conversation', async () => {
    const panel = page.getByTestId('contact-panel');
    if (!(await panel.isVisible())) await page.getByTestId('conv-side-toggle').click();
    const history = panel.getByTestId('contact-history');
    await history.waitFor();
    await poll(() => history.getByTestId('conversation-link').allInnerTexts()).toEqual([expect.stringContaining('Nog steeds niets gehoord')]);
    expect(await panel.getByTestId('contact-history').innerText()).toContain('Tweede kanaal');
    await shot(page, 'contacts-03-panel');
  });

  it('splits the second channel’s identity off again, with its conversation', async () => {
    const [jan] = await janContacts();
    await page.goto(`${env.baseUrl}/w/${w.ws}/contacts/${jan.id}`);
    await page.locator(`[data-testid="contact-identity"][data-channel-id="${second.id}"]`).getByTestId('identity-split').click();
    const dialog = page.getByTestId('split-confirm');
    await dialog.waitFor();
    await dialog.getByTestId('confirm-button').click();
    await poll(() => page.getByTestId('contact-identity').count()).toBe(1);
    await poll(() => page.getByTestId('conversation-link').count()).toBe(1);
    await poll(async () => (await janContacts()).length).toBe(2);
    const [a, b] = [await conversationOf('t-first'), await conversationOf('t-second')];
    expect(a.contact_id).not.toBe(b.contact_id);
    await shot(page, 'contacts-04-split');
  });

  it('finds contacts by name, on the contacts page and in "merge with…"', async () => {
    await page.goto(`${env.baseUrl}/w/${w.ws}/contacts`);
    await page.getByTestId('contacts-search').fill('piet');
    await poll(() => page.getByTestId('contact-row').allInnerTexts()).toEqual([expect.stringContaining('Piet Pieters')]);
    const [jan] = await janContacts();
    await page.goto(`${env.baseUrl}/w/${w.ws}/contacts/${jan.id}`);
    await page.getByTestId('contact-merge-with').click();
    await page.getByTestId('merge-search').fill('piet');
    await poll(() => page.getByTestId('merge-candidate').allInnerTexts()).toEqual([expect.stringContaining('Piet Pieters')]);
    await page.getByTestId('merge-with-dialog').getByRole('button', { name: 'Annuleren' }).click();
    await poll(() => page.getByTestId('merge-with-dialog').count()).toBe(0);
  });
});
