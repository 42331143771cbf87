import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPublisher, type Publisher } from '../../src/jobs/publisher';
import { startAtprotoNetwork, type AtprotoNetwork } from '../support/atproto-network';
import { browserUnavailable, expectAccessible, signIn as signInAs, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { buildWorld, type World } from '../support/world';

const missing = browserUnavailable() || !inject('pgUrl');
if (missing && process.env.CI === 'true') throw new Error('CI: the publishing journey needs Chromium and PostgreSQL (for the AT Protocol network)');

/** A local "YYYY-MM-DDTHH:MM" for a datetime-local input, `minutes` after `base`. */
function localInput(base: Date, minutes: number): string {
  const d = new Date(base.getTime() + minutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The journey: a contributor writes a brief; an advisor of the agency turns it into a post with a call to
 * action for Bluesky and the sandbox; a forbidden word is blocked with its clause shown; fixed; submitted; the
 * owner approves; it goes out at its time to the local AT Protocol network and the sandbox; the audit page shows
 * author (agency), approver (organization) and sender. An edit after approval sends it back to review.
 */
describe.skipIf(missing)('publishing journey in the browser', () => {
  let net: AtprotoNetwork;
  let env: BrowserEnv;
  let w: World;
  let publisher: Publisher;
  let bskyDid: string;
  let bskyChannel: string;
  const pages: Page[] = [];
  const signIn = async (email: string) => {
    const page = await signInAs(env, email);
    pages.push(page);
    return page;
  };
  const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 150 });


  beforeAll(async () => {
    [net, env] = await Promise.all([startAtprotoNetwork(inject('pgUrl')!), startBrowserEnv()]);
    w = await buildWorld(env.t.http, env.t.app);
    const me = await net.createAccount('testdorp', 'Gemeente Testdorp');
    bskyDid = me.did;
    const r = await w.owner.post(`/api/workspaces/${w.ws}/channels`, { kind: 'bluesky', credentials: { service: net.pdsUrl, identifier: me.handle, appPassword: await net.createAppPassword(me, 'Regie') } });
    expect(r.status, r.text).toBe(201);
    bskyChannel = r.body.id;
    publisher = startPublisher(env.t.app, { idleMs: 200 });
  }, 180_000);

  afterAll(async () => {
    await publisher?.stop();
    await Promise.allSettled([env?.close(), net?.close()]);
  });

  let briefUrl = '';
  let postUrl = '';

  it('a contributor writes a brief', async () => {
    const page = await signIn('contributor@gemeente.nl');
    await page.goto(`${env.baseUrl}/w/${w.ws}/briefs`);
    await page.getByTestId(/^brief-new/).first().click();
    await page.getByTestId('brief-title').fill('Open dag gemeentehuis');
    await page.getByTestId('brief-goal').fill('Inwoners laten zien wat de gemeente doet');
    await page.getByTestId('brief-audience').fill('Inwoners van Testdorp');
    await page.getByTestId('brief-key-message').fill('Kom op 12 december naar de open dag van het gemeentehuis.');
    await page.getByTestId(`brief-channel-${w.channel.id}`).check();
    await page.getByTestId(`brief-channel-${bskyChannel}`).check();
    await page.getByTestId('brief-attachments-input').setInputFiles({ name: 'Programma open dag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await page.getByTestId('brief-attachment').first().waitFor();
    await shot(page, 'pub-01-brief-form');
    await page.getByTestId('brief-submit').click();
    await page.getByTestId('brief-page').waitFor();
    await page.locator('[data-testid="brief-attachment"][data-kind="document"]').waitFor();
    briefUrl = new URL(page.url()).pathname;
    expect(briefUrl).toMatch(/\/briefs\/[0-9a-f-]+$/);
    await expectAccessible(page, 'brief page');
  });

  it('an advisor turns it into a post with a call to action; a forbidden word is blocked with its clause', async () => {
    const page = await signIn('advisor@bureauhelder.nl');
    await page.goto(`${env.baseUrl}${briefUrl}`);
    await page.getByTestId('brief-make-post').click();
    await page.getByTestId('composer').waitFor();
    await poll(() => page.getByTestId('composer-core').inputValue()).toContain('open dag');
    await page.getByTestId('composer-title').fill('Open dag');
    await page.getByTestId('instrument-cta').check();
    await page.getByTestId('cta-type').selectOption('register');
    await page.getByTestId('cta-text').fill('Meld je aan');
    await page.getByTestId('cta-url').fill('https://testdorp.nl/open-dag');
    await page.getByTestId('composer-core').fill('Kom naar de open dag, ook bij kutweer!');
    await poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('block');
    const finding = page.locator('[data-severity="block"][data-clause="respect"]').first();
    await finding.waitFor();
    expect(await finding.innerText()).toContain('Respectvol taalgebruik');
    await shot(page, 'pub-02-blocked');
    await expectAccessible(page, 'composer with a blocking finding');

    await page.getByTestId('composer-core').fill('Kom op 12 december naar de open dag van het gemeentehuis!');
    await poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).not.toBe('block');
    // A photo with a description goes along (uploaded, checked by type, shown in the preview).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.getByTestId('media-input').setInputFiles({ name: 'gemeentehuis.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('media-item-0').waitFor();
    await page.getByTestId('media-alt-0').fill('Het gemeentehuis met vlaggen');
    await page.getByTestId('composer-save').click();
    await page.getByTestId('post-page').waitFor();
    postUrl = new URL(page.url()).pathname;
    await page.getByTestId('post-submit').click();
    await poll(() => page.getByTestId('post-page').getAttribute('data-state')).toBe('in_review');
    // The advisor sees why they cannot approve it themselves.
    await page.getByTestId('approval-why-not').waitFor();
    await shot(page, 'pub-03-in-review');
  });

  it('the owner approves exactly this version and schedules it; it goes out at its time', async () => {
    const page = await signIn('owner@gemeente.nl');
    await page.goto(`${env.baseUrl}${postUrl}`);
    await page.getByTestId('approve-open').click();
    await page.getByTestId('approve-confirm').click();
    await poll(() => page.getByTestId('post-page').getAttribute('data-state')).toBe('approved');
    await page.getByTestId('schedule-at').fill(localInput(env.t.clock.now(), 30));
    await page.getByTestId('schedule-submit').click();
    await poll(() => page.getByTestId('post-page').getAttribute('data-state')).toBe('scheduled');
    await shot(page, 'pub-04-scheduled');

    env.t.clock.advance(31 * 60_000);
    publisher.kick();
    await poll(async () => {
      await page.reload();
      return page.getByTestId('post-page').getAttribute('data-state');
    }, 30_000).toBe('published');
    await shot(page, 'pub-05-published');
    await expectAccessible(page, 'published post');

    const feed = await net.xrpc<{ records: Array<{ value: { text: string } }> }>(null, 'com.atproto.repo.listRecords', { query: { repo: bskyDid, collection: 'app.bsky.feed.post' } });
    expect(feed.records).toHaveLength(1);
    expect(feed.records[0].value.text).toContain('Kom op 12 december naar de open dag');
    expect(feed.records[0].value.text).toContain('Meld je aan https://testdorp.nl/open-dag?utm_source=bluesky');
    const variants = await env.t.app.db.selectFrom('variants').select(['channel_id', 'state', 'remote_id']).where('post_id', '=', postUrl.split('/').pop()!).execute();
    expect(variants.map((v) => v.state).sort()).toEqual(['published', 'published']);
  });

  it('the audit page shows who wrote (agency), approved (organization) and sent it', async () => {
    const page = pages[pages.length - 1];
    await page.goto(`${env.baseUrl}/w/${w.ws}/audit`);
    const row = page.getByRole('row').filter({ hasText: 'Verstuurd naar het platform' }).first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('author: Ada Advisor (Bureau Helder)');
    expect(text).toMatch(/approvedBy: .+ \(Gemeente Testdorp\)/);
    expect(text).toContain('sentBy:');
    await shot(page, 'pub-06-audit');
  });

  it('an edit after approval sends the post back to review', async () => {
    const post = await w.advisor.post(`/api/workspaces/${w.ws}/posts`, {
      content: { title: 'Afvalkalender', core: 'De afvalkalender 2027 staat online.', variants: [{ channelId: w.channel.id, parts: ['De afvalkalender 2027 staat online.'], firstComment: null }] },
    });
    await w.advisor.post(`/api/workspaces/${w.ws}/posts/${post.body.id}/submit`, { version: 1 });
    await w.owner.post(`/api/workspaces/${w.ws}/posts/${post.body.id}/approve`, { version: 1 });
    const page = pages[1];
    await page.goto(`${env.baseUrl}/w/${w.ws}/posts/${post.body.id}`);
    await poll(() => page.getByTestId('post-page').getAttribute('data-state')).toBe('approved');
    await page.getByTestId('post-edit').click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-core').fill('De afvalkalender 2027 staat online. Bekijk je ophaaldagen!');
    await page.getByTestId('composer-save').click();
    await poll(() => page.getByTestId('post-page').getAttribute('data-state')).toBe('in_review');
    await shot(page, 'pub-07-back-to-review');
  });
});
