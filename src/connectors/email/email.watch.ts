/**
 * Push for the mailbox: one IMAP connection that waits in IDLE on the INBOX (imapflow falls back to NOOP polling on
 * servers without IDLE) and calls `onNew` when messages arrive. The caller then polls with its cursor; `onNew`
 * carries no data, so a missed or doubled call costs nothing. A dropped connection is re-opened with back-off, and
 * `onNew` is called after every reconnect, since mail may have arrived in between.
 */
import type { ImapFlow } from 'imapflow';
import type { ConnectorContext } from '../types';
import { connectImap, imapClient, settingsOf } from './email.imap';
import { imapFailure } from './email.errors';

export interface WatchOptions {
  /** First reconnect delay; doubles up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Told about connection problems while watching (the watch keeps trying). */
  onError?(err: Error): void;
}

async function openInbox(ctx: ConnectorContext, onNew: () => void): Promise<ImapFlow> {
  const client = imapClient(settingsOf(ctx), { disableAutoIdle: false, autoIdleDelay: 200, maxIdleTime: 5 * 60_000 });
  await connectImap(client);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
  } catch (e) {
    client.close();
    throw imapFailure(e, 'open the inbox');
  }
  client.on('exists', (ev: { count: number; prevCount: number }) => {
    if (ev.count > ev.prevCount) onNew();
  });
  return client;
}

/**
 * Watches the INBOX. Resolves, once logged in and waiting, to a function that stops watching (and logs out).
 * Rejects with a ConnectorError when the first login fails (e.g. auth_revoked).
 */
export async function watch(ctx: ConnectorContext, onNew: () => void, opts: WatchOptions = {}): Promise<() => Promise<void>> {
  const first = opts.reconnectDelayMs ?? 1_000;
  const max = opts.maxReconnectDelayMs ?? 60_000;
  let stopped = false;
  let delay = first;
  let timer: NodeJS.Timeout | null = null;
  const notify = () => {
    try {
      onNew();
    } catch (e) {
      ctx.log.warn({ err: (e as Error).message }, 'E-mail watch listener failed');
    }
  };
  let client: ImapFlow = await openInbox(ctx, notify);

  const reconnect = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      timer = null;
      if (stopped) return;
      try {
        client = await openInbox(ctx, notify);
        if (stopped) {
          await client.logout().catch(() => client.close());
          return;
        }
        delay = first;
        client.once('close', reconnect);
        notify();
      } catch (e) {
        opts.onError?.(e as Error);
        ctx.log.warn({ err: (e as Error).message }, 'E-mail watch could not reconnect; trying again');
        delay = Math.min(delay * 2, max);
        reconnect();
      }
    }, delay);
  };
  client.once('close', reconnect);

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await client.logout().catch(() => client.close());
  };
}
