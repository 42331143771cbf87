import { sql, type Kysely } from 'kysely';
import { searchTermsOf } from '../../core/inbox/search-terms';
import type { Dialect } from '../dialect';

const BACKFILL_BATCH = 500;

/** The conversation list's sort (SLA due first, soonest first; then newest activity), after each index's prefix. */
const LIST_ORDER = 'sla_due_at, last_message_at DESC, id DESC';

/**
 * Inbox search and the inbox list (issue 5): the full-text index over every message's stemmed terms (FTS5 on
 * SQLite, GIN on PostgreSQL, kept in step by the database), the terms of messages stored before it, and indexes
 * whose order is the list's order for each view (all, per assignee, per team; per status, and partial ones for
 * the open and pending conversations only), so that a page is read in index order instead of sorted. The
 * partial indexes' condition must stay textually the one repos/inbox-list.repo.ts queries with.
 */
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  for (const statement of d.searchIndexSql()) await sql.raw(statement).execute(db);

  for (let last = ''; ; ) {
    const batch = await db.selectFrom('messages').select(['id', 'subject', 'text']).where('search_terms', 'is', null).where('id', '>', last).orderBy('id').limit(BACKFILL_BATCH).execute();
    if (batch.length === 0) break;
    last = batch[batch.length - 1].id;
    for (const m of batch) {
      await db.updateTable('messages').set({ search_terms: searchTermsOf(m.subject, m.text) }).where('id', '=', m.id).execute();
    }
  }

  const open = `WHERE status IN ('open', 'pending')`;
  for (const statement of [
    `CREATE INDEX conversations_list ON conversations (workspace_id, status, ${LIST_ORDER})`,
    `CREATE INDEX conversations_list_assignee ON conversations (workspace_id, assignee_id, status, ${LIST_ORDER})`,
    `CREATE INDEX conversations_list_team ON conversations (workspace_id, team_id, status, ${LIST_ORDER})`,
    `CREATE INDEX conversations_active ON conversations (workspace_id, ${LIST_ORDER}) ${open}`,
    `CREATE INDEX conversations_active_assignee ON conversations (workspace_id, assignee_id, ${LIST_ORDER}) ${open}`,
    `CREATE INDEX conversations_active_team ON conversations (workspace_id, team_id, ${LIST_ORDER}) ${open}`,
    `CREATE INDEX replies_awaiting ON replies (workspace_id, conversation_id) WHERE state = 'awaiting_approval'`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
