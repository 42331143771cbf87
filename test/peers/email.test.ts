/**
 * The e-mail connector against real servers started here: Dovecot (IMAP, LMTP) and Postfix (SMTP with SASL through
 * Dovecot, relaying the local test domains into Dovecot's LMTP), on loopback. A citizen writes to the organization's
 * mailbox; Regie polls it, answers, and the answer arrives threaded, with a copy in Sent.
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailConnector, watch } from '../../src/connectors/email/email.connector';
import { parseRawMessage } from '../../src/connectors/email/email.map';
import { ConnectorError } from '../../src/connectors/errors';
import { liveContract, staticContract } from '../../src/connectors/testing/contract';
import type { ConnectorContext, HttpFetch, InboundItem, OutboundVariant } from '../../src/connectors/types';
import { testContext } from '../support/connector-context';
import { mailServersUnavailable, messagesIn, startMailServers, type MailServers, type MailUser } from '../support/mail-server';
import { freePort } from '../support/postgres-server';

const unavailable = mailServersUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`CI: the e-mail peer tests need Dovecot and Postfix: ${unavailable}`);
if (unavailable) console.warn(`\n[email] SKIPPED: ${unavailable}. Run .ci/run or apt-get install dovecot-imapd dovecot-lmtpd postfix.\n`);

const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: 'Dank voor uw bericht; we komen er deze week op terug.' }] });
/** E-mail speaks IMAP and SMTP, never HTTP: any use of fetch is a bug. */
const noHttp: HttpFetch = async () => {
  throw new Error('the e-mail connector must not use HTTP');
};

staticContract(emailConnector, sample);

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!unavailable)('email connector against Dovecot + Postfix', () => {
  let servers: MailServers;
  let ctx: ConnectorContext;
  const input = (u: MailUser, over: Record<string, string> = {}) => ({
    imapHost: servers.imap.host, imapPort: String(servers.imap.port), imapSecure: 'false',
    smtpHost: servers.smtp.host, smtpPort: String(servers.smtp.port), smtpSecure: 'false',
    username: u.address, password: u.password, address: u.address, ...over,
  });

  /** Raw messages with this Message-ID in a user's folder (read as that user over IMAP). */
  const messagesWithId = (u: MailUser, folder: string, messageId: string) => messagesIn(servers.imap, u, folder, { 'message-id': messageId });

  beforeAll(async () => {
    servers = await startMailServers();
    const { credentials, account } = await emailConnector.connect!(noHttp, input(servers.users.info), new Date());
    expect(account).toEqual({ remoteId: 'info@gemeente.test', handle: 'info@gemeente.test', displayName: 'info@gemeente.test', serviceUrl: `imap://127.0.0.1:${servers.imap.port}` });
    ctx = testContext(account, credentials, { fetch: noHttp, fetchUntrusted: noHttp });
  });
  afterAll(async () => {
    await servers?.stop();
  });

  liveContract(emailConnector, { context: async () => ctx, sampleVariant: sample, canPublish: false });

  let question: InboundItem;

  it('a citizen e-mail (HTML with a script and a remote image, an attachment) becomes one safe InboundItem', async () => {
    const before = await emailConnector.poll!(ctx, null);
    const citizen = nodemailer.createTransport({ host: servers.smtp.host, port: servers.smtp.port, secure: false, auth: { user: servers.users.burger.address, pass: servers.users.burger.password } });
    await citizen.sendMail({
      from: { name: 'Bea Burger', address: servers.users.burger.address },
      to: servers.users.info.address,
      subject: 'Lantaarnpaal kapot',
      messageId: '<citizen-1@example.test>',
      text: 'De lantaarnpaal in de Dorpsstraat is kapot.',
      html: '<p>De lantaarnpaal is <b>kapot</b>.</p><script>alert(document.cookie)</script><img src="http://tracker.example.test/pixel.gif" onerror="steal()">',
      attachments: [{ filename: 'foto.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 lantaarnpaal') }],
    });
    citizen.close();
    const first = await waitFor('the e-mail to arrive', async () => {
      const r = await emailConnector.poll!(ctx, before.cursor);
      return r.items.length ? r : null;
    });
    expect(first.items).toHaveLength(1);
    question = first.items[0]!;
    expect(question).toMatchObject({
      remoteId: '<citizen-1@example.test>',
      kind: 'email',
      threadRemoteId: '<citizen-1@example.test>',
      author: { remoteId: 'burger@example.test', email: 'burger@example.test', displayName: 'Bea Burger' },
      subject: 'Lantaarnpaal kapot',
      text: 'De lantaarnpaal in de Dorpsstraat is kapot.',
      replyRef: { messageId: '<citizen-1@example.test>', subject: 'Lantaarnpaal kapot' },
    });
    expect(question.fromSelf).toBeUndefined();
    expect(question.html).toBe('<p>De lantaarnpaal is <b>kapot</b>.</p><img data-src="http://tracker.example.test/pixel.gif">');
    expect(question.attachments).toEqual([{ name: 'foto.pdf', mimeType: 'application/pdf', size: 21, bytes: new Uint8Array(Buffer.from('%PDF-1.4 lantaarnpaal')) }]);
    const again = await emailConnector.poll!(ctx, first.cursor);
    expect(again.items).toEqual([]);
    expect(again.cursor).toBe(first.cursor);
  });

  it('a reply arrives threaded in the citizen mailbox, with a copy in Sent, once per idempotency key', async () => {
    const text = 'Dank u. We repareren de lantaarnpaal deze week.';
    const ref = await emailConnector.reply!(ctx, { idempotencyKey: 'reply-citizen-1', inReplyTo: question, text });
    expect(ref.remoteId).toMatch(/^<regie\.[0-9a-f]{40}@gemeente\.test>$/);
    const [raw] = await waitFor('the reply to arrive', async () => {
      const found = await messagesWithId(servers.users.burger, 'INBOX', ref.remoteId);
      return found.length ? found : null;
    });
    const got = await parseRawMessage(raw!);
    expect(got.messageId).toBe(ref.remoteId);
    expect(got.inReplyTo).toBe('<citizen-1@example.test>');
    expect(got.references).toBe('<citizen-1@example.test>');
    expect(got.subject).toBe('Re: Lantaarnpaal kapot');
    expect(got.from?.value[0]?.address).toBe('info@gemeente.test');
    expect(got.text?.trim()).toBe(text);
    expect(await messagesWithId(servers.users.info, 'Sent', ref.remoteId)).toHaveLength(1);

    const retry = await emailConnector.reply!(ctx, { idempotencyKey: 'reply-citizen-1', inReplyTo: question, text });
    expect(retry.remoteId).toBe(ref.remoteId);
    expect(await messagesWithId(servers.users.info, 'Sent', ref.remoteId)).toHaveLength(1);
    // Postfix has nothing more to deliver for the retry: one copy, never two.
    expect(await messagesWithId(servers.users.burger, 'INBOX', ref.remoteId)).toHaveLength(1);

    // Our reply coming back into the organization's inbox (a copy, a loop) is recognised as our own.
    const cursor = (await emailConnector.poll!(ctx, null)).cursor;
    await servers.deliver(raw!, servers.users.info.address, servers.users.info.address);
    const back = await waitFor('the looped reply', async () => {
      const r = await emailConnector.poll!(ctx, cursor);
      return r.items.length ? r.items : null;
    });
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ remoteId: ref.remoteId, fromSelf: true, threadRemoteId: '<citizen-1@example.test>', inReplyToRemoteId: '<citizen-1@example.test>' });
  });

  it('after a UIDVALIDITY change it reads the recent messages again (deduped by Message-ID upstream)', async () => {
    const r = await emailConnector.poll!(ctx, JSON.stringify({ uidValidity: '1', lastUid: 999_999 }));
    expect(r.items.map((i) => i.remoteId)).toContain('<citizen-1@example.test>');
    expect(JSON.parse(r.cursor!).uidValidity).not.toBe('1');
    expect((await emailConnector.poll!(ctx, r.cursor)).items).toEqual([]);
  });

  it('watch: IDLE reports new mail while watching, and stops', async () => {
    let calls = 0;
    const stop = await watch(ctx, () => {
      calls++;
    });
    try {
      await servers.deliver('From: burger@example.test\r\nTo: info@gemeente.test\r\nSubject: Nog een vraag\r\nMessage-ID: <citizen-2@example.test>\r\n\r\nHoe laat?\r\n', servers.users.info.address);
      await waitFor('IDLE to report the new message', async () => calls > 0, 10_000);
    } finally {
      await stop();
    }
  });

  it('maps failures: unknown recipient → rejected with the server text; wrong password → auth_revoked; closed port → transient', async () => {
    const nobody: InboundItem = { ...question, remoteId: '<x@example.test>', author: { remoteId: 'nobody@example.test', email: 'nobody@example.test' }, replyRef: { messageId: '<x@example.test>', subject: 'x' } };
    const rejected = await emailConnector.reply!(ctx, { idempotencyKey: 'reply-nobody', inReplyTo: nobody, text: 'Hallo' }).catch((e) => e);
    expect(rejected).toBeInstanceOf(ConnectorError);
    expect([rejected.failure, rejected.details.status]).toEqual(['rejected', 550]);
    expect(rejected.details.platformReason).toMatch(/User unknown/);

    const wrong = await emailConnector.connect!(noHttp, input(servers.users.info, { password: 'wrong' }), new Date()).catch((e) => e);
    expect([wrong instanceof ConnectorError, wrong.failure]).toEqual([true, 'auth_revoked']);
    const badCtx = testContext(ctx.account, { ...ctx.credentials, password: 'wrong' }, { fetch: noHttp });
    expect((await emailConnector.verify(badCtx).catch((e) => e)).failure).toBe('auth_revoked');
    expect((await emailConnector.poll!(badCtx, null).catch((e) => e)).failure).toBe('auth_revoked');

    const closed = String(await freePort());
    const down = await emailConnector.connect!(noHttp, input(servers.users.info, { imapPort: closed }), new Date()).catch((e) => e);
    expect([down instanceof ConnectorError, down.failure]).toEqual([true, 'transient']);
    const smtpDown = await emailConnector.connect!(noHttp, input(servers.users.info, { smtpPort: closed }), new Date()).catch((e) => e);
    expect([smtpDown instanceof ConnectorError, smtpDown.failure]).toEqual([true, 'transient']);
    const smtpWrong = testContext(ctx.account, { ...ctx.credentials, smtpPort: closed }, { fetch: noHttp });
    expect((await emailConnector.reply!(smtpWrong, { idempotencyKey: 'reply-down', inReplyTo: question, text: 'x' }).catch((e) => e)).failure).toBe('transient');
  });
});
