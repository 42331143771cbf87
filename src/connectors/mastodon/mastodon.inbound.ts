/**
 * The inbox of a Mastodon account, polled: mention notifications (GET /api/v1/notifications?types[]=mention),
 * which cover mentions, replies and direct messages alike, read forward from a cursor (`min_id`, the newest
 * notification id seen), so that a second poll from the returned cursor repeats nothing. The first poll (no
 * cursor) takes the newest page. Each status's thread is the first status of its conversation.
 */
import { ConnectorError } from '../errors';
import type { ConnectorContext, PollResult } from '../types';
import { mastodonRequest, type MastodonClient } from './mastodon.api';
import type { MastodonContext, MastodonNotification, MastodonStatus } from './mastodon.entities';
import { compareIds, isInboundNotification, statusToInbound } from './mastodon.map';

/** Notifications per page (Mastodon's default is 40, its maximum 80). */
export const POLL_PAGE = 40;

/**
 * Finds the first status of each status's conversation: itself when it answers nothing, else the oldest ancestor
 * from GET /api/v1/statuses/:id/context (memoised across the batch). Where the conversation cannot be read (the
 * parent was deleted or is not visible), the parent stands in for the root.
 */
export async function threadRoots(c: MastodonClient, statuses: MastodonStatus[]): Promise<Map<string, string>> {
  const roots = new Map<string, string>();
  for (const s of statuses) {
    const id = String(s.id);
    const parent = s.in_reply_to_id ? String(s.in_reply_to_id) : null;
    if (!parent) roots.set(id, id);
    else if (roots.has(parent)) roots.set(id, roots.get(parent)!);
    else {
      try {
        const { body } = await mastodonRequest<MastodonContext>(c, 'GET', `/api/v1/statuses/${encodeURIComponent(id)}/context`);
        const ancestors = Array.isArray(body?.ancestors) ? body.ancestors : [];
        const root = ancestors[0]?.id ? String(ancestors[0].id) : parent;
        for (const a of ancestors) if (a?.id) roots.set(String(a.id), root);
        roots.set(id, root);
      } catch (err) {
        if (!(err instanceof ConnectorError) || err.failure !== 'rejected') throw err;
        roots.set(id, parent);
      }
    }
  }
  return roots;
}

/** Pages read per poll when catching up from a cursor; what is left waits for the next poll. */
export const POLL_MAX_PAGES = 5;

/**
 * One poll: new mention notifications after `cursor` (up to a few pages when catching up), oldest first, and the
 * cursor to continue from. Without a cursor, only the newest page is read.
 */
export async function pollMentions(c: MastodonClient, ctx: ConnectorContext, cursor: string | null): Promise<PollResult> {
  let next = cursor;
  const page: MastodonNotification[] = [];
  for (let n = 0; n < POLL_MAX_PAGES; n++) {
    const query = new URLSearchParams();
    query.append('types[]', 'mention');
    query.set('limit', String(POLL_PAGE));
    if (next) query.set('min_id', next);
    const { body } = await mastodonRequest<MastodonNotification[]>(c, 'GET', '/api/v1/notifications', { query });
    const got = (Array.isArray(body) ? body : []).filter((x) => x && (typeof x.id === 'string' || typeof x.id === 'number'));
    const before = next;
    for (const x of got) if (next === null || compareIds(String(x.id), next) > 0) next = String(x.id);
    page.push(...got.filter((x) => !before || compareIds(String(x.id), before) > 0));
    if (!cursor || got.length < POLL_PAGE || next === before) break;
  }
  const seen = new Set<string>();
  const fresh = page
    .filter(isInboundNotification)
    .sort((a, b) => compareIds(String(a.id), String(b.id)))
    .filter((x) => !seen.has(String(x.status.id)) && seen.add(String(x.status.id)));
  const roots = await threadRoots(c, fresh.map((x) => x.status));
  const items = fresh.map((x) => statusToInbound(x.status, ctx.account, roots.get(String(x.status.id)) ?? String(x.status.id), String(x.id)));
  return { items, cursor: next };
}
