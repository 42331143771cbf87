import { api, enc, query } from '../../api/client';
import type { Page, Ref } from '../../api/types';
import type { Clause, Finding, Localized, Severity, Verdict } from '../../../../src/core/code/types';
import type { PostContent } from '../../../../src/core/content/post-content';
import type { ReviewState, VariantState } from '../../../../src/core/review/post-state';

/** The posts feature's calls and answer shapes (see src/http/routes/posts.routes.ts). */

export type { Clause, Finding, Localized, PostContent, ReviewState, Severity, VariantState, Verdict };

export type DisplayState = ReviewState | VariantState | 'partly_published';

/** A connector's own check (length, poll rules); `part` and `span` point into the rendered parts. */
export interface ValidationFinding {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  part?: number;
  span?: [number, number];
}

export interface PostListVariant {
  id: string;
  channelId: string;
  state: VariantState;
  dueAt: string | null;
  publishedAt: string | null;
  url: string | null;
  reasonCode: string | null;
}

export interface PostListItem {
  id: string;
  title: string;
  excerpt: string;
  instrument: string;
  briefId: string | null;
  campaignId: string | null;
  author: { id: string; name: string; orgId: string; viaAgency: boolean };
  reviewState: ReviewState;
  state: DisplayState;
  version: number;
  approved: boolean;
  verdict: Verdict | null;
  scheduledAt: string | null;
  updatedAt: string;
  variants: PostListVariant[];
}

/** A file that leaves with a part (the first one), as the live check reports it. */
export interface PreviewMedia {
  mediaId: string;
  kind: 'image' | 'gif' | 'video';
  mimeType: string;
  altText: string;
}

export interface RenderedPart {
  text: string;
  link?: string;
  poll?: { options: string[]; durationSeconds: number };
  media?: PreviewMedia[];
}

export interface PreviewVariant {
  channelId: string;
  parts: RenderedPart[];
  firstComment: string | null;
  text: string;
  findings: Finding[];
  validation: ValidationFinding[];
}

export interface PreviewResult {
  codeVersion: number;
  verdict: Verdict;
  variants: PreviewVariant[];
}

export interface CheckedVariant {
  channelId: string;
  text: string;
  findings: Finding[];
  validation: ValidationFinding[];
}

export type ApprovalReason = 'agency_work' | 'own_work' | 'contributor_work' | 'code_needs_approval';
export type ApproveRefusal = 'own_work' | 'agency_cannot_approve' | 'role_cannot_approve' | 'owner_required';

export interface Suggestion {
  channelId: string | null;
  part: number;
  text: string;
}

export interface ReviewNote {
  id: string;
  version: number;
  kind: 'comment' | 'coaching' | 'suggestion' | 'approval' | 'changes_requested' | string;
  body: string;
  clauseId: string | null;
  suggestion: Suggestion | null;
  status: 'open' | 'done' | 'accepted' | 'rejected' | string;
  author: { id: string; name: string; orgId: string };
  decidedBy: Ref | null;
  createdAt: string;
}

export interface Attempt {
  n: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: string | null;
  detail: string | null;
}

export interface PostVariant {
  id: string;
  channelId: string;
  state: VariantState;
  version: number;
  dueAt: string | null;
  publishedAt: string | null;
  url: string | null;
  remoteId: string | null;
  reasonCode: string | null;
  reasonText: string | null;
  attempts: Attempt[];
}

export interface PostVersion {
  version: number;
  createdAt: string;
  createdBy: { id: string; name: string; orgId: string };
  verdict: Verdict | null;
  content: PostContent;
}

export interface PostDetail {
  id: string;
  briefId: string | null;
  campaignId: string | null;
  authorId: string;
  authorOrgId: string;
  authorViaAgency: boolean;
  reviewState: ReviewState;
  state: DisplayState;
  version: number;
  approvedVersion: number | null;
  scheduledAt: string | null;
  content: PostContent;
  codeVersion: number;
  verdict: Verdict;
  checks: CheckedVariant[];
  approval: { needed: boolean; by: 'member' | 'owner'; reasons: ApprovalReason[]; youMayApprove: boolean; whyNot: ApproveRefusal | null };
  versions: PostVersion[];
  reviews: ReviewNote[];
  variants: PostVariant[];
}

export interface BriefRef {
  id: string;
  title: string;
  keyMessage: string;
  channelIds: string[];
}

export interface Campaign {
  id: string;
  name: string;
  pillar: string;
}

export interface PostInput {
  content: PostContent;
  briefId: string | null;
  campaignId: string | null;
}

export interface NoteInput {
  kind: 'comment' | 'coaching' | 'suggestion';
  body: string;
  clauseId: string | null;
  suggestion: Suggestion | null;
}

const ws = (id: string) => `/api/workspaces/${enc(id)}`;
const post = (wsId: string, id: string) => `${ws(wsId)}/posts/${enc(id)}`;

export const postsApi = {
  list: (wsId: string, f: { reviewState?: string; briefId?: string } = {}) => api.get<Page<PostListItem>>(`${ws(wsId)}/posts${query(f)}`),
  get: (wsId: string, id: string) => api.get<PostDetail>(post(wsId, id)),
  preview: (wsId: string, content: PostContent, sendAt: string | null, signal?: AbortSignal) =>
    api.post<PreviewResult>(`${ws(wsId)}/posts/preview`, { content, sendAt }, { signal }),
  create: (wsId: string, body: PostInput) => api.post<{ id: string; version: number }>(`${ws(wsId)}/posts`, body),
  update: (wsId: string, id: string, body: PostInput & { expectedVersion: number }) =>
    api.put<{ id: string; version: number; reviewState: ReviewState }>(post(wsId, id), body),
  remove: (wsId: string, id: string) => api.del(post(wsId, id)),
  submit: (wsId: string, id: string, version: number) => api.post<unknown>(`${post(wsId, id)}/submit`, { version }),
  approve: (wsId: string, id: string, version: number, note: string | null) => api.post<unknown>(`${post(wsId, id)}/approve`, { version, note }),
  requestChanges: (wsId: string, id: string, version: number, note: string, clauseId: string | null) =>
    api.post<unknown>(`${post(wsId, id)}/request-changes`, { version, note, clauseId }),
  addNote: (wsId: string, id: string, body: NoteInput) => api.post<{ id: string }>(`${post(wsId, id)}/notes`, body),
  decide: (wsId: string, id: string, noteId: string, accept: boolean) =>
    api.post<{ status: string; version: number }>(`${post(wsId, id)}/notes/${enc(noteId)}/decide`, { accept }),
  schedule: (wsId: string, id: string, version: number, at: string | null) =>
    api.post<{ scheduledAt: string; waitingForApproval: boolean }>(`${post(wsId, id)}/schedule`, { version, at }),
  unschedule: (wsId: string, id: string) => api.post<void>(`${post(wsId, id)}/unschedule`, {}),
  resolve: (wsId: string, variantId: string, action: 'confirm' | 'resend', url: string | null) =>
    api.post<void>(`${ws(wsId)}/variants/${enc(variantId)}/resolve`, { action, url }),
  brief: (wsId: string, id: string) => api.get<BriefRef>(`${ws(wsId)}/briefs/${enc(id)}`),
  campaigns: (wsId: string) => api.get<Page<Campaign>>(`${ws(wsId)}/campaigns`),
  code: (wsId: string) => api.get<{ version: number; clauses: Clause[] }>(`${ws(wsId)}/code`),
};
