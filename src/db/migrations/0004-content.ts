import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Content and the way out: the organization's code (versions, proposals), publishing settings and the hold switch,
 * briefs, campaigns, posts with their versions and per-channel variants, reviews, publish attempts, per-channel rate
 * buckets, notifications and media. Due work lives in `variants` itself (state + due time + lease).
 */
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const ts = sql.raw(d.types.timestamp);

  await db.schema
    .createTable('code_versions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('clauses', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('proposal_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('code_versions_pk', ['workspace_id', 'version'])
    .execute();

  await db.schema
    .createTable('code_proposals')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('clauses', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('proposed_org_id', 'text', (c) => c.notNull())
    .addColumn('proposed_at', ts, (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', ts)
    .addColumn('decision_note', 'text')
    .addPrimaryKeyConstraint('code_proposals_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('publishing_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('review_rules', 'text', (c) => c.notNull())
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hold_reason', 'text')
    .addColumn('held_by', 'text')
    .addColumn('held_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('briefs')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('key_message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('channel_ids', 'text', (c) => c.notNull())
    .addColumn('timing', 'text', (c) => c.notNull())
    .addColumn('wanted_by', ts)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('briefs_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('brief_comments')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_org_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('brief_comments_pk', ['workspace_id', 'brief_id', 'id'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('pillar', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('archived_at', ts)
    .addPrimaryKeyConstraint('campaigns_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('brief_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_org_id', 'text', (c) => c.notNull())
    .addColumn('review_state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('approved_version', 'integer')
    .addColumn('scheduled_at', ts)
    .addColumn('scheduled_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .addPrimaryKeyConstraint('posts_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('posts_by_brief').on('posts').columns(['workspace_id', 'brief_id']).execute();

  await db.schema
    .createTable('post_versions')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_org_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('post_versions_pk', ['workspace_id', 'post_id', 'version'])
    .execute();

  await db.schema
    .createTable('variants')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('due_at', ts)
    .addColumn('next_attempt_at', ts)
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', ts)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('published_at', ts)
    .addColumn('reason_code', 'text')
    .addColumn('reason_text', 'text')
    .addColumn('features', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('variants_pk', ['workspace_id', 'post_id', 'id'])
    .execute();
  await db.schema.createIndex('variants_due').on('variants').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('variants_calendar').on('variants').columns(['workspace_id', 'due_at']).execute();
  await db.schema.createIndex('variants_post_channel').on('variants').columns(['post_id', 'channel_id']).unique().execute();

  await db.schema
    .createTable('publish_attempts')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .addColumn('outcome', 'text')
    .addColumn('remote_id', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('publish_attempts_pk', ['workspace_id', 'variant_id', 'n'])
    .execute();

  await db.schema
    .createTable('post_reviews')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_org_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('clause_id', 'text')
    .addColumn('suggestion', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('post_reviews_pk', ['workspace_id', 'post_id', 'id'])
    .execute();

  await db.schema
    .createTable('channel_buckets')
    .addColumn('channel_id', 'text', (c) => c.primaryKey())
    .addColumn('tokens', 'real', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('blocked_until', ts)
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .addPrimaryKeyConstraint('notifications_pk', ['user_id', 'id'])
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('media_pk', ['workspace_id', 'id'])
    .execute();
}
