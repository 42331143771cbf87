import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseRawMessage } from '../../src/connectors/email/email.map';
import { startAtprotoNetwork, type AtprotoAccount, type AtprotoNetwork } from '../support/atproto-network';
import { browserUnavailable, expectAccessible, signIn as signInAs, shot, startBrowserEnv, type BrowserEnv } from '../support/browser';
import { mailServersUnavailable, messagesIn, startMailServers, type MailServers, type MailUser } from '../support/mail-server';
import { buildWorld, type World } from '../support/world';

const missing = browserUnavailable() || !inject('pgUrl') || mailServersUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`CI: the inbox journey needs Chromium, PostgreSQL (AT Protocol network) and Dovecot/Postfix: ${missing}`);

const bytes = (text: string, part: string) => {
  const start = Buffer.byteLength(text.slice(0, text.indexOf(part)));
  return { byteStart: start, byteEnd: start + Buffer.byteLength(part) };
};

/**
 * The journey: a mention on the local AT Protocol network and an e-mail to the Dovecot mailbox arrive; the
 * rules route the complaint to the service team and the press question to press; an agent replies on Bluesky (it
 * appears as a reply on the network); an advisor's reply to the complaint waits for the owner's approval before it
 * goes; the owner answers the e-mail (it arrives threaded in the sender's mailbox); the report shows both with
 * response times.
 */
describe.skipIf(!!missing)('inbox journey in the browser', () => {
  let net: AtprotoNetwork;
  let env: BrowserEnv;
  let mail: MailServers;
  let w: World;
  let org: AtprotoAccount;
  let resident: AtprotoAccount;
  let mentionUri = '';
  let bskyChannel = '';
  let emailChannel = '';
  const pages: Page[] = [];
  const signIn = async (email: string) => {
    const page = await signInAs(env, email);
    pages.push(page);
    return page;
  };
  const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 200 });
  const api = () => `/api/workspaces/${w.ws}`;
  const conversationOf = async (channelId: string) => (await env.t.app.db.selectFrom('conversations').selectAll().where('workspace_id', '=', w.ws).where('channel_id', '=', channelId).executeTakeFirst()) ?? null;

  const inboxOf = (u: MailUser, header: Record<string, string>) => messagesIn(mail.imap, u, 'INBOX', header);

  async function openConversation(page: Page, conversationId: string) {
    await page.goto(`${env.baseUrl}/w/${w.ws}/inbox/${conversationId}`);
    await page.locator(`[data-testid="conversation"][data-conversation-id="${conversationId}"]`).waitFor();
  }

  beforeAll(async () => {
    [net, env, mail] = await Promise.all([startAtprotoNetwork(inject('pgUrl')!), startBrowserEnv(), startMailServers()]);
    w = await buildWorld(env.t.http, env.t.app);
    org = await net.createAccount('testdorp', 'Gemeente Testdorp');
    resident = await net.createAccount('inwoner', 'Ina Inwoner');
    const b = await w.owner.post(`${api()}/channels`, { kind: 'bluesky', credentials: { service: net.pdsUrl, identifier: org.handle, appPassword: await net.createAppPassword(org, 'Regie') } });
    expect(b.status, b.text).toBe(201);
    bskyChannel = b.body.id;
    const info = mail.users.info;
    const e = await w.owner.post(`${api()}/channels`, {
      kind: 'email',
      credentials: { imapHost: mail.imap.host, imapPort: String(mail.imap.port), imapSecure: 'false', smtpHost: mail.smtp.host, smtpPort: String(mail.smtp.port), smtpSecure: 'false', username: info.address, password: info.password, address: info.address },
    });
    expect(e.status, e.text).toBe(201);
    emailChannel = e.body.id;

    const service = (await w.owner.post(`${api()}/inbox/teams`, { name: 'Klantenservice', assignmentMode: 'round_robin' })).body;
    await w.owner.put(`${api()}/inbox/teams/${service.id}`, { members: [{ userId: w.webcare.userId, maxOpen: null, available: true }] });
    const press = (await w.owner.post(`${api()}/inbox/teams`, { name: 'Pers', assignmentMode: 'round_robin' })).body;
    await w.owner.put(`${api()}/inbox/teams/${press.id}`, { members: [{ userId: w.ownerId, maxOpen: null, available: true }] });
    const saved = await w.owner.put(`${api()}/inbox/settings`, {
      rules: [
        { id: 'press', name: 'Persvragen', match: 'any', conditions: [{ type: 'keywords', any: ['journalist', 'persvraag', 'redactie'] }], actions: { teamId: press.id, priority: 'high' }, stop: true },
        { id: 'complaints', name: 'Klachten', conditions: [{ type: 'sentiment', sentiments: ['negative'] }], actions: { teamId: service.id, tags: ['klacht'] } },
      ],
      defaultTeamId: service.id,
      defaultPriority: 'normal',
      replyRules: { agency: 'negative', own: 'none' },
      expectedVersion: 0,
    });
    expect(saved.status, saved.text).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([env?.close(), net?.close(), mail?.stop()]);
  });

  it('a mention on Bluesky and an e-mail arrive; the complaint goes to the service team, the press question to press', async () => {
    const text = 'Hé @testdorp.test, al drie weken ligt er afval naast de container op het Marktplein. Schandalig, niemand doet iets!';
    const made = await net.xrpc(resident, 'com.atproto.repo.createRecord', {
      body: { repo: resident.did, collection: 'app.bsky.feed.post', record: { $type: 'app.bsky.feed.post', createdAt: new Date().toISOString(), text, facets: [{ index: bytes(text, '@testdorp.test'), features: [{ $type: 'app.bsky.richtext.facet#mention', did: org.did }] }] } },
    });
    mentionUri = made.uri;
    const journalist = nodemailer.createTransport({ host: mail.smtp.host, port: mail.smtp.port, secure: false, auth: { user: mail.users.burger.address, pass: mail.users.burger.password } });
    await journalist.sendMail({ from: { name: 'Bea Burger, Dagblad Testdorp', address: mail.users.burger.address }, to: mail.users.info.address, subject: 'Persvraag over de nieuwe brug', messageId: '<persvraag-1@example.test>', text: 'Goedemiddag, ik ben journalist bij Dagblad Testdorp. Wanneer gaat de nieuwe brug open?' });
    journalist.close();
    await net.settle();
    // The worker polls every INBOX_POLL_SECONDS; here the channels are asked at once, as "Ophalen" on the channels page does.
    await poll(async () => {
      await w.owner.post(`${api()}/channels/${bskyChannel}/sync`, {});
      return (await conversationOf(bskyChannel))?.kind ?? null;
    }).toBe('mention');
    await poll(async () => {
      await w.owner.post(`${api()}/channels/${emailChannel}/sync`, {});
      return (await conversationOf(emailChannel))?.kind ?? null;
    }).toBe('email');

    const agent = await signIn('webcare@gemeente.nl');
    await agent.goto(`${env.baseUrl}/w/${w.ws}/inbox`);
    await agent.getByTestId('inbox-view-team').click();
    const complaint = (await conversationOf(bskyChannel))!;
    await agent.locator(`[data-testid="inbox-row"][data-conversation-id="${complaint.id}"]`).waitFor();
    expect(await agent.getByTestId('inbox-row').count()).toBe(1);
    await shot(agent, 'inbox-01-agent-team');
    await expectAccessible(agent, 'inbox list');

    const ownerPage = await signIn('owner@gemeente.nl');
    await ownerPage.goto(`${env.baseUrl}/w/${w.ws}/inbox`);
    await ownerPage.getByTestId('inbox-view-team').click();
    const pressQuestion = (await conversationOf(emailChannel))!;
    await ownerPage.locator(`[data-testid="inbox-row"][data-conversation-id="${pressQuestion.id}"]`).waitFor();
    expect(await ownerPage.locator(`[data-testid="inbox-row"][data-conversation-id="${complaint.id}"]`).count()).toBe(0);
    const detail = await w.owner.get(`${api()}/inbox/conversations/${pressQuestion.id}`);
    expect(detail.body.conversation).toMatchObject({ teamName: 'Pers', priority: 'high', subject: 'Persvraag over de nieuwe brug' });
    expect((await w.owner.get(`${api()}/inbox/conversations/${complaint.id}`)).body.conversation).toMatchObject({ teamName: 'Klantenservice', sentiment: 'negative', tags: ['klacht'] });
  });

  it('the agent replies on Bluesky: it goes through the gate and appears as a reply on the network', async () => {
    const agent = pages[0];
    const complaint = (await conversationOf(bskyChannel))!;
    await openConversation(agent, complaint.id);
    await agent.getByTestId('routing-why').waitFor({ state: 'attached' });
    await agent.getByTestId('reply-text').fill('Wat vervelend, Ina. We sturen vandaag iemand om het op te ruimen.');
    await poll(() => agent.getByTestId('reply-findings').count()).toBeGreaterThan(0);
    await agent.getByTestId('reply-send').click();
    await agent.locator('[data-testid="message"][data-direction="out"]').first().waitFor();
    await shot(agent, 'inbox-02-agent-replied');
    await net.settle();
    const thread = await net.xrpc(resident, 'app.bsky.feed.getPostThread', { query: { uri: mentionUri } });
    const replies = (thread.thread.replies ?? []).map((r: { post: { record: { text: string }; author: { did: string } } }) => [r.post.author.did, r.post.record.text]);
    expect(replies).toContainEqual([org.did, 'Wat vervelend, Ina. We sturen vandaag iemand om het op te ruimen.']);
    const after = (await conversationOf(bskyChannel))!;
    expect(after.first_response_at).not.toBeNull();
  });

  it('an advisor’s reply to the complaint waits for the organization; the owner approves and only then it goes', async () => {
    const complaint = (await conversationOf(bskyChannel))!;
    const advisor = await signIn('advisor@bureauhelder.nl');
    await openConversation(advisor, complaint.id);
    await advisor.getByTestId('reply-text').fill('Update: de buitendienst heeft het afval opgeruimd. Dank voor je melding!');
    await advisor.getByTestId('reply-send').click();
    await advisor.locator('[data-testid="pending-reply"][data-state="awaiting_approval"]').waitFor();
    expect(await advisor.getByTestId('reply-approve').count()).toBe(0);
    await shot(advisor, 'inbox-03-advisor-waits');
    await net.settle();
    const before = await net.xrpc(resident, 'app.bsky.feed.getPostThread', { query: { uri: mentionUri } });
    expect((before.thread.replies ?? []).map((r: { post: { record: { text: string } } }) => r.post.record.text)).not.toContain('Update: de buitendienst heeft het afval opgeruimd. Dank voor je melding!');

    const owner = pages[1];
    await openConversation(owner, complaint.id);
    await owner.locator('[data-testid="pending-reply"][data-state="awaiting_approval"]').waitFor();
    await shot(owner, 'inbox-04-owner-approves');
    await owner.getByTestId('reply-approve').click();
    await poll(() => owner.locator('[data-testid="message"][data-direction="out"]').count()).toBe(2);
    await net.settle();
    const thread = await net.xrpc(resident, 'app.bsky.feed.getPostThread', { query: { uri: mentionUri } });
    expect((thread.thread.replies ?? []).map((r: { post: { record: { text: string } } }) => r.post.record.text)).toContain('Update: de buitendienst heeft het afval opgeruimd. Dank voor je melding!');
    const audit = await env.t.app.db.selectFrom('audit_records').select('summary').where('action', '=', 'reply.sending').execute();
    expect(audit.map((a) => JSON.parse(a.summary))).toContainEqual(expect.objectContaining({ author: 'Ada Advisor (Bureau Helder)', approvedBy: expect.any(String) }));
  });

  it('the owner answers the e-mail: it arrives threaded in the journalist’s mailbox', async () => {
    const owner = pages[1];
    const pressQuestion = (await conversationOf(emailChannel))!;
    await openConversation(owner, pressQuestion.id);
    await owner.getByTestId('reply-text').fill('Goedemiddag, de nieuwe brug gaat op 3 maart open. Met vriendelijke groet, Gemeente Testdorp');
    await owner.getByTestId('reply-send').click();
    await owner.locator('[data-testid="message"][data-direction="out"]').first().waitFor();
    await poll(async () => (await inboxOf(mail.users.burger, { 'in-reply-to': '<persvraag-1@example.test>' })).length, 30_000).toBe(1);
    const [raw] = await inboxOf(mail.users.burger, { 'in-reply-to': '<persvraag-1@example.test>' });
    const got = await parseRawMessage(raw!);
    expect(got.subject).toBe('Re: Persvraag over de nieuwe brug');
    expect(got.text).toContain('de nieuwe brug gaat op 3 maart open');
  });

  it('the report shows both conversations with their response times, and who answered', async () => {
    const owner = pages[1];
    await owner.goto(`${env.baseUrl}/w/${w.ws}/inbox-reports`);
    const report0 = await w.owner.get(`${api()}/inbox/reports`);
    expect(report0.body.volume.total, JSON.stringify(report0.body).slice(0, 3000)).toBe(2);
    await poll(() => owner.getByTestId('report-total').innerText()).toContain('2');
    expect(await owner.getByTestId('report-frt-median').innerText()).not.toMatch(/^\s*[—-]\s*$/);
    const answeredBy = await owner.getByTestId('report-answered-by').innerText();
    expect(answeredBy).toContain('Gemeente Testdorp');
    await shot(owner, 'inbox-05-report');
    await expectAccessible(owner, 'inbox report');
    const report = await w.owner.get(`${api()}/inbox/reports`);
    expect(report.body.volume.total, JSON.stringify(report.body)).toBe(2);
    expect(report.body.firstResponse.count).toBe(2);
    expect(report.body.conversations.every((c: { firstResponseMinutes: number | null }) => c.firstResponseMinutes !== null)).toBe(true);
  });
});
