import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Dialect } from '../dialect';
import type { ConversationsTable, DB } from '../schema';
import { decodeCursor, encodeCursor, segmentAfter, setKeys, walkSegment, type Cond, type Key } from './inbox-list-keys';
import type { Q } from './types';

export interface ConversationListQuery {
  workspaceId: string;
  userId: string;
  /** teams the user is a member of */
  teamIds: string[];
  view: 'mine' | 'team' | 'unassigned' | 'all';
  status: 'open' | 'pending' | 'snoozed' | 'resolved' | 'active';
  channelId?: string;
  teamId?: string;
  tag?: string;
  sentiment?: string;
  sla?: string;
  priority?: string;
  contactId?: string;
  /** From core/inbox/search-terms searchQueryOf: words (all must match one message) of alternative terms. */
  search?: string[][] | null;
  cursor?: string | null;
  limit: number;
  now: string;
}

export type ConversationListRow = ConversationsTable & {
  channel_kind: string;
  channel_name: string;
  team_name: string | null;
  assignee_name: string | null;
  contact_name: string;
  /** 0 or 1. */
  contact_vip: number;
  /** Replies of the conversation waiting for an approver. */
  awaiting_approval: number;
};

/** How a search is answered; tests and benchmarks may move the switch-over point. */
export interface ListTuning {
  /**
   * Up to this many matching messages, the page is sorted from the matching conversations; above it, the list is
   * walked in index order and each conversation checked for a matching message (cheap when matches are common).
   */
  searchSetMax: number;
}

const DEFAULT_TUNING: ListTuning = { searchSetMax: 8000 };
const MAX_LIMIT = 200;
/** Open and pending conversations: the partial list index of migration 0009 holds exactly these (same condition). */
const OPEN_OR_PENDING = sql<SqlBool>`status in ('open', 'pending')`;

/** Snoozed conversations whose time has passed: active again. The partial index of the snoozed holds these. */
const snoozedDue = (now: string): Cond => (eb) => eb.and([eb('status', '=', sql.lit('snoozed')), eb('snoozed_until', '<=', now)]);

/** Status alternatives, each answerable from one list index in list order. */
function statusParts(status: ConversationListQuery['status'], now: string): Cond[] {
  if (status !== 'active') return [(eb) => eb('status', '=', status)];
  return [() => OPEN_OR_PENDING, snoozedDue(now)];
}

/** The view as filters (none for all); null when the view cannot hold a row (the team view of someone in no team). */
function viewFilters(query: ConversationListQuery): Cond[] | null {
  const { view, userId, teamIds, teamId } = query;
  if (view === 'mine') return [(eb) => eb('assignee_id', '=', userId)];
  if (view === 'unassigned') return [(eb) => eb('assignee_id', 'is', null)];
  if (view === 'team') {
    const teams = [...new Set(teamIds)].filter((t) => !teamId || t === teamId);
    return teams.length ? [(eb) => eb('team_id', 'in', teams)] : null;
  }
  return [];
}

/**
 * The conversation has a message that matches every word, checked per conversation (a few messages each). The
 * OFFSET keeps PostgreSQL from turning this into a join over all matching messages.
 */
function hasMatchingMessage(d: Dialect, search: string[][]): Cond {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom('messages as m')
        .select(sql.lit(1).as('one'))
        .whereRef('m.workspace_id', '=', 'conversations.workspace_id')
        .whereRef('m.conversation_id', '=', 'conversations.id')
        .where(d.searchMatchSql('m', search))
        .limit(1)
        .offset(0),
    );
}

const TERM = /^[\p{L}\p{N}]+$/u;

/** The search with only well-formed terms; 'nothing' when a word has none left (it can match no message). */
function cleanSearch(search: string[][]): string[][] | 'nothing' | null {
  const words = search.map((alts) => alts.filter((t) => TERM.test(t)));
  if (words.length === 0) return null;
  return words.some((w) => w.length === 0) ? 'nothing' : words;
}

/** Filters every row must pass, besides view, status and position. */
function filtersOf(d: Dialect, query: ConversationListQuery): Cond[] {
  const out: Cond[] = [(eb) => eb('workspace_id', '=', query.workspaceId)];
  const eq = (column: 'channel_id' | 'team_id' | 'sentiment' | 'sla_state' | 'priority' | 'contact_id', value: string | undefined) => {
    if (value) out.push((eb) => eb(column, '=', value));
  };
  eq('channel_id', query.channelId);
  if (query.view !== 'team') eq('team_id', query.teamId);
  eq('sentiment', query.sentiment);
  eq('sla_state', query.sla);
  eq('priority', query.priority);
  eq('contact_id', query.contactId);
  if (query.tag) out.push(() => d.jsonArrayHasSql('conversations.tags', query.tag!));
  return out;
}

/** The full rows for `keys`, in their order. */
async function hydrate(q: Q, workspaceId: string, keys: Key[]): Promise<ConversationListRow[]> {
  if (keys.length === 0) return [];
  const rows = await q
    .selectFrom('conversations as c')
    .leftJoin('channels as ch', (j) => j.onRef('ch.id', '=', 'c.channel_id').onRef('ch.workspace_id', '=', 'c.workspace_id'))
    .leftJoin('teams as t', (j) => j.onRef('t.id', '=', 'c.team_id').onRef('t.workspace_id', '=', 'c.workspace_id'))
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .leftJoin('contacts as ct', (j) => j.onRef('ct.id', '=', 'c.contact_id').onRef('ct.workspace_id', '=', 'c.workspace_id'))
    .selectAll('c')
    .select(['ch.kind as channel_kind', 'ch.name as channel_name', 't.name as team_name', 'u.name as assignee_name', 'ct.display_name as contact_name', 'ct.vip as contact_vip'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', keys.map((k) => k.i))
    .execute();
  const waiting = await q
    .selectFrom('replies')
    .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('conversation_id', 'in', keys.map((k) => k.i))
    .where('state', '=', sql.lit('awaiting_approval'))
    .groupBy('conversation_id')
    .execute();
  const waitingBy = new Map(waiting.map((w) => [w.conversation_id, Number(w.n)]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys
    .map((k) => byId.get(k.i))
    .filter((r) => r !== undefined)
    .map((r) => ({ ...r, channel_kind: r.channel_kind ?? '', channel_name: r.channel_name ?? '', contact_name: r.contact_name ?? '', contact_vip: Number(r.contact_vip ?? 0), awaiting_approval: waitingBy.get(r.id) ?? 0 }));
}

/**
 * One page of the inbox list, sorted by SLA urgency: conversations with a running SLA clock first, soonest due
 * first (so breached ones lead), then the rest by newest activity; ties by id. Pages follow an opaque cursor
 * (keyset, not offset), so rows never repeat or go missing between pages while nothing changes. With a search,
 * only conversations with at least one message that matches every word. Throws ERR_VALIDATION on a bad cursor.
 */
export async function listConversations(q: Q, d: Dialect, query: ConversationListQuery, tuning: ListTuning = DEFAULT_TUNING): Promise<{ rows: ConversationListRow[]; nextCursor: string | null }> {
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit) || 1));
  const n = limit + 1;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const view = viewFilters(query);
  if (!view) return { rows: [], nextCursor: null };
  const alternatives = statusParts(query.status, query.now).map((status) => [status]);
  const filters = [...filtersOf(d, query), ...view];

  let setMode = !!query.contactId;
  const search = query.search ? cleanSearch(query.search) : null;
  if (search === 'nothing') return { rows: [], nextCursor: null };
  if (search) {
    // Counted the cheapest way first (possibly across workspaces), exactly in this one only when that is many.
    const countOf = async (exact: boolean) => (await d.searchCountSql(query.workspaceId, search, tuning.searchSetMax + 1, exact).execute(q)).rows[0];
    const first = await countOf(false);
    const narrow = !Number(first.exact) && Number(first.n) > tuning.searchSetMax;
    const count = Number(narrow ? (await countOf(true)).n : first.n);
    if (count === 0) return { rows: [], nextCursor: null };
    const hits = sql<SqlBool>`conversations.id in (select h.conversation_id from (${d.searchHitsSql(query.workspaceId, search, tuning.searchSetMax + 1, narrow)}) h)`;
    setMode ||= count <= tuning.searchSetMax;
    filters.push(count <= tuning.searchSetMax ? () => hits : hasMatchingMessage(d, search));
  }

  let keys: Key[];
  if (setMode) keys = await setKeys(q, after, filters, alternatives, n);
  else {
    keys = [];
    for (const seg of [0, 1] as const) {
      const position = segmentAfter(seg, after);
      if (position) keys.push(...(await walkSegment(q, seg, position, filters, alternatives, n - keys.length)));
      if (keys.length === n) break;
    }
  }
  const rows = await hydrate(q, query.workspaceId, keys.slice(0, limit));
  return { rows, nextCursor: keys.length > limit ? encodeCursor(keys[limit - 1]) : null };
}

/**
 * How many active conversations (open, pending, or snoozed until a time that has passed) each view holds for this
 * user: assigned to them, in their teams, unassigned, and all of the workspace. Each count reads one index only:
 * the 0007/0008 ones by status for the open and pending, the partial one of the snoozed (0009) for the rest.
 */
export async function countViews(q: Q, query: Pick<ConversationListQuery, 'workspaceId' | 'userId' | 'teamIds' | 'now'>): Promise<{ mine: number; team: number; unassigned: number; all: number }> {
  const teamIds = [...new Set(query.teamIds)];
  const count = (eb: ExpressionBuilder<DB, never>, view: Cond | null) => {
    const part = (status: Cond) =>
      eb
        .selectFrom('conversations')
        .select((s) => s.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', query.workspaceId)
        .where((w) => (view ? w.and([view(w), status(w)]) : status(w)));
    return sql<number>`(${part(() => OPEN_OR_PENDING)}) + (${part(snoozedDue(query.now))})`;
  };
  const r = await q
    .selectNoFrom((eb) => [
      count(eb, (s) => s('assignee_id', '=', query.userId)).as('mine'),
      (teamIds.length ? count(eb, (s) => s('team_id', 'in', teamIds)) : sql<number>`0`).as('team'),
      count(eb, (s) => s('assignee_id', 'is', null)).as('unassigned'),
      count(eb, null).as('all'),
    ])
    .executeTakeFirstOrThrow();
  return { mine: Number(r.mine), team: Number(r.team), unassigned: Number(r.unassigned), all: Number(r.all) };
}
