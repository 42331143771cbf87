import { z } from 'zod';
import { MESSAGE_KINDS, PRIORITIES } from '../../core/inbox/routing';
import { conversationDetail } from '../../services/conversation-detail.service';
import { addNote, changeConversation, listInbox, STATUSES } from '../../services/conversations.service';
import { expertAnswer, expertView, requestExpert } from '../../services/expert.service';
import { archiveTeam, createTeam, getInboxSettings, holidays, listTeamViews, saveInboxSettings, testRoute, updateTeamConfig } from '../../services/inbox-settings.service';
import { acceptReply, approveReply, createReply, discardReply, rejectReply, retryReply } from '../../services/replies.service';
import { changeSavedReply, createSavedReply, removeSavedReply, savedReplies } from '../../services/saved-replies.service';
import { publicRoute, workspaceRoute } from '../define-route';
import { email, id, isoTime, wsParams } from '../schemas';

const idParams = wsParams.extend({ id });
const replyText = z.string().trim().min(1, 'must not be empty').max(10_000);
const priority = z.enum(PRIORITIES as [string, ...string[]]);
const optional = (s: z.ZodType) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

const listQuery = z.object({
  view: z.enum(['mine', 'team', 'unassigned', 'all']).default('all'),
  status: z.enum(['open', 'pending', 'snoozed', 'resolved', 'active']).default('active'),
  channelId: optional(id),
  teamId: optional(id),
  tag: optional(z.string().max(40)),
  sentiment: optional(z.enum(['negative', 'neutral', 'positive'])),
  sla: optional(z.enum(['none', 'ok', 'warning', 'breached', 'met', 'missed'])),
  priority: optional(priority),
  contactId: optional(id),
  q: optional(z.string().max(200)),
  cursor: optional(z.string().max(500)),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Conversations, replies, notes and expert requests: working the inbox. */
export const inboxRoutes = [
  workspaceRoute('inbox.read', { method: 'GET', url: '/api/workspaces/:ws/inbox/conversations', tag: 'inbox', summary: 'The inbox: a view, filters and search, sorted by SLA urgency', params: wsParams, query: listQuery, handler: ({ app, actor, scope, query }) => listInbox(app, actor, scope, query as Parameters<typeof listInbox>[3]) }),
  workspaceRoute('inbox.read', { method: 'GET', url: '/api/workspaces/:ws/inbox/conversations/:id', tag: 'inbox', summary: 'A conversation: thread, replies, timeline, contact', params: idParams, handler: ({ app, actor, scope, params }) => conversationDetail(app, actor, scope, params.id) }),
  workspaceRoute('inbox.reply', {
    method: 'PATCH',
    url: '/api/workspaces/:ws/inbox/conversations/:id',
    tag: 'inbox',
    summary: 'Change status, assignee, team, priority or tags',
    params: idParams,
    body: z.object({ status: z.enum(STATUSES).optional(), snoozedUntil: isoTime.nullable().optional(), assigneeId: id.nullable().optional(), teamId: id.nullable().optional(), priority: priority.optional(), tags: z.array(z.string().max(40)).max(20).optional() }),
    handler: ({ app, actor, scope, params, body }) => changeConversation(app, actor, scope, params.id, body as Parameters<typeof changeConversation>[4]),
  }),
  workspaceRoute('inbox.reply', { method: 'POST', url: '/api/workspaces/:ws/inbox/conversations/:id/notes', tag: 'inbox', summary: 'An internal note (never sent); @mentions are told', status: 201, params: idParams, body: z.object({ body: z.string().trim().min(1, 'must not be empty').max(4000) }), handler: ({ app, actor, scope, params, body }) => addNote(app, actor, scope, params.id, body.body) }),
  workspaceRoute('inbox.reply', {
    method: 'POST',
    url: '/api/workspaces/:ws/inbox/conversations/:id/replies',
    tag: 'inbox',
    summary: 'Reply through the gate (or leave a suggestion)',
    status: 201,
    params: idParams,
    body: z.object({ text: replyText, inReplyToMessageId: id.nullable().optional(), suggestion: z.boolean().optional() }),
    handler: ({ app, actor, scope, params, body }) => createReply(app, actor, scope, params.id, body),
  }),
  workspaceRoute('inbox.approve', { method: 'POST', url: '/api/workspaces/:ws/inbox/replies/:id/approve', tag: 'inbox', summary: 'Approve a waiting reply; it goes out through the gate', params: idParams, handler: ({ app, actor, scope, params }) => approveReply(app, actor, scope, params.id) }),
  workspaceRoute('inbox.approve', { method: 'POST', url: '/api/workspaces/:ws/inbox/replies/:id/reject', tag: 'inbox', summary: 'Send a waiting reply back with a note', params: idParams, body: z.object({ note: z.string().trim().max(2000).default('') }), handler: ({ app, actor, scope, params, body }) => rejectReply(app, actor, scope, params.id, body.note) }),
  workspaceRoute('inbox.reply', { method: 'POST', url: '/api/workspaces/:ws/inbox/replies/:id/accept', tag: 'inbox', summary: 'Take over a suggestion or an expert’s draft (perhaps edited)', params: idParams, body: z.object({ text: replyText.optional() }), handler: ({ app, actor, scope, params, body }) => acceptReply(app, actor, scope, params.id, body.text) }),
  workspaceRoute('inbox.reply', { method: 'POST', url: '/api/workspaces/:ws/inbox/replies/:id/discard', tag: 'inbox', summary: 'Put a reply aside', params: idParams, handler: ({ app, actor, scope, params }) => discardReply(app, actor, scope, params.id) }),
  workspaceRoute('inbox.reply', { method: 'POST', url: '/api/workspaces/:ws/inbox/replies/:id/retry', tag: 'inbox', summary: 'Send a failed or held reply again through the gate', params: idParams, handler: ({ app, actor, scope, params }) => retryReply(app, actor, scope, params.id) }),
  workspaceRoute('inbox.reply', {
    method: 'POST',
    url: '/api/workspaces/:ws/inbox/conversations/:id/expert',
    tag: 'inbox',
    summary: 'Ask someone of the organization who does not use Regie to draft an answer (e-mail link)',
    status: 201,
    params: idParams,
    body: z.object({ name: z.string().trim().min(1).max(120), email, question: z.string().trim().min(1, 'say what you need to know').max(4000) }),
    handler: ({ app, actor, scope, params, body }) => requestExpert(app, actor, scope, params.id, body),
  }),
];

/** The public page of an expert with a link. */
export const expertRoutes = [
  publicRoute({ method: 'GET', url: '/api/expert/:token', tag: 'inbox', summary: 'What an expert with a link sees', params: z.object({ token: z.string().min(20).max(100) }), handler: ({ app, params }) => expertView(app, params.token) }),
  publicRoute({ method: 'POST', url: '/api/expert/:token', tag: 'inbox', summary: 'An expert sends a draft answer', params: z.object({ token: z.string().min(20).max(100) }), body: z.object({ text: replyText }), handler: ({ app, params, body }) => expertAnswer(app, params.token, body.text) }),
];

const teamBody = z.object({
  name: z.string().max(80),
  description: z.string().max(1000).default(''),
  businessHours: z.unknown().optional(),
  sla: z.unknown().optional(),
  assignmentMode: z.enum(['manual', 'round_robin', 'least_loaded']).default('manual'),
  defaultLimit: z.number().int().nullable().default(null),
});

/** Teams, routing rules, reply rules, the rule tester and saved replies. */
export const inboxSettingsRoutes = [
  workspaceRoute('inbox.read', { method: 'GET', url: '/api/workspaces/:ws/inbox/settings', tag: 'inbox', summary: 'Routing rules, default queue and reply rules', params: wsParams, handler: ({ app, scope }) => getInboxSettings(app, scope) }),
  workspaceRoute('inbox.manage', {
    method: 'PUT',
    url: '/api/workspaces/:ws/inbox/settings',
    tag: 'inbox',
    summary: 'Save routing rules, default queue and reply rules (owners)',
    params: wsParams,
    body: z.object({ rules: z.array(z.unknown()).max(200), defaultTeamId: id.nullable().default(null), defaultPriority: priority.default('normal'), replyRules: z.unknown(), expectedVersion: z.number().int().min(0) }),
    handler: ({ app, actor, scope, body }) => saveInboxSettings(app, actor, scope, body as Parameters<typeof saveInboxSettings>[3]),
  }),
  workspaceRoute('inbox.read', {
    method: 'POST',
    url: '/api/workspaces/:ws/inbox/test-route',
    tag: 'inbox',
    summary: 'The rule tester: which rule routes this message, and why',
    params: wsParams,
    body: z.object({ text: z.string().max(10_000), subject: z.string().max(500).nullable().optional(), channelId: id, kind: z.enum(MESSAGE_KINDS as [string, ...string[]]), contactTags: z.array(z.string().max(100)).max(50).optional(), vip: z.boolean().optional(), receivedAt: isoTime.optional(), rules: z.array(z.unknown()).max(200).optional() }),
    handler: ({ app, scope, body }) => testRoute(app, scope, body as Parameters<typeof testRoute>[2]),
  }),
  workspaceRoute('inbox.read', { method: 'GET', url: '/api/workspaces/:ws/inbox/teams', tag: 'inbox', summary: 'Teams with members and their load', params: wsParams, handler: ({ app, scope }) => listTeamViews(app, scope) }),
  workspaceRoute('inbox.manage', { method: 'POST', url: '/api/workspaces/:ws/inbox/teams', tag: 'inbox', summary: 'Create a team', status: 201, params: wsParams, body: teamBody, handler: ({ app, actor, scope, body }) => createTeam(app, actor, scope, stripUndefined(body)) }),
  workspaceRoute('inbox.manage', {
    method: 'PUT',
    url: '/api/workspaces/:ws/inbox/teams/:id',
    tag: 'inbox',
    summary: 'Change a team and its members',
    params: idParams,
    body: z.object({ name: z.string().max(80).optional(), description: z.string().max(1000).optional(), businessHours: z.unknown().optional(), sla: z.unknown().optional(), assignmentMode: z.enum(['manual', 'round_robin', 'least_loaded']).optional(), defaultLimit: z.number().int().nullable().optional(), members: z.array(z.object({ userId: id, maxOpen: z.number().int().min(1).max(1000).nullable().default(null), available: z.boolean().default(true) })).max(200).optional() }),
    handler: ({ app, actor, scope, params, body }) => {
      const { members, ...rest } = body;
      return updateTeamConfig(app, actor, scope, params.id, stripUndefined(rest), members);
    },
  }),
  workspaceRoute('inbox.manage', { method: 'DELETE', url: '/api/workspaces/:ws/inbox/teams/:id', tag: 'inbox', summary: 'Archive a team', status: 204, params: idParams, handler: ({ app, actor, scope, params }) => archiveTeam(app, actor, scope, params.id) }),
  workspaceRoute('inbox.read', { method: 'GET', url: '/api/workspaces/:ws/inbox/holidays', tag: 'inbox', summary: 'Dutch public holidays of a year', params: wsParams, query: z.object({ year: z.coerce.number().int().min(2014).max(2100) }), handler: async ({ query }) => holidays(query.year) }),
  workspaceRoute('inbox.read', { method: 'GET', url: '/api/workspaces/:ws/inbox/saved-replies', tag: 'inbox', summary: 'Saved replies', params: wsParams, handler: ({ app, scope }) => savedReplies(app, scope) }),
  workspaceRoute('inbox.reply', { method: 'POST', url: '/api/workspaces/:ws/inbox/saved-replies', tag: 'inbox', summary: 'Save a reply for everyone', status: 201, params: wsParams, body: savedReplyBody(), handler: ({ app, actor, scope, body }) => createSavedReply(app, actor, scope, body) }),
  workspaceRoute('inbox.reply', { method: 'PUT', url: '/api/workspaces/:ws/inbox/saved-replies/:id', tag: 'inbox', summary: 'Change a saved reply', params: idParams, body: savedReplyBody(), handler: ({ app, actor, scope, params, body }) => changeSavedReply(app, actor, scope, params.id, body) }),
  workspaceRoute('inbox.manage', { method: 'DELETE', url: '/api/workspaces/:ws/inbox/saved-replies/:id', tag: 'inbox', summary: 'Delete a saved reply (owners)', status: 204, params: idParams, handler: ({ app, actor, scope, params }) => removeSavedReply(app, actor, scope, params.id) }),
];

function savedReplyBody() {
  return z.object({ title: z.string().trim().min(1, 'must not be empty').max(120), body: z.string().trim().min(1, 'must not be empty').max(5000), language: z.enum(['nl', 'en']).nullable().default(null) });
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
