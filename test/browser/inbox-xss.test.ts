import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundItem } from '../../src/connectors/types';
import { storeInbound } from '../../src/services/channels.service';
import { browserUnavailable, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { PASSWORD } from '../support/client';
import { buildWorld, type World } from '../support/world';
import { buildPayloads, inboundItems, payloadShapes, type Payload } from './xss-payloads';
import { auditApp, auditEmailFrames, EXECUTION, startCanary, XssWatch, type Canary } from './xss-watch';

/**
 * Issue 5, hostile content: 100 stored-XSS payloads arrive as inbound messages (through the real ingest) and are read
 * in Chromium by the owner, by an agency advisor with the app's Content Security Policy switched off, in search, the
 * report and the expert page. Tripwires: a `__xss` binding in every frame, dialogs, page errors, navigations away,
 * pop-ups, a canary server, CSP violation events. Nothing may run; every payload must be on screen as text.
 */
const missing = browserUnavailable();

describe.skipIf(missing)('100 stored-XSS payloads in the inbox, in Chromium: nothing runs, everything shows as text', () => {
  let env: BrowserEnv;
  let w: World;
  let canary: Canary;
  let watch: XssWatch;
  let payloads: Payload[];
  let items: InboundItem[];
  let owner: Page;
  const byConversation = new Map<string, InboundItem[]>();
  const contexts: BrowserContext[] = [];
  const imagesShownFor = new Set<string>();
  let hitsFrom = 0;
  const imageIds = (html: string | undefined) => [...(html ?? '').matchAll(/\/img\/(p\d{3})\./g)].map((m) => m[1]);
  /** Images that "Show images" must load (srcset is removed by the sanitiser, so it never loads). */
  const loadingImageIds = (html: string | undefined) => [...(html ?? '').matchAll(/(?:src="|background="|url\(')[^"']*\/img\/(p\d{3})\./g)].map((m) => m[1]);

  async function signIn(email: string, opts: { bypassCSP: boolean }): Promise<Page> {
    const ctx = await env.browser.newContext({ locale: 'nl-NL', viewport: opts.bypassCSP ? { width: 1100, height: 800 } : { width: 1280, height: 800 }, ignoreHTTPSErrors: true, bypassCSP: opts.bypassCSP });
    contexts.push(ctx);
    await watch.attach(ctx);
    const page = await ctx.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return page;
  }

  /** Opens the inbox and pages through the whole list ("Load more"); returns the conversation ids in list order. */
  async function allRows(page: Page): Promise<string[]> {
    await page.goto(`${env.baseUrl}/w/${w.ws}/inbox`);
    await page.getByTestId('inbox-row').first().waitFor();
    const more = page.getByTestId('inbox-load-more');
    await expect
      .poll(async () => {
        if (await more.isVisible()) await more.click({ timeout: 2_000 }).catch(() => undefined);
        return page.getByTestId('inbox-row').count();
      }, { timeout: 20_000 })
      .toBe(byConversation.size);
    return page.getByTestId('inbox-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')!));
  }

  async function open(page: Page, id: string, how: 'pointer' | 'dom'): Promise<void> {
    const row = page.locator(`[data-testid="inbox-row"][data-conversation-id="${id}"]`);
    if (how === 'pointer') await row.click();
    else await row.evaluate((a) => (a as HTMLElement).click());
    await page.locator(`[data-testid="conversation"][data-conversation-id="${id}"]`).waitFor();
    await expect.poll(() => page.getByTestId('message').count()).toBe(byConversation.get(id)!.length);
  }

  /**
   * Switches every e-mail of the open conversation to its HTML. Remote images must be held back (the canary sees
   * nothing); for the messages `show` picks, "Show images" must load them.
   */
  async function htmlViews(page: Page, msgs: InboundItem[], show: (m: InboundItem) => boolean): Promise<number> {
    const withHtml = msgs.filter((m) => m.html).length;
    await expect.poll(() => page.getByTestId('message-view-html').count()).toBe(withHtml);
    await page.getByTestId('message-view-html').evaluateAll((bs) => bs.forEach((b) => (b as HTMLButtonElement).click()));
    const frames = page.getByTestId('message-html-frame');
    await expect.poll(() => frames.count()).toBe(withHtml);
    for (const f of await frames.all()) await f.scrollIntoViewIfNeeded();
    const has = await page.getByTestId('message').evaluateAll((els) => els.map((el) => !!el.querySelector('[data-testid="message-show-images"]')));
    const held = msgs.flatMap((m, k) => (has[k] ? loadingImageIds(m.html) : []));
    const loaded = (id: string) => canary.hits.slice(hitsFrom).some((h) => h.startsWith(`/img/${id}.`));
    if (canary.secure) {
      // Held back: not fetched (the canary's side). That the frames hold no remote address at all, and that their
      // policy would refuse one, is checked by auditEmailFrames.
      expect(held.filter(loaded)).toEqual([]);
    }
    const picked = msgs.map((_m, k) => k).filter((k) => has[k] && show(msgs[k]));
    for (const k of picked) {
      imageIds(msgs[k].html).forEach((id) => imagesShownFor.add(id));
      await page.getByTestId('message').nth(k).getByTestId('message-show-images').click();
    }
    const shown = page.locator('[data-testid="message-html-frame"][data-images="shown"]');
    await expect.poll(() => shown.count()).toBe(picked.length);
    if (canary.secure && picked.length) {
      // Images may load only once their frame is on screen: bring each frame that still waits into view, again and
      // again, until everything it shows has loaded (a busy machine may take a while).
      const want = picked.map((k) => ({ k, ids: loadingImageIds(msgs[k].html) }));
      await expect
        .poll(
          async () => {
            const waiting = want.filter((x) => x.ids.some((id) => !loaded(id)));
            for (const x of waiting) await page.getByTestId('message').nth(x.k).getByTestId('message-html-frame').scrollIntoViewIfNeeded().catch(() => undefined);
            return waiting.flatMap((x) => x.ids.filter((id) => !loaded(id)));
          },
          { timeout: 30_000, interval: 250 },
        )
        .toEqual([]);
    }
    return withHtml;
  }

  beforeAll(async () => {
    [env, canary] = await Promise.all([startBrowserEnv(), startCanary()]);
    w = await buildWorld(env.t.http, env.t.app);
    watch = new XssWatch(env.baseUrl);
    payloads = buildPayloads(canary.origin);
    items = inboundItems(payloads, canary.origin, env.t.clock.now().getTime());
    await env.t.app.db.transaction().execute((q) => storeInbound(q, { workspace_id: w.ws, id: w.channel.id }, items, env.t.clock.now().toISOString()));
    const convs = await env.t.app.db.selectFrom('conversations').select(['id', 'thread_remote_id']).where('workspace_id', '=', w.ws).execute();
    for (const c of convs) byConversation.set(c.id, items.filter((x) => x.threadRemoteId === c.thread_remote_id));
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await Promise.allSettled([env?.close(), canary?.close()]);
  });

  it('the set is 100 distinct payloads, all stored, every one also inside some e-mail HTML', () => {
    expect(payloads).toHaveLength(100);
    expect(new Set(payloadShapes()).size).toBe(100);
    expect(byConversation.size).toBe(52);
    for (const p of payloads) expect(items.some((x) => x.html?.includes(p.body)), p.id).toBe(true);
  });

  it('the tripwires work: a hook call, a dialog and a canary hit are all seen', async () => {
    owner = await signIn('owner@gemeente.nl', { bypassCSP: false });
    watch.pass = 'control';
    await owner.evaluate(() => (window as unknown as { __xss(id: string): void }).__xss('control'));
    await owner.evaluate(() => alert('control'));
    await owner.context().request.get(`${canary.origin}/control`);
    await expect.poll(() => watch.of(['hook', 'dialog'], 'control').map((s) => s.kind).sort()).toEqual(['dialog', 'hook']);
    expect(canary.hits).toEqual(['/control']);
    canary.hits.length = 0;
  });

  it('the owner reads all 52 conversations (text, HTML, images, contact): no script runs, every payload shows as text', async () => {
    const page = owner;
    watch.pass = 'owner';
    const rows = await allRows(page);
    expect(new Set(rows)).toEqual(new Set(byConversation.keys()));
    // Images are shown for the message with the first tracking pixel only: the others must never load here.
    const firstTracker = payloads.find((p) => p.family === 'tracking')!.id;
    const problems: string[] = [];
    let frames = 0;
    for (const [n, id] of rows.entries()) {
      await open(page, id, 'pointer');
      const msgs = byConversation.get(id)!;
      const seen = await page.getByTestId('message').evaluateAll((els) =>
        els.map((el) => {
          const text = el.querySelector('.msg-text');
          return {
            text: text?.textContent ?? null,
            visible: text ? (text as HTMLElement).checkVisibility() : false,
            subject: el.querySelector('.msg-subject')?.textContent ?? null,
            name: el.querySelector('.msg-author strong')?.textContent ?? null,
            handle: el.querySelector('.msg-author .muted')?.textContent?.slice(1) ?? null,
            link: el.querySelector('a.msg-link')?.getAttribute('href') ?? null,
          };
        }),
      );
      expect(seen).toEqual(
        msgs.map((m) => ({
          text: m.text,
          visible: true,
          subject: m.subject ?? null,
          name: m.author.displayName!.trim().slice(0, 200),
          handle: m.author.handle,
          link: /^https?:\/\//i.test(m.url!.trim()) ? m.url!.trim() : null,
        })),
      );
      if (msgs.some((m) => m.text === payloads[0].body)) {
        // The literal <script> payload is on screen, as text, in its thread.
        await expect.poll(() => page.getByTestId('thread').locator('.msg-text').filter({ hasText: payloads[0].body }).isVisible()).toBe(true);
        await shot(page, 'xss-02-script-payload-as-text');
      }
      if (n % 6 === 0) {
        const toggle = page.getByTestId('conv-side-toggle');
        if (await toggle.isVisible()) await toggle.click();
        const panel = page.getByTestId('contact-panel');
        await expect.poll(() => panel.isVisible()).toBe(true);
        expect(await panel.locator('#contact-title').textContent()).toContain(msgs[0].author.displayName!.trim().slice(0, 200));
      }
      frames += await htmlViews(page, msgs, (m) => imageIds(m.html).includes(firstTracker));
      problems.push(...(await auditEmailFrames(page)).bad.map((b) => `${id} frame: ${b}`), ...(await auditApp(page)).map((b) => `${id} app: ${b}`));
      if (n === 0) await shot(page, 'xss-01-first-conversation');
    }
    expect(frames).toBe(items.filter((x) => x.html).length);
    expect(problems).toEqual([]);
    expect(watch.of(EXECUTION, 'owner')).toEqual([]);
    expect(new URL(page.url()).origin).toBe(env.baseUrl);
    expect(canary.hits.filter((h) => !h.startsWith('/img/'))).toEqual([]);
    // Remote images load only for the message whose images were shown.
    const images = canary.hits.map((h) => /^\/img\/(p\d{3})\./.exec(h)![1]);
    expect(images.filter((i) => !imagesShownFor.has(i))).toEqual([]);
    if (canary.secure) expect(images).toContain(firstTracker);
    console.info(`[inbox-xss] owner: ${frames} e-mail frames, images shown for ${[...imagesShownFor].sort().join(' ')}, loaded ${images.sort().join(' ')}`);
  });

  it('with the app’s Content Security Policy switched off (an advisor), the e-mails still run nothing', async () => {
    // The owner's tab leaves the e-mails whose images it showed: what the canary sees from here on is the advisor's.
    await owner.goto(`${env.baseUrl}/w/${w.ws}/inbox`);
    const page = await signIn('advisor@bureauhelder.nl', { bypassCSP: true });
    watch.pass = 'advisor-without-app-csp';
    const hitsBefore = (hitsFrom = canary.hits.length);
    const rows = await allRows(page);
    const problems: string[] = [];
    let frames = 0;
    for (const id of rows) {
      const msgs = byConversation.get(id)!;
      if (!msgs.some((m) => m.html)) continue;
      await open(page, id, 'dom');
      if (frames === 0) {
        await page.getByTestId('conv-side-toggle').click();
        await page.getByTestId('contact-panel').waitFor();
      }
      frames += await htmlViews(page, msgs, () => true);
      problems.push(...(await auditEmailFrames(page)).bad.map((b) => `${id} frame: ${b}`), ...(await auditApp(page)).map((b) => `${id} app: ${b}`));
      if (frames <= 2) await shot(page, 'xss-03-html-view-without-app-csp');
    }
    expect(frames).toBe(items.filter((x) => x.html).length);
    expect(problems).toEqual([]);
    expect(watch.of(EXECUTION, 'advisor-without-app-csp')).toEqual([]);
    expect(watch.of(['csp'], 'advisor-without-app-csp')).toEqual([]);
    expect(canary.hits.slice(hitsBefore).filter((h) => !h.startsWith('/img/'))).toEqual([]);
  });

  it('search, a hostile search and hostile inbox URLs, the report and the expert page show it all as text', async () => {
    const page = owner;
    watch.pass = 'other-views';
    const hitsBefore = canary.hits.length;
    await page.goto(`${env.baseUrl}/w/${w.ws}/inbox`);
    const search = page.getByTestId('inbox-search');
    await search.fill('onerror');
    await search.press('Enter');
    await page.waitForURL(/[?&]q=onerror/);
    const rowIds = () => page.getByTestId('inbox-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')!));
    const matches = (id: string) => byConversation.get(id)!.some((m) => /onerror/i.test(`${m.subject ?? ''} ${m.text}`));
    await expect.poll(async () => (await rowIds()).filter((id) => !matches(id))).toEqual([]);
    expect((await rowIds()).length).toBeGreaterThan(3);
    await shot(page, 'xss-04-search');

    const hostile = `"><img src=x onerror=__xss('search')><script>__xss('search2')</script>`;
    await search.fill(hostile);
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === hostile);
    expect(await search.inputValue()).toBe(hostile);
    await page.goto(`${env.baseUrl}/w/${w.ws}/inbox?q=${encodeURIComponent(`<svg onload=__xss('q')>`)}&tag=${encodeURIComponent(`"><img src=x onerror=__xss('tag')>`)}`);
    await page.getByTestId('inbox').waitFor();
    await page.goto(`${env.baseUrl}/w/${w.ws}/inbox/${encodeURIComponent(`<img src=x onerror=__xss('path')>`)}`);
    await page.getByTestId('inbox').waitFor();
    await page.waitForTimeout(300);
    expect(await auditApp(page)).toEqual([]);

    await page.goto(`${env.baseUrl}/w/${w.ws}/inbox-reports`);
    await page.getByTestId('report-tiles').waitFor();
    const subjects = await page.locator('.ibr-subject').evaluateAll((tds) => tds.filter((td) => !td.querySelector('.muted')).map((td) => td.textContent));
    expect(subjects.length).toBeGreaterThan(0);
    for (const x of subjects) expect(items.some((m) => m.subject === x), x).toBe(true);
    expect(await auditApp(page)).toEqual([]);
    await shot(page, 'xss-05-report');

    const [cid, msgs] = [...byConversation].find(([, m]) => m.some((x) => x.text === payloads[0].body))!;
    const asked = await w.owner.post(`/api/workspaces/${w.ws}/inbox/conversations/${cid}/expert`, { name: 'Hanna HR', email: 'hanna@gemeente.nl', question: payloads[1].body });
    expect(asked.status, asked.text).toBe(201);
    const token = /\/expert\/([A-Za-z0-9_-]+)/.exec(env.t.mails.find((m) => m.to === 'hanna@gemeente.nl')!.text)![1];
    await page.goto(`${env.baseUrl}/expert/${token}`);
    await page.getByTestId('expert-messages').waitFor();
    expect(await page.getByTestId('expert-question').textContent()).toBe(payloads[1].body);
    expect(await page.locator('.expert-message-text').allTextContents()).toEqual(msgs.map((m) => m.text));
    expect(await auditApp(page)).toEqual([]);
    await shot(page, 'xss-06-expert');

    expect(watch.of(EXECUTION, 'other-views')).toEqual([]);
    expect(canary.hits.slice(hitsBefore)).toEqual([]);
  });

  it('in the end: no hook call, dialog, page error, navigation away, pop-up or canary hit; CSP reports only the sanitiser’s inert parse', () => {
    const real = watch.signals.filter((x) => x.pass !== 'control');
    expect(real.filter((x) => EXECUTION.includes(x.kind))).toEqual([]);
    expect(canary.hits.filter((h) => !h.startsWith('/img/'))).toEqual([]);
    const csp = real.filter((x) => x.kind === 'csp');
    // Violations are the defence at work; none may come from markup in the live page (React rendered text only).
    expect(csp.filter((x) => / in-main=true /.test(x.detail) || !/src=\S*\/assets\/MessageHtml[-.]/.test(x.detail))).toEqual([]);
    const count = (kind: string) => real.filter((x) => x.kind === kind).length;
    console.info(`[inbox-xss] blocked: ${count('csp')} CSP violations (${[...new Set(csp.map((x) => x.detail.split(' ')[0]))].join(', ')}), ${count('console')} console blocks; requests leaving the app: ${count('request')}`);
  });
});
