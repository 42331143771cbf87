import { searchTermsOf } from '../core/inbox/search-terms';
import { sentimentOf } from '../core/inbox/sentiment';
import type { MessageKind } from '../core/inbox/routing';
import { newId } from '../core/shared/ids';
import { detectLanguage } from '../core/text/language';
import type { InboundItem } from '../connectors/types';
import { changedColumns, findConversationsByThreads, findIdentities, insertContact, insertConversation, insertMessageOnce, updateConversation } from '../db/repos/inbox.repo';
import type { Q } from '../db/repos/types';
import { bool } from '../db/repos/types';
import type { ChannelsTable, ConversationsTable } from '../db/schema';
import type { App, InboxEvent } from './app';
import { IngestLookups, routeNewConversation } from './inbox-routing';
import { pausesAfter, slaFields, teamTerms } from './inbox-sla';
import { keepAttachments, type AttachmentStorage } from './message-attachments.service';

const later = (a: string | null, b: string) => (a && a > b ? a : b);
const PREVIEW = 200;

/** A change to tell open inboxes about once the transaction is committed. */
export interface InboxTouch {
  workspaceId: string;
  event: InboxEvent;
}

/** What one ingest knows of the channel's threads and authors: read once up front, kept current as it writes. */
interface Known {
  /** Conversations by platform thread (locked on PostgreSQL). */
  conversations: Map<string, ConversationsTable>;
  /** Contact ids by the author's remote id on this channel. */
  contacts: Map<string, string>;
  /** Contacts created in this ingest: no tags, not VIP (so routing need not read them back). */
  newContacts: Set<string>;
}

/** The contact behind an inbound author on this channel: found by its identity, or created with one. */
async function contactFor(q: Q, channel: Pick<ChannelsTable, 'workspace_id' | 'id'>, author: InboundItem['author'], at: string, known: Known): Promise<string> {
  const found = known.contacts.get(author.remoteId);
  if (found) return found;
  const id = newId();
  const name = author.displayName?.trim() || author.handle?.trim() || author.email?.trim() || author.remoteId;
  const contactId = await insertContact(
    q,
    { workspace_id: channel.workspace_id, id, display_name: name.slice(0, 200), email: author.email ?? null, tags: '[]', vip: 0, merged_into: null, created_at: at, updated_at: at },
    { workspace_id: channel.workspace_id, channel_id: channel.id, remote_id: author.remoteId, contact_id: id, handle: author.handle ?? null, display_name: author.displayName ?? null, created_at: at },
  );
  if (contactId === id) known.newContacts.add(id);
  known.contacts.set(author.remoteId, contactId);
  return contactId;
}

function newConversation(channel: Pick<ChannelsTable, 'workspace_id' | 'id'>, item: InboundItem, contactId: string, lang: 'nl' | 'en' | null, mood: string, receivedAt: string): ConversationsTable {
  return {
    workspace_id: channel.workspace_id,
    id: newId(),
    channel_id: channel.id,
    thread_remote_id: item.threadRemoteId,
    contact_id: contactId,
    kind: item.kind,
    subject: item.subject ?? null,
    status: 'open',
    snoozed_until: null,
    team_id: null,
    assignee_id: null,
    priority: 'normal',
    tags: '[]',
    language: lang,
    sentiment: mood,
    message_count: 0,
    first_message_at: item.createdAt,
    last_message_at: item.createdAt,
    last_inbound_at: null,
    first_response_at: null,
    resolved_at: null,
    created_at: receivedAt,
    updated_at: receivedAt,
    sla_first_due_at: null,
    sla_resolution_due_at: null,
    sla_due_at: null,
    sla_check_at: null,
    sla_state: 'none',
    sla_paused: '[]',
    routing: null,
    preview: null,
    acknowledged_at: null,
  };
}

/** The SLA columns after a change to the conversation, under its team's terms (none without a team). */
async function slaAfter(lookups: IngestLookups, conv: ConversationsTable, now: string) {
  const team = conv.team_id ? await lookups.team(conv.team_id) : undefined;
  return slaFields(conv, teamTerms(team), now);
}

/**
 * Files inbound items of one channel into the inbox, in the caller's transaction (so a webhook is answered only
 * after its messages are committed): one conversation per platform thread, one message per remote id (a platform
 * retry or an overlapping poll adds nothing), one contact per author identity. Each message gets its language and
 * sentiment; a new conversation is routed (team, assignee, priority, tags, auto-acknowledgement) and its SLA clocks
 * start. Our own messages coming back through the platform (`fromSelf`) are recorded as outgoing in their thread
 * and count as a response; they never open a conversation or become a question. Changes are added to `touched`
 * for live updates after the commit. With `storage`, a new message's attachment bytes are kept (see
 * message-attachments.service); without it, they are dropped. Returns how many messages were new.
 */
export async function fileIntoInbox(q: Q, channel: Pick<ChannelsTable, 'workspace_id' | 'id'>, items: InboundItem[], receivedAt: string, touched?: InboxTouch[], storage?: AttachmentStorage): Promise<number> {
  let added = 0;
  let channelKind: string | null = null;
  const lookups = new IngestLookups(q, channel.workspace_id);
  const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // People change conversations while messages arrive: they are read under their row locks before they are rewritten.
  const known: Known = {
    conversations: await findConversationsByThreads(q, channel.workspace_id, channel.id, sorted.map((i) => i.threadRemoteId), true),
    contacts: await findIdentities(q, channel.workspace_id, channel.id, sorted.filter((i) => !i.fromSelf).map((i) => i.author.remoteId)),
    newContacts: new Set(),
  };
  for (const item of sorted) {
    const text = item.text ?? '';
    let conv = known.conversations.get(item.threadRemoteId);
    if (!conv && item.fromSelf) continue;
    const lang = detectLanguage(`${item.subject ?? ''} ${text}`).language;
    const mood = sentimentOf(text, lang);
    const contactId = item.fromSelf ? null : await contactFor(q, channel, item.author, receivedAt, known);
    let opened = false;
    if (!conv) {
      const fresh = newConversation(channel, item, contactId!, lang, mood.label, receivedAt);
      conv = await insertConversation(q, fresh);
      opened = conv.id === fresh.id;
      known.conversations.set(item.threadRemoteId, conv);
    }
    const messageId = newId();
    const isNew = await insertMessageOnce(q, {
      workspace_id: channel.workspace_id,
      id: messageId,
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
      search_terms: searchTermsOf(item.subject ?? null, text),
      reply_id: null,
    });
    if (!isNew) continue;
    added++;
    if (storage && item.attachments?.length) await keepAttachments(q, storage, channel.workspace_id, messageId, item.attachments);
    let next: ConversationsTable;
    if (item.fromSelf) {
      next = { ...conv, message_count: Number(conv.message_count) + 1, last_message_at: later(conv.last_message_at, item.createdAt), first_response_at: conv.first_response_at ?? item.createdAt, updated_at: receivedAt };
    } else {
      const reopened = conv.status === 'resolved';
      next = {
        ...conv,
        message_count: Number(conv.message_count) + 1,
        last_message_at: later(conv.last_message_at, item.createdAt),
        last_inbound_at: later(conv.last_inbound_at, item.createdAt),
        sentiment: mood.label,
        language: conv.language ?? lang,
        preview: (item.subject && !text ? item.subject : text).replace(/\s+/g, ' ').trim().slice(0, PREVIEW),
        ...(reopened ? { status: 'open', resolved_at: null, sla_paused: resolvedPause(conv, receivedAt) } : {}),
        ...(conv.status === 'pending' || conv.status === 'snoozed' ? { status: 'open', snoozed_until: null, sla_paused: pausesAfter(conv, 'open', receivedAt, null) } : {}),
        updated_at: receivedAt,
      };
    }
    if (opened) {
      channelKind ??= (await q.selectFrom('channels').select('kind').where('id', '=', channel.id).executeTakeFirst())?.kind ?? 'unknown';
      const contact = known.newContacts.has(contactId!) ? { tags: '[]', vip: 0 } : await q.selectFrom('contacts').select(['tags', 'vip']).where('id', '=', contactId!).executeTakeFirst();
      Object.assign(
        next,
        await routeNewConversation(q, next, {
          messageId,
          channelKind,
          kind: item.kind as MessageKind,
          text,
          subject: item.subject ?? null,
          language: lang,
          sentiment: mood.label,
          contactTags: contact ? (JSON.parse(contact.tags) as string[]) : [],
          vip: bool(contact?.vip),
          receivedAt: item.createdAt,
        }, lookups),
      );
    } else {
      Object.assign(next, await slaAfter(lookups, next, receivedAt));
    }
    const { workspace_id: _w, id: _i, ...patch } = changedColumns(conv, next);
    await updateConversation(q, conv.id, patch);
    known.conversations.set(item.threadRemoteId, next);
    touched?.push({ workspaceId: channel.workspace_id, event: { type: 'conversation', conversationId: conv.id, change: opened ? 'new' : 'message' } });
  }
  return added;
}

/** A resolved conversation that reopens: the time it lay resolved does not count for resolution. */
function resolvedPause(conv: ConversationsTable, now: string): string {
  const spans = JSON.parse(conv.sla_paused || '[]') as Array<{ from: string; to: string | null }>;
  if (conv.resolved_at && conv.resolved_at < now) spans.push({ from: conv.resolved_at, to: now });
  return JSON.stringify(spans.slice(-50));
}

/** Tells open inboxes what changed (after the commit); one event per conversation, the strongest change wins. */
export function tellInboxes(app: Pick<App, 'events'>, touched: InboxTouch[]): void {
  const byConversation = new Map<string, InboxTouch>();
  for (const t of touched) {
    const seen = byConversation.get(t.event.conversationId);
    if (!seen || t.event.change === 'new') byConversation.set(t.event.conversationId, t);
  }
  for (const t of byConversation.values()) app.events.publish(t.workspaceId, t.event);
}
