/**
 * Comments the account itself writes (a first comment under its own post, a reply to someone's comment), made at
 * most once: when asked to look first, an identical recent comment by the account counts as already made.
 */
import { ConnectorError } from '../errors';
import { graphCall, type GraphAuth } from './graph';
import { findRecentSame } from './recent-match';

/** Where to list and create comments, and how to read a listed comment. */
export interface CommentTarget {
  /** Edge that lists existing comments/replies, e.g. `{post-id}/comments` or `{ig-comment-id}/replies`. */
  listPath: string;
  /** Fields to ask when listing; Graph refuses a whole request that names a field the node lacks. */
  listFields: string;
  listQuery?: Record<string, string>;
  pick(c: Record<string, unknown>): { id?: string; text?: string; authorId?: string; time?: string };
  /** Edge that creates one, with `message` as the text. */
  createPath: string;
  /** The account's own id, to recognise its own comments. */
  ownId: string;
}

/**
 * Creates the comment, unless `lookFirst` and the account already wrote the same text there within the duplicate
 * window (then that comment's id is returned with `existed: true`). Throws ConnectorError on failure.
 */
export async function commentOnce(g: GraphAuth, t: CommentTarget, text: string, lookFirst: boolean): Promise<{ remoteId: string; existed: boolean }> {
  if (lookFirst) {
    const list = await graphCall<{ data?: Array<Record<string, unknown>> }>(g, 'GET', t.listPath, { query: { fields: t.listFields, limit: 50, ...t.listQuery } });
    const own = (list.data ?? []).map((c) => t.pick(c)).filter((c) => c.authorId === t.ownId && c.id);
    const hit = findRecentSame(own, (c) => c, text, g.now());
    if (hit?.id) return { remoteId: hit.id, existed: true };
  }
  const made = await graphCall<{ id?: string }>(g, 'POST', t.createPath, { form: { message: text } });
  if (!made.id) throw new ConnectorError('rejected', 'Meta answered without the id of the new comment.');
  return { remoteId: made.id, existed: false };
}
