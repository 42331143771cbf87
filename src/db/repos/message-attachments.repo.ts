import type { Q } from './types';

/** Records the stored attachments (JSON) of a message of the workspace. */
export async function setMessageAttachments(q: Q, workspaceId: string, messageId: string, attachments: string): Promise<void> {
  await q.updateTable('messages').set({ attachments }).where('workspace_id', '=', workspaceId).where('id', '=', messageId).execute();
}

/** A message's stored attachments (JSON or null); undefined when the workspace has no such message. */
export function messageAttachments(q: Q, workspaceId: string, messageId: string) {
  return q.selectFrom('messages').select(['id', 'attachments']).where('workspace_id', '=', workspaceId).where('id', '=', messageId).executeTakeFirst();
}
