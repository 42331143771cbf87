/**
 * Sending a reply: SMTP with the threading headers, then a copy into the Sent folder over IMAP APPEND. The
 * Message-ID comes from the idempotency key, and the Sent folder is searched for it first, so a retried reply that
 * already went out is not sent again (and if a crash fell between SMTP and APPEND, the second copy carries the same
 * Message-ID, which mail clients recognise).
 */
import { ConnectorError } from '../errors';
import type { ConnectorContext, OutboundReply, RemoteRef } from '../types';
import { composeReply, replyEnvelope } from './email.compose';
import { appendMessage, ensureSentFolder, findByMessageId, settingsOf, withImap } from './email.imap';
import { sendRaw } from './email.smtp';

/** How far back the Sent folder is searched for an earlier attempt of the same reply. */
const RETRY_WINDOW_DAYS = 60;

/** Sends `reply` once per idempotency key; resolves to its Message-ID (with the thread it belongs to). */
export async function sendReply(ctx: ConnectorContext, reply: OutboundReply): Promise<RemoteRef> {
  const s = settingsOf(ctx);
  if (!reply.text.trim() && !reply.media?.length) {
    throw new ConnectorError('rejected', 'The reply is empty.', { platformReason: 'empty reply' });
  }
  const env = replyEnvelope(reply, s.address);
  const ref: RemoteRef = { remoteId: env.messageId, extra: { threadRemoteId: env.threadRemoteId, to: env.to } };
  const now = ctx.now();
  return withImap(s, 'keep the reply in the Sent folder', async (client) => {
    const sent = await ensureSentFolder(client);
    const since = new Date(now.getTime() - RETRY_WINDOW_DAYS * 86_400_000);
    if ((await findByMessageId(client, sent, env.messageId, since)) !== null) {
      ctx.log.info({ messageId: env.messageId }, 'Reply already in Sent: not sent again');
      return ref;
    }
    const name = ctx.account.displayName;
    const raw = await composeReply(reply, env, { address: s.address, name }, now);
    await sendRaw(s, raw, env.to);
    try {
      await appendMessage(client, sent, raw, now);
    } catch (e) {
      // The reply did go out: report success; only the copy in Sent is missing.
      ctx.log.warn({ messageId: env.messageId, err: (e as Error).message }, 'Reply sent, but not stored in the Sent folder');
    }
    return ref;
  });
}
