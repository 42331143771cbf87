import type { Role } from '../../api/types';
import type { Brief, BriefStatus } from './api';

/** What a role may do with briefs and campaigns, mirroring the server's permissions (it decides; this hides buttons). */

/** Everyone but a viewer writes briefs and comments (briefs.write). */
export function mayWriteBriefs(role: Role | null): boolean {
  return role !== null && role !== 'viewer';
}

/** Editors and owners move briefs on the board. */
export function mayMoveBriefs(role: Role | null): boolean {
  return role === 'owner' || role === 'editor';
}

/** The author of a brief, an editor or an owner changes it. */
export function mayEditBrief(role: Role | null, userId: string, brief: Pick<Brief, 'createdBy'>): boolean {
  return mayMoveBriefs(role) || (mayWriteBriefs(role) && brief.createdBy.id === userId);
}

/** Roles that write posts (posts.write) also make posts from briefs and keep campaigns. */
export function mayWritePosts(role: Role | null): boolean {
  return role === 'owner' || role === 'editor' || role === 'contributor';
}

export const STATUS_TONE: Record<BriefStatus, string> = {
  new: 'blue',
  in_progress: 'amber',
  done: 'green',
  declined: 'red',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a date input's value in local time ("" for none or nonsense). */
export function isoToDateInput(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date input's value as the ISO instant at the end of that local day, or null when empty. */
export function dateInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).toISOString();
}

/** True when a wished date lies before today (local), for an open brief. */
export function isOverdue(brief: Pick<Brief, 'wantedBy' | 'status'>, now: Date): boolean {
  if (!brief.wantedBy || brief.status === 'done' || brief.status === 'declined') return false;
  const due = new Date(brief.wantedBy);
  return !Number.isNaN(due.getTime()) && due.getTime() < now.getTime();
}

/** The first `max` characters of a text, cut at a word, with an ellipsis when shortened. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}
