import { lockForUpdate, type Dialect } from '../dialect';
import type { PostReviewsTable, PostVersionsTable, PostsTable, VariantsTable } from '../schema';
import type { Q } from './types';

export async function insertPost(q: Q, row: PostsTable): Promise<void> {
  await q.insertInto('posts').values(row).execute();
}

/** The post (not deleted), locked for the transaction on PostgreSQL when `lock` is given. */
export function findPost(q: Q, workspaceId: string, id: string, lock?: Dialect) {
  const query = q.selectFrom('posts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).where('deleted_at', 'is', null);
  return (lock ? lockForUpdate(lock, query) : query).executeTakeFirst();
}

export async function updatePost(q: Q, id: string, patch: Partial<Omit<PostsTable, 'id' | 'workspace_id'>>): Promise<void> {
  await q.updateTable('posts').set(patch).where('id', '=', id).execute();
}

export async function insertVersion(q: Q, row: PostVersionsTable): Promise<void> {
  await q.insertInto('post_versions').values(row).execute();
}

export function findVersion(q: Q, workspaceId: string, postId: string, version: number) {
  return q.selectFrom('post_versions').selectAll().where('workspace_id', '=', workspaceId).where('post_id', '=', postId).where('version', '=', version).executeTakeFirst();
}

/** All versions of a post, oldest first, with who wrote each. */
export function listVersions(q: Q, workspaceId: string, postId: string) {
  return q
    .selectFrom('post_versions as v')
    .innerJoin('users as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select(['u.name as createdByName'])
    .where('v.workspace_id', '=', workspaceId)
    .where('v.post_id', '=', postId)
    .orderBy('v.version')
    .execute();
}

/** Everyone who wrote a version of the post (four eyes: none of them may approve it). */
export async function writersOf(q: Q, workspaceId: string, postId: string): Promise<Array<{ userId: string; orgId: string }>> {
  const rows = await q.selectFrom('post_versions').select(['created_by', 'created_org_id']).distinct().where('workspace_id', '=', workspaceId).where('post_id', '=', postId).execute();
  return rows.map((r) => ({ userId: r.created_by, orgId: r.created_org_id }));
}

export async function insertVariants(q: Q, rows: VariantsTable[]): Promise<void> {
  if (rows.length) await q.insertInto('variants').values(rows).execute();
}

export function variantsOf(q: Q, workspaceId: string, postId: string, lock?: Dialect) {
  const query = q.selectFrom('variants').selectAll().where('workspace_id', '=', workspaceId).where('post_id', '=', postId).orderBy('id');
  return (lock ? lockForUpdate(lock, query) : query).execute();
}

export async function updateVariant(q: Q, id: string, patch: Partial<Omit<VariantsTable, 'id' | 'workspace_id' | 'post_id'>>): Promise<void> {
  await q.updateTable('variants').set(patch).where('id', '=', id).execute();
}

export async function insertReview(q: Q, row: PostReviewsTable): Promise<void> {
  await q.insertInto('post_reviews').values(row).execute();
}

export function reviewsOf(q: Q, workspaceId: string, postId: string) {
  return q
    .selectFrom('post_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select(['u.name as authorName', 'd.name as decidedByName'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.post_id', '=', postId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

export function findReview(q: Q, workspaceId: string, postId: string, id: string) {
  return q.selectFrom('post_reviews').selectAll().where('workspace_id', '=', workspaceId).where('post_id', '=', postId).where('id', '=', id).executeTakeFirst();
}

export async function updateReview(q: Q, id: string, patch: Partial<Pick<PostReviewsTable, 'status' | 'decided_by' | 'decided_at'>>): Promise<void> {
  await q.updateTable('post_reviews').set(patch).where('id', '=', id).execute();
}

/** The approval of `version`, with the approver's name, if any. */
export function approvalOf(q: Q, workspaceId: string, postId: string, version: number) {
  return q
    .selectFrom('post_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.author_id', 'r.author_org_id', 'u.name', 'r.created_at'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.post_id', '=', postId)
    .where('r.version', '=', version)
    .where('r.kind', '=', 'approval')
    .executeTakeFirst();
}

export interface PostListFilter {
  from?: string;
  to?: string;
  channelId?: string;
  campaignId?: string;
  authorOrgId?: string;
  reviewState?: string;
  briefId?: string;
  limit: number;
}

/** Posts with their variants' channel, state and time, for the list and the calendar. */
export function listPostRows(q: Q, workspaceId: string, f: PostListFilter) {
  let query = q
    .selectFrom('posts as p')
    .innerJoin('post_versions as v', (j) => j.onRef('v.post_id', '=', 'p.id').onRef('v.version', '=', 'p.version'))
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select(['p.id', 'p.brief_id', 'p.campaign_id', 'p.instrument', 'p.author_id', 'p.author_org_id', 'p.review_state', 'p.version', 'p.approved_version', 'p.scheduled_at', 'p.created_at', 'p.updated_at', 'v.content', 'v.verdict', 'u.name as authorName'])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.deleted_at', 'is', null);
  if (f.from) query = query.where((eb) => eb.or([eb('p.scheduled_at', '>=', f.from!), eb('p.scheduled_at', 'is', null)]));
  if (f.to) query = query.where((eb) => eb.or([eb('p.scheduled_at', '<', f.to!), eb('p.scheduled_at', 'is', null)]));
  if (f.campaignId) query = query.where('p.campaign_id', '=', f.campaignId);
  if (f.authorOrgId) query = query.where('p.author_org_id', '=', f.authorOrgId);
  if (f.reviewState) query = query.where('p.review_state', '=', f.reviewState);
  if (f.briefId) query = query.where('p.brief_id', '=', f.briefId);
  if (f.channelId) query = query.where('p.id', 'in', q.selectFrom('variants').select('post_id').where('workspace_id', '=', workspaceId).where('channel_id', '=', f.channelId));
  return query.orderBy('p.scheduled_at', 'desc').orderBy('p.created_at', 'desc').limit(f.limit).execute();
}

/** Variants of the given posts (for lists). */
export function variantsOfPosts(q: Q, workspaceId: string, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return q.selectFrom('variants').selectAll().where('workspace_id', '=', workspaceId).where('post_id', 'in', postIds).execute();
}
