/**
 * IMAP (imapflow) and SMTP (nodemailer) failures in the contract's terms. A refused login is `auth_revoked` (a
 * person must reconnect with a new password); unreachable or slow servers and temporary (4xx) answers are
 * `transient`; a permanent SMTP answer (5xx) is `rejected` with the server's own text; a TLS failure is `rejected`
 * (the settings or the server's certificate need a person).
 */
import { ConnectorError } from '../errors';

interface ErrorLike {
  message?: string;
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  responseStatus?: string;
  response?: unknown;
  responseCode?: number;
  command?: string;
  tlsFailed?: boolean;
  throttleReset?: number;
  reason?: string;
}

const NETWORK = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ETIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'NoConnection', 'EConnectionClosed', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ClosedAfterConnectText',
  'ClosedAfterConnectTLS', 'LockTimeout', 'StateLogout', 'ECONNECTION', 'ESOCKET', 'EDNS', 'ESTREAM',
]);

const TLS = /certificate|self[- ]signed|wrong version number|ssl routines|tls|handshake/i;

/** The failure for an error thrown by imapflow while doing `action` (e.g. "log in", "read the inbox"). */
export function imapFailure(err: unknown, action: string): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = (err ?? {}) as ErrorLike;
  const text = e.responseText || (typeof e.response === 'string' ? e.response : '') || e.message || String(err);
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED' || e.serverResponseCode === 'AUTHORIZATIONFAILED') {
    return new ConnectorError('auth_revoked', `The mail server refused the login (${text}); reconnect the mailbox with the current password.`, { platformReason: text, platformCode: e.serverResponseCode });
  }
  if (e.code === 'ETHROTTLE') {
    return new ConnectorError('rate_limited', 'The mail server asks to slow down.', { retryAfterMs: e.throttleReset, platformReason: text });
  }
  if (e.tlsFailed || (e.code && /^ERR_(SSL|TLS)|^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(e.code))) {
    return new ConnectorError('rejected', `TLS with the IMAP server failed (${text}); check the server name, port and TLS setting.`, { platformReason: text, platformCode: e.code });
  }
  if (e.code && NETWORK.has(e.code)) {
    return new ConnectorError('transient', `Could not ${action}: the IMAP server is unreachable (${e.code}).`, { platformReason: text, platformCode: e.code });
  }
  if (e.serverResponseCode === 'UNAVAILABLE' || e.serverResponseCode === 'INUSE' || e.serverResponseCode === 'LIMIT') {
    return new ConnectorError('transient', `Could not ${action}: the IMAP server is busy (${text}).`, { platformReason: text, platformCode: e.serverResponseCode });
  }
  if (e.responseStatus === 'NO' || e.responseStatus === 'BAD' || e.serverResponseCode) {
    return new ConnectorError('rejected', `Could not ${action}: ${text}`, { platformReason: text, platformCode: e.serverResponseCode });
  }
  return new ConnectorError('transient', `Could not ${action} (${text}).`, { platformReason: text, platformCode: e.code });
}

/** The failure for an error thrown by nodemailer's SMTP transport (verify or send). */
export function smtpFailure(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = (err ?? {}) as ErrorLike;
  const response = typeof e.response === 'string' ? e.response : '';
  const text = response || e.message || String(err);
  const status = e.responseCode;
  if (e.code === 'EAUTH' && (!status || status >= 500)) {
    return new ConnectorError('auth_revoked', `The SMTP server refused the login (${text}); reconnect the mailbox with the current password.`, { status, platformReason: text, platformCode: e.code });
  }
  if (status && status >= 500) {
    return new ConnectorError('rejected', text, { status, platformReason: text, platformCode: e.code });
  }
  if (status && status >= 400) {
    return new ConnectorError('transient', `The SMTP server answered temporarily (${text}).`, { status, platformReason: text, platformCode: e.code });
  }
  if (e.code === 'ETLS' || (e.code && /^ERR_(SSL|TLS)|^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(e.code)) || (e.code === 'ESOCKET' && TLS.test(text))) {
    return new ConnectorError('rejected', `TLS with the SMTP server failed (${text}); check the server name, port and TLS setting.`, { platformReason: text, platformCode: e.code });
  }
  return new ConnectorError('transient', `Could not reach the SMTP server (${text}).`, { platformReason: text, platformCode: e.code });
}
