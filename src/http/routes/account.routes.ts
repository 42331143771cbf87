import { z } from 'zod';
import { sessionOverview } from '../../services/access.service';
import { changePassword, createToken, deleteToken, revokeAllSessions, revokeSession, sessionsOf, tokensOf, updateProfile } from '../../services/account.service';
import { userRoute } from '../define-route';
import { id, locale, name, password } from '../schemas';

export const accountRoutes = [
  userRoute({
    method: 'GET',
    url: '/api/session',
    tag: 'account',
    summary: 'The signed-in person, the CSRF token, and the workspaces and agencies they can enter now',
    async handler({ app, actor }) {
      const overview = await sessionOverview(app, actor.userId);
      return { user: { id: actor.userId, email: actor.email, name: actor.name, locale: actor.locale, isAdmin: actor.isAdmin }, csrf: actor.csrf, ...overview };
    },
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/account',
    tag: 'account',
    summary: 'Change your name or language',
    body: z.object({ name: name.optional(), locale: locale.nullable().optional() }),
    handler: async ({ app, actor, body }) => ({ user: await updateProfile(app, actor, body) }),
  }),
  userRoute({
    method: 'POST',
    url: '/api/account/password',
    tag: 'account',
    summary: 'Change your password (your other sessions end)',
    status: 204,
    body: z.object({ currentPassword: password, newPassword: password }),
    handler: ({ app, actor, body }) => changePassword(app, actor, body.currentPassword, body.newPassword),
  }),
  userRoute({
    method: 'GET',
    url: '/api/account/sessions',
    tag: 'account',
    summary: 'Your signed-in sessions',
    handler: async ({ app, actor }) => ({ items: await sessionsOf(app, actor) }),
  }),
  userRoute({
    method: 'DELETE',
    url: '/api/account/sessions/:id',
    tag: 'account',
    summary: 'End one of your sessions',
    status: 204,
    params: z.object({ id: z.string().min(1).max(128) }),
    handler: ({ app, actor, params }) => revokeSession(app, actor, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/account/sessions/revoke-all',
    tag: 'account',
    summary: 'Log out everywhere (optionally keeping this session)',
    body: z.object({ includeCurrent: z.boolean().default(true) }),
    handler: async ({ app, actor, body }) => ({ revoked: await revokeAllSessions(app, actor, body.includeCurrent) }),
  }),
  userRoute({
    method: 'GET',
    url: '/api/account/tokens',
    tag: 'account',
    summary: 'Your personal API tokens',
    handler: async ({ app, actor }) => ({ items: await tokensOf(app, actor) }),
  }),
  userRoute({
    method: 'POST',
    url: '/api/account/tokens',
    tag: 'account',
    summary: 'Create a personal API token (the secret is shown once)',
    status: 201,
    body: z.object({ name, expiresInDays: z.number().int().min(1).max(3650).nullable().optional() }),
    handler: ({ app, actor, body }) => createToken(app, actor, body.name, body.expiresInDays ?? null),
  }),
  userRoute({
    method: 'DELETE',
    url: '/api/account/tokens/:id',
    tag: 'account',
    summary: 'Revoke a personal API token',
    status: 204,
    params: z.object({ id }),
    handler: ({ app, actor, params }) => deleteToken(app, actor, params.id),
  }),
];
