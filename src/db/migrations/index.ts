import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Dialect } from '../dialect';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-channels';
import * as m0003 from './0003-admins';
import * as m0004 from './0004-content';
import * as m0005 from './0005-channel-language';
import * as m0006 from './0006-brief-attachments';
import * as m0007 from './0007-inbox';
import * as m0008 from './0008-inbox-work';
import * as m0009 from './0009-inbox-search';
import * as m0010 from './0010-message-attachments';

/** THE list of migrations, the same ids and order on SQLite and PostgreSQL. Append only. */
const migrations: Array<[string, { up(db: Kysely<any>, d: Dialect): Promise<void> }]> = [
  ['0001_foundation', m0001],
  ['0002_channels', m0002],
  ['0003_admins', m0003],
  ['0004_content', m0004],
  ['0005_channel_language', m0005],
  ['0006_brief_attachments', m0006],
  ['0007_inbox', m0007],
  ['0008_inbox_work', m0008],
  ['0009_inbox_search', m0009],
  ['0010_message_attachments', m0010],
];

/** Brings the schema up to date; returns the ids applied now. Throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: {
      async getMigrations() {
        const out: Record<string, Migration> = {};
        for (const [id, m] of migrations) out[id] = { up: (k) => m.up(k, dialect) };
        return out;
      },
    },
    migrationTableName: 'regie_migrations',
    migrationLockTableName: 'regie_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(result.error as Error).message ?? String(result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
