import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserUnavailable, expectAccessible, signIn as signInAs, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { buildWorld, type World } from '../support/world';

const missing = browserUnavailable() || !inject('pgUrl');
if (missing && process.env.CI === 'true') throw new Error('CI: the code journey needs Chromium');

/**
 * The organization's code in the browser: an owner adds a word of its own and the composer blocks it at once; an
 * advisor proposes a change and the owner takes it over; the owner pauses all publishing, every page says so,
 * and resumes.
 */
describe.skipIf(missing)('the code and the hold switch in the browser', () => {
  let env: BrowserEnv;
  let w: World;
  let owner: Page;
  let advisor: Page;
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 150 });


  beforeAll(async () => {
    env = await startBrowserEnv();
    w = await buildWorld(env.t.http, env.t.app);
    [owner, advisor] = [await signInAs(env, 'owner@gemeente.nl'), await signInAs(env, 'advisor@bureauhelder.nl')];
  }, 120_000);
  afterAll(() => env?.close());

  it('an owner adds a forbidden word of the organization; the composer blocks it as you type', async () => {
    await owner.goto(`${env.baseUrl}/w/${w.ws}/code`);
    await owner.getByTestId('code-page').waitFor();
    await expectAccessible(owner, 'code page');
    await owner.getByTestId('code-edit').click();
    const respect = owner.locator('[data-testid="code-edit-clause"][data-clause-id="respect"]');
    if ((await respect.getByTestId('clause-toggle').getAttribute('aria-expanded')) !== 'true') await respect.getByTestId('clause-toggle').click();
    await respect.getByTestId('spec-words').fill('stomme gemeente');
    await owner.getByTestId('code-note').fill('Geen negatieve woorden over onszelf');
    await owner.getByTestId('code-save').click();
    await poll(() => owner.getByTestId('code-version').getAttribute('data-version')).toBe('1');
    await shot(owner, 'code-01-saved');

    await advisor.goto(`${env.baseUrl}/w/${w.ws}/posts/new`);
    await advisor.getByTestId(`channel-option-${w.channel.id}`).check();
    await advisor.getByTestId('composer-core').fill('Wat een stomme gemeente is dit soms.');
    await poll(() => advisor.getByTestId('verdict').getAttribute('data-verdict')).toBe('block');
  });

  it('an advisor proposes a change to the code; the owner takes it over', async () => {
    await advisor.goto(`${env.baseUrl}/w/${w.ws}/code`);
    await advisor.getByTestId('code-edit').click();
    const competitors = advisor.locator('[data-testid="code-edit-clause"][data-clause-id="competitors"]');
    if ((await competitors.getByTestId('clause-toggle').getAttribute('aria-expanded')) !== 'true') await competitors.getByTestId('clause-toggle').click();
    await competitors.getByTestId('spec-names').fill('Gemeente Naastgelegen');
    await advisor.getByTestId('code-note').fill('Noem de buurgemeente niet zonder overleg');
    await advisor.getByTestId('code-propose').click();
    await advisor.getByTestId('code-notice').waitFor();

    await owner.goto(`${env.baseUrl}/w/${w.ws}/code`);
    const proposal = owner.getByTestId('code-proposal').first();
    await proposal.waitFor();
    expect(await proposal.innerText()).toContain('Noem de buurgemeente niet zonder overleg');
    await proposal.getByTestId('proposal-accept').click();
    await owner.getByTestId('proposal-accept-dialog').getByTestId('confirm-button').click();
    await poll(() => owner.getByTestId('code-version').getAttribute('data-version')).toBe('2');
    await shot(owner, 'code-02-proposal-accepted');
    const check = await w.advisor.post(`/api/workspaces/${w.ws}/code/check`, { text: 'Net als Gemeente Naastgelegen doen wij dit ook.' });
    expect(check.body.verdict).toBe('needs_approval');
  });

  it('the readable code can be opened and printed', async () => {
    await owner.goto(`${env.baseUrl}/w/${w.ws}/code/document`);
    await owner.getByTestId('code-document-section').first().waitFor();
    expect(await owner.getByTestId('code-document-section').count()).toBeGreaterThanOrEqual(8);
    await expectAccessible(owner, 'readable code');
  });

  it('the owner pauses all publishing with a reason; every page says so; resuming lifts it', async () => {
    await owner.goto(`${env.baseUrl}/w/${w.ws}/publishing`);
    await owner.getByTestId('hold-button').click();
    await owner.getByTestId('hold-reason').fill('Calamiteit: brand in het centrum');
    await owner.getByTestId('hold-confirm').click();
    await poll(() => owner.getByTestId('hold-card').getAttribute('data-held')).toBe('true');
    await shot(owner, 'hold-01-paused');
    expect((await w.owner.get(`/api/workspaces/${w.ws}/publishing`)).body.hold.reason).toBe('Calamiteit: brand in het centrum');
    await advisor.goto(`${env.baseUrl}/w/${w.ws}/posts`);
    await advisor.getByTestId('hold-banner').waitFor();
    expect(await advisor.getByTestId('hold-banner').innerText()).toContain('Calamiteit');
    await expectAccessible(advisor, 'posts with the hold banner');

    await owner.getByTestId('resume-button').click();
    await owner.getByTestId('resume-dialog').getByTestId('confirm-button').click();
    await poll(() => owner.getByTestId('hold-card').getAttribute('data-held')).toBe('false');
    expect((await w.owner.get(`/api/workspaces/${w.ws}/publishing`)).body.hold).toBeNull();
  });
});
