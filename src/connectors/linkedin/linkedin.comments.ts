/**
 * Comments on the page's posts, as inbound items, and replies to them. LinkedIn pushes comment notifications only
 * to approved webhook partners, so Regie polls: the comments (and replies to comments) on the page's newest
 * {@link POLLED_POSTS} posts; comments on older posts are not seen. Cursor = newest comment time seen.
 */
import { ConnectorError } from '../errors';
import type { ConnectorContext, InboundItem, OutboundReply, PollResult, RemoteRef } from '../types';
import { linkedinApi, restliEncode, restliQuery, type LinkedInApi } from './linkedin.http';
import { advance, commentToInbound, commentUrnOf, isNew, orgUrn, parseCursor, postUrl, type LinkedInComment } from './linkedin.map';
import { recentPosts } from './linkedin.posts';

/** How many of the page's newest posts are polled for comments. */
export const POLLED_POSTS = 10;
const PAGE = 100;

/** The comments on a post or on a comment (first page of up to 100). */
async function commentsOn(api: LinkedInApi, urn: string): Promise<LinkedInComment[]> {
  const answer = await api.get<{ elements?: LinkedInComment[] }>(`/rest/socialActions/${restliEncode(urn)}/comments`, restliQuery({ start: 0, count: PAGE }));
  return answer?.elements ?? [];
}

/** Inbound comments newer than the cursor on the page's recent posts, oldest first, and the cursor after them. */
export async function pollComments(ctx: ConnectorContext, cursor: string | null): Promise<PollResult> {
  const api = linkedinApi(ctx);
  const org = orgUrn(ctx.account.remoteId);
  const from = parseCursor(cursor);
  const found = new Map<string, InboundItem>();
  for (const post of await recentPosts(api, org, POLLED_POSTS)) {
    for (const c of await commentsOn(api, post.id)) {
      const item = commentToInbound(c, post.id, org, ctx.now());
      if (item && isNew(item, from)) found.set(item.remoteId, item);
      const nested = (c.commentsSummary?.aggregatedTotalComments ?? 0) + (c.commentsSummary?.totalFirstLevelComments ?? 0);
      const urn = commentUrnOf(c);
      if (!urn || nested === 0) continue;
      for (const r of await commentsOn(api, urn)) {
        const reply = commentToInbound({ ...r, parentComment: r.parentComment ?? urn }, post.id, org, ctx.now());
        if (reply && isNew(reply, from)) found.set(reply.remoteId, reply);
      }
    }
  }
  const items = [...found.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const next = advance(from, items);
  return { items, cursor: next.t ? JSON.stringify(next) : cursor };
}

/**
 * Answers a comment as the page: a nested comment under it (LinkedIn nests one level, so a reply to a reply goes
 * under the same parent), or a comment on the post when the item is the post itself. Idempotent by lookup: a
 * comment by the page with the same text already under that parent is returned instead of posting again.
 */
export async function replyLinkedIn(ctx: ConnectorContext, r: OutboundReply): Promise<RemoteRef> {
  const api = linkedinApi(ctx);
  const org = orgUrn(ctx.account.remoteId);
  const ref = r.inReplyTo.replyRef ?? {};
  const post = ref.object ?? r.inReplyTo.threadRemoteId;
  const parent = ref.parentComment ?? ref.commentUrn;
  const target = parent ?? post;
  if (!target) throw new ConnectorError('rejected', 'This item cannot be answered on LinkedIn (no post or comment to reply to).');
  const ours = (await commentsOn(api, target)).find((c) => c.actor === org && (c.message?.text ?? '') === r.text);
  const existing = ours && commentUrnOf(ours);
  if (existing) return { remoteId: existing, url: `${postUrl(post)}?commentUrn=${encodeURIComponent(existing)}` };
  const body: Record<string, unknown> = { actor: org, object: post, message: { text: r.text } };
  if (parent) body.parentComment = parent;
  const { body: created, id } = await api.post<LinkedInComment>(`/rest/socialActions/${restliEncode(target)}/comments`, body);
  const urn = (created && commentUrnOf({ object: post, ...created, actor: org })) ?? (id ? (id.startsWith('urn:') ? id : `urn:li:comment:(${post},${id})`) : undefined);
  if (!urn) throw new ConnectorError('transient', 'LinkedIn accepted the comment but returned no id.');
  return { remoteId: urn, url: `${postUrl(post)}?commentUrn=${encodeURIComponent(urn)}` };
}
