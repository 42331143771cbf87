import type { TFunction } from 'i18next';
import { enc } from '../../api/client';
import type { NotificationItem } from './api';

/** Turning a notification's kind and payload into words, and into the page it is about. */

const KNOWN = new Set([
  'post.review_requested',
  'post.approved',
  'post.changes_requested',
  'post.comment',
  'post.coaching',
  'post.suggestion',
  'variant.failed',
  'variant.held',
  'brief.status_changed',
  'brief.commented',
  'brief.post_created',
  'code.proposed',
  'publishing.held',
]);

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The headline in the current language, e.g. "Els vraagt je “Open dag” te beoordelen". */
export function notificationTitle(t: TFunction, n: NotificationItem): string {
  const p = n.payload;
  const vars = {
    by: str(p.by) || t('notifications.someone'),
    title: str(p.title) || t('notifications.untitled'),
    status: t(`notifications.briefStatus.${str(p.status)}`, { defaultValue: str(p.status) }),
  };
  const key = KNOWN.has(n.kind) ? n.kind.replace('.', '_') : 'unknown';
  return t(`notifications.kinds.${key}`, vars);
}

/** A second line with the note, reason or message the notification carries, if any. */
export function notificationDetail(n: NotificationItem): string {
  const p = n.payload;
  if (n.kind.startsWith('variant.')) return str(p.detail);
  return str(p.note) || str(p.reason) || str(p.body) || str(p.detail);
}

/** Where clicking the notification leads: the post, the brief, the code or the publishing page. */
export function notificationHref(n: NotificationItem): string {
  const ws = `/w/${enc(n.workspaceId)}`;
  if (n.subjectType === 'post' && n.subjectId) return `${ws}/posts/${enc(n.subjectId)}`;
  if (n.subjectType === 'brief' && n.subjectId) return `${ws}/briefs/${enc(n.subjectId)}`;
  if (n.subjectType === 'code') return `${ws}/code`;
  if (n.kind === 'publishing.held') return `${ws}/publishing`;
  return ws;
}
