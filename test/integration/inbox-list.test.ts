import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchQueryOf, searchTermsOf } from '../../src/core/inbox/search-terms';
import { countViews, listConversations, type ConversationListQuery } from '../../src/db/repos/inbox-list.repo';
import type { ConversationsTable, MessagesTable } from '../../src/db/schema';
import { setupOwner } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';

const NOW = '2026-06-01T12:00:00.000Z';
const at = (hhmm: string) => `2026-06-01T${hhmm}:00.000Z`;

describe.skipIf(pgUnavailable())(`inbox list: views, filters, urgency order, cursor pages and search (${testDb()})`, () => {
  let t: TestApp;
  let ws: string;
  let owner: string;
  const other = 'u-other';
  const otherWs = 'ws-other';

  const conv = (id: string, over: Partial<ConversationsTable>, workspace = ws): ConversationsTable => ({
    workspace_id: workspace,
    id,
    channel_id: 'ch-a',
    thread_remote_id: `thread-${id}`,
    contact_id: 'k1',
    kind: 'comment',
    subject: null,
    status: 'open',
    snoozed_until: null,
    team_id: null,
    assignee_id: null,
    priority: 'normal',
    tags: '[]',
    language: 'nl',
    sentiment: 'neutral',
    message_count: 1,
    first_message_at: at('07:00'),
    last_message_at: at('07:00'),
    last_inbound_at: null,
    first_response_at: null,
    resolved_at: null,
    created_at: at('07:00'),
    updated_at: at('07:00'),
    sla_first_due_at: null,
    sla_resolution_due_at: null,
    sla_due_at: null,
    sla_state: 'none',
    sla_paused: '[]',
    routing: null,
    preview: null,
    acknowledged_at: null,
    sla_check_at: null,
    ...over,
  });
  let seq = 0;
  const msg = (conversationId: string, text: string, workspace = ws, subject: string | null = null): MessagesTable => ({
    workspace_id: workspace,
    id: `m${++seq}`,
    conversation_id: conversationId,
    channel_id: 'ch-a',
    remote_id: `r${seq}`,
    direction: 'in',
    kind: 'comment',
    contact_id: 'k1',
    author_user_id: null,
    text,
    html: null,
    subject,
    url: null,
    language: null,
    sentiment: null,
    sentiment_score: null,
    reply_ref: null,
    created_at: at('07:00'),
    received_at: at('07:00'),
    search_terms: searchTermsOf(subject, text),
    reply_id: null,
  });

  const base = (): ConversationListQuery => ({ workspaceId: ws, userId: owner, teamIds: ['t1'], view: 'all', status: 'active', limit: 50, now: NOW });
  const list = async (over: Partial<ConversationListQuery> = {}, searchSetMax?: number) => {
    const r = await listConversations(t.app.db, t.app.conn.dialect, { ...base(), ...over }, searchSetMax === undefined ? undefined : { searchSetMax });
    return r;
  };
  const ids = async (over: Partial<ConversationListQuery> = {}) => (await list(over)).rows.map((r) => r.id);
  /** Runs a search both ways (sorted from the hits, and walking the list probing each conversation); both must agree. */
  const search = async (q: string, over: Partial<ConversationListQuery> = {}) => {
    const query = searchQueryOf(q);
    const fromHits = (await list({ ...over, search: query })).rows.map((r) => r.id);
    const walked = (await list({ ...over, search: query }, 0)).rows.map((r) => r.id);
    expect(walked, `walked search for ${q}`).toEqual(fromHits);
    return fromHits;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ ws, ownerId: owner } = await setupOwner(t.http));
    const db = t.app.db;
    await db.insertInto('users').values({ id: other, email: 'ander@gemeente.nl', name: 'Anna Ander', password_hash: 'x', locale: null, created_at: NOW, updated_at: NOW, is_admin: 0 }).execute();
    const org = (await db.selectFrom('workspaces').select('organization_id').where('id', '=', ws).executeTakeFirstOrThrow()).organization_id;
    await db.insertInto('workspaces').values({ id: otherWs, organization_id: org, name: 'Elders', created_at: NOW }).execute();
    const channel = (id: string, kind: string, name: string, workspace = ws) => ({ workspace_id: workspace, id, kind, name, account_remote_id: id, account_handle: id, account_display_name: name, avatar_url: null, service_url: null, status: 'healthy', status_detail: null, rate_limited_until: null, last_sync_at: null, last_error_at: null, credentials: 'x', credentials_version: 1, refresh_lease_until: null, inbound_cursor: null, created_by: owner, created_at: NOW, disconnected_at: null, language: null });
    await db.insertInto('channels').values([channel('ch-a', 'facebook', 'Facebook-pagina'), channel('ch-b', 'email', 'Info-mailbox'), channel('ch-x', 'email', 'Elders', otherWs)]).execute();
    const team = (id: string, name: string) => ({ workspace_id: ws, id, name, description: '', business_hours: '{}', sla: '{}', assignment_mode: 'manual', default_limit: null, last_assigned_user_id: null, archived_at: null, created_at: NOW, updated_at: NOW });
    await db.insertInto('teams').values([team('t1', 'Klantenservice'), team('t2', 'Pers')]).execute();
    const contact = (id: string, name: string, vip: number, workspace = ws) => ({ workspace_id: workspace, id, display_name: name, email: null, tags: '[]', vip, merged_into: null, created_at: NOW, updated_at: NOW });
    await db.insertInto('contacts').values([contact('k1', 'Jan Jansen', 1), contact('k2', 'Amy Smith', 0), contact('k3', 'Piet Pers', 0), contact('kx', 'Elders', 0, otherWs)]).execute();

    await db
      .insertInto('conversations')
      .values([
        conv('c01', { sla_due_at: at('10:00'), last_message_at: at('09:00'), assignee_id: owner, team_id: 't1', tags: '["klacht"]', sentiment: 'negative', sla_state: 'breached', priority: 'high' }),
        conv('c02', { sla_due_at: at('13:00'), last_message_at: at('11:00'), team_id: 't1', channel_id: 'ch-b', sla_state: 'ok', contact_id: 'k2' }),
        conv('c03', { status: 'pending', sla_due_at: at('13:00'), last_message_at: at('11:30'), assignee_id: other, team_id: 't2', tags: '["pers"]', sla_state: 'warning', contact_id: 'k3' }),
        conv('c04', { last_message_at: at('11:55'), sentiment: 'positive', priority: 'low' }),
        conv('c05', { status: 'snoozed', snoozed_until: at('11:00'), last_message_at: at('08:00'), assignee_id: owner, team_id: 't1', channel_id: 'ch-b', contact_id: 'k2' }),
        conv('c06', { status: 'snoozed', snoozed_until: at('15:00'), last_message_at: at('11:59'), channel_id: 'ch-b' }),
        conv('c07', { status: 'resolved', last_message_at: at('11:58'), resolved_at: at('11:58') }),
        conv('c08', { last_message_at: at('11:55'), assignee_id: other, team_id: 't2', contact_id: 'k3' }),
        conv('c09', { status: 'pending', sla_due_at: at('09:00'), last_message_at: at('07:00'), assignee_id: owner, team_id: 't2', tags: '["klacht","vip\\"quote","100%_zeker"]', sentiment: 'negative', sla_state: 'breached', priority: 'urgent', contact_id: 'k2' }),
        conv('c10', { channel_id: 'ch-x', contact_id: 'kx', tags: '["klacht"]' }, otherWs),
      ])
      .execute();
    await db
      .insertInto('messages')
      .values([
        msg('c01', 'Ik heb een klacht over het afval'),
        msg('c02', 'The bins were not collected, I want to file a complaint'),
        msg('c03', 'vraag over de terrasvergunning', ws, 'Café De Kroon'),
        msg('c04', 'Mijn paspoort is verlopen, postcode 1234AB'),
        msg('c05', 'Afval en containers'),
        msg('c06', 'Nog meer klachten'),
        msg('c07', 'Complaints about the bins'),
        msg('c09', 'Het afval ligt er nog'),
        msg('c09', 'En de containers zijn vol'),
        msg('c10', 'Een klacht elders', otherWs),
      ])
      .execute();
    const reply = (id: string, state: string) => ({ workspace_id: ws, id, conversation_id: 'c01', channel_id: 'ch-a', in_reply_to_message_id: 'm1', text: 'Sorry!', source: 'agent', author_id: owner, author_org_id: null, editor_ids: '[]', state, approval_reasons: '[]', approved_by: null, approved_at: null, sent_by: null, code_version: null, reason_code: null, reason_text: null, remote_id: null, remote_url: null, attempts: 0, attempt_started_at: null, lease_owner: null, lease_until: null, next_attempt_at: null, sent_at: null, created_at: NOW, updated_at: NOW });
    await db.insertInto('replies').values([reply('r1', 'awaiting_approval'), reply('r2', 'awaiting_approval'), reply('r3', 'sent')]).execute();
  });
  afterAll(() => t?.close());

  it('lists the active conversations by urgency: running clocks soonest first, then newest activity, ties by id', async () => {
    expect(await ids()).toEqual(['c09', 'c01', 'c03', 'c02', 'c08', 'c04', 'c05']);
  });

  it('joins channel, team, assignee, contact and the replies awaiting approval', async () => {
    const rows = (await list()).rows;
    expect(rows.find((r) => r.id === 'c01')).toMatchObject({ channel_kind: 'facebook', channel_name: 'Facebook-pagina', team_name: 'Klantenservice', assignee_name: 'Olga Owner', contact_name: 'Jan Jansen', contact_vip: 1, awaiting_approval: 2, tags: '["klacht"]', sla_due_at: at('10:00') });
    expect(rows.find((r) => r.id === 'c04')).toMatchObject({ channel_kind: 'facebook', team_name: null, assignee_name: null, contact_name: 'Jan Jansen', awaiting_approval: 0 });
    expect(rows.find((r) => r.id === 'c08')).toMatchObject({ team_name: 'Pers', assignee_name: 'Anna Ander', contact_name: 'Piet Pers', contact_vip: 0, awaiting_approval: 0 });
  });

  it('filters by view', async () => {
    expect(await ids({ view: 'mine' })).toEqual(['c09', 'c01', 'c05']);
    expect(await ids({ view: 'mine', userId: other })).toEqual(['c03', 'c08']);
    expect(await ids({ view: 'team' })).toEqual(['c01', 'c02', 'c05']);
    expect(await ids({ view: 'team', teamIds: ['t1', 't2', 't1'] })).toEqual(['c09', 'c01', 'c03', 'c02', 'c08', 'c05']);
    expect(await ids({ view: 'team', teamIds: [] })).toEqual([]);
    expect(await ids({ view: 'team', teamIds: ['t1', 't2'], teamId: 't2' })).toEqual(['c09', 'c03', 'c08']);
    expect(await ids({ view: 'team', teamIds: ['t1'], teamId: 't2' })).toEqual([]);
    expect(await ids({ view: 'unassigned' })).toEqual(['c02', 'c04']);
  });

  it('filters by status; active counts snoozed ones only once their time has passed', async () => {
    expect(await ids({ status: 'open' })).toEqual(['c01', 'c02', 'c08', 'c04']);
    expect(await ids({ status: 'pending' })).toEqual(['c09', 'c03']);
    expect(await ids({ status: 'snoozed' })).toEqual(['c06', 'c05']);
    expect(await ids({ status: 'resolved' })).toEqual(['c07']);
    expect(await ids({ now: at('16:00') })).toEqual(['c09', 'c01', 'c03', 'c02', 'c06', 'c08', 'c04', 'c05']);
  });

  it('filters by channel, team, tag, sentiment, SLA state, priority and contact', async () => {
    expect(await ids({ channelId: 'ch-b' })).toEqual(['c02', 'c05']);
    expect(await ids({ channelId: 'ch-x' })).toEqual([]);
    expect(await ids({ teamId: 't2' })).toEqual(['c09', 'c03', 'c08']);
    expect(await ids({ tag: 'klacht' })).toEqual(['c09', 'c01']);
    expect(await ids({ tag: 'vip"quote' })).toEqual(['c09']);
    expect(await ids({ tag: '100%_zeker' })).toEqual(['c09']);
    for (const tag of ['klac', 'Klacht', '%', '_', '"klacht"', 'klacht","pers']) expect(await ids({ tag }), tag).toEqual([]);
    expect(await ids({ sentiment: 'negative' })).toEqual(['c09', 'c01']);
    expect(await ids({ sla: 'breached' })).toEqual(['c09', 'c01']);
    expect(await ids({ sla: 'none' })).toEqual(['c08', 'c04', 'c05']);
    expect(await ids({ priority: 'urgent' })).toEqual(['c09']);
    expect(await ids({ contactId: 'k2' })).toEqual(['c09', 'c02', 'c05']);
    expect(await ids({ contactId: 'k2', view: 'mine' })).toEqual(['c09', 'c05']);
    expect(await ids({ contactId: 'kx' })).toEqual([]);
    expect(await ids({ channelId: 'ch-a', sentiment: 'negative', view: 'mine', tag: 'klacht' })).toEqual(['c09', 'c01']);
  });

  it('never shows another workspace’s conversations', async () => {
    expect(await ids({ workspaceId: otherWs })).toEqual(['c10']);
    expect(await ids({ status: 'open' })).not.toContain('c10');
    expect(await search('klacht')).toEqual(['c01']);
    // Three matching messages in all, two in this workspace: counted again in this one, then sorted from the hits.
    expect((await list({ search: searchQueryOf('klacht'), status: 'snoozed' }, 2)).rows.map((r) => r.id)).toEqual(['c06']);
    expect((await list({ search: searchQueryOf('elders') }, 0)).rows).toEqual([]);
  });

  it('counts the active conversations per view', async () => {
    expect(await countViews(t.app.db, { workspaceId: ws, userId: owner, teamIds: ['t1'], now: NOW })).toEqual({ mine: 3, team: 3, unassigned: 2, all: 7 });
    expect(await countViews(t.app.db, { workspaceId: ws, userId: other, teamIds: [], now: at('16:00') })).toEqual({ mine: 2, team: 0, unassigned: 3, all: 8 });
  });

  it('pages with a cursor across both segments and ties, without gaps or repeats', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const r = await list({ limit: 2, cursor });
      pages.push(r.rows.map((x) => x.id));
      cursor = r.nextCursor;
    } while (cursor);
    expect(pages).toEqual([['c09', 'c01'], ['c03', 'c02'], ['c08', 'c04'], ['c05']]);
    const exact = await list({ limit: 7 });
    expect(exact.rows).toHaveLength(7);
    expect(exact.nextCursor).toBeNull();
  });

  it('refuses a forged or broken cursor', async () => {
    for (const cursor of ['nope', Buffer.from('{"i":1}').toString('base64url'), Buffer.from('[]').toString('base64url'), Buffer.from('null').toString('base64url')]) {
      await expect(list({ cursor }), cursor).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    }
  });

  it('searches Dutch and English stems, accents and numbers, all words in one message', async () => {
    expect(await search('klachten')).toEqual(['c01']);
    expect(await search('klachten', { status: 'snoozed' })).toEqual(['c06']);
    expect(await search('complaints')).toEqual(['c02']);
    expect(await search('complaint', { status: 'resolved' })).toEqual(['c07']);
    expect(await search('cafe')).toEqual(['c03']);
    expect(await search('CAFÉ kroon')).toEqual(['c03']);
    expect(await search('1234ab')).toEqual(['c04']);
    expect(await search('afval')).toEqual(['c09', 'c01', 'c05']);
    expect(await search('afval containers')).toEqual(['c05']);
    expect(await search('afval', { view: 'mine', channelId: 'ch-b' })).toEqual(['c05']);
    expect(await search('afval', { contactId: 'k2' })).toEqual(['c09', 'c05']);
    expect(await search('onbekendwoord')).toEqual([]);
    expect(await search('afval onbekendwoord')).toEqual([]);
  });

  it('pages through search results', async () => {
    for (const searchSetMax of [undefined, 0]) {
      const first = await list({ search: searchQueryOf('afval'), limit: 2 }, searchSetMax);
      expect(first.rows.map((r) => r.id)).toEqual(['c09', 'c01']);
      const second = await list({ search: searchQueryOf('afval'), limit: 2, cursor: first.nextCursor }, searchSetMax);
      expect(second.rows.map((r) => r.id)).toEqual(['c05']);
      expect(second.nextCursor).toBeNull();
    }
  });

  it('takes hostile queries as plain words and never throws', async () => {
    for (const q of ['"a" OR * NEAR(', "'; DROP TABLE messages; --", 'a:b & !c | d <-> e', '\\" \'\' ^ " ( ) { } [ ] -afval', 'NOT afval', 'afval*']) {
      const query = searchQueryOf(q);
      if (query) await expect(list({ search: query }), q).resolves.toBeDefined();
      if (query) await expect(list({ search: query }, 0), q).resolves.toBeDefined();
    }
    expect(await ids({ search: [['af val'], ['"afval"']] })).toEqual([]);
    expect(await ids({ search: [[]] })).toEqual([]);
    expect(await ids({ search: [['afval', "a'); --"]] })).toEqual(['c09', 'c01', 'c05']);
    expect(await ids({ search: [] })).toEqual(await ids());
    expect(await search('"afval" OR * NEAR(')).toEqual([]);
    expect(await search('NOT afval')).toEqual([]);
    expect(await search('afval*')).toEqual(['c09', 'c01', 'c05']);
    expect(await t.app.db.selectFrom('messages').select('id').execute()).toHaveLength(10);
  });

  it('keeps the index in step when a message is changed or deleted', async () => {
    const m = msg('c04', 'Een vraag over de hondenbelasting');
    await t.app.db.insertInto('messages').values(m).execute();
    expect(await search('hondenbelasting')).toEqual(['c04']);
    await t.app.db.updateTable('messages').set({ search_terms: searchTermsOf(null, 'Een vraag over de parkeervergunning') }).where('id', '=', m.id).execute();
    expect(await search('hondenbelasting')).toEqual([]);
    expect(await search('parkeervergunningen')).toEqual(['c04']);
    await t.app.db.updateTable('messages').set({ search_terms: null }).where('id', '=', m.id).execute();
    expect(await search('parkeervergunning')).toEqual([]);
    await t.app.db.updateTable('messages').set({ search_terms: searchTermsOf(null, 'parkeervergunning') }).where('id', '=', m.id).execute();
    expect(await search('parkeervergunning')).toEqual(['c04']);
    await t.app.db.deleteFrom('messages').where('id', '=', m.id).execute();
    expect(await search('parkeervergunning')).toEqual([]);
  });

  it('orders a larger list exactly, page by page, with many equal due times and activity times', async () => {
    const big = 'ws-big';
    const org = (await t.app.db.selectFrom('workspaces').select('organization_id').where('id', '=', ws).executeTakeFirstOrThrow()).organization_id;
    await t.app.db.insertInto('workspaces').values({ id: big, organization_id: org, name: 'Groot', created_at: NOW }).execute();
    const rows: ConversationsTable[] = [];
    let r = 7;
    const rand = (n: number) => (r = (r * 48271) % 2147483647) % n;
    for (let i = 0; i < 137; i++) {
      const due = rand(3) === 0 ? null : at(`${String(8 + rand(3)).padStart(2, '0')}:00`);
      rows.push(conv(`b${String(rand(1000)).padStart(3, '0')}-${i}`, { status: ['open', 'pending', 'resolved'][rand(3)], sla_due_at: due, last_message_at: at(`${String(6 + rand(2)).padStart(2, '0')}:${String(rand(2) * 30).padStart(2, '0')}`) }, big));
    }
    await t.app.db.insertInto('conversations').values(rows).execute();
    const expected = rows
      .filter((c) => c.status !== 'resolved')
      .sort((a, b) => (a.sla_due_at === null ? 1 : 0) - (b.sla_due_at === null ? 1 : 0) || (a.sla_due_at ?? '').localeCompare(b.sla_due_at ?? '') || b.last_message_at.localeCompare(a.last_message_at) || (a.id < b.id ? 1 : -1))
      .map((c) => c.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ workspaceId: big, limit: 10, cursor });
      seen.push(...page.rows.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});
