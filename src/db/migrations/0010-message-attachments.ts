import type { Kysely } from 'kysely';

/**
 * Inbound attachments (issue 5): a message's stored files as a JSON array of `{name, mimeType, size, sha256,
 * contentId}` naming content-addressed files in the workspace's media folder. Messages stored before this
 * migration, and messages without stored files, keep null, which reads as no attachments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('attachments', 'text').execute();
}
