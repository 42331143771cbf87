/**
 * The organization's mailbox (e.g. info@gemeente.nl) as a channel: inbound by IMAP (poll by UID with UIDVALIDITY
 * in the cursor; IDLE through {@link watch}), replies by SMTP with correct threading and a copy in Sent. It does
 * not publish. Network I/O goes through imapflow and nodemailer (IMAP and SMTP are not HTTP, so not ctx.fetch).
 */
import { validateAgainstCapabilities } from '../validate';
import type { Connector } from '../types';
import { emailCapabilities } from './email.capabilities';
import { settingsOf, withImap } from './email.imap';
import { pollInbox } from './email.poll';
import { sendReply } from './email.reply';
import { accountFor, readSettings, toCredentials } from './email.settings';
import { verifySmtp } from './email.smtp';

export { watch } from './email.watch';

/** The mailbox connector: connect/verify (IMAP + SMTP login), poll (IMAP by UID), reply (SMTP + Sent); no publish. */
export const emailConnector: Connector = {
  kind: 'email',
  displayName: 'E-mail',
  capabilities: emailCapabilities,
  auth: { kind: 'mail-credentials' },

  /** Pure: the shared checks (one part, no media, at most 100 000 characters). */
  validate(variant) {
    return validateAgainstCapabilities(emailCapabilities, variant, 'E-mail');
  },

  /**
   * Connects a mailbox from {imapHost, imapPort, imapSecure, smtpHost, smtpPort, smtpSecure, username, password,
   * address}: logs in over IMAP and verifies the SMTP login, then returns the credentials to store and the account
   * (the address). Bad input is 'rejected'; a refused login 'auth_revoked'; an unreachable server 'transient'.
   */
  connectFields: [
    { name: 'address', type: 'email', required: true },
    { name: 'username', type: 'text', required: false },
    { name: 'password', type: 'password', required: true },
    { name: 'imapHost', type: 'text', required: true },
    { name: 'imapPort', type: 'number', required: false, default: '993' },
    { name: 'imapSecure', type: 'checkbox', required: false, default: 'true' },
    { name: 'smtpHost', type: 'text', required: true },
    { name: 'smtpPort', type: 'number', required: false, default: '587' },
    { name: 'smtpSecure', type: 'checkbox', required: false, default: 'false' },
  ],

  async connect(_fetch, input) {
    const settings = readSettings(input);
    await withImap(settings, 'log in to the mailbox', async (client) => {
      await client.noop();
    });
    await verifySmtp(settings);
    return { credentials: toCredentials(settings), account: accountFor(settings) };
  },

  /** Logs in over IMAP again; returns the account. */
  async verify(ctx) {
    const settings = settingsOf(ctx);
    await withImap(settings, 'log in to the mailbox', async (client) => {
      await client.noop();
    });
    return accountFor(settings);
  },

  /** New messages in the INBOX since the cursor (JSON {uidValidity, lastUid}); see email.poll.ts. */
  poll: pollInbox,

  /** Answers an inbound e-mail once per idempotency key; see email.reply.ts. */
  reply: sendReply,
};
