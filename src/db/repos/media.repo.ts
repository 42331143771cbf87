import type { MediaTable } from '../schema';
import type { Q } from './types';

/** Records one stored file of a workspace. */
export async function insertMedia(q: Q, row: MediaTable): Promise<void> {
  await q.insertInto('media').values(row).execute();
}

/** One media row of the workspace; undefined when it does not exist there (other workspaces' rows never match). */
export function findMedia(q: Q, workspaceId: string, id: string) {
  return q.selectFrom('media').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** A media row by its id alone (ids are unique across workspaces): only for callers that verify the workspace themselves. */
export function findMediaById(q: Q, id: string) {
  return q.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The workspace's media rows among `ids` (unknown and foreign ids are simply absent). */
export async function mediaByIds(q: Q, workspaceId: string, ids: string[]): Promise<MediaTable[]> {
  if (ids.length === 0) return [];
  return q.selectFrom('media').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', [...new Set(ids)]).execute();
}
