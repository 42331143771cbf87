/**
 * The mailbox's connection settings: read from what a person typed (connect) or from stored credentials (every
 * other call). Credentials are strings only (the contract's `Credentials`), so ports and flags are kept as text.
 */
import { ConnectorError } from '../errors';
import type { AccountInfo, ConnectInput, Credentials } from '../types';

export interface ServerSettings {
  host: string;
  port: number;
  /** TLS from the first byte (IMAPS 993, SMTPS 465); otherwise STARTTLS, required unless the host is loopback. */
  secure: boolean;
}

export interface MailSettings {
  imap: ServerSettings;
  smtp: ServerSettings;
  username: string;
  password: string;
  /** The organization's address, e.g. info@gemeente.nl: the From of replies and the account's id. */
  address: string;
}

const ADDRESS = /^[^\s@<>()",;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\]|[0-9a-f:.]+)$/i;

function invalid(message: string): ConnectorError {
  return new ConnectorError('rejected', message, { platformReason: message });
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on', 'ssl', 'tls'].includes(v)) return true;
  if (['false', '0', 'no', 'off', 'starttls', 'none'].includes(v)) return false;
  throw invalid(`"${value}" is not a yes/no value.`);
}

function server(input: Record<string, string | undefined>, prefix: 'imap' | 'smtp', defaults: { port: number; securePort: number }): ServerSettings {
  const host = (input[`${prefix}Host`] ?? '').trim().replace(/^\[(.*)\]$/, '$1');
  if (!host || !HOST.test(host)) throw invalid(`The ${prefix.toUpperCase()} server name is missing or not valid.`);
  const portText = (input[`${prefix}Port`] ?? '').trim();
  const port = portText ? Number(portText) : defaults.port;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(`The ${prefix.toUpperCase()} port must be a number from 1 to 65535.`);
  return { host: host.toLowerCase(), port, secure: flag(input[`${prefix}Secure`], port === defaults.securePort) };
}

/**
 * Reads and checks connection settings from a connect form or stored credentials: hosts, ports (defaults IMAP 993,
 * SMTP 587), TLS flags (default: implicit TLS on 993 and 465), address, username (defaults to the address) and
 * password. Throws ConnectorError 'rejected' saying what is wrong.
 */
export function readSettings(input: ConnectInput | Credentials): MailSettings {
  const address = (input.address ?? '').trim().toLowerCase();
  if (!ADDRESS.test(address)) throw invalid('The mailbox address is missing or not a valid e-mail address.');
  const password = input.password ?? '';
  if (!password) throw invalid('The mailbox password is missing.');
  return {
    imap: server(input, 'imap', { port: 993, securePort: 993 }),
    smtp: server(input, 'smtp', { port: 587, securePort: 465 }),
    username: (input.username ?? '').trim() || address,
    password,
    address,
  };
}

/** The settings as stored credentials (strings only). */
export function toCredentials(s: MailSettings): Credentials {
  return {
    imapHost: s.imap.host,
    imapPort: String(s.imap.port),
    imapSecure: String(s.imap.secure),
    smtpHost: s.smtp.host,
    smtpPort: String(s.smtp.port),
    smtpSecure: String(s.smtp.secure),
    username: s.username,
    password: s.password,
    address: s.address,
  };
}

/** The connected account: the mailbox address is its id, handle and name; the IMAP host is its server. */
export function accountFor(s: MailSettings): AccountInfo {
  return { remoteId: s.address, handle: s.address, displayName: s.address, serviceUrl: `imap://${s.imap.host}:${s.imap.port}` };
}

/** The domain part of an address (used for generated Message-IDs). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** True for loopback hosts, where a cleartext login is tolerated (tests, a local relay); elsewhere TLS is required. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}
