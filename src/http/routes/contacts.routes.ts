import { z } from 'zod';
import { findContacts, getContact, mergeContacts, splitContact, suggestedMerges, updateContact } from '../../services/contacts.service';
import { workspaceRoute } from '../define-route';
import { id, wsParams } from '../schemas';

const base = '/api/workspaces/:ws/inbox/contacts';
const idParams = wsParams.extend({ id });
const tag = z.string().trim().min(1, 'must not be empty').max(50);

export const contactRoutes = [
  workspaceRoute('inbox.read', {
    method: 'GET',
    url: base,
    tag: 'inbox',
    summary: 'Find contacts by name, e-mail or handle (ignoring case); merged contacts are left out; newest activity first',
    params: wsParams,
    query: z.object({ q: z.string().max(200).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) }),
    handler: ({ app, scope, query }) => findContacts(app, scope, query.q, query.limit),
  }),
  workspaceRoute('inbox.read', {
    method: 'GET',
    url: `${base}/suggested-merges`,
    tag: 'inbox',
    summary: 'Contacts that look like the same person (same e-mail, handle across channels, or full name)',
    params: wsParams,
    handler: ({ app, scope }) => suggestedMerges(app, scope),
  }),
  workspaceRoute('inbox.read', {
    method: 'GET',
    url: `${base}/:id`,
    tag: 'inbox',
    summary: 'A contact: identities per channel, conversations, and where it was merged into',
    params: idParams,
    handler: ({ app, scope, params }) => getContact(app, scope, params.id),
  }),
  workspaceRoute('inbox.reply', {
    method: 'PATCH',
    url: `${base}/:id`,
    tag: 'inbox',
    summary: 'Rename a contact, mark it VIP, or set its tags',
    params: idParams,
    body: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200).optional(), vip: z.boolean().optional(), tags: z.array(tag).max(50).optional() }),
    handler: ({ app, actor, scope, params, body }) => updateContact(app, actor, scope, params.id, body),
  }),
  workspaceRoute('inbox.reply', {
    method: 'POST',
    url: `${base}/:id/merge`,
    tag: 'inbox',
    summary: 'Merge another contact into this one: its identities and conversations move here',
    params: idParams,
    body: z.object({ otherContactId: id }),
    handler: ({ app, actor, scope, params, body }) => mergeContacts(app, actor, scope, params.id, body.otherContactId),
  }),
  workspaceRoute('inbox.reply', {
    method: 'POST',
    url: `${base}/:id/split`,
    tag: 'inbox',
    summary: 'Split one identity (and its conversations) off into a new contact',
    status: 201,
    params: idParams,
    body: z.object({ channelId: id, remoteId: z.string().min(1).max(500) }),
    handler: ({ app, actor, scope, params, body }) => splitContact(app, actor, scope, params.id, body),
  }),
];
