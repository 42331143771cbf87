import { newId } from '../core/shared/ids';
import { countUnread, insertNotifications, listNotifications, markRead } from '../db/repos/notifications.repo';
import type { Q } from '../db/repos/types';
import type { App } from './app';

/** What happened, for whom: the UI words it from `kind` and `payload` (translated), the e-mail from `subject`. */
export interface Notice {
  kind: string;
  workspaceId: string;
  subjectType?: string;
  subjectId?: string;
  payload: Record<string, unknown>;
  /** Plain English and Dutch line for the e-mail. */
  mail: { subject: string; text: string };
}

/** Mails to send once the transaction that created the notifications has committed. */
export type PendingMail = Array<{ to: string; subject: string; text: string }>;

/**
 * Stores `notice` for each user in `recipients` (except `except`) in the caller's transaction, and returns the
 * e-mails to send after the commit (never inside a transaction).
 */
export async function notify(app: App, q: Q, recipients: Array<{ id: string; email: string }>, notice: Notice, except?: string): Promise<PendingMail> {
  const now = app.clock.now().toISOString();
  const to = dedupe(recipients.filter((r) => r.id !== except));
  await insertNotifications(
    q,
    to.map((r) => ({
      user_id: r.id,
      id: newId(),
      workspace_id: notice.workspaceId,
      kind: notice.kind,
      subject_type: notice.subjectType ?? null,
      subject_id: notice.subjectId ?? null,
      payload: JSON.stringify(notice.payload),
      created_at: now,
      read_at: null,
    })),
  );
  const link = `${app.config.publicUrl}/w/${notice.workspaceId}${notice.subjectType === 'post' ? `/posts/${notice.subjectId}` : notice.subjectType === 'brief' ? `/briefs/${notice.subjectId}` : notice.subjectType === 'conversation' ? `/inbox/${notice.subjectId}` : ''}`;
  return to.map((r) => ({ to: r.email, subject: notice.mail.subject, text: `${notice.mail.text}\n\n${link}\n` }));
}

function dedupe<T extends { id: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}

/** Sends what `notify` prepared; failures are logged, never thrown (the in-app notification exists anyway). */
export async function sendPending(app: App, mails: PendingMail): Promise<void> {
  for (const m of mails) await app.mailer.send(m);
}

export async function myNotifications(app: App, userId: string) {
  const [rows, unread] = await Promise.all([listNotifications(app.db, userId, 50), countUnread(app.db, userId)]);
  return {
    unread,
    items: rows.map((r) => ({ id: r.id, kind: r.kind, workspaceId: r.workspace_id, subjectType: r.subject_type, subjectId: r.subject_id, payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at, read: r.read_at !== null })),
  };
}

export async function readNotifications(app: App, userId: string, ids: string[] | null): Promise<void> {
  await markRead(app.db, userId, ids, app.clock.now().toISOString());
}
