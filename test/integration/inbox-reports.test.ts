import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationsTable, MessagesTable, RepliesTable } from '../../src/db/schema';
import { buildHttpApp } from '../../src/http/app';
import { allRoutes } from '../../src/http/routes';
import { inboxReportRoutes } from '../../src/http/routes/inbox-reports.routes';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

const OFFICE = { timeZone: 'Europe/Amsterdam', week: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })), closedDates: [] };

describe.skipIf(pgUnavailable())(`inbox reports: volume, times, attainment, topics, who answered, CSV (${testDb()})`, () => {
  let t: TestApp;
  let http: FastifyInstance;
  let w: World;
  let second: { id: string };
  let orgId: string;
  const report = (query = 'from=2026-03-01&to=2026-03-09') => w.owner.get(`/api/workspaces/${w.ws}/inbox/reports?${query}`);

  const conversation = async (id: string, over: Partial<ConversationsTable>) => {
    const at = over.first_message_at!;
    const row: ConversationsTable = {
      workspace_id: w.ws, id, channel_id: w.channel.id, thread_remote_id: `thread-${id}`, contact_id: 'someone', kind: 'comment', subject: null, status: 'open',
      snoozed_until: null, team_id: null, assignee_id: null, priority: 'normal', tags: '[]', language: 'nl', sentiment: 'neutral', message_count: 1,
      first_message_at: at, last_message_at: at, last_inbound_at: at, first_response_at: null, resolved_at: null, created_at: at, updated_at: at,
      sla_first_due_at: null, sla_resolution_due_at: null, sla_due_at: null, sla_check_at: null, sla_state: 'none', sla_paused: '[]', routing: null, preview: null, acknowledged_at: null,
      ...over,
    };
    await t.app.db.insertInto('conversations').values(row).execute();
  };
  let seq = 0;
  const message = async (conversationId: string, direction: 'in' | 'out', text: string, createdAt: string, over: Partial<MessagesTable> = {}) => {
    seq++;
    const row: MessagesTable = {
      workspace_id: w.ws, id: `m${seq}`, conversation_id: conversationId, channel_id: w.channel.id, remote_id: `r${seq}`, direction, kind: 'comment', contact_id: null,
      author_user_id: null, text, html: null, subject: null, url: null, language: 'nl', sentiment: null, sentiment_score: null, reply_ref: null,
      created_at: createdAt, received_at: createdAt, search_terms: null, reply_id: null, ...over,
    };
    await t.app.db.insertInto('messages').values(row).execute();
  };
  const reply = async (conversationId: string, authorOrgId: string | null, sentAt: string, source = 'agent') => {
    const id = `reply-${++seq}`;
    const row: RepliesTable = {
      workspace_id: w.ws, id, conversation_id: conversationId, channel_id: w.channel.id, in_reply_to_message_id: 'x', text: 'Antwoord', source, author_id: null,
      author_org_id: authorOrgId, editor_ids: '[]', state: 'sent', approval_reasons: '[]', approved_by: null, approved_at: null, sent_by: null, code_version: null,
      reason_code: null, reason_text: null, remote_id: null, remote_url: null, attempts: 1, attempt_started_at: null, lease_owner: null, lease_until: null,
      next_attempt_at: null, sent_at: sentAt, created_at: sentAt, updated_at: sentAt,
    };
    await t.app.db.insertInto('replies').values(row).execute();
    await message(conversationId, 'out', 'Antwoord', sentAt, { reply_id: id });
  };

  beforeAll(async () => {
    t = await createTestApp();
    const extra = inboxReportRoutes.filter((r) => !allRoutes.includes(r));
    http = await buildHttpApp(t.app, { webDir: null, routes: [...allRoutes, ...extra] });
    await http.ready();
    w = await buildWorld(http, t.app);
    second = (await w.owner.post(`/api/workspaces/${w.ws}/channels`, { kind: 'sandbox', credentials: { name: 'Tweede kanaal' } })).body;
    orgId = (await t.app.db.selectFrom('workspaces').select('organization_id').where('id', '=', w.ws).executeTakeFirstOrThrow()).organization_id;
    const now = '2026-03-01T00:00:00.000Z';
    await t.app.db
      .insertInto('teams')
      .values({ workspace_id: w.ws, id: 'team-service', name: 'Service', description: '', business_hours: JSON.stringify(OFFICE), sla: '{}', assignment_mode: 'manual', default_limit: null, last_assigned_user_id: null, archived_at: null, created_at: now, updated_at: now })
      .execute();

    // Monday 09:00 local: answered after 30 minutes (met), resolved after 120 (missed).
    await conversation('c1', {
      team_id: 'team-service', sentiment: 'negative', tags: '["afval","klacht"]', subject: '=HYPERLINK("http://evil")', status: 'resolved',
      first_message_at: '2026-03-02T08:00:00.000Z', first_response_at: '2026-03-02T08:30:00.000Z', resolved_at: '2026-03-02T10:00:00.000Z',
      sla_first_due_at: '2026-03-02T09:00:00.000Z', sla_resolution_due_at: '2026-03-02T09:30:00.000Z',
    });
    await message('c1', 'in', 'Het afval ligt nog op straat', '2026-03-02T08:00:00.000Z');
    await reply('c1', w.agency.id, '2026-03-02T08:30:00.000Z');
    await reply('c1', orgId, '2026-03-02T09:00:00.000Z');
    // Friday 16:30 local, answered Monday 09:15: 45 business minutes, after its due time.
    await conversation('c2', {
      team_id: 'team-service', channel_id: second.id, kind: 'direct_message', tags: '["afval"]', subject: 'Ophalen',
      first_message_at: '2026-03-06T15:30:00.000Z', first_response_at: '2026-03-09T08:15:00.000Z', sla_first_due_at: '2026-03-09T08:00:00.000Z',
    });
    await message('c2', 'in', 'Wanneer wordt het afval opgehaald?', '2026-03-06T15:30:00.000Z', { channel_id: second.id });
    await reply('c2', orgId, '2026-03-09T08:15:00.000Z');
    // No team: plain minutes. 00:30 local on 4 March (still 3 March in UTC); answered outside Regie.
    await conversation('c3', { kind: 'mention', sentiment: 'positive', first_message_at: '2026-03-03T23:30:00.000Z', first_response_at: '2026-03-04T00:30:00.000Z' });
    await message('c3', 'in', 'Mooi park! https://afval.example/straat @afval', '2026-03-03T23:30:00.000Z');
    await message('c3', 'out', 'Dank je!', '2026-03-04T00:30:00.000Z');
    // Never answered, past its due time: missed. Only Regie's own acknowledgement went out.
    await conversation('c6', { sentiment: 'negative', first_message_at: '2026-03-04T12:00:00.000Z', sla_first_due_at: '2026-03-04T13:00:00.000Z' });
    await message('c6', 'in', 'Afval overal in de straat', '2026-03-04T12:00:00.000Z');
    await reply('c6', null, '2026-03-04T12:01:00.000Z', 'auto_ack');
    // Outside the period, and in another workspace: not counted.
    await conversation('c4', { first_message_at: '2026-02-20T10:00:00.000Z', first_response_at: '2026-02-20T10:05:00.000Z' });
    await message('c4', 'in', 'Afval afval straat straat', '2026-02-20T10:00:00.000Z');
    await conversation('c5', { workspace_id: w.wsB, channel_id: w.foreignChannel.id, first_message_at: '2026-03-02T10:00:00.000Z' });
    await message('c5', 'in', 'straat straat', '2026-03-02T10:00:00.000Z', { workspace_id: w.wsB, channel_id: w.foreignChannel.id });
  });
  afterAll(async () => {
    await http?.close();
    await t?.close();
  });

  it('reports volume per local day and per group', async () => {
    const r = await report();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-03-01', to: '2026-03-09', timeZone: 'Europe/Amsterdam' });
    const v = r.body.volume;
    expect(v.total).toBe(4);
    expect(v.byDay).toEqual(
      [['01', 0], ['02', 1], ['03', 0], ['04', 2], ['05', 0], ['06', 1], ['07', 0], ['08', 0], ['09', 0]].map(([d, count]) => ({ date: `2026-03-${d}`, count })),
    );
    expect(v.byChannel).toEqual([
      { key: w.channel.id, label: 'Testdorp sandbox', count: 3 },
      { key: second.id, label: 'Tweede kanaal', count: 1 },
    ]);
    expect(v.byKind).toEqual([
      { key: 'comment', label: 'comment', count: 2 },
      { key: 'direct_message', label: 'direct_message', count: 1 },
      { key: 'mention', label: 'mention', count: 1 },
    ]);
    expect(v.byTeam).toEqual([
      { key: 'none', label: 'No team', count: 2 },
      { key: 'team-service', label: 'Service', count: 2 },
    ]);
    expect(v.byTag).toEqual([
      { key: 'afval', label: 'afval', count: 2 },
      { key: 'klacht', label: 'klacht', count: 1 },
    ]);
    expect(v.bySentiment).toEqual([
      { key: 'negative', label: 'negative', count: 2 },
      { key: 'neutral', label: 'neutral', count: 1 },
      { key: 'positive', label: 'positive', count: 1 },
    ]);
  });

  it('reports times in business minutes of the team (plain without), attainment, topics and who answered', async () => {
    const r = (await report()).body;
    expect(r.firstResponse).toEqual({ count: 3, medianMinutes: 45, p90Minutes: 60 });
    expect(r.resolution).toEqual({ count: 1, medianMinutes: 120, p90Minutes: 120 });
    expect(r.attainment.firstResponse).toBeCloseTo(1 / 3);
    expect(r.attainment.resolution).toBe(0);
    expect(r.topTopics).toEqual([
      { term: 'afval', count: 3 },
      { term: 'straat', count: 2 },
    ]);
    expect(r.answeredBy).toEqual([
      { orgId, orgName: 'Gemeente Testdorp', isAgency: false, replies: 2, conversations: 1, medianFirstResponseMinutes: 45 },
      { orgId: w.agency.id, orgName: 'Bureau Helder', isAgency: true, replies: 1, conversations: 1, medianFirstResponseMinutes: 30 },
    ]);
    expect(r.conversations).toEqual([
      { id: 'c2', channelName: 'Tweede kanaal', subject: 'Ophalen', teamName: 'Service', status: 'open', firstResponseMinutes: 45, resolutionMinutes: null, answeredByOrg: 'Gemeente Testdorp' },
      { id: 'c6', channelName: 'Testdorp sandbox', subject: null, teamName: null, status: 'open', firstResponseMinutes: null, resolutionMinutes: null, answeredByOrg: null },
      { id: 'c3', channelName: 'Testdorp sandbox', subject: null, teamName: null, status: 'open', firstResponseMinutes: 60, resolutionMinutes: null, answeredByOrg: null },
      { id: 'c1', channelName: 'Testdorp sandbox', subject: '=HYPERLINK("http://evil")', teamName: 'Service', status: 'resolved', firstResponseMinutes: 30, resolutionMinutes: 120, answeredByOrg: 'Bureau Helder' },
    ]);
  });

  it('filters by team and by channel', async () => {
    const team = (await report('from=2026-03-01&to=2026-03-09&teamId=team-service')).body;
    expect(team.volume.total).toBe(2);
    expect(team.conversations.map((c: { id: string }) => c.id)).toEqual(['c2', 'c1']);
    expect(team.topTopics).toEqual([{ term: 'afval', count: 2 }]);
    const channel = (await report(`from=2026-03-01&to=2026-03-09&channelId=${second.id}`)).body;
    expect(channel.volume.total).toBe(1);
    expect(channel.answeredBy).toEqual([{ orgId, orgName: 'Gemeente Testdorp', isAgency: false, replies: 1, conversations: 1, medianFirstResponseMinutes: 45 }]);
    expect((await report('from=2026-03-01&to=2026-03-09&teamId=no-such-team')).body.volume.total).toBe(0);
  });

  it('counts days in the workspace time zone', async () => {
    expect((await w.owner.patch(`/api/workspaces/${w.ws}/publishing`, { timeZone: 'UTC' })).status).toBe(200);
    const r = (await report('from=2026-03-03&to=2026-03-04')).body;
    expect(r.timeZone).toBe('UTC');
    expect(r.volume.byDay).toEqual([{ date: '2026-03-03', count: 1 }, { date: '2026-03-04', count: 1 }]);
    expect((await w.owner.patch(`/api/workspaces/${w.ws}/publishing`, { timeZone: 'Europe/Amsterdam' })).status).toBe(200);
  });

  it('validates the period and defaults to the last 28 days', async () => {
    for (const q of ['from=2026-03-09&to=2026-03-01', 'from=2025-01-01&to=2026-03-01', 'from=2026-02-30&to=2026-03-01']) {
      const r = await report(q);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('ERR_VALIDATION');
      expect(r.body.error.details.problems).toHaveLength(1);
    }
    expect((await report('from=1-3-2026')).status).toBe(400);
    const d = (await report('')).body;
    expect(d.volume.byDay).toHaveLength(28);
    expect(d.to).toBe(d.volume.byDay[27].date);
  });

  it('lets every role read it, and a foreign workspace answers 404', async () => {
    expect((await w.viewer.client.get(`/api/workspaces/${w.ws}/inbox/reports`)).status).toBe(200);
    expect((await w.advisor.get(`/api/workspaces/${w.ws}/inbox/reports.csv`)).status).toBe(200);
    const foreign = await w.owner.get(`/api/workspaces/${w.wsB}/inbox/reports`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('ERR_NOT_FOUND');
  });

  it('downloads the conversations as CSV for Dutch Excel, formulas defused', async () => {
    const r = await w.owner.get(`/api/workspaces/${w.ws}/inbox/reports.csv?from=2026-03-01&to=2026-03-09`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="regie-inbox-2026-03-01-2026-03-09.csv"');
    expect(r.text.startsWith('\uFEFFid;started;channel;')).toBe(true);
    const lines = r.text.slice(1).split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe(`c1;2026-03-02 09:00;Testdorp sandbox;comment;"'=HYPERLINK(""http://evil"")";Service;resolved;normal;negative;afval, klacht;30;120;met;missed;Bureau Helder`);
    expect(lines[2]).toBe('c3;2026-03-04 00:30;Testdorp sandbox;mention;;;open;normal;positive;;60;;none;none;');
    expect(lines[4]).toBe('c2;2026-03-06 16:30;Tweede kanaal;direct_message;Ophalen;Service;open;normal;neutral;afval;45;;missed;none;Gemeente Testdorp');
    expect(lines[5]).toBe('');
  });
});
