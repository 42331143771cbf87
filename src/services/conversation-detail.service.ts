import { connectorFor } from '../connectors';
import { conversationEvents, conversationExpertRequests, conversationMessages, conversationReplies } from '../db/repos/conversations.repo';
import { findChannel } from '../db/repos/channels.repo';
import { bool } from '../db/repos/types';
import { roleCan } from '../core/workspaces/roles';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { conversationSummary } from './conversations.service';
import { replyView } from './replies.service';
import { workspacePeople } from './inbox-people';
import { attachmentViews } from './message-attachments.service';
import { conversationsOfContact, findContact, identitiesOf } from '../db/repos/contacts.repo';

const json = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

/** How many of the contact's other conversations the page lists. */
const HISTORY_LIMIT = 20;

/**
 * Everything the conversation page shows: the thread (inbound and outgoing, with who wrote each reply for which
 * organization), replies not yet sent, the timeline of notes and changes, the contact across channels with their
 * other conversations, expert requests, and what the viewer may do.
 */
export async function conversationDetail(app: App, actor: Actor, scope: WorkspaceScope, id: string) {
  const conversation = await conversationSummary(app.db, scope, id);
  const ws = scope.workspaceId;
  const [routing, messages, replies, events, contact, identities, history, channel, experts, people] = await Promise.all([
    app.db.selectFrom('conversations').select('routing').where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst(),
    conversationMessages(app.db, ws, id),
    conversationReplies(app.db, ws, id),
    conversationEvents(app.db, ws, id),
    findContact(app.db, ws, conversation.contact.id),
    identitiesOf(app.db, ws, conversation.contact.id),
    conversationsOfContact(app.db, ws, conversation.contact.id, HISTORY_LIMIT + 1),
    findChannel(app.db, ws, conversation.channelId),
    conversationExpertRequests(app.db, ws, id),
    workspacePeople(app.db, ws, app.clock.now()),
  ]);
  const agencyOrgs = new Set(people.filter((p) => p.isAgency).map((p) => p.orgId));
  const connector = channel ? connectorFor(channel.kind, app.connectors) : undefined;
  const replyViews = await Promise.all(replies.map((r) => replyView(app.db, scope, actor, r)));
  const isAgency = scope.agencyName !== null;
  const me = people.find((p) => p.userId === actor.userId);
  return {
    conversation: { ...conversation, routing: json<{ matched: unknown[] } | null>(routing?.routing ?? null, null) },
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      kind: m.kind,
      text: m.text,
      html: m.html,
      subject: m.subject,
      url: m.url,
      language: m.language,
      sentiment: m.sentiment,
      createdAt: m.created_at,
      author:
        m.direction === 'in'
          ? { type: 'contact' as const, contactId: m.contact_id ?? '', name: m.contact_name ?? '', handle: m.contact_handle ?? null }
          : { type: 'user' as const, userId: m.author_user_id, name: m.user_name ?? (m.reply_id ? 'Regie' : channel?.name ?? ''), orgName: m.org_name ?? null, isAgency: m.org_id ? agencyOrgs.has(m.org_id) : false },
      replyId: m.reply_id,
      attachments: attachmentViews(m.attachments),
    })),
    replies: replyViews,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actor_id ? { userId: e.actor_id, name: e.actor_name ?? '', orgName: e.org_name ?? null, isAgency: e.actor_org_id ? agencyOrgs.has(e.actor_org_id) : false } : null,
      body: e.body,
      data: json<Record<string, unknown>>(e.data, {}),
      createdAt: e.created_at,
    })),
    contact: {
      id: conversation.contact.id,
      name: contact?.display_name ?? conversation.contact.name,
      email: contact?.email ?? null,
      vip: bool(contact?.vip),
      tags: json<string[]>(contact?.tags ?? null, []),
      identities: identities.map((i) => ({ channelId: i.channel_id, channelKind: i.channel_kind ?? '', channelName: i.channel_name ?? '', remoteId: i.remote_id, handle: i.handle, displayName: i.display_name })),
      history: history.filter((h) => h.id !== id).slice(0, HISTORY_LIMIT).map((h) => ({ id: h.id, channelKind: h.channel_kind ?? '', channelName: h.channel_name ?? '', subject: h.subject, preview: h.preview ?? '', status: h.status, lastMessageAt: h.last_message_at })),
    },
    channel: channel
      ? { id: channel.id, kind: channel.kind, name: channel.name, handle: channel.account_handle, replyMaxLength: connector?.capabilities.text.maxLength ?? null, canReply: !!connector?.reply && !!connector.capabilities.replies && !channel.disconnected_at }
      : null,
    expertRequests: experts.map((x) => ({ id: x.id, expertName: x.expert_name, expertEmail: x.expert_email, question: x.question, createdAt: x.created_at, answeredAt: x.answered_at, expiresAt: x.expires_at })),
    may: {
      reply: roleCan(scope.access.role, 'inbox.reply'),
      approve: !isAgency && roleCan(scope.access.role, 'inbox.approve'),
      manage: roleCan(scope.access.role, 'inbox.manage'),
      suggestOnly: isAgency && !(me?.mayReplyWithoutApproval ?? false),
    },
  };
}
