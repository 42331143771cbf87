import type { DisplayState } from '../api';

/** Every word a post can show in lists, in the order of its life (the list's filter offers them in this order). */
export const DISPLAY_STATES: DisplayState[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'held', 'publishing', 'published', 'partly_published', 'failed'];

/** Roles that may write posts (posts.write) and review them (posts.review). */
export const WRITER_ROLES = new Set(['owner', 'editor', 'contributor']);
export const REVIEWER_ROLES = new Set(['owner', 'editor']);

/** A workspace path under /w/:ws/posts. */
export function postsPath(workspaceId: string, postId?: string): string {
  const base = `/w/${encodeURIComponent(workspaceId)}/posts`;
  return postId ? `${base}/${encodeURIComponent(postId)}` : base;
}
