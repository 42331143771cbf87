import { lazy } from '../lazy';

const nodemailer = lazy<typeof import('nodemailer')>('nodemailer');
import type { Logger } from 'pino';
import type { Mailer, SystemMail } from '../../services/app';

/**
 * Sends Regie's own e-mail (invitations, password resets) through SMTP when `smtpUrl` is set. Without SMTP the
 * message, link included, is written to the log so that an administrator can pass it on. Never throws: resolves
 * to whether the message was handed to the SMTP server.
 */
export function createSystemMailer(smtpUrl: string | null, from: string, log: Logger): Mailer {
  if (!smtpUrl) {
    return {
      async send(mail: SystemMail) {
        log.info({ to: mail.to, subject: mail.subject }, `E-mail not sent (no SMTP_URL configured); its text:\n${mail.text}`);
        return false;
      },
    };
  }
  const transport = nodemailer().createTransport(smtpUrl);
  return {
    async send(mail: SystemMail) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        return true;
      } catch (err) {
        log.error({ err, to: mail.to, subject: mail.subject }, 'Could not send e-mail through SMTP');
        return false;
      }
    },
  };
}
