import { z } from 'zod';
import { AppError } from '../../core/shared/errors';
import { acceptInvitation, describeInvitation } from '../../services/invitations.service';
import { confirmPasswordReset, login, logout, needsSetup, requestPasswordReset, setup } from '../../services/auth.service';
import { clearedSessionCookie, sessionCookie } from '../cookies';
import { publicRoute, userRoute } from '../define-route';
import { email, locale, name, password, userView } from '../schemas';
import type { FastifyReply } from 'fastify';
import { origin } from '../origin';
import type { App } from '../../services/app';


function setSession(app: App, reply: FastifyReply, token: string) {
  reply.header('set-cookie', sessionCookie(token, app.config.sessionTtlDays * 86400, app.config.cookieSecure));
}

export const authRoutes = [
  publicRoute({
    method: 'GET',
    url: '/api/setup',
    tag: 'auth',
    summary: 'Whether the installation still needs its first account',
    response: z.object({ needsSetup: z.boolean() }),
    handler: async ({ app }) => ({ needsSetup: await needsSetup(app) }),
  }),
  publicRoute({
    method: 'POST',
    url: '/api/setup',
    tag: 'auth',
    summary: 'First run: create the first account, its organization and workspace',
    status: 201,
    body: z.object({ name, email, password, organizationName: name, workspaceName: name, locale: locale.optional() }),
    response: z.object({ user: userView, workspaceId: z.string() }),
    async handler({ app, body, req, reply }) {
      const r = await setup(app, body, origin(req));
      setSession(app, reply, r.token);
      return { user: r.user, workspaceId: r.workspaceId };
    },
  }),
  publicRoute({
    method: 'POST',
    url: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    body: z.object({ email: z.string().max(254), password }),
    response: z.object({ user: userView }),
    async handler({ app, body, req, reply }) {
      const r = await login(app, body.email, body.password, origin(req));
      setSession(app, reply, r.token);
      return { user: r.user };
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/auth/logout',
    tag: 'auth',
    summary: 'End the current session',
    status: 204,
    async handler({ app, actor, reply }) {
      await logout(app, actor);
      reply.header('set-cookie', clearedSessionCookie(app.config.cookieSecure));
    },
  }),
  publicRoute({
    method: 'POST',
    url: '/api/auth/password-reset/request',
    tag: 'auth',
    summary: 'E-mail a password-reset link (always answers 202)',
    status: 202,
    body: z.object({ email: z.string().max(254) }),
    async handler({ app, body, req }) {
      await requestPasswordReset(app, body.email, origin(req));
      return {};
    },
  }),
  publicRoute({
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    tag: 'auth',
    summary: 'Set a new password with a reset link token',
    status: 204,
    body: z.object({ token: z.string().min(1).max(200), password }),
    async handler({ app, body, req }) {
      await confirmPasswordReset(app, body.token, body.password, origin(req));
    },
  }),
  publicRoute({
    method: 'GET',
    url: '/api/invitations/:token',
    tag: 'auth',
    summary: 'What an invitation link offers',
    params: z.object({ token: z.string().min(1).max(200) }),
    handler: ({ app, params }) => describeInvitation(app, params.token),
  }),
  publicRoute({
    method: 'POST',
    url: '/api/invitations/:token/accept',
    tag: 'auth',
    summary: 'Accept an invitation (creating the account when it does not exist yet)',
    params: z.object({ token: z.string().min(1).max(200) }),
    body: z.object({ name: name.optional(), password: password.optional() }),
    async handler({ app, params, body, actor, req, reply }) {
      const r = await acceptInvitation(app, params.token, actor, body, origin(req));
      if (r.sessionToken) setSession(app, reply, r.sessionToken);
      if (!r.workspaceId && !r.agencyId) throw new AppError('ERR_INTERNAL', 'Invitation had no target.');
      return { workspaceId: r.workspaceId ?? null, agencyId: r.agencyId ?? null };
    },
  }),
];
