import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Working the inbox (issue 5): teams with members, business hours and SLA targets; the workspace's routing rules
 * and reply rules; SLA clocks on conversations; internal notes and a timeline; replies (each one goes through the
 * gate, with approval where the rules say so); saved replies; expert requests (a one-time e-mail link); the
 * stemmed search terms of every message.
 */
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const ts = sql.raw(d.types.timestamp);
  await db.schema
    .createTable('teams')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('business_hours', 'text', (c) => c.notNull())
    .addColumn('sla', 'text', (c) => c.notNull())
    .addColumn('assignment_mode', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('default_limit', 'integer')
    .addColumn('last_assigned_user_id', 'text')
    .addColumn('archived_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('teams_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('max_open', 'integer')
    .addColumn('available', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['workspace_id', 'team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_by_user').on('team_members').columns(['workspace_id', 'user_id']).execute();

  await db.schema
    .createTable('inbox_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('default_team_id', 'text')
    .addColumn('default_priority', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('reply_rules', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  for (const [name, type] of [
    ['sla_first_due_at', ts],
    ['sla_resolution_due_at', ts],
    ['sla_due_at', ts],
    ['sla_check_at', ts],
    ['routing', sql.raw('text')],
    ['preview', sql.raw('text')],
    ['acknowledged_at', ts],
  ] as const) {
    await db.schema.alterTable('conversations').addColumn(name, type).execute();
  }
  await db.schema.alterTable('conversations').addColumn('sla_state', 'text', (c) => c.notNull().defaultTo('none')).execute();
  await db.schema.alterTable('conversations').addColumn('sla_paused', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.createIndex('conversations_by_urgency').on('conversations').columns(['workspace_id', 'status', 'sla_due_at']).execute();
  await db.schema.createIndex('conversations_by_assignee').on('conversations').columns(['workspace_id', 'assignee_id', 'status']).execute();
  await db.schema.createIndex('conversations_by_team').on('conversations').columns(['workspace_id', 'team_id', 'status']).execute();
  await db.schema.createIndex('conversations_by_contact').on('conversations').columns(['workspace_id', 'contact_id']).execute();
  await db.schema.createIndex('conversations_by_opening').on('conversations').columns(['workspace_id', 'first_message_at']).execute();
  await db.schema.createIndex('messages_by_time').on('messages').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('conversations_by_sla_check').on('conversations').columns(['sla_check_at']).execute();

  await db.schema.alterTable('messages').addColumn('search_terms', 'text').execute();
  await db.schema.alterTable('messages').addColumn('reply_id', 'text').execute();

  await db.schema
    .createTable('conversation_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_org_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_events_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('conversation_events_by_conversation').on('conversation_events').columns(['workspace_id', 'conversation_id', 'created_at']).execute();

  await db.schema
    .createTable('replies')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('in_reply_to_message_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_org_id', 'text')
    .addColumn('editor_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('approval_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', ts)
    .addColumn('sent_by', 'text')
    .addColumn('code_version', 'integer')
    .addColumn('reason_code', 'text')
    .addColumn('reason_text', 'text')
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempt_started_at', ts)
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', ts)
    .addColumn('next_attempt_at', ts)
    .addColumn('sent_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('replies_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('replies_by_conversation').on('replies').columns(['workspace_id', 'conversation_id', 'created_at']).execute();
  await db.schema.createIndex('replies_due').on('replies').columns(['state', 'next_attempt_at']).execute();

  await db.schema
    .createTable('saved_replies')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('used_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_replies_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('expert_requests')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('expert_email', 'text', (c) => c.notNull())
    .addColumn('expert_name', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('draft_text', 'text')
    .addColumn('answered_at', ts)
    .addColumn('revoked_at', ts)
    .addColumn('reply_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('expert_requests_pk', ['workspace_id', 'id'])
    .execute();
}
