import { api, enc, query } from '../../api/client';
import type { Localized, Severity } from '../../../../src/core/code/types';

/** The inbox's calls and answers, as the inbox API contract (issue 5) describes them. */

export type Status = 'open' | 'pending' | 'snoozed' | 'resolved';
export type StatusFilter = Status | 'active';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Sentiment = 'negative' | 'neutral' | 'positive';
export type SlaState = 'none' | 'ok' | 'warning' | 'breached' | 'met' | 'missed';
export type Kind = 'mention' | 'reply' | 'comment' | 'quote' | 'direct_message' | 'email' | 'form' | 'chat';
export type View = 'mine' | 'team' | 'unassigned' | 'all';

export const STATUSES: Status[] = ['open', 'pending', 'snoozed', 'resolved'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
export const SENTIMENTS: Sentiment[] = ['negative', 'neutral', 'positive'];
export const VIEWS: View[] = ['mine', 'team', 'unassigned', 'all'];

export interface ConversationSummary {
  id: string;
  channelId: string;
  channelKind: string;
  channelName: string;
  kind: Kind;
  subject: string | null;
  status: Status;
  snoozedUntil: string | null;
  teamId: string | null;
  teamName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  priority: Priority;
  tags: string[];
  sentiment: Sentiment;
  language: 'nl' | 'en' | null;
  messageCount: number;
  lastMessageAt: string;
  lastInboundAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  contact: { id: string; name: string; vip: boolean };
  preview: string;
  sla: { state: SlaState; dueAt: string | null; firstResponseDueAt: string | null; resolutionDueAt: string | null };
  awaitingApproval: number;
}

export type MessageAuthor =
  | { type: 'contact'; contactId: string; name: string; handle: string | null }
  | { type: 'user'; userId: string | null; name: string; orgName: string | null; isAgency: boolean };

export interface Message {
  id: string;
  direction: 'in' | 'out';
  kind: Kind;
  text: string;
  /** E-mail HTML: untrusted, shown only sanitised inside a sandboxed frame. */
  html: string | null;
  subject: string | null;
  url: string | null;
  language: string | null;
  sentiment: Sentiment | null;
  createdAt: string;
  author: MessageAuthor;
  replyId: string | null;
  /** Inbound attachments kept by Regie: downloads only, never shown inline. */
  attachments?: MessageAttachment[];
}

export interface MessageAttachment {
  index: number;
  name: string;
  mimeType: string;
  size: number;
}

export type ReplyState = 'suggested' | 'awaiting_approval' | 'queued' | 'sending' | 'sent' | 'failed' | 'held' | 'rejected' | 'discarded';

export interface Person {
  userId: string | null;
  name: string;
  orgName: string | null;
  isAgency: boolean;
}

export interface Reply {
  id: string;
  conversationId: string;
  inReplyToMessageId: string;
  text: string;
  source: 'agent' | 'suggestion' | 'expert' | 'auto_ack';
  state: ReplyState;
  author: Person;
  approvalReasons: string[];
  approvedBy: { userId: string; name: string } | null;
  youMayApprove: boolean;
  whyNot: string | null;
  reasonCode: string | null;
  reasonText: string | null;
  remoteUrl: string | null;
  sentAt: string | null;
  createdAt: string;
}

export type TimelineKind = 'note' | 'assigned' | 'status' | 'tags' | 'priority' | 'team' | 'routed' | 'sla' | 'expert' | 'reply';

export interface TimelineEvent {
  id: string;
  kind: TimelineKind;
  /** null: Regie itself did it. */
  actor: (Person & { userId: string }) | null;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface Identity {
  channelId: string;
  channelKind: string;
  channelName: string;
  remoteId: string;
  handle: string | null;
  displayName: string | null;
}

export interface HistoryItem {
  id: string;
  channelKind: string;
  channelName: string;
  subject: string | null;
  preview: string;
  status: Status;
  lastMessageAt: string;
}

export interface ExpertRequest {
  id: string;
  expertName: string;
  expertEmail: string;
  question: string;
  createdAt: string;
  answeredAt: string | null;
  expiresAt: string;
}

export interface RoutingMatch {
  ruleId: string;
  name: string;
  because: string[];
}

export interface ConversationDetail {
  conversation: ConversationSummary & { routing: { matched: RoutingMatch[] } | null };
  messages: Message[];
  replies: Reply[];
  events: TimelineEvent[];
  contact: {
    id: string;
    name: string;
    email: string | null;
    vip: boolean;
    tags: string[];
    identities: Identity[];
    history: HistoryItem[];
  };
  channel: { id: string; kind: string; name: string; handle: string | null; replyMaxLength: number | null; canReply: boolean };
  expertRequests: ExpertRequest[];
  may: { reply: boolean; approve: boolean; manage: boolean; suggestOnly: boolean };
}

export interface ConversationPage {
  items: ConversationSummary[];
  nextCursor: string | null;
  counts: Record<View, number>;
}

export interface ListQuery {
  view: View;
  status: StatusFilter;
  channelId?: string;
  teamId?: string;
  tag?: string;
  sentiment?: Sentiment | '';
  sla?: 'ok' | 'warning' | 'breached' | 'none' | '';
  priority?: Priority | '';
  q?: string;
  cursor?: string | null;
  limit?: number;
}

export type ConversationPatch = Partial<{
  status: Status;
  snoozedUntil: string | null;
  assigneeId: string | null;
  teamId: string | null;
  priority: Priority;
  tags: string[];
}>;

export interface TeamRef {
  id: string;
  name: string;
  members: Array<{ userId: string; name: string }>;
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  language: string | null;
  usedCount: number;
  createdByName: string | null;
  updatedAt: string;
}

export type CheckVerdict = 'ok' | 'pass' | 'warn' | 'needs_approval' | 'block';

export interface ReplyFinding {
  clauseId: string;
  severity: Severity;
  span?: [number, number] | null;
  match?: string;
  message: Localized;
}

export interface ReplyCheck {
  verdict: CheckVerdict;
  findings: ReplyFinding[];
}

const base = (ws: string) => `/api/workspaces/${enc(ws)}/inbox`;

/** The inbox's API calls; every path is under /api/workspaces/:ws/inbox except the code check. */
export const inboxApi = {
  list: (ws: string, q: ListQuery) =>
    api.get<ConversationPage>(
      `${base(ws)}/conversations${query({
        view: q.view,
        status: q.status,
        channelId: q.channelId,
        teamId: q.teamId,
        tag: q.tag,
        sentiment: q.sentiment,
        sla: q.sla,
        priority: q.priority,
        q: q.q,
        cursor: q.cursor,
        limit: q.limit,
      })}`,
    ),
  conversation: (ws: string, id: string) => api.get<ConversationDetail>(`${base(ws)}/conversations/${enc(id)}`),
  patch: (ws: string, id: string, body: ConversationPatch) => api.patch<ConversationSummary>(`${base(ws)}/conversations/${enc(id)}`, body),
  note: (ws: string, id: string, body: string) => api.post<TimelineEvent>(`${base(ws)}/conversations/${enc(id)}/notes`, { body }),
  reply: (ws: string, id: string, body: { text: string; inReplyToMessageId?: string; suggestion?: boolean }) =>
    api.post<Reply>(`${base(ws)}/conversations/${enc(id)}/replies`, body),
  approve: (ws: string, replyId: string) => api.post<Reply>(`${base(ws)}/replies/${enc(replyId)}/approve`, {}),
  reject: (ws: string, replyId: string, note: string) => api.post<Reply>(`${base(ws)}/replies/${enc(replyId)}/reject`, { note }),
  accept: (ws: string, replyId: string, text?: string) =>
    api.post<Reply>(`${base(ws)}/replies/${enc(replyId)}/accept`, text === undefined ? {} : { text }),
  discard: (ws: string, replyId: string) => api.post<Reply>(`${base(ws)}/replies/${enc(replyId)}/discard`, {}),
  /** Not in the written contract, but served: a failed or held reply goes through the gate again. */
  retry: (ws: string, replyId: string) => api.post<Reply>(`${base(ws)}/replies/${enc(replyId)}/retry`, {}),
  askExpert: (ws: string, id: string, body: { name: string; email: string; question: string }) =>
    api.post<ExpertRequest>(`${base(ws)}/conversations/${enc(id)}/expert`, body),
  teams: (ws: string) => api.get<TeamRef[]>(`${base(ws)}/teams`),
  savedReplies: (ws: string) => api.get<SavedReply[]>(`${base(ws)}/saved-replies`),
  checkReply: (ws: string, text: string, signal?: AbortSignal) =>
    api.post<ReplyCheck>(`/api/workspaces/${enc(ws)}/code/check`, { text, context: 'reply' }, { signal }),
  eventsUrl: (ws: string) => `${base(ws)}/events`,
};
