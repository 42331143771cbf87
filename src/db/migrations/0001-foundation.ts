import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/** Accounts, organizations, workspaces, agencies and mandates, sessions and tokens, the audit chain. */
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const ts = d.types.timestamp;
  const ct = (name: string) => db.schema.createTable(name);

  await ct('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(ts), (c) => c.notNull())
    .execute();

  await ct('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .execute();

  await ct('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workspaces_by_org').on('workspaces').columns(['organization_id']).execute();

  await ct('workspace_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_members_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('workspace_members_by_user').on('workspace_members').columns(['user_id']).execute();

  await ct('agency_members')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_members_pk', ['agency_id', 'user_id'])
    .execute();
  await db.schema.createIndex('agency_members_by_user').on('agency_members').columns(['user_id']).execute();

  await ct('mandates')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('ends_at', sql.raw(ts))
    .addColumn('may_publish_without_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('may_reply_without_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('channel_ids', 'text')
    .addColumn('granted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('granted_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('revoked_at', sql.raw(ts))
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .addPrimaryKeyConstraint('mandates_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('mandates_id').on('mandates').columns(['id']).unique().execute();
  await db.schema.createIndex('mandates_by_agency').on('mandates').columns(['agency_id']).execute();

  await ct('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id'))
    .addColumn('agency_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('expires_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('accepted_at', sql.raw(ts))
    .addColumn('accepted_by', 'text', (c) => c.references('users.id'))
    .addColumn('cancelled_at', sql.raw(ts))
    .execute();
  await db.schema.createIndex('invitations_by_workspace').on('invitations').columns(['workspace_id']).execute();
  await db.schema.createIndex('invitations_by_agency').on('invitations').columns(['agency_id']).execute();

  await ct('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('last_seen_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('expires_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').columns(['user_id']).execute();

  await ct('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('last_used_at', sql.raw(ts))
    .addColumn('expires_at', sql.raw(ts))
    .addColumn('revoked_at', sql.raw(ts))
    .execute();
  await db.schema.createIndex('api_tokens_by_user').on('api_tokens').columns(['user_id']).execute();

  await ct('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('expires_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('used_at', sql.raw(ts))
    .execute();

  await ct('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', sql.raw(ts), (c) => c.notNull())
    .addColumn('blocked_until', sql.raw(ts))
    .execute();

  await ct('audit_records')
    .addColumn('chain_id', 'text', (c) => c.notNull())
    .addColumn('seq', sql.raw(d.types.bigint), (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_org_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_records_pk', ['chain_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_by_workspace_time').on('audit_records').columns(['workspace_id', 'created_at']).execute();

  await ct('audit_heads')
    .addColumn('chain_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', sql.raw(d.types.bigint), (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  for (const stmt of [...d.appendOnlySql('audit_records'), ...d.forwardOnlyHeadSql()]) {
    await sql.raw(stmt).execute(db);
  }
}
