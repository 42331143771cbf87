/**
 * SMTP for replies (nodemailer is the transport; ctx.fetch is for HTTP only): TLS is required unless the server is
 * on loopback; failures come out as ConnectorError (see {@link smtpFailure}).
 */
import { lazy } from '../lazy';

const nodemailer = lazy<typeof import('nodemailer')>('nodemailer');
import { smtpFailure } from './email.errors';
import { isLoopbackHost, type MailSettings } from './email.settings';

function transport(s: MailSettings) {
  return nodemailer().createTransport({
    host: s.smtp.host,
    port: s.smtp.port,
    secure: s.smtp.secure,
    requireTLS: !s.smtp.secure && !isLoopbackHost(s.smtp.host),
    auth: { user: s.username, pass: s.password },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    dnsTimeout: 15_000,
    logger: false,
    debug: false,
  });
}

/** Checks that the SMTP server answers and accepts the login. */
export async function verifySmtp(s: MailSettings): Promise<void> {
  const t = transport(s);
  try {
    await t.verify();
  } catch (e) {
    throw smtpFailure(e);
  } finally {
    t.close();
  }
}

/**
 * Sends a raw message from the mailbox address to `to`. Resolves when the server accepted it; a recipient the
 * server refuses permanently is 'rejected' with the server's text.
 */
export async function sendRaw(s: MailSettings, raw: Buffer, to: string): Promise<void> {
  const t = transport(s);
  try {
    const info = await t.sendMail({ envelope: { from: s.address, to: [to] }, raw });
    if (info.rejected.length) {
      const reason = (info as { rejectedErrors?: Error[] }).rejectedErrors?.[0];
      throw smtpFailure(reason ?? Object.assign(new Error(`The SMTP server refused ${to}`), { responseCode: 550 }));
    }
  } catch (e) {
    throw smtpFailure(e);
  } finally {
    t.close();
  }
}
