import { api, enc } from '../../api/client';

/** The publishing feature's calls: settings, review rules, and the hold switch. */

export type OwnWorkNeedsApproval = 'all' | 'contributors' | 'none';

export interface ReviewRules {
  agencyWorkNeedsApproval: boolean;
  ownWorkNeedsApproval: OwnWorkNeedsApproval;
}

export interface Hold {
  reason: string;
  by: string | null;
  byName: string | null;
  at: string | null;
}

export interface PublishingSettings {
  timeZone: string;
  reviewRules: ReviewRules;
  hold: Hold | null;
  /** Variants waiting in "held" (for any reason). */
  heldVariants: number;
}

export interface ResumeAnswer extends PublishingSettings {
  /** Waiting posts whose time still lies ahead: back in the schedule. */
  rescheduled: number;
  /** Waiting posts whose time passed: they wait for a person to choose a new time. */
  missed: number;
}

const base = (ws: string) => `/api/workspaces/${enc(ws)}/publishing`;

export const publishingApi = {
  settings: (ws: string) => api.get<PublishingSettings>(base(ws)),
  update: (ws: string, patch: { reviewRules?: Partial<ReviewRules>; timeZone?: string }) => api.patch<PublishingSettings>(base(ws), patch),
  hold: (ws: string, reason: string) => api.post<PublishingSettings>(`${base(ws)}/hold`, { reason }),
  resume: (ws: string) => api.post<ResumeAnswer>(`${base(ws)}/resume`, {}),
};

type Listener = (workspaceId: string) => void;
const listeners = new Set<Listener>();

/** Tells every mounted hold banner that the hold of `workspaceId` changed. */
export function announceHoldChanged(workspaceId: string): void {
  for (const l of listeners) l(workspaceId);
}

/** Listens for hold changes made on this page; returns the unsubscribe function. */
export function onHoldChanged(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
