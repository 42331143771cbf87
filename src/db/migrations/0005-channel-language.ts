import type { Kysely } from 'kysely';

/** The language a channel speaks (nl, en), for the code's language check; null when not set. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('channels').addColumn('language', 'text').execute();
}
