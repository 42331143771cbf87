import { z } from 'zod';
import { agencyDirectory, createAgency, getAgency, inviteAgencyMember, myAgencies, removeAgencyMemberAs } from '../../services/agencies.service';
import { grantMandate, listMandatesOf, revokeMandate, updateMandateTerms } from '../../services/mandates.service';
import { userRoute, workspaceRoute } from '../define-route';
import { agencyRole, email, id, isoTime, mandateRole, name, wsParams } from '../schemas';

const agencyParams = z.object({ id });

export const agencyRoutes = [
  userRoute({
    method: 'GET',
    url: '/api/agencies',
    tag: 'agencies',
    summary: 'Agencies you belong to',
    handler: async ({ app, actor }) => ({ items: await myAgencies(app, actor) }),
  }),
  userRoute({
    method: 'POST',
    url: '/api/agencies',
    tag: 'agencies',
    summary: 'Create an agency; you become its admin',
    status: 201,
    body: z.object({ name }),
    handler: ({ app, actor, body }) => createAgency(app, actor, body.name),
  }),
  userRoute({
    method: 'GET',
    url: '/api/agencies/directory',
    tag: 'agencies',
    summary: 'All agencies on this installation (for owners granting a mandate)',
    handler: async ({ app, actor }) => ({ items: await agencyDirectory(app, actor) }),
  }),
  userRoute({
    method: 'GET',
    url: '/api/agencies/:id',
    tag: 'agencies',
    summary: 'An agency you belong to: members and the mandates it holds',
    params: agencyParams,
    handler: ({ app, actor, params }) => getAgency(app, actor, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/agencies/:id/invitations',
    tag: 'agencies',
    summary: 'Invite someone into the agency (admins)',
    status: 201,
    params: agencyParams,
    body: z.object({ email, role: agencyRole }),
    handler: ({ app, actor, params, body }) => inviteAgencyMember(app, actor, params.id, body.email, body.role),
  }),
  userRoute({
    method: 'DELETE',
    url: '/api/agencies/:id/members/:userId',
    tag: 'agencies',
    summary: 'Remove a member from the agency (admins), or leave it yourself',
    status: 204,
    params: agencyParams.extend({ userId: id }),
    handler: ({ app, actor, params }) => removeAgencyMemberAs(app, actor, params.id, params.userId),
  }),
];

const terms = {
  role: mandateRole,
  endsAt: isoTime.nullable().optional(),
  mayPublishWithoutApproval: z.boolean().optional(),
  mayReplyWithoutApproval: z.boolean().optional(),
};
const mandateParams = wsParams.extend({ id });

export const mandateRoutes = [
  workspaceRoute('mandates.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/mandates',
    tag: 'mandates',
    summary: 'Mandates granted to agencies in this workspace',
    params: wsParams,
    handler: async ({ app, scope }) => ({ items: await listMandatesOf(app, scope) }),
  }),
  workspaceRoute('mandates.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/mandates',
    tag: 'mandates',
    summary: 'Grant an agency a mandate',
    status: 201,
    params: wsParams,
    body: z.object({ agencyId: id, ...terms }),
    handler: ({ app, actor, scope, body }) =>
      grantMandate(app, actor, scope, body.agencyId, {
        role: body.role,
        endsAt: body.endsAt ? new Date(body.endsAt).toISOString() : null,
        mayPublishWithoutApproval: body.mayPublishWithoutApproval ?? false,
        mayReplyWithoutApproval: body.mayReplyWithoutApproval ?? false,
      }),
  }),
  workspaceRoute('mandates.manage', {
    method: 'PATCH',
    url: '/api/workspaces/:ws/mandates/:id',
    tag: 'mandates',
    summary: 'Change the terms of a mandate in force',
    params: mandateParams,
    body: z.object({ ...terms, role: mandateRole.optional() }),
    handler: ({ app, actor, scope, params, body }) =>
      updateMandateTerms(app, actor, scope, params.id, {
        ...body,
        ...(body.endsAt !== undefined && { endsAt: body.endsAt ? new Date(body.endsAt).toISOString() : null }),
      }),
  }),
  workspaceRoute('mandates.manage', {
    method: 'POST',
    url: '/api/workspaces/:ws/mandates/:id/revoke',
    tag: 'mandates',
    summary: "Revoke a mandate at once: the agency's members lose access at their next request",
    params: mandateParams,
    body: z.object({ reason: z.string().trim().max(500).optional() }),
    handler: ({ app, actor, scope, params, body }) => revokeMandate(app, actor, scope, params.id, body.reason || null),
  }),
];
