import { api, enc, query } from '../../api/client';
import type { PostContent } from '../../../../src/core/content/post-content';

/** The calendar's calls and the shapes of their answers (GET /posts, /campaigns, /channels, /publishing). */

/** The calendar shows the posts list's items (GET /posts): one shape for both. */
import type { DisplayState, PostListItem, PostListVariant } from '../posts/api';
export type PostDisplayState = DisplayState;
export type CalendarVariant = PostListVariant;
export type CalendarPost = PostListItem;

export interface CampaignItem {
  id: string;
  name: string;
  pillar: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface ChannelItem {
  id: string;
  kind: string;
  kindName?: string;
  name: string;
  status: string;
  disconnectedAt: string | null;
}

export interface PublishingInfo {
  timeZone: string;
  hold: { reason: string; by: string; byName: string | null; at: string } | null;
}

export interface ScheduleResult {
  scheduledAt: string;
  waitingForApproval: boolean;
}

export interface NewPost {
  content: PostContent;
  briefId: string | null;
  campaignId: string | null;
}

/** The most posts one period asks for (the server's ceiling). */
export const PERIOD_LIMIT = 2000;

const ws = (id: string) => `/api/workspaces/${enc(id)}`;

export const calendarApi = {
  /** Posts scheduled in [from, to) plus the ones without a time. */
  posts: (workspaceId: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<{ items: CalendarPost[] }>(`${ws(workspaceId)}/posts${query({ from, to, limit: PERIOD_LIMIT })}`, {
      signal,
    }),
  campaigns: (workspaceId: string) => api.get<{ items: CampaignItem[] }>(`${ws(workspaceId)}/campaigns`),
  channels: (workspaceId: string) => api.get<{ items: ChannelItem[] }>(`${ws(workspaceId)}/channels`),
  publishing: (workspaceId: string) => api.get<PublishingInfo>(`${ws(workspaceId)}/publishing`),
  /** Gives the post (this version) a time; rescheduling is the same call. */
  schedule: (workspaceId: string, postId: string, version: number, at: string) =>
    api.post<ScheduleResult>(`${ws(workspaceId)}/posts/${enc(postId)}/schedule`, { version, at }),
  createPost: (workspaceId: string, body: NewPost) =>
    api.post<{ id: string; version: number }>(`${ws(workspaceId)}/posts`, body),
};

/** The path of a post's own page. */
export function postPath(workspaceId: string, postId: string): string {
  return `/w/${enc(workspaceId)}/posts/${enc(postId)}`;
}
