import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/** Connected channels, provider apps (OAuth client credentials), OAuth states, and inbound items as received. */
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const ts = d.types.timestamp;
  await db.schema
    .createTable('channels')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_remote_id', 'text', (c) => c.notNull())
    .addColumn('account_handle', 'text', (c) => c.notNull())
    .addColumn('account_display_name', 'text', (c) => c.notNull())
    .addColumn('avatar_url', 'text')
    .addColumn('service_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_detail', 'text')
    .addColumn('rate_limited_until', sql.raw(ts))
    .addColumn('last_sync_at', sql.raw(ts))
    .addColumn('last_error_at', sql.raw(ts))
    .addColumn('credentials', 'text', (c) => c.notNull())
    .addColumn('credentials_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('refresh_lease_until', sql.raw(ts))
    .addColumn('inbound_cursor', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('disconnected_at', sql.raw(ts))
    .addPrimaryKeyConstraint('channels_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('channels_id').on('channels').columns(['id']).unique().execute();
  await db.schema.createIndex('channels_by_account').on('channels').columns(['kind', 'account_remote_id']).execute();

  await db.schema
    .createTable('provider_apps')
    .addColumn('provider', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('secrets', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', sql.raw(ts), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oauth_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', sql.raw(ts), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inbound_items')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('thread_remote_id', 'text', (c) => c.notNull())
    .addColumn('from_self', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('received_at', sql.raw(ts), (c) => c.notNull())
    .addPrimaryKeyConstraint('inbound_items_pk', ['workspace_id', 'channel_id', 'remote_id'])
    .execute();
  await db.schema.createIndex('inbound_items_by_time').on('inbound_items').columns(['workspace_id', 'received_at']).execute();
}
