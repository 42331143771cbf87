/**
 * IMAP sessions for the mailbox (imapflow is the transport; ctx.fetch is for HTTP only): log in with TLS unless
 * the server is on loopback, run one piece of work, log out; and the Sent folder (find by \Sent special use, else
 * by name, else create "Sent"), append to it and look a Message-ID up in it.
 */
import type { ImapFlow, ListResponse } from 'imapflow';
import { lazy } from '../lazy';

const imapflow = lazy<typeof import('imapflow')>('imapflow');
import { ConnectorError } from '../errors';
import type { ConnectorContext } from '../types';
import { imapFailure } from './email.errors';
import { isLoopbackHost, readSettings, type MailSettings } from './email.settings';

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 120_000 };

/** The settings from a context's stored credentials; unusable credentials need a person to reconnect. */
export function settingsOf(ctx: ConnectorContext): MailSettings {
  try {
    return readSettings(ctx.credentials);
  } catch (e) {
    throw new ConnectorError('auth_revoked', `The stored mailbox settings are incomplete: ${(e as Error).message} Reconnect the mailbox.`);
  }
}

/** A new (not yet connected) IMAP client for these settings; never logs (credentials stay out of logs). */
export function imapClient(s: MailSettings, extra: { disableAutoIdle?: boolean; maxIdleTime?: number; autoIdleDelay?: number } = {}): ImapFlow {
  return new (imapflow().ImapFlow)({
    host: s.imap.host,
    port: s.imap.port,
    secure: s.imap.secure,
    doSTARTTLS: s.imap.secure ? undefined : isLoopbackHost(s.imap.host) ? undefined : true,
    auth: { user: s.username, pass: s.password },
    logger: false,
    clientInfo: { name: 'Regie' },
    disableAutoIdle: extra.disableAutoIdle ?? true,
    maxIdleTime: extra.maxIdleTime,
    autoIdleDelay: extra.autoIdleDelay,
    ...TIMEOUTS,
  });
}

/** Connects and logs in; failures as ConnectorError (a refused login is auth_revoked). */
export async function connectImap(client: ImapFlow): Promise<void> {
  // imapflow also emits 'error' on a client whose connection breaks later; without a listener that would crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    client.close();
    throw imapFailure(e, 'log in to the mailbox');
  }
}

/** Logs in, runs `work`, and logs out whatever happens; imapflow errors come out as ConnectorError. */
export async function withImap<T>(s: MailSettings, action: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = imapClient(s);
  await connectImap(client);
  try {
    return await work(client);
  } catch (e) {
    throw imapFailure(e, action);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** The folder replies are kept in: special use \Sent (reported by the server first), else a folder named like Sent. */
export function chooseSentFolder(list: ListResponse[]): string | null {
  const sent = list.filter((l) => l.specialUse === '\\Sent' && !l.flags.has('\\Noselect'));
  const byServer = sent.find((l) => l.specialUseSource === 'extension' || l.specialUseSource === 'user');
  if (byServer) return byServer.path;
  if (sent[0]) return sent[0].path;
  const named = list.find((l) => /^(sent|sent items|sent messages|verzonden|verzonden items)$/i.test(l.name) && !l.flags.has('\\Noselect'));
  return named?.path ?? null;
}

/** Finds the Sent folder, creating "Sent" (inside the personal namespace) when the mailbox has none. */
export async function ensureSentFolder(client: ImapFlow): Promise<string> {
  const found = chooseSentFolder(await client.list());
  if (found) return found;
  const prefix = client.namespace?.prefix ?? '';
  const created = await client.mailboxCreate(`${prefix}Sent`);
  await client.mailboxSubscribe(created.path).catch(() => false);
  return created.path;
}

/** Looks a Message-ID up in a folder among messages stored since `since` (bounds the search); the UID or null. */
export async function findByMessageId(client: ImapFlow, folder: string, messageId: string, since: Date): Promise<number | null> {
  const lock = await client.getMailboxLock(folder, { readOnly: true });
  try {
    const uids = await client.search({ header: { 'message-id': messageId }, since }, { uid: true });
    if (!uids || !uids.length) return null;
    // SEARCH HEADER matches substrings: confirm the exact id.
    for (const uid of uids) {
      const msg = await client.fetchOne(String(uid), { uid: true, envelope: true }, { uid: true });
      if (msg && msg.envelope?.messageId === messageId) return uid;
    }
    return null;
  } finally {
    lock.release();
  }
}

/** Appends a message to a folder as read, dated `date`. */
export async function appendMessage(client: ImapFlow, folder: string, raw: Buffer, date: Date): Promise<void> {
  const res = await client.append(folder, raw, ['\\Seen'], date);
  if (res === false) throw new ConnectorError('transient', `The IMAP server did not store the message in ${folder}.`);
}
