/**
 * Mastodon JSON → Regie's inbound items. A mention notification carries the status that mentions the account:
 * a `direct` status is a direct message, a status answering one of the account's own statuses is a reply, any
 * other a mention. The status id is the item's remote id (one status is one item, whatever notified it). Pure.
 */
import type { AccountInfo, InboundItem, InboundKind } from '../types';
import type { MastodonAccount, MastodonNotification, MastodonStatus } from './mastodon.entities';
import { htmlToText } from './mastodon.html';

/** The domain local accounts live on, from the connected account's handle (`me@domain`) or its instance URL. */
export function localDomain(self: AccountInfo): string {
  const at = self.handle.lastIndexOf('@');
  if (at > 0) return self.handle.slice(at + 1);
  return self.serviceUrl ? new URL(self.serviceUrl).host : '';
}

/** `username@domain` for any account: local accounts' `acct` has no domain, remote ones have it. */
export function fullHandle(a: MastodonAccount, domain: string): string {
  if (a.acct.includes('@') || !domain) return a.acct;
  return `${a.acct}@${domain}`;
}

/** What kind of inbound item a status that mentions the account is. */
export function kindOf(s: MastodonStatus, self: AccountInfo): InboundKind {
  if (s.visibility === 'direct') return 'direct_message';
  if (s.in_reply_to_id && s.in_reply_to_account_id && String(s.in_reply_to_account_id) === self.remoteId) return 'reply';
  return 'mention';
}

/** True for the notifications that become inbox items: mentions that still have their status. */
export function isInboundNotification(n: MastodonNotification): n is MastodonNotification & { status: MastodonStatus } {
  return n.type === 'mention' && !!n.status?.id && !!n.status.account?.id;
}

/**
 * One inbox item from a status. `threadRoot` is the first status of its conversation (found by the poller);
 * `replyRef` keeps what a reply needs: the status, its visibility and the author's acct to mention.
 */
export function statusToInbound(s: MastodonStatus, self: AccountInfo, threadRoot: string, notificationId?: string): InboundItem {
  const author = s.account;
  const replyRef: Record<string, string> = { statusId: String(s.id), visibility: s.visibility ?? 'public', authorAcct: author.acct };
  if (notificationId) replyRef.notificationId = notificationId;
  const spoiler = s.spoiler_text?.trim();
  const created = Date.parse(s.created_at);
  return {
    remoteId: String(s.id),
    kind: kindOf(s, self),
    threadRemoteId: threadRoot,
    inReplyToRemoteId: s.in_reply_to_id ? String(s.in_reply_to_id) : undefined,
    author: {
      remoteId: String(author.id),
      handle: fullHandle(author, localDomain(self)),
      displayName: author.display_name || author.username,
      avatarUrl: author.avatar || undefined,
    },
    text: htmlToText(s.content ?? ''),
    subject: spoiler || undefined,
    createdAt: Number.isNaN(created) ? String(s.created_at) : new Date(created).toISOString(),
    url: s.url ?? s.uri ?? undefined,
    replyRef,
    fromSelf: String(author.id) === self.remoteId,
  };
}

/** Compares Mastodon ids (numeric strings of any length; others by length, then text). */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
