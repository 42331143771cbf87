import { z } from 'zod';
import { availableConnectors, channelsOf, connectChannel, disconnectChannel, renameChannel, syncChannelIn, testChannel } from '../../services/channels.service';
import { inboundOf } from '../../services/inbound.service';
import { setMandateChannels } from '../../services/mandates.service';
import { userRoute, workspaceRoute } from '../define-route';
import { id, name, wsParams } from '../schemas';

const channelParams = wsParams.extend({ id });

export const channelRoutes = [
  userRoute({
    method: 'GET',
    url: '/api/connectors',
    tag: 'channels',
    summary: 'The channel types this installation offers, how each connects and what it can do',
    handler: async ({ app }) => ({ items: availableConnectors(app) }),
  }),
  workspaceRoute('channels.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/channels',
    tag: 'channels',
    summary: 'Connected (and disconnected) channels with their status',
    params: wsParams,
    handler: async ({ app, scope }) => ({ items: await channelsOf(app, scope) }),
  }),
  workspaceRoute('channels.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/channels',
    tag: 'channels',
    summary: 'Connect an account with typed credentials (app password, mailbox login, sandbox)',
    status: 201,
    params: wsParams,
    body: z.object({ kind: z.string().min(1).max(40), name: name.optional(), credentials: z.record(z.string(), z.string().max(4000)) }),
    handler: ({ app, actor, scope, body }) => connectChannel(app, actor, scope, body.kind, body.name, body.credentials),
  }),
  workspaceRoute('channels.manage', {
    method: 'PATCH',
    url: '/api/workspaces/:ws/channels/:id',
    tag: 'channels',
    summary: 'Rename a channel',
    params: channelParams,
    body: z.object({ name }),
    handler: ({ app, actor, scope, params, body }) => renameChannel(app, actor, scope, params.id, body.name),
  }),
  workspaceRoute('channels.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/channels/:id/test',
    tag: 'channels',
    summary: 'Test the connection; updates the status',
    params: channelParams,
    handler: ({ app, scope, params }) => testChannel(app, scope, params.id),
  }),
  workspaceRoute('channels.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/channels/:id/sync',
    tag: 'channels',
    summary: 'Fetch what came in since the last time, now',
    params: channelParams,
    handler: ({ app, scope, params }) => syncChannelIn(app, scope, params.id),
  }),
  workspaceRoute('channels.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/channels/:id/disconnect',
    tag: 'channels',
    summary: 'Disconnect a channel: its credentials are wiped at once',
    params: channelParams,
    handler: ({ app, actor, scope, params }) => disconnectChannel(app, actor, scope, params.id),
  }),
  workspaceRoute('channels.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/channels/:id/inbound',
    tag: 'channels',
    summary: 'The latest items received on a channel, as the platform sent them',
    params: channelParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    handler: async ({ app, scope, params, query }) => ({ items: await inboundOf(app, scope, params.id, query.limit) }),
  }),
  workspaceRoute('mandates.manage', {
    method: 'PUT',
    url: '/api/workspaces/:ws/mandates/:id/channels',
    tag: 'mandates',
    summary: 'Which channels a mandate covers (null: all channels of the workspace)',
    params: channelParams,
    body: z.object({ channelIds: z.array(id).max(200).nullable() }),
    handler: ({ app, actor, scope, params, body }) => setMandateChannels(app, actor, scope, params.id, body.channelIds),
  }),
];
