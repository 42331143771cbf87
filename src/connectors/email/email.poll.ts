/**
 * Polling the INBOX by UID. The cursor is JSON {uidValidity, lastUid}: the next poll asks only for UIDs above
 * lastUid. Without a cursor, or when the server's UIDVALIDITY changed (the mailbox was rebuilt and its UIDs mean
 * something else now), it starts again from the recent messages: Regie dedupes on remoteId (the Message-ID), so
 * nothing is shown twice. The mailbox is opened read-only: polling never marks mail as read.
 */
import type { MailboxObject } from 'imapflow';
import type { ConnectorContext, InboundItem, PollResult } from '../types';
import { settingsOf, withImap } from './email.imap';
import { parseRawMessage, toInboundItem } from './email.map';

/** At most this many messages per poll; the cursor then continues from the last one. */
export const POLL_BATCH = 50;
/** A first poll (or one after a UIDVALIDITY change) reads messages received in the last this many days… */
export const BACKFILL_DAYS = 14;
/** …but at most this many of the newest. */
export const BACKFILL_MAX = 50;
/** Larger messages are read only up to this size (headers and text come first; attachments may be cut). */
export const MESSAGE_BYTES_LIMIT = 40 * 1024 * 1024;

export interface PollCursor {
  uidValidity: string;
  lastUid: number;
}

/** Reads a cursor; anything unreadable counts as no cursor (a fresh start, deduped by the caller). */
export function readCursor(cursor: string | null): PollCursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(cursor) as Partial<PollCursor>;
    if (typeof c.uidValidity === 'string' && /^\d+$/.test(c.uidValidity) && Number.isSafeInteger(c.lastUid) && c.lastUid! >= 0) {
      return { uidValidity: c.uidValidity, lastUid: c.lastUid! };
    }
  } catch {
    // fall through
  }
  return null;
}

/** Writes a cursor. */
export function writeCursor(c: PollCursor): string {
  return JSON.stringify({ uidValidity: c.uidValidity, lastUid: c.lastUid });
}

/** Polls the INBOX from the cursor: new messages as InboundItems (oldest first) and the cursor to continue from. */
export async function pollInbox(ctx: ConnectorContext, cursor: string | null): Promise<PollResult> {
  const s = settingsOf(ctx);
  return withImap(s, 'read the inbox', async (client) => {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      const box = client.mailbox as MailboxObject;
      const uidValidity = String(box.uidValidity);
      const prev = readCursor(cursor);
      const continuing = prev !== null && prev.uidValidity === uidValidity;
      let uids: number[];
      let lastUid: number;
      if (continuing) {
        lastUid = prev.lastUid;
        if (box.uidNext && box.uidNext - 1 <= prev.lastUid) return { items: [], cursor: writeCursor({ uidValidity, lastUid }) };
        const found = (await client.search({ uid: `${prev.lastUid + 1}:*` }, { uid: true })) || [];
        // "n:*" also matches the highest UID when it is below n: filter.
        uids = found.filter((u) => u > prev.lastUid).sort((a, b) => a - b).slice(0, POLL_BATCH);
      } else {
        if (prev) ctx.log.info({ was: prev.uidValidity, now: uidValidity }, 'Mailbox UIDVALIDITY changed: reading recent messages again');
        const since = new Date(ctx.now().getTime() - BACKFILL_DAYS * 86_400_000);
        const found = (await client.search({ since }, { uid: true })) || [];
        uids = found.sort((a, b) => a - b).slice(-BACKFILL_MAX);
        // Everything up to UIDNEXT-1 is now either read or deliberately left behind (older than the window).
        lastUid = Math.max(0, (box.uidNext ?? 1) - 1, ...uids);
      }
      const items: InboundItem[] = [];
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { uid: true, internalDate: true, source: { maxLength: MESSAGE_BYTES_LIMIT } }, { uid: true });
        if (continuing) lastUid = Math.max(lastUid, uid);
        if (!msg || !msg.source) continue;
        try {
          const parsed = await parseRawMessage(msg.source);
          const receivedAt = msg.internalDate ? new Date(msg.internalDate) : undefined;
          items.push(toInboundItem(parsed, { uid, uidValidity, receivedAt }, { address: s.address }));
        } catch (e) {
          ctx.log.warn({ uid, err: (e as Error).message }, 'Could not parse an e-mail; skipped');
        }
      }
      return { items, cursor: writeCursor({ uidValidity, lastUid }) };
    } finally {
      lock.release();
    }
  });
}
