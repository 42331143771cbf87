import { api, enc, query } from '../../api/client';
import type { Identity } from '../inbox/api';

/** The contacts' calls (under /inbox/contacts): search, one contact, edit, merge, split, suggested merges. */

export interface ContactHit {
  id: string;
  name: string;
  email: string | null;
  vip: boolean;
  tags: string[];
  handles: string[];
  identityCount: number;
  lastActivityAt: string | null;
}

/** A contact's identity on one channel: the same shape the inbox's contact panel shows. */
export type ContactIdentity = Identity;

export interface ContactConversation {
  id: string;
  channelKind: string;
  channelName: string;
  subject: string | null;
  preview: string;
  status: 'open' | 'pending' | 'snoozed' | 'resolved';
  lastMessageAt: string;
}

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  vip: boolean;
  tags: string[];
  identities: ContactIdentity[];
  conversations: ContactConversation[];
  /** Set when this contact was merged into another one. */
  mergedInto: string | null;
}

export type MergeReason = 'same_email' | 'same_handle' | 'same_name';

export interface SuggestedMerge {
  a: { id: string; name: string };
  b: { id: string; name: string };
  reason: MergeReason;
}

export type ContactPatch = Partial<{ name: string; vip: boolean; tags: string[] }>;

const base = (ws: string) => `/api/workspaces/${enc(ws)}/inbox/contacts`;

export const contactsApi = {
  search: (ws: string, q: string, limit = 20) => api.get<ContactHit[]>(`${base(ws)}${query({ q: q.trim(), limit })}`),
  get: (ws: string, id: string) => api.get<Contact>(`${base(ws)}/${enc(id)}`),
  patch: (ws: string, id: string, patch: ContactPatch) => api.patch<Contact>(`${base(ws)}/${enc(id)}`, patch),
  /** Merges `otherId` into `keepId`: `keepId` stays, with the other's identities and conversations. */
  merge: (ws: string, keepId: string, otherId: string) => api.post<Contact>(`${base(ws)}/${enc(keepId)}/merge`, { otherContactId: otherId }),
  /** Splits one identity off into a new contact, which is returned. */
  split: (ws: string, id: string, identity: Pick<ContactIdentity, 'channelId' | 'remoteId'>) =>
    api.post<Contact>(`${base(ws)}/${enc(id)}/split`, { channelId: identity.channelId, remoteId: identity.remoteId }),
  suggestedMerges: (ws: string) => api.get<SuggestedMerge[]>(`${base(ws)}/suggested-merges`),
};

/** Where the contacts page and one contact live in the app. */
export const contactsPath = (ws: string) => `/w/${enc(ws)}/contacts`;
export const contactPath = (ws: string, id: string) => `${contactsPath(ws)}/${enc(id)}`;
export const conversationPath = (ws: string, id: string) => `/w/${enc(ws)}/inbox/${enc(id)}`;
