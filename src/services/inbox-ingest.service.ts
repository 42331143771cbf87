import { sentimentOf } from '../core/inbox/sentiment';
import { newId } from '../core/shared/ids';
import { detectLanguage } from '../core/text/language';
import type { InboundItem } from '../connectors/types';
import { findConversationByThread, findIdentity, insertContact, insertConversation, insertMessageOnce, updateConversation } from '../db/repos/inbox.repo';
import type { Q } from '../db/repos/types';
import type { ChannelsTable } from '../db/schema';

const later = (a: string | null, b: string) => (a && a > b ? a : b);

/** The contact behind an inbound author on this channel: found by its identity, or created with one. */
async function contactFor(q: Q, channel: Pick<ChannelsTable, 'workspace_id' | 'id'>, author: InboundItem['author'], at: string): Promise<string> {
  const known = await findIdentity(q, channel.workspace_id, channel.id, author.remoteId);
  if (known) return known.contact_id;
  const id = newId();
  const name = author.displayName?.trim() || author.handle?.trim() || author.email?.trim() || author.remoteId;
  return insertContact(
    q,
    { workspace_id: channel.workspace_id, id, display_name: name.slice(0, 200), email: author.email ?? null, tags: '[]', vip: 0, merged_into: null, created_at: at, updated_at: at },
    { workspace_id: channel.workspace_id, channel_id: channel.id, remote_id: author.remoteId, contact_id: id, handle: author.handle ?? null, display_name: author.displayName ?? null, created_at: at },
  );
}

/**
 * Files inbound items of one channel into the inbox, in the caller's transaction (so a webhook is answered only
 * after its messages are committed): one conversation per platform thread, one message per remote id (a platform
 * retry or an overlapping poll adds nothing), one contact per author identity. Each message gets its language and
 * sentiment. Our own messages coming back through the platform (`fromSelf`) are recorded as outgoing in their
 * thread and count as a response; they never open a conversation or become a question. Returns how many
 * messages were new.
 */
export async function fileIntoInbox(q: Q, channel: Pick<ChannelsTable, 'workspace_id' | 'id'>, items: InboundItem[], receivedAt: string): Promise<number> {
  let added = 0;
  const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const item of sorted) {
    const text = item.text ?? '';
    let conv = await findConversationByThread(q, channel.workspace_id, channel.id, item.threadRemoteId);
    if (!conv && item.fromSelf) continue;
    const lang = detectLanguage(`${item.subject ?? ''} ${text}`).language;
    const mood = sentimentOf(text, lang);
    const contactId = item.fromSelf ? null : await contactFor(q, channel, item.author, receivedAt);
    if (!conv) {
      const id = newId();
      conv = {
        workspace_id: channel.workspace_id,
        id,
        channel_id: channel.id,
        thread_remote_id: item.threadRemoteId,
        contact_id: contactId!,
        kind: item.kind,
        subject: item.subject ?? null,
        status: 'open',
        snoozed_until: null,
        team_id: null,
        assignee_id: null,
        priority: 'normal',
        tags: '[]',
        language: lang,
        sentiment: mood.label,
        message_count: 0,
        first_message_at: item.createdAt,
        last_message_at: item.createdAt,
        last_inbound_at: null,
        first_response_at: null,
        resolved_at: null,
        created_at: receivedAt,
        updated_at: receivedAt,
      };
      conv = await insertConversation(q, conv);
    }
    const isNew = await insertMessageOnce(q, {
      workspace_id: channel.workspace_id,
      id: newId(),
      conversation_id: conv.id,
      channel_id: channel.id,
      remote_id: item.remoteId,
      direction: item.fromSelf ? 'out' : 'in',
      kind: item.kind,
      contact_id: contactId,
      author_user_id: null,
      text,
      html: item.html ?? null,
      subject: item.subject ?? null,
      url: item.url ?? null,
      language: lang,
      sentiment: item.fromSelf ? null : mood.label,
      sentiment_score: item.fromSelf ? null : mood.score,
      reply_ref: item.replyRef ? JSON.stringify(item.replyRef) : null,
      created_at: item.createdAt,
      received_at: receivedAt,
    });
    if (!isNew) continue;
    added++;
    if (item.fromSelf) {
      await updateConversation(q, conv.id, { message_count: Number(conv.message_count) + 1, last_message_at: later(conv.last_message_at, item.createdAt), first_response_at: conv.first_response_at ?? item.createdAt, updated_at: receivedAt });
    } else {
      const reopened = conv.status === 'resolved';
      await updateConversation(q, conv.id, {
        message_count: Number(conv.message_count) + 1,
        last_message_at: later(conv.last_message_at, item.createdAt),
        last_inbound_at: later(conv.last_inbound_at, item.createdAt),
        sentiment: mood.label,
        language: conv.language ?? lang,
        ...(reopened ? { status: 'open', resolved_at: null } : {}),
        updated_at: receivedAt,
      });
    }
    conv = { ...conv, message_count: Number(conv.message_count) + 1 };
  }
  return added;
}
