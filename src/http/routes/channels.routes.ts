import { z } from 'zod';
import { availableConnectors, channelsOf, connectChannel, disconnectChannel, renameChannel, syncChannelIn, testChannel } from '../../services/channels.service';
import { inboundOf } from '../../services/inbound.service';
import { setMandateChannels } from '../../services/mandates.service';
import { accountChoices, chooseAccount, completeOAuth, startOAuth } from '../../services/oauth.service';
import { PROVIDERS, listProviders, setProvider } from '../../services/providers.service';
import { AppError } from '../../core/shared/errors';
import { publicRoute, userRoute, workspaceRoute } from '../define-route';
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
    body: z.object({ kind: z.string().min(1).max(40), name: name.optional(), credentials: z.record(z.string(), z.string().max(4000)), reconnectId: id.optional() }),
    handler: ({ app, actor, scope, body }) => connectChannel(app, actor, scope, body.kind, body.name, body.credentials, body.reconnectId),
  }),
  workspaceRoute('channels.manage', {
    method: 'PATCH',
    url: '/api/workspaces/:ws/channels/:id',
    tag: 'channels',
    summary: 'Rename a channel, or set the language it speaks (nl, en; null for none)',
    params: channelParams,
    body: z.object({ name: name.optional(), language: z.enum(['nl', 'en']).nullable().optional() }),
    handler: ({ app, actor, scope, params, body }) => renameChannel(app, actor, scope, params.id, body.name, body.language),
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

export const oauthRoutes = [
  workspaceRoute('channels.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/channels/oauth',
    tag: 'channels',
    summary: "Start connecting a channel through the platform's sign-in page; answers the URL to go to",
    params: wsParams,
    body: z.object({ kind: z.string().min(1).max(40), instanceUrl: z.string().max(300).optional(), name: name.optional(), reconnectId: id.optional() }),
    handler: ({ app, actor, scope, body }) => startOAuth(app, actor, scope, body.kind, body),
  }),
  publicRoute({
    method: 'GET',
    url: '/api/oauth/callback',
    tag: 'channels',
    summary: 'Where platforms send people back after signing in; redirects to the channels page',
    query: z.object({ state: z.string().max(200).optional(), code: z.string().max(4000).optional(), error: z.string().max(500).optional() }),
    async handler({ app, actor, query, reply }) {
      if (!actor) return reply.redirect('/login?oauthError=ERR_LOGIN_REQUIRED', 303);
      try {
        const r = await completeOAuth(app, actor, query);
        if ('choose' in r) return reply.redirect(`/w/${r.workspaceId}/channels?choose=${encodeURIComponent(r.choose)}`, 303);
        return reply.redirect(`/w/${r.workspaceId}/channels?connected=${encodeURIComponent(r.channelId)}`, 303);
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'ERR_INTERNAL';
        if (!(err instanceof AppError)) app.log.error({ err }, 'OAuth callback failed');
        return reply.redirect(`/?oauthError=${encodeURIComponent(code)}`, 303);
      }
    },
  }),
  workspaceRoute('channels.manage', {
    method: 'GET',
    url: '/api/workspaces/:ws/channels/choices/:token',
    tag: 'channels',
    summary: 'After a sign-in that manages several accounts: the accounts to choose from',
    params: wsParams.extend({ token: z.string().min(1).max(200) }),
    handler: ({ app, actor, scope, params }) => accountChoices(app, actor, scope, params.token),
  }),
  workspaceRoute('channels.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/channels/choices/:token',
    tag: 'channels',
    summary: 'Connect the chosen account',
    status: 201,
    params: wsParams.extend({ token: z.string().min(1).max(200) }),
    body: z.object({ index: z.number().int().min(0).max(500) }),
    handler: ({ app, actor, scope, params, body }) => chooseAccount(app, actor, scope, params.token, body.index),
  }),
  userRoute({
    method: 'GET',
    url: '/api/admin/providers',
    tag: 'admin',
    summary: "The platforms' app credentials: configured or not (administrators)",
    handler: async ({ app, actor }) => ({ items: await listProviders(app, actor) }),
  }),
  userRoute({
    method: 'PUT',
    url: '/api/admin/providers/:provider',
    tag: 'admin',
    summary: "Enter a platform's app credentials (administrators); secrets are stored sealed and never shown again",
    params: z.object({ provider: z.enum(PROVIDERS) }),
    body: z.object({ clientId: z.string().trim().min(1).max(300), clientSecret: z.string().min(1).max(1000), verifyToken: z.string().max(300).optional() }),
    handler: ({ app, actor, params, body }) => setProvider(app, actor, params.provider, body),
  }),
];
