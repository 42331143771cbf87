import type { Kysely } from 'kysely';

/**
 * A brief's attachments: a JSON array of `{mediaId, name}` naming files in the workspace's media. Rows written
 * before this migration keep null, which reads as no attachments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('briefs').addColumn('attachments', 'text').execute();
}
