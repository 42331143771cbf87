import { api, enc, query } from '../../api/client';
import type { Page } from '../../api/types';
import type { MediaKind } from '../../../../src/core/content/media-types';

/** The briefs board, one brief with its comments, campaigns, and the posts made from a brief. */

export const BRIEF_STATUSES = ['new', 'in_progress', 'done', 'declined'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

/** A file attached to a brief, as the form sends it: an uploaded file (POST /media) and the name to show. */
export interface BriefAttachmentInput {
  mediaId: string;
  name: string;
}

/** An attachment as the server shows it on a brief. */
export interface BriefAttachment extends BriefAttachmentInput {
  kind: MediaKind;
  mimeType: string;
  size: number;
}

export interface BriefInput {
  title: string;
  goal: string;
  audience: string;
  keyMessage: string;
  details: string;
  channelIds: string[];
  timing: string;
  /** ISO instant, or null when there is no date. */
  wantedBy: string | null;
  /** At most 20; an edit replaces the brief's attachments with these. */
  attachments: BriefAttachmentInput[];
}

export interface Brief extends BriefInput {
  attachments: BriefAttachment[];
  id: string;
  status: BriefStatus;
  declineReason: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  /** How many posts were made from it. */
  posts: number;
}

export interface BriefComment {
  id: string;
  body: string;
  createdAt: string;
  author: { id: string; name: string; orgId: string };
}

export interface BriefDetail extends Brief {
  comments: BriefComment[];
}

export interface CampaignInput {
  name: string;
  goal: string;
  pillar: string;
  /** "YYYY-MM-DD" or null. */
  startsOn: string | null;
  endsOn: string | null;
}

export interface Campaign extends CampaignInput {
  id: string;
  posts: number;
  createdAt: string;
}

/** A post in a list (only the fields this feature shows). */
export interface BriefPost {
  id: string;
  title: string;
  excerpt: string;
  state: string;
  reviewState: string;
  scheduledAt: string | null;
  updatedAt: string;
  author: { id: string; name: string; viaAgency: boolean };
}

const ws = (id: string) => `/api/workspaces/${enc(id)}`;

export const briefsApi = {
  list: (wsId: string) => api.get<Page<Brief>>(`${ws(wsId)}/briefs`),
  get: (wsId: string, id: string) => api.get<BriefDetail>(`${ws(wsId)}/briefs/${enc(id)}`),
  create: (wsId: string, body: BriefInput) => api.post<BriefDetail>(`${ws(wsId)}/briefs`, body),
  update: (wsId: string, id: string, body: BriefInput) => api.put<BriefDetail>(`${ws(wsId)}/briefs/${enc(id)}`, body),
  setStatus: (wsId: string, id: string, status: BriefStatus, reason: string | null) =>
    api.post<BriefDetail>(`${ws(wsId)}/briefs/${enc(id)}/status`, { status, reason }),
  comment: (wsId: string, id: string, body: string) =>
    api.post<BriefDetail>(`${ws(wsId)}/briefs/${enc(id)}/comments`, { body }),
  postsOf: (wsId: string, briefId: string) => api.get<Page<BriefPost>>(`${ws(wsId)}/posts${query({ briefId })}`),
  campaigns: (wsId: string) => api.get<Page<Campaign>>(`${ws(wsId)}/campaigns`),
  createCampaign: (wsId: string, body: CampaignInput) => api.post<{ id: string }>(`${ws(wsId)}/campaigns`, body),
  updateCampaign: (wsId: string, id: string, body: CampaignInput) =>
    api.put<{ id: string }>(`${ws(wsId)}/campaigns/${enc(id)}`, body),
};
