import { z } from 'zod';
import { AppError } from '../../core/shared/errors';
import {
  cancelInvitation,
  changeMemberRole,
  getWorkspace,
  inviteMember,
  listInvitations,
  listMembers,
  createWorkspace,
  removeMemberAs,
  renameWorkspaceAs,
  resendInvitation,
} from '../../services/workspaces.service';
import { requireWorkspace } from '../../services/access.service';
import { userRoute, workspaceRoute } from '../define-route';
import { email, id, name, workspaceRole, wsParams } from '../schemas';

const memberParams = wsParams.extend({ userId: id });

export const workspaceRoutes = [
  userRoute({
    method: 'POST',
    url: '/api/workspaces',
    tag: 'workspaces',
    summary: 'Create a workspace you own, for a new organization or one whose workspace you own',
    status: 201,
    body: z.object({ name, organizationId: id.optional(), organizationName: name.optional() }),
    handler: ({ app, actor, body }) => createWorkspace(app, actor, body),
  }),
  workspaceRoute('workspace.read', {
    method: 'GET',
    url: '/api/workspaces/:ws',
    tag: 'workspaces',
    summary: 'The workspace, your role in it, and whom you act for',
    params: wsParams,
    handler: async ({ scope }) => getWorkspace(scope),
  }),
  workspaceRoute('workspace.manage', {
    method: 'PATCH',
    url: '/api/workspaces/:ws',
    tag: 'workspaces',
    summary: 'Rename the workspace',
    params: wsParams,
    body: z.object({ name }),
    handler: ({ app, actor, scope, body }) => renameWorkspaceAs(app, actor, scope, body.name),
  }),
  workspaceRoute('members.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/members',
    tag: 'members',
    summary: 'Everyone who can enter the workspace, own members and agency members by mandate',
    params: wsParams,
    handler: async ({ app, scope }) => ({ items: await listMembers(app, scope) }),
  }),
  workspaceRoute('members.manage', {
    method: 'PATCH',
    url: '/api/workspaces/:ws/members/:userId',
    tag: 'members',
    summary: "Change an own member's role",
    params: memberParams,
    body: z.object({ role: workspaceRole }),
    handler: ({ app, actor, scope, params, body }) => changeMemberRole(app, actor, scope, params.userId, body.role),
  }),
  workspaceRoute('workspace.read', {
    method: 'DELETE',
    url: '/api/workspaces/:ws/members/:userId',
    tag: 'members',
    summary: 'Remove a member (owners), or leave the workspace yourself',
    status: 204,
    params: memberParams,
    async handler({ app, actor, scope, params }) {
      if (params.userId !== actor.userId) {
        await requireWorkspace(app, actor, scope.workspaceId, 'members.manage');
      } else if (scope.access.via.kind === 'mandate') {
        throw new AppError('ERR_FORBIDDEN', 'You work here under your agency’s mandate; the owner or your agency ends it.');
      }
      await removeMemberAs(app, actor, scope, params.userId);
    },
  }),
  workspaceRoute('members.manage', {
    method: 'GET',
    url: '/api/workspaces/:ws/invitations',
    tag: 'members',
    summary: 'Pending invitations',
    params: wsParams,
    handler: async ({ app, scope }) => ({ items: await listInvitations(app, scope) }),
  }),
  workspaceRoute('members.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/invitations',
    tag: 'members',
    summary: 'Invite someone by e-mail with a role',
    status: 201,
    params: wsParams,
    body: z.object({ email, role: workspaceRole }),
    handler: ({ app, actor, scope, body }) => inviteMember(app, actor, scope, body.email, body.role),
  }),
  workspaceRoute('members.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/invitations/:id/resend',
    tag: 'members',
    summary: 'Send an invitation again with a fresh link (the earlier link stops working)',
    params: wsParams.extend({ id }),
    handler: ({ app, actor, scope, params }) => resendInvitation(app, actor, scope, params.id),
  }),
  workspaceRoute('members.manage', {
    method: 'DELETE',
    url: '/api/workspaces/:ws/invitations/:id',
    tag: 'members',
    summary: 'Cancel a pending invitation',
    status: 204,
    params: wsParams.extend({ id }),
    handler: ({ app, actor, scope, params }) => cancelInvitation(app, actor, scope, params.id),
  }),
];
