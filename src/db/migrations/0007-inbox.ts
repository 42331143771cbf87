import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The inbox (issue 5): contacts (one person across channels, an identity per channel), conversations (one per
 * platform thread: a comment thread, a DM thread, an e-mail thread) and messages (unique on channel + remote id,
 * so retries and overlapping polls never make duplicates). Built from inbound items in the same transaction.
 */
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const ts = sql.raw(d.types.timestamp);
  await db.schema
    .createTable('contacts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('vip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('contact_identities')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('handle', 'text')
    .addColumn('display_name', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_identities_pk', ['workspace_id', 'channel_id', 'remote_id'])
    .execute();
  await db.schema.createIndex('contact_identities_by_contact').on('contact_identities').columns(['workspace_id', 'contact_id']).execute();

  await db.schema
    .createTable('conversations')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('thread_remote_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('snoozed_until', ts)
    .addColumn('team_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('language', 'text')
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_message_at', ts, (c) => c.notNull())
    .addColumn('last_message_at', ts, (c) => c.notNull())
    .addColumn('last_inbound_at', ts)
    .addColumn('first_response_at', ts)
    .addColumn('resolved_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('conversations_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('conversations_by_thread').on('conversations').columns(['workspace_id', 'channel_id', 'thread_remote_id']).unique().execute();
  await db.schema.createIndex('conversations_by_activity').on('conversations').columns(['workspace_id', 'status', 'last_message_at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('author_user_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('subject', 'text')
    .addColumn('url', 'text')
    .addColumn('language', 'text')
    .addColumn('sentiment', 'text')
    .addColumn('sentiment_score', 'real')
    .addColumn('reply_ref', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('messages_pk', ['workspace_id', 'channel_id', 'remote_id'])
    .execute();
  await db.schema.createIndex('messages_by_conversation').on('messages').columns(['workspace_id', 'conversation_id', 'created_at']).execute();
}
