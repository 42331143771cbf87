import { z } from 'zod';
import { BRIEF_STATUSES, commentOnBrief, createBrief, getBrief, listBriefs, setBriefStatus, updateBrief } from '../../services/briefs.service';
import { createCampaign, listCampaigns, updateCampaign } from '../../services/campaigns.service';
import { checkAgainstCode, codeOverview, decideCodeProposal, proposeCode, readableCode, saveCode } from '../../services/code.service';
import { myNotifications, readNotifications } from '../../services/notifications.service';
import { holdPublishing, publishingSettings, resumePublishing, updatePublishingSettings } from '../../services/publishing.service';
import { userRoute, workspaceRoute } from '../define-route';
import { briefInput, campaignInput } from '../content-schemas';
import { id, isoTime, locale, wsParams } from '../schemas';

const idParams = wsParams.extend({ id });

export const briefRoutes = [
  workspaceRoute('content.read', { method: 'GET', url: '/api/workspaces/:ws/briefs', tag: 'briefs', summary: 'The brief board', params: wsParams, handler: async ({ app, scope }) => ({ items: await listBriefs(app, scope) }) }),
  workspaceRoute('briefs.write', { method: 'POST', url: '/api/workspaces/:ws/briefs', tag: 'briefs', summary: 'Write a brief: what to communicate and why', status: 201, params: wsParams, body: briefInput, handler: ({ app, actor, scope, body }) => createBrief(app, actor, scope, body) }),
  workspaceRoute('content.read', { method: 'GET', url: '/api/workspaces/:ws/briefs/:id', tag: 'briefs', summary: 'A brief with its comments', params: idParams, handler: ({ app, scope, params }) => getBrief(app, scope, params.id) }),
  workspaceRoute('briefs.write', { method: 'PUT', url: '/api/workspaces/:ws/briefs/:id', tag: 'briefs', summary: 'Change a brief (its author, an editor or an owner)', params: idParams, body: briefInput, handler: ({ app, actor, scope, params, body }) => updateBrief(app, actor, scope, params.id, body) }),
  workspaceRoute('posts.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/briefs/:id/status',
    tag: 'briefs',
    summary: 'Move a brief on the board (declining needs a reason)',
    params: idParams,
    body: z.object({ status: z.enum(BRIEF_STATUSES), reason: z.string().trim().max(2000).nullable().default(null) }),
    handler: ({ app, actor, scope, params, body }) => setBriefStatus(app, actor, scope, params.id, body.status, body.reason),
  }),
  workspaceRoute('briefs.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/briefs/:id/comments',
    tag: 'briefs',
    summary: 'Comment on a brief',
    status: 201,
    params: idParams,
    body: z.object({ body: z.string().trim().min(1, 'must not be empty').max(4000) }),
    handler: ({ app, actor, scope, params, body }) => commentOnBrief(app, actor, scope, params.id, body.body),
  }),
  workspaceRoute('content.read', { method: 'GET', url: '/api/workspaces/:ws/campaigns', tag: 'campaigns', summary: 'Campaigns', params: wsParams, handler: async ({ app, scope }) => ({ items: await listCampaigns(app, scope) }) }),
  workspaceRoute('posts.write', { method: 'POST', url: '/api/workspaces/:ws/campaigns', tag: 'campaigns', summary: 'Create a campaign', status: 201, params: wsParams, body: campaignInput, handler: ({ app, actor, scope, body }) => createCampaign(app, actor, scope, body) }),
  workspaceRoute('posts.write', { method: 'PUT', url: '/api/workspaces/:ws/campaigns/:id', tag: 'campaigns', summary: 'Change a campaign', params: idParams, body: campaignInput, handler: ({ app, actor, scope, params, body }) => updateCampaign(app, actor, scope, params.id, body) }),
];

const clausesBody = z.object({ clauses: z.array(z.unknown()).max(200), note: z.string().trim().max(2000).nullable().default(null) });

export const codeRoutes = [
  workspaceRoute('content.read', { method: 'GET', url: '/api/workspaces/:ws/code', tag: 'code', summary: 'The code in force, its history and proposals', params: wsParams, handler: ({ app, scope }) => codeOverview(app, scope) }),
  workspaceRoute('content.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/code/document',
    tag: 'code',
    summary: 'The whole code as a readable document, generated from its clauses',
    params: wsParams,
    query: z.object({ locale: locale.default('nl') }),
    handler: ({ app, scope, query }) => readableCode(app, scope, query.locale),
  }),
  workspaceRoute('publishing.manage', {
    method: 'PUT',
    url: '/api/workspaces/:ws/code',
    tag: 'code',
    summary: 'Save a new version of the code (owners)',
    params: wsParams,
    body: clausesBody.extend({ expectedVersion: z.number().int().min(0) }),
    handler: ({ app, actor, scope, body }) => saveCode(app, actor, scope, body.clauses, body.note, body.expectedVersion),
  }),
  workspaceRoute('code.propose', {
    method: 'POST',
    url: '/api/workspaces/:ws/code/proposals',
    tag: 'code',
    summary: 'Propose a change to the code; an owner decides',
    status: 201,
    params: wsParams,
    body: z.object({ clauses: z.array(z.unknown()).max(200), note: z.string().trim().min(1, 'say what changes and why').max(2000) }),
    handler: ({ app, actor, scope, body }) => proposeCode(app, actor, scope, body.clauses, body.note),
  }),
  workspaceRoute('publishing.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/code/proposals/:id/decide',
    tag: 'code',
    summary: 'Accept or reject a proposed change',
    params: idParams,
    body: z.object({ accept: z.boolean(), note: z.string().trim().max(2000).nullable().default(null) }),
    handler: ({ app, actor, scope, params, body }) => decideCodeProposal(app, actor, scope, params.id, body.accept, body.note),
  }),
  workspaceRoute('content.read', {
    method: 'POST',
    url: '/api/workspaces/:ws/code/check',
    tag: 'code',
    summary: 'Check a text against the code (the reply box and the composer use the same check as the gate)',
    params: wsParams,
    body: z.object({ text: z.string().max(100_000), context: z.enum(['post', 'reply', 'message']).default('post'), sendAt: isoTime.optional(), paidPartnership: z.boolean().optional(), links: z.array(z.string().max(2000)).max(20).optional() }),
    handler: ({ app, scope, body }) => checkAgainstCode(app, scope, body),
  }),
];

export const publishingRoutes = [
  workspaceRoute('content.read', { method: 'GET', url: '/api/workspaces/:ws/publishing', tag: 'publishing', summary: 'Review rules, time zone and the hold switch', params: wsParams, handler: ({ app, scope }) => publishingSettings(app, scope) }),
  workspaceRoute('publishing.manage', {
    method: 'PATCH',
    url: '/api/workspaces/:ws/publishing',
    tag: 'publishing',
    summary: 'Change whose work needs approval, or the time zone',
    params: wsParams,
    body: z.object({ reviewRules: z.object({ agencyWorkNeedsApproval: z.boolean().optional(), ownWorkNeedsApproval: z.enum(['all', 'contributors', 'none']).optional() }).optional(), timeZone: z.string().max(100).optional() }),
    handler: ({ app, actor, scope, body }) => updatePublishingSettings(app, actor, scope, body),
  }),
  workspaceRoute('publishing.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/publishing/hold',
    tag: 'publishing',
    summary: 'Pause all publishing in the workspace at once (with a reason)',
    params: wsParams,
    body: z.object({ reason: z.string().trim().min(1, 'say why publishing is paused').max(1000) }),
    handler: ({ app, actor, scope, body }) => holdPublishing(app, actor, scope, body.reason),
  }),
  workspaceRoute('publishing.manage', { method: 'POST', url: '/api/workspaces/:ws/publishing/resume', tag: 'publishing', summary: 'Resume publishing; posts whose time passed wait for a new time', params: wsParams, handler: ({ app, actor, scope }) => resumePublishing(app, actor, scope) }),
];

export const notificationRoutes = [
  userRoute({ method: 'GET', url: '/api/notifications', tag: 'notifications', summary: 'My notifications, newest first, with the unread count', handler: ({ app, actor }) => myNotifications(app, actor.userId) }),
  userRoute({
    method: 'POST',
    url: '/api/notifications/read',
    tag: 'notifications',
    summary: 'Mark notifications (or all, with ids null) as read',
    status: 204,
    body: z.object({ ids: z.array(id).max(500).nullable() }),
    handler: ({ app, actor, body }) => readNotifications(app, actor.userId, body.ids),
  }),
];
