import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundItem } from '../../src/connectors/types';
import { startInboxWorker } from '../../src/jobs/inbox-worker';
import { storeInbound } from '../../src/services/channels.service';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';
import { Client } from '../support/client';

const item = (over: Partial<InboundItem> & Pick<InboundItem, 'remoteId' | 'threadRemoteId' | 'text'>): InboundItem => ({
  kind: 'comment',
  author: { remoteId: 'u-jan', handle: '@jan', displayName: 'Jan Jansen' },
  createdAt: new Date().toISOString(),
  ...over,
});

describe.skipIf(pgUnavailable())(`inbox: teams, routing, replies through the gate, approval (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let service: { id: string };
  let press: { id: string };
  const store = (items: InboundItem[]) => t.app.db.transaction().execute((q) => storeInbound(q, { workspace_id: w.ws, id: w.channel.id }, items, t.clock.now().toISOString()));
  const convOf = async (thread: string) => (await t.app.db.selectFrom('conversations').selectAll().where('workspace_id', '=', w.ws).where('thread_remote_id', '=', thread).executeTakeFirstOrThrow());

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
    base = `/api/workspaces/${w.ws}/inbox`;
  });
  afterAll(() => t?.close());

  it('owners create teams with office hours, SLA targets and members; others may not', async () => {
    const r = await w.owner.post(`${base}/teams`, { name: 'Klantenservice', assignmentMode: 'round_robin' });
    expect(r.status).toBe(201);
    service = r.body;
    expect(r.body).toMatchObject({ name: 'Klantenservice', assignmentMode: 'round_robin', businessHours: { timeZone: 'Europe/Amsterdam' }, members: [] });
    press = (await w.owner.post(`${base}/teams`, { name: 'Pers', businessHours: { timeZone: 'Europe/Amsterdam', week: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '24:00' })), closedDates: [] } })).body;
    const put = await w.owner.put(`${base}/teams/${service.id}`, { members: [{ userId: w.webcare.userId, maxOpen: 5, available: true }, { userId: w.editor.userId, maxOpen: null, available: true }] });
    expect(put.status).toBe(200);
    expect(put.body.members.map((m: { name: string }) => m.name)).toEqual(['Wendy Webcare', 'Eddy Editor']);
    expect(put.body.assignmentMode).toBe('round_robin');
    expect((await w.webcare.client.post(`${base}/teams`, { name: 'Stiekem' })).status).toBe(403);
    const bad = await w.owner.post(`${base}/teams`, { name: '', sla: { targets: {}, warnAtFraction: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.problems.length).toBeGreaterThan(1);
  });

  it('routing rules are saved with a version, checked, and explained by the rule tester', async () => {
    const settings = await w.owner.get(`${base}/settings`);
    expect(settings.body).toMatchObject({ rules: [], version: 0, replyRules: { agency: 'negative', own: 'none' } });
    const rules = [
      { id: 'press', name: 'Persvragen', match: 'any', conditions: [{ type: 'keywords', any: ['journalist', 'pers', 'persvraag'] }], actions: { teamId: press.id, priority: 'high', tags: ['pers'] }, stop: true },
      { id: 'complaints', name: 'Klachten', conditions: [{ type: 'sentiment', sentiments: ['negative'] }], actions: { teamId: service.id, tags: ['klacht'], autoAcknowledge: { text: 'Dank voor je bericht, we kijken ernaar.' } } },
    ];
    const saved = await w.owner.put(`${base}/settings`, { rules, defaultTeamId: service.id, defaultPriority: 'normal', replyRules: { agency: 'negative', own: 'none' }, expectedVersion: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const stale = await w.owner.put(`${base}/settings`, { rules, defaultTeamId: null, replyRules: {}, expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ERR_STALE_VERSION');
    const broken = await w.owner.put(`${base}/settings`, { rules: [{ id: 'x', name: 'X', conditions: [], actions: { teamId: 'no-such-team' } }], replyRules: {}, expectedVersion: 1 });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.problems[0]).toContain('team does not exist');
    expect((await w.advisor.put(`${base}/settings`, { rules, replyRules: {}, expectedVersion: 1 })).status).toBe(403);

    const tested = await w.webcare.client.post(`${base}/test-route`, { text: 'Ik ben journalist bij de krant en heb een vraag', channelId: w.channel.id, kind: 'mention' });
    expect(tested.status).toBe(200);
    expect(tested.body.result).toMatchObject({ teamId: press.id, teamName: 'Pers', priority: 'high', tags: ['pers'] });
    expect(tested.body.result.trace[0]).toMatchObject({ ruleId: 'press', matched: true });
    expect(tested.body.result.trace[0].because.join(' ')).toContain('journalist');
    const unsaved = await w.webcare.client.post(`${base}/test-route`, { text: 'journalist', channelId: w.channel.id, kind: 'mention', rules: [] });
    expect(unsaved.body.result.teamId).toBe(service.id);
  });

  it('a new conversation is routed in the ingest path: team, round-robin assignee, tags, SLA clocks, a reason, an acknowledgement queued for the gate', async () => {
    await store([item({ remoteId: 'k1', threadRemoteId: 'klacht-1', text: 'Dit is echt schandalig, al drie weken geen reactie op mijn melding!' })]);
    const c = await convOf('klacht-1');
    expect(c).toMatchObject({ team_id: service.id, sentiment: 'negative', sla_state: 'ok' });
    expect(JSON.parse(c.tags)).toEqual(['klacht']);
    expect(c.assignee_id).not.toBeNull();
    expect(c.sla_first_due_at).not.toBeNull();
    expect(c.sla_due_at).toBe(c.sla_first_due_at);
    const ack = await t.app.db.selectFrom('replies').selectAll().where('conversation_id', '=', c.id).execute();
    expect(ack).toMatchObject([{ source: 'auto_ack', state: 'queued', text: 'Dank voor je bericht, we kijken ernaar.' }]);
    const detail = await w.webcare.client.get(`${base}/conversations/${c.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.conversation.routing.matched[0]).toMatchObject({ ruleId: 'complaints' });
    expect(detail.body.events.find((e: { kind: string }) => e.kind === 'routed').data.because[0]).toContain('Klachten');

    await store([item({ remoteId: 'p1', threadRemoteId: 'pers-1', text: 'Persvraag: kunt u reageren op het bericht over de brug?', author: { remoteId: 'u-krant', displayName: 'De Krant' } })]);
    const p = await convOf('pers-1');
    expect(p).toMatchObject({ team_id: press.id, priority: 'high' });
    const second = await convOf('klacht-1');
    await store([item({ remoteId: 'k2', threadRemoteId: 'klacht-2', text: 'Waarom is de afvalcontainer weer niet geleegd? Slecht geregeld.', author: { remoteId: 'u-piet', displayName: 'Piet' } })]);
    const k2 = await convOf('klacht-2');
    expect(k2.assignee_id).not.toBe(second.assignee_id);
  });

  it('an own agent replies: the code is checked, it goes out through the gate, the thread and the first response are recorded', async () => {
    const c = await convOf('klacht-1');
    const blocked = await w.webcare.client.post(`${base}/conversations/${c.id}/replies`, { text: 'Uw BSN 111222333 staat in ons systeem' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('ERR_CODE_BLOCKS');
    expect(await t.app.db.selectFrom('replies').select('id').where('conversation_id', '=', c.id).where('source', '=', 'agent').execute()).toHaveLength(0);

    const r = await w.webcare.client.post(`${base}/conversations/${c.id}/replies`, { text: 'Wat vervelend, Jan. We sturen vandaag nog iemand langs.' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'sent', source: 'agent', author: { name: 'Wendy Webcare', isAgency: false } });
    const after = await convOf('klacht-1');
    expect(after.first_response_at).not.toBeNull();
    expect(after.sla_state).toBe('ok');
    const detail = await w.webcare.client.get(`${base}/conversations/${c.id}`);
    const out = detail.body.messages.filter((m: { direction: string }) => m.direction === 'out');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: 'Wat vervelend, Jan. We sturen vandaag nog iemand langs.', author: { type: 'user', name: 'Wendy Webcare', orgName: 'Gemeente Testdorp' } });
    const audit = await t.app.db.selectFrom('audit_records').select(['action', 'summary']).where('action', '=', 'reply.sending').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.parse(audit[audit.length - 1].summary)).toMatchObject({ author: 'Wendy Webcare (Gemeente Testdorp)' });
  });

  it('an advisor’s reply to a complaint waits for an approver of the organization; the advisor cannot approve; the owner can', async () => {
    const c = await convOf('klacht-2');
    const r = await w.advisor.post(`${base}/conversations/${c.id}/replies`, { text: 'Excuses Piet, we pakken dit op.' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'awaiting_approval', approvalReasons: ['negative_sentiment'], author: { isAgency: true, orgName: 'Bureau Helder' } });
    expect(r.body.youMayApprove).toBe(false);
    const notes = await t.app.db.selectFrom('notifications').select(['user_id', 'kind']).where('kind', '=', 'reply.awaiting_approval').execute();
    expect(notes.length).toBeGreaterThanOrEqual(2);
    const byAdvisor = await w.advisor.post(`${base}/replies/${r.body.id}/approve`, {});
    expect(byAdvisor.status).toBe(403);
    const byViewer = await w.viewer.client.post(`${base}/replies/${r.body.id}/approve`, {});
    expect(byViewer.status).toBe(403);
    const ok = await w.owner.post(`${base}/replies/${r.body.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'sent', approvedBy: { name: expect.any(String) } });
    const again = await w.owner.post(`${base}/replies/${r.body.id}/approve`, {});
    expect(again.body.error.code).toBe('ERR_INVALID_STATE');
  });

  it('an advisor’s suggestion is taken over by an agent and then still needs the organization’s approval (its author counts)', async () => {
    const c = await convOf('klacht-2');
    const s = await w.advisor.post(`${base}/conversations/${c.id}/replies`, { text: 'Tip: bied een bezoek aan.', suggestion: true });
    expect(s.body.state).toBe('suggested');
    const taken = await w.webcare.client.post(`${base}/replies/${s.body.id}/accept`, { text: 'We komen graag langs, Piet.' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ state: 'awaiting_approval', text: 'We komen graag langs, Piet.' });
    const rejected = await w.editor.client.post(`${base}/replies/${s.body.id}/reject`, { note: 'Liever telefonisch' });
    expect(rejected.body).toMatchObject({ state: 'rejected', reasonCode: 'rejected_by_approver' });
  });

  it('status, snooze, assignment, tags and notes with mentions are recorded and told', async () => {
    const c = await convOf('pers-1');
    const snooze = await w.webcare.client.patch(`${base}/conversations/${c.id}`, { status: 'snoozed', snoozedUntil: new Date(Date.now() + 3600_000).toISOString() });
    expect(snooze.status).toBe(200);
    expect(snooze.body.status).toBe('snoozed');
    expect((await w.webcare.client.patch(`${base}/conversations/${c.id}`, { status: 'snoozed', snoozedUntil: '2000-01-01T00:00:00Z' })).status).toBe(400);
    t.clock.advance(60_000);
    const patched = await w.webcare.client.patch(`${base}/conversations/${c.id}`, { status: 'open', tags: ['Pers', 'brug ', 'pers'], assigneeId: w.ownerId, priority: 'urgent' });
    expect(patched.body).toMatchObject({ status: 'open', tags: ['pers', 'brug'], assigneeId: w.ownerId, priority: 'urgent' });
    expect(JSON.parse((await convOf('pers-1')).sla_paused)).toHaveLength(1);
    const note = await w.webcare.client.post(`${base}/conversations/${c.id}/notes`, { body: '@Eddy Editor kun jij hier naar kijken?' });
    expect(note.status).toBe(201);
    const told = await t.app.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select(['users.email', 'notifications.kind']).where('notifications.kind', 'in', ['conversation.mentioned', 'conversation.assigned']).execute();
    expect(told.map((n) => `${n.kind}:${n.email}`).sort()).toEqual(['conversation.assigned:' + (await t.app.db.selectFrom('users').select('email').where('id', '=', w.ownerId).executeTakeFirstOrThrow()).email, 'conversation.mentioned:editor@gemeente.nl']);
    const detail = await w.owner.get(`${base}/conversations/${c.id}`);
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['routed', 'status', 'tags', 'assigned', 'priority', 'note']));
    expect((await w.viewer.client.patch(`${base}/conversations/${c.id}`, { status: 'resolved' })).status).toBe(403);
    expect((await w.foreignOwner.get(`${base}/conversations/${c.id}`)).status).toBe(404);
  });

  it('saved replies are shared; only owners delete them', async () => {
    const s = await w.webcare.client.post(`${base}/saved-replies`, { title: 'Afval', body: 'Hoi {{contact.firstName}}, we melden het door.', language: 'nl' });
    expect(s.status).toBe(201);
    expect((await w.advisor.get(`${base}/saved-replies`)).body.map((x: { title: string }) => x.title)).toEqual(['Afval']);
    expect((await w.webcare.client.del(`${base}/saved-replies/${s.body.id}`)).status).toBe(403);
    expect((await w.owner.del(`${base}/saved-replies/${s.body.id}`)).status).toBe(204);
  });

  it('an expert without an account drafts an answer through an e-mail link; it comes back as a suggestion', async () => {
    const c = await convOf('pers-1');
    const asked = await w.webcare.client.post(`${base}/conversations/${c.id}/expert`, { name: 'Hanna HR', email: 'hanna@gemeente.nl', question: 'Wat mogen we zeggen over de brug?' });
    expect(asked.status).toBe(201);
    const mail = t.mails.find((m) => m.to === 'hanna@gemeente.nl')!;
    const token = /\/expert\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const anon = new Client(t.http);
    const page = await anon.get(`/api/expert/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ organizationName: 'Gemeente Testdorp', question: 'Wat mogen we zeggen over de brug?', draft: null });
    expect(page.body.messages[0].text).toContain('Persvraag');
    expect((await anon.post(`/api/expert/${token}`, { text: 'De brug gaat in maart weer open.' })).status).toBe(200);
    const again = await anon.post(`/api/expert/${token}`, { text: 'De brug gaat op 3 maart weer open.' });
    expect(again.status).toBe(200);
    const replies = await t.app.db.selectFrom('replies').selectAll().where('conversation_id', '=', c.id).where('source', '=', 'expert').execute();
    expect(replies).toMatchObject([{ state: 'suggested', text: 'De brug gaat op 3 maart weer open.' }]);
    expect((await anon.get('/api/expert/' + 'x'.repeat(43))).status).toBe(404);
    t.clock.advance(15 * 86_400_000);
    expect((await anon.get(`/api/expert/${token}`)).status).toBe(404);
    t.clock.advance(-15 * 86_400_000);
  });

  it('the inbox worker sends the queued acknowledgement through the gate, warns before and tells at an SLA breach, and wakes snoozed conversations', async () => {
    const worker = startInboxWorker(t.app, { tickMs: 3_600_000, pollEveryMs: Number.POSITIVE_INFINITY });
    try {
      await worker.tick();
      const ack = await t.app.db.selectFrom('replies').selectAll().where('source', '=', 'auto_ack').execute();
      expect(ack.map((r) => [r.state, r.reason_code, r.reason_text])).toEqual(ack.map(() => ['sent', null, null]));
      const k2 = await convOf('klacht-2');
      expect(k2.acknowledged_at).not.toBeNull();
      // An acknowledgement is no answer: klacht-2's first response is the owner-approved reply, not the ack.
      const open = await convOf('klacht-1');
      expect(open.sla_state).toBe('ok');
      expect(open.sla_check_at).not.toBeNull();

      await store([item({ remoteId: 'late-1', threadRemoteId: 'late', text: 'Hallo, ik heb een vraag over mijn paspoort.', author: { remoteId: 'u-late', displayName: 'Laat' } })]);
      const late = await convOf('late');
      expect(late.team_id).toBe(service.id);
      const before = await t.app.db.selectFrom('notifications').select('kind').where('kind', 'in', ['sla.warning', 'sla.breached']).execute();
      t.clock.advance(Date.parse(late.sla_check_at!) - t.clock.now().getTime() + 1000);
      await worker.tick();
      expect((await convOf('late')).sla_state).toMatch(/warning|breached/);
      t.clock.advance(Date.parse((await convOf('late')).sla_first_due_at!) - t.clock.now().getTime() + 1000);
      await worker.tick();
      expect((await convOf('late')).sla_state).toBe('breached');
      const after = await t.app.db.selectFrom('notifications').select('kind').where('kind', 'in', ['sla.warning', 'sla.breached']).execute();
      expect(after.length - before.length).toBeGreaterThanOrEqual(2);
      await worker.tick();
      expect((await t.app.db.selectFrom('notifications').select('kind').where('kind', 'in', ['sla.warning', 'sla.breached']).execute()).length).toBe(after.length);

      const p = await convOf('pers-1');
      await w.webcare.client.patch(`${base}/conversations/${p.id}`, { status: 'snoozed', snoozedUntil: new Date(t.clock.now().getTime() + 60_000).toISOString() });
      t.clock.advance(120_000);
      await worker.tick();
      expect((await convOf('pers-1')).status).toBe('open');
    } finally {
      await worker.stop();
    }
  });

  it('the inbox list: views, counts and search', async () => {
    const all = await w.webcare.client.get(`${base}/conversations?view=all`);
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(4);
    const mine = await w.owner.get(`${base}/conversations?view=mine`);
    expect(mine.body.items.map((c: { subject: string | null; preview: string }) => c.preview)).toEqual([expect.stringContaining('Persvraag')]);
    const found = await w.webcare.client.get(`${base}/conversations?q=${encodeURIComponent('afvalcontainers')}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0].preview).toContain('afvalcontainer');
    expect(all.body.counts.all).toBe(4);
    expect(all.body.items[0].sla.state).toBe('breached');
  });
});
