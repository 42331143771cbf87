import type { PostContent } from '../core/content/post-content';
import { displayState, type ReviewState, type VariantState } from '../core/review/post-state';
import { mayApprove } from '../core/review/review-rules';
import { notFound } from '../core/shared/errors';
import { listChannels } from '../db/repos/channels.repo';
import { attemptsOf } from '../db/repos/dispatch.repo';
import { findPost, listPostRows, listVersions, reviewsOf, variantsOf, variantsOfPosts, type PostListFilter } from '../db/repos/posts.repo';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { codeInForce } from './code.service';
import { checkContent, needOf, previewParts, writerFacts } from './post-checks';
import { mediaLookup } from './media.service';
import { settingsOf } from './publishing-settings';

/** Posts for the list and the calendar, with each variant's channel, state and time. */
export async function listPosts(app: App, scope: WorkspaceScope, f: Omit<PostListFilter, 'limit'> & { limit?: number }) {
  const rows = await listPostRows(app.db, scope.workspaceId, { ...f, limit: Math.min(f.limit ?? 500, 2000) });
  const variants = await variantsOfPosts(app.db, scope.workspaceId, rows.map((r) => r.id));
  const byPost = new Map<string, typeof variants>();
  for (const v of variants) byPost.set(v.post_id, [...(byPost.get(v.post_id) ?? []), v]);
  return rows.map((r) => {
    const content = JSON.parse(r.content) as PostContent;
    const vs = (byPost.get(r.id) ?? []).filter((v) => v.state !== 'cancelled');
    return {
      id: r.id,
      title: content.title || content.core.slice(0, 80),
      excerpt: content.core.slice(0, 160),
      instrument: r.instrument,
      briefId: r.brief_id,
      campaignId: r.campaign_id,
      author: { id: r.author_id, name: r.authorName, orgId: r.author_org_id, viaAgency: r.author_org_id !== scope.organizationId },
      reviewState: r.review_state as ReviewState,
      state: displayState(r.review_state as ReviewState, vs.map((v) => v.state as VariantState)),
      version: Number(r.version),
      approved: r.approved_version !== null && Number(r.approved_version) === Number(r.version),
      verdict: r.verdict,
      scheduledAt: r.scheduled_at,
      updatedAt: r.updated_at,
      variants: vs.map((v) => ({ id: v.id, channelId: v.channel_id, state: v.state as VariantState, dueAt: v.due_at, publishedAt: v.published_at, url: v.remote_url, reasonCode: v.reason_code })),
    };
  });
}

/** Everything the post page shows: content, checks, versions, review notes, variants with their attempts, and what the viewer may do. */
export async function getPost(app: App, actor: Actor, scope: WorkspaceScope, id: string) {
  const post = await findPost(app.db, scope.workspaceId, id);
  if (!post) throw notFound('This post');
  const [versions, reviews, variants, channels, code, settings, facts] = await Promise.all([
    listVersions(app.db, scope.workspaceId, id),
    reviewsOf(app.db, scope.workspaceId, id),
    variantsOf(app.db, scope.workspaceId, id),
    listChannels(app.db, scope.workspaceId),
    codeInForce(app.db, scope.workspaceId),
    settingsOf(app.db, scope.workspaceId),
    writerFacts(app, app.db, scope.workspaceId, scope.organizationId, id),
  ]);
  const current = versions[versions.length - 1];
  const content = JSON.parse(current.content) as PostContent;
  const checked = checkContent(app, content, channels, code, { campaign: null, sendAt: post.scheduled_at, media: await mediaLookup(app, app.db, scope.workspaceId, content.media) });
  const need = needOf(settings.reviewRules, facts.writers, content.variants.map((v) => v.channelId), checked.verdict);
  const may = mayApprove({ ...need, needed: true }, { userId: actor.userId, role: scope.access.role, viaAgency: scope.access.via.kind === 'mandate' }, facts.ids);
  const attempts = await attemptsOf(app.db, scope.workspaceId, variants.map((v) => v.id));
  const live = variants.filter((v) => v.state !== 'cancelled');
  return {
    id: post.id,
    briefId: post.brief_id,
    campaignId: post.campaign_id,
    authorId: post.author_id,
    authorOrgId: post.author_org_id,
    authorViaAgency: post.author_org_id !== scope.organizationId,
    reviewState: post.review_state as ReviewState,
    state: displayState(post.review_state as ReviewState, live.map((v) => v.state as VariantState)),
    version: Number(post.version),
    approvedVersion: post.approved_version === null ? null : Number(post.approved_version),
    scheduledAt: post.scheduled_at,
    content,
    codeVersion: code.version,
    verdict: checked.verdict,
    checks: checked.variants.map((v) => ({ channelId: v.channelId, text: v.text, findings: v.findings, validation: v.validation })),
    approval: { needed: need.needed, by: need.by, reasons: need.reasons, youMayApprove: may.ok, whyNot: may.ok ? null : may.why },
    versions: versions.map((v) => ({ version: Number(v.version), createdAt: v.created_at, createdBy: { id: v.created_by, name: v.createdByName, orgId: v.created_org_id }, verdict: v.verdict, content: JSON.parse(v.content) as PostContent })),
    reviews: reviews.map((r) => ({ id: r.id, version: Number(r.version), kind: r.kind, body: r.body, clauseId: r.clause_id, suggestion: r.suggestion ? JSON.parse(r.suggestion) : null, status: r.status, author: { id: r.author_id, name: r.authorName, orgId: r.author_org_id }, decidedBy: r.decided_by ? { id: r.decided_by, name: r.decidedByName ?? '' } : null, createdAt: r.created_at })),
    variants: live.map((v) => ({
      id: v.id,
      channelId: v.channel_id,
      state: v.state as VariantState,
      version: Number(v.version),
      dueAt: v.due_at,
      publishedAt: v.published_at,
      url: v.remote_url,
      remoteId: v.remote_id,
      reasonCode: v.reason_code,
      reasonText: v.reason_text,
      attempts: attempts.filter((a) => a.variant_id === v.id).map((a) => ({ n: Number(a.n), startedAt: a.started_at, finishedAt: a.finished_at, outcome: a.outcome, detail: a.detail })),
    })),
  };
}

/** The composer's live check: the same rendering, code check and channel rules the gate applies. */
export async function previewPost(app: App, scope: WorkspaceScope, content: PostContent, sendAt: string | null) {
  const [channels, code] = await Promise.all([listChannels(app.db, scope.workspaceId), codeInForce(app.db, scope.workspaceId)]);
  const checked = checkContent(app, content, channels, code, { campaign: null, sendAt, media: await mediaLookup(app, app.db, scope.workspaceId, content.media) });
  return {
    codeVersion: code.version,
    verdict: checked.verdict,
    variants: checked.variants.map((v) => ({ channelId: v.channelId, parts: previewParts(v), firstComment: v.rendered.firstComment, text: v.text, findings: v.findings, validation: v.validation })),
  };
}
