import { sql, type Kysely } from 'kysely';
import { searchTermsOf } from '../../core/inbox/search-terms';
import type { Dialect } from '../dialect';

const BACKFILL_BATCH = 500;

/** The conversation list's order (a running SLA clock first, soonest due first; then newest activity; then id). */
const LIST_ORDER = 'sla_due_at, last_message_at DESC, id DESC';

/**
 * Inbox search and the inbox list (issue 5): the full-text index over every message's stemmed terms (FTS5 on
 * SQLite, a GIN-indexed side table on PostgreSQL, kept in step by the database), the terms of messages stored
 * before it, and partial indexes: the open and pending conversations in list order (a page is read in index
 * order, not sorted), the snoozed ones by wake-up time (for the active counts), the replies awaiting approval.
 * Their conditions are the ones repos/inbox-list.repo.ts queries with, as literals; keep them equal.
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

  // The list's hot path, partial so that resolved conversations (most of them, in time) cost nothing here: the
  // open and pending conversations, and the snoozed ones, each in list order. The view filters (and the wake-up
  // time) trail the order, so they are checked on the index before a row is read; the counts read only these.
  // Explicit-status views use the 0007/0008 indexes by status.
  const trail = 'assignee_id, team_id, channel_id';
  await sql.raw(`CREATE INDEX conversations_active ON conversations (workspace_id, ${LIST_ORDER}, ${trail}) WHERE status IN ('open', 'pending')`).execute(db);
  await sql.raw(`CREATE INDEX conversations_snoozed ON conversations (workspace_id, ${LIST_ORDER}, snoozed_until, ${trail}) WHERE status = 'snoozed'`).execute(db);
  await sql.raw(`CREATE INDEX replies_awaiting ON replies (workspace_id, conversation_id) WHERE state = 'awaiting_approval'`).execute(db);
}
