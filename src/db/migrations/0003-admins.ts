import { sql, type Kysely } from 'kysely';

/** Installation administrators (they enter the platforms' app credentials); the first account becomes one. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`UPDATE users SET is_admin = 1 WHERE id = (SELECT id FROM users ORDER BY created_at LIMIT 1)`.execute(db);
}
