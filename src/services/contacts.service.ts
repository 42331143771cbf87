import { suggestMerges, type ContactFacts, type SuggestedMerge } from '../core/inbox/contact-merge';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import {
  conversationsOfContact,
  findContact,
  handlesOf,
  identitiesOf,
  identityKeysOf,
  insertContactRow,
  lockContacts,
  mergeFacts,
  moveConversations,
  moveIdentities,
  moveIdentity,
  repointMerged,
  searchContacts,
  updateContactRow,
} from '../db/repos/contacts.repo';
import { bool, int, type Q } from '../db/repos/types';
import type { ContactsTable } from '../db/schema';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';

const HISTORY_LIMIT = 100;
/** Live updates after a merge or split: one event per moved conversation, up to this many. */
const EVENT_LIMIT = 200;

export interface ContactView {
  id: string;
  name: string;
  email: string | null;
  vip: boolean;
  tags: string[];
  identities: Array<{ channelId: string; channelKind: string; channelName: string; remoteId: string; handle: string | null; displayName: string | null }>;
  conversations: Array<{ id: string; channelKind: string; channelName: string; subject: string | null; preview: string; status: string; lastMessageAt: string }>;
  mergedInto: string | null;
}

/** A contact as a search finds it. */
export interface ContactHit {
  id: string;
  name: string;
  email: string | null;
  vip: boolean;
  tags: string[];
  /** The handles of its identities, oldest first (at most five). */
  handles: string[];
  identityCount: number;
  /** Its latest conversation activity; null without conversations. */
  lastActivityAt: string | null;
}

export interface ContactPatch {
  name?: string;
  vip?: boolean;
  tags?: string[];
}

const tagsOf = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};
const uniqueTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];

async function view(q: Q, workspaceId: string, row: ContactsTable): Promise<ContactView> {
  const [identities, conversations] = await Promise.all([identitiesOf(q, workspaceId, row.id), conversationsOfContact(q, workspaceId, row.id, HISTORY_LIMIT)]);
  return {
    id: row.id,
    name: row.display_name,
    email: row.email,
    vip: bool(row.vip),
    tags: tagsOf(row.tags),
    identities: identities.map((i) => ({ channelId: i.channel_id, channelKind: i.channel_kind ?? '', channelName: i.channel_name ?? '', remoteId: i.remote_id, handle: i.handle, displayName: i.display_name })),
    conversations: conversations.map((c) => ({ id: c.id, channelKind: c.channel_kind ?? '', channelName: c.channel_name ?? '', subject: c.subject, preview: c.preview ?? '', status: c.status, lastMessageAt: c.last_message_at })),
    mergedInto: row.merged_into,
  };
}

async function existing(q: Q, workspaceId: string, id: string): Promise<ContactsTable> {
  const row = await findContact(q, workspaceId, id);
  if (!row) throw notFound('This contact');
  return row;
}

const notMerged = (row: ContactsTable) => {
  if (row.merged_into !== null) throw new AppError('ERR_INVALID_STATE', 'This contact was merged into another; change that one instead.', { mergedInto: row.merged_into });
};

function announce(app: App, workspaceId: string, conversationIds: readonly string[]): void {
  for (const conversationId of conversationIds.slice(0, EVENT_LIMIT)) app.events.publish(workspaceId, { type: 'conversation', conversationId, change: 'updated' });
}

/** A contact with its identities and conversations (newest first); a merged contact says where it went. */
export async function getContact(app: App, scope: WorkspaceScope, id: string): Promise<ContactView> {
  return view(app.db, scope.workspaceId, await existing(app.db, scope.workspaceId, id));
}

/**
 * Live contacts whose name, e-mail, or an identity's handle or name contains `text` (ignoring case; every live
 * contact when `text` is empty), newest activity first, at most `limit`. Merged contacts are never found.
 */
export async function findContacts(app: App, scope: WorkspaceScope, text: string, limit: number): Promise<ContactHit[]> {
  const ws = scope.workspaceId;
  const wanted = text.trim();
  const rows = await searchContacts(app.db, ws, wanted === '' ? null : wanted, limit);
  const handles = new Map<string, string[]>();
  for (const h of await handlesOf(app.db, ws, rows.map((r) => r.id))) {
    const list = handles.get(h.contact_id) ?? [];
    if (h.handle && list.length < 5) list.push(h.handle);
    handles.set(h.contact_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    email: r.email,
    vip: bool(r.vip),
    tags: tagsOf(r.tags),
    handles: handles.get(r.id) ?? [],
    identityCount: Number(r.identity_count),
    lastActivityAt: r.last_activity_at,
  }));
}

/** Renames a contact, marks it VIP or not, or replaces its tags (trimmed, without duplicates); audited. */
export async function updateContact(app: App, actor: Actor, scope: WorkspaceScope, id: string, patch: ContactPatch): Promise<ContactView> {
  const ws = scope.workspaceId;
  await app.db.transaction().execute(async (q) => {
    const [row] = await lockContacts(q, app.dialect, ws, [id]);
    if (!row) throw notFound('This contact');
    notMerged(row);
    const set: Partial<ContactsTable> = {};
    if (patch.name !== undefined && patch.name !== row.display_name) set.display_name = patch.name;
    if (patch.vip !== undefined && patch.vip !== bool(row.vip)) set.vip = int(patch.vip);
    if (patch.tags !== undefined && JSON.stringify(uniqueTags(patch.tags)) !== JSON.stringify(tagsOf(row.tags))) set.tags = JSON.stringify(uniqueTags(patch.tags));
    if (Object.keys(set).length === 0) return;
    await updateContactRow(q, ws, id, { ...set, updated_at: app.clock.now().toISOString() });
    await writeAudit(app, q, actor, {
      action: 'contact.updated',
      workspaceId: ws,
      actorOrgId: scope.actingOrgId,
      objectType: 'contact',
      objectId: id,
      summary: { ...(set.display_name !== undefined ? { name: { from: row.display_name, to: set.display_name } } : {}), ...(set.vip !== undefined ? { vip: bool(set.vip) } : {}), ...(set.tags !== undefined ? { tags: JSON.parse(set.tags) } : {}) },
    });
  });
  return getContact(app, scope, id);
}

/**
 * Merges `otherId` into `id` in one transaction: the other's identities, conversations and messages move here, tags
 * are united, VIP when either was, the e-mail kept (or taken from the other), and the other records `merged_into`
 * (contacts merged into the other before now point here too). Audited as `contact.merged`.
 */
export async function mergeContacts(app: App, actor: Actor, scope: WorkspaceScope, id: string, otherId: string): Promise<ContactView> {
  if (id === otherId) throw new AppError('ERR_VALIDATION', 'A contact cannot be merged with itself.', { problems: ['otherContactId: must be another contact.'] });
  const ws = scope.workspaceId;
  const moved = await app.db.transaction().execute(async (q) => {
    const rows = await lockContacts(q, app.dialect, ws, [id, otherId]);
    const target = rows.find((r) => r.id === id);
    const other = rows.find((r) => r.id === otherId);
    if (!target || !other) throw notFound('This contact');
    notMerged(target);
    notMerged(other);
    const now = app.clock.now().toISOString();
    const identities = await moveIdentities(q, ws, otherId, id);
    const conversations = await moveConversations(q, ws, otherId, id, null);
    await repointMerged(q, ws, otherId, id);
    await updateContactRow(q, ws, otherId, { merged_into: id, updated_at: now });
    const tags = uniqueTags([...tagsOf(target.tags), ...tagsOf(other.tags)]);
    await updateContactRow(q, ws, id, { tags: JSON.stringify(tags), vip: int(bool(target.vip) || bool(other.vip)), email: target.email ?? other.email, updated_at: now });
    await writeAudit(app, q, actor, {
      action: 'contact.merged',
      workspaceId: ws,
      actorOrgId: scope.actingOrgId,
      objectType: 'contact',
      objectId: id,
      summary: { merged: otherId, mergedName: other.display_name, identities, conversations: conversations.length },
    });
    return conversations;
  });
  announce(app, ws, moved);
  return getContact(app, scope, id);
}

/**
 * Splits one identity off contact `id` into a new contact named after the identity, with the conversations on that
 * identity's channel and the messages the contact wrote there. The contact's only identity cannot be split off.
 * Audited as `contact.split`.
 */
export async function splitContact(app: App, actor: Actor, scope: WorkspaceScope, id: string, identity: { channelId: string; remoteId: string }): Promise<ContactView> {
  const ws = scope.workspaceId;
  const newContactId = newId();
  const moved = await app.db.transaction().execute(async (q) => {
    const [row] = await lockContacts(q, app.dialect, ws, [id]);
    if (!row) throw notFound('This contact');
    notMerged(row);
    const keys = await identityKeysOf(q, ws, id);
    const ident = keys.find((k) => k.channel_id === identity.channelId && k.remote_id === identity.remoteId);
    if (!ident) throw notFound('This identity of the contact');
    if (keys.length === 1) throw new AppError('ERR_VALIDATION', 'This is the contact’s only identity: there is nothing to split off.', { problems: ['remoteId: the contact’s only identity cannot be split off.'] });
    const now = app.clock.now().toISOString();
    const name = (ident.display_name?.trim() || ident.handle?.trim() || ident.remote_id).slice(0, 200);
    await insertContactRow(q, { workspace_id: ws, id: newContactId, display_name: name, email: null, tags: '[]', vip: 0, merged_into: null, created_at: now, updated_at: now });
    await moveIdentity(q, ws, id, newContactId, identity.channelId, identity.remoteId);
    const conversations = await moveConversations(q, ws, id, newContactId, identity.channelId);
    await updateContactRow(q, ws, id, { updated_at: now });
    await writeAudit(app, q, actor, {
      action: 'contact.split',
      workspaceId: ws,
      actorOrgId: scope.actingOrgId,
      objectType: 'contact',
      objectId: id,
      summary: { newContactId, channelId: identity.channelId, remoteId: identity.remoteId, conversations: conversations.length },
    });
    return conversations;
  });
  announce(app, ws, moved);
  return getContact(app, scope, newContactId);
}

/** Contacts that look like the same person (same e-mail, handle across channels, or full name), at most 100 pairs. */
export async function suggestedMerges(app: App, scope: WorkspaceScope): Promise<SuggestedMerge[]> {
  const { contacts, identities } = await mergeFacts(app.db, scope.workspaceId);
  const handles = new Map<string, Array<{ channelId: string; handle: string | null }>>();
  for (const i of identities) {
    const list = handles.get(i.contact_id);
    if (list) list.push({ channelId: i.channel_id, handle: i.handle });
    else handles.set(i.contact_id, [{ channelId: i.channel_id, handle: i.handle }]);
  }
  const facts: ContactFacts[] = contacts.map((c) => ({ id: c.id, name: c.display_name, email: c.email, mergedInto: null, identities: handles.get(c.id) ?? [] }));
  return suggestMerges(facts);
}
