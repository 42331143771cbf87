import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app';
import { allRoutes } from '../../src/http/routes';
import { contactRoutes } from '../../src/http/routes/contacts.routes';
import type { ContactIdentitiesTable, ContactsTable, ConversationsTable, MessagesTable } from '../../src/db/schema';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

const AT = '2026-03-02T08:00:00.000Z';

describe.skipIf(pgUnavailable())(`inbox contacts: view, edit, merge, split, suggestions (${testDb()})`, () => {
  let t: TestApp;
  let http: FastifyInstance;
  let w: World;
  let second: { id: string };
  const url = (id: string, rest = '') => `/api/workspaces/${w.ws}/inbox/contacts/${id}${rest}`;

  const contact = async (id: string, name: string, over: Partial<ContactsTable> = {}, ws = w.ws) => {
    const row: ContactsTable = { workspace_id: ws, id, display_name: name, email: null, tags: '[]', vip: 0, merged_into: null, created_at: AT, updated_at: AT, ...over };
    await t.app.db.insertInto('contacts').values(row).execute();
  };
  const identity = async (contactId: string, channelId: string, remoteId: string, handle: string | null, ws = w.ws) => {
    const row: ContactIdentitiesTable = { workspace_id: ws, channel_id: channelId, remote_id: remoteId, contact_id: contactId, handle, display_name: handle ? `Name ${handle}` : null, created_at: AT };
    await t.app.db.insertInto('contact_identities').values(row).execute();
  };
  const conversation = async (id: string, contactId: string, channelId: string, lastMessageAt: string, ws = w.ws) => {
    const row: ConversationsTable = {
      workspace_id: ws, id, channel_id: channelId, thread_remote_id: `thread-${id}`, contact_id: contactId, kind: 'comment', subject: `Subject ${id}`, status: 'open',
      snoozed_until: null, team_id: null, assignee_id: null, priority: 'normal', tags: '[]', language: 'nl', sentiment: 'neutral', message_count: 1,
      first_message_at: lastMessageAt, last_message_at: lastMessageAt, last_inbound_at: lastMessageAt, first_response_at: null, resolved_at: null,
      created_at: lastMessageAt, updated_at: lastMessageAt, sla_first_due_at: null, sla_resolution_due_at: null, sla_due_at: null, sla_check_at: null,
      sla_state: 'none', sla_paused: '[]', routing: null, preview: `Preview ${id}`, acknowledged_at: null,
    };
    await t.app.db.insertInto('conversations').values(row).execute();
    const msg: MessagesTable = {
      workspace_id: ws, id: `m-${id}`, conversation_id: id, channel_id: channelId, remote_id: `r-${id}`, direction: 'in', kind: 'comment', contact_id: contactId,
      author_user_id: null, text: `Text ${id}`, html: null, subject: null, url: null, language: 'nl', sentiment: 'neutral', sentiment_score: 0, reply_ref: null,
      created_at: lastMessageAt, received_at: lastMessageAt, search_terms: null, reply_id: null,
    };
    await t.app.db.insertInto('messages').values(msg).execute();
  };
  const row = (id: string) => t.app.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const audits = (action: string) => t.app.db.selectFrom('audit_records').select(['object_id', 'summary', 'actor_user_id']).where('action', '=', action).orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp();
    const extra = contactRoutes.filter((r) => !allRoutes.includes(r));
    http = await buildHttpApp(t.app, { webDir: null, routes: [...allRoutes, ...extra] });
    await http.ready();
    w = await buildWorld(http, t.app);
    second = (await w.owner.post(`/api/workspaces/${w.ws}/channels`, { kind: 'sandbox', credentials: { name: 'Tweede kanaal' } })).body;

    await contact('c-jan', 'Jan Jansen', { email: 'jan@voorbeeld.nl', tags: '["klacht"]' });
    await identity('c-jan', w.channel.id, 'u-jan', '@jan');
    await conversation('v-jan-1', 'c-jan', w.channel.id, '2026-03-02T09:00:00.000Z');
    await conversation('v-jan-2', 'c-jan', w.channel.id, '2026-03-03T09:00:00.000Z');

    await contact('c-jj', 'J. Jansen', { email: 'JAN@voorbeeld.nl', vip: 1, tags: '["klacht","pers"]' });
    await identity('c-jj', second.id, 'u-jj', 'jan');
    await conversation('v-jj-1', 'c-jj', second.id, '2026-03-04T09:00:00.000Z');

    await contact('c-old', 'Oud Record');
    await contact('c-piet', 'Piet');
    await identity('c-piet', w.channel.id, 'u-piet', '@Piet');
    await contact('c-pietje', 'Pietje');
    await identity('c-pietje', second.id, 'u-pietje', 'piet');
    await contact('c-anna', 'Anna de Wit');
    await contact('c-anna2', 'anna  de wit');
    await contact('c-foreign', 'Jan Jansen', { email: 'jan@voorbeeld.nl' }, w.wsB);
    await identity('c-foreign', w.foreignChannel.id, 'u-f', '@jan', w.wsB);
  });
  afterAll(async () => {
    await http?.close();
    await t?.close();
  });

  it('shows a contact with its identities and conversations, newest first, to every role', async () => {
    const r = await w.viewer.client.get(url('c-jan'));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      id: 'c-jan',
      name: 'Jan Jansen',
      email: 'jan@voorbeeld.nl',
      vip: false,
      tags: ['klacht'],
      identities: [{ channelId: w.channel.id, channelKind: 'sandbox', channelName: 'Testdorp sandbox', remoteId: 'u-jan', handle: '@jan', displayName: 'Name @jan' }],
      conversations: [
        { id: 'v-jan-2', channelKind: 'sandbox', channelName: 'Testdorp sandbox', subject: 'Subject v-jan-2', preview: 'Preview v-jan-2', status: 'open', lastMessageAt: '2026-03-03T09:00:00.000Z' },
        { id: 'v-jan-1', channelKind: 'sandbox', channelName: 'Testdorp sandbox', subject: 'Subject v-jan-1', preview: 'Preview v-jan-1', status: 'open', lastMessageAt: '2026-03-02T09:00:00.000Z' },
      ],
      mergedInto: null,
    });
  });

  it('answers a contact of another workspace exactly like one that does not exist', async () => {
    const foreign = await w.owner.get(url('c-foreign'));
    const unknown = await w.owner.get(url('nope'));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('ERR_NOT_FOUND');
    expect(foreign.body).toEqual(unknown.body);
    const merge = await w.owner.post(url('c-jan', '/merge'), { otherContactId: 'c-foreign' });
    expect(merge.status).toBe(404);
    expect((await w.owner.patch(url('c-foreign'), { vip: true })).status).toBe(404);
    expect((await row('c-foreign')).merged_into).toBeNull();
    expect((await row('c-foreign')).vip).toBe(0);
  });

  it('suggests look-alikes of the own workspace only', async () => {
    const r = await w.webcare.client.get(`/api/workspaces/${w.ws}/inbox/contacts/suggested-merges`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { a: { id: 'c-jan', name: 'Jan Jansen' }, b: { id: 'c-jj', name: 'J. Jansen' }, reason: 'same_email' },
      { a: { id: 'c-piet', name: 'Piet' }, b: { id: 'c-pietje', name: 'Pietje' }, reason: 'same_handle' },
      { a: { id: 'c-anna', name: 'Anna de Wit' }, b: { id: 'c-anna2', name: 'anna  de wit' }, reason: 'same_name' },
    ]);
  });

  const search = (query: string, as = w.viewer.client) => as.get(`/api/workspaces/${w.ws}/inbox/contacts${query}`);
  const ids = (r: { body: Array<{ id: string }> }) => r.body.map((c) => c.id);

  it('finds contacts by name, e-mail or handle, ignoring case, newest activity first, for every role', async () => {
    const r = await search('?q=JAN');
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { id: 'c-jj', name: 'J. Jansen', email: 'JAN@voorbeeld.nl', vip: true, tags: ['klacht', 'pers'], handles: ['jan'], identityCount: 1, lastActivityAt: '2026-03-04T09:00:00.000Z' },
      { id: 'c-jan', name: 'Jan Jansen', email: 'jan@voorbeeld.nl', vip: false, tags: ['klacht'], handles: ['@jan'], identityCount: 1, lastActivityAt: '2026-03-03T09:00:00.000Z' },
    ]);
    expect(ids(await search('?q=voorbeeld.NL'))).toEqual(['c-jj', 'c-jan']);
    expect(ids(await search('?q=%40piet'))).toEqual(['c-piet']);
    expect(ids(await search('?q=de%20wit')).sort()).toEqual(['c-anna', 'c-anna2']);
    expect(ids(await search('?q=%20%20Pietje%20'))).toEqual(['c-pietje']);
    expect(ids(await search('?q=JAN&limit=1'))).toEqual(['c-jj']);
  });

  it('lists every live contact of the own workspace without a query, those without activity last', async () => {
    const r = await search('', w.webcare.client);
    expect(r.status).toBe(200);
    expect(ids(r).slice(0, 2)).toEqual(['c-jj', 'c-jan']);
    expect(ids(r).slice(2).sort()).toEqual(['c-anna', 'c-anna2', 'c-old', 'c-piet', 'c-pietje']);
    expect(r.body.find((c: { id: string }) => c.id === 'c-old')).toEqual({ id: 'c-old', name: 'Oud Record', email: null, vip: false, tags: [], handles: [], identityCount: 0, lastActivityAt: null });
  });

  it('takes % and _ in a query literally and refuses bad limits', async () => {
    expect((await search('?q=%25')).body).toEqual([]);
    expect((await search('?q=_')).body).toEqual([]);
    expect((await search('?q=J_n')).body).toEqual([]);
    expect((await search('?limit=0')).status).toBe(400);
    expect((await search('?limit=51')).status).toBe(400);
    expect((await search(`?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('lets agents rename, mark VIP and tag (trimmed, once), audited; viewers may not', async () => {
    const denied = await w.viewer.client.patch(url('c-old'), { vip: true });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('ERR_FORBIDDEN');
    const bad = await w.webcare.client.patch(url('c-old'), { name: '   ' });
    expect(bad.status).toBe(400);
    const r = await w.webcare.client.patch(url('c-old'), { name: ' Oud  Record B.V. ', vip: true, tags: [' pers', 'pers', 'vip '] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'c-old', name: 'Oud  Record B.V.', vip: true, tags: ['pers', 'vip'], identities: [], conversations: [], mergedInto: null });
    const [audit] = await audits('contact.updated');
    expect(audit.object_id).toBe('c-old');
    expect(JSON.parse(audit.summary)).toEqual({ name: { from: 'Oud Record', to: 'Oud  Record B.V.' }, vip: true, tags: ['pers', 'vip'] });
    const again = await w.webcare.client.patch(url('c-old'), { vip: true });
    expect(again.status).toBe(200);
    expect(await audits('contact.updated')).toHaveLength(1);
  });

  it('refuses to merge a contact with itself', async () => {
    const r = await w.owner.post(url('c-jan', '/merge'), { otherContactId: 'c-jan' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ERR_VALIDATION');
  });

  it('merges: identities, conversations and messages move, tags unite, VIP carries over, audited', async () => {
    await contact('c-earlier', 'Eerder samengevoegd', { merged_into: 'c-jj' });
    const r = await w.webcare.client.post(url('c-jan', '/merge'), { otherContactId: 'c-jj' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'c-jan', name: 'Jan Jansen', email: 'jan@voorbeeld.nl', vip: true, tags: ['klacht', 'pers'], mergedInto: null });
    expect(r.body.identities.map((i: { remoteId: string }) => i.remoteId).sort()).toEqual(['u-jan', 'u-jj']);
    expect(r.body.conversations.map((c: { id: string }) => c.id)).toEqual(['v-jj-1', 'v-jan-2', 'v-jan-1']);
    const msg = await t.app.db.selectFrom('messages').select('contact_id').where('id', '=', 'm-v-jj-1').executeTakeFirstOrThrow();
    expect(msg.contact_id).toBe('c-jan');
    expect((await row('c-jj')).merged_into).toBe('c-jan');
    expect((await row('c-earlier')).merged_into).toBe('c-jan');
    const merged = await w.viewer.client.get(url('c-jj'));
    expect(merged.body).toMatchObject({ id: 'c-jj', mergedInto: 'c-jan', identities: [], conversations: [] });
    const [audit] = await audits('contact.merged');
    expect(audit.object_id).toBe('c-jan');
    expect(JSON.parse(audit.summary)).toEqual({ merged: 'c-jj', mergedName: 'J. Jansen', identities: 1, conversations: 1 });
    expect((await w.owner.get(`/api/workspaces/${w.ws}/inbox/contacts/suggested-merges`)).body.map((p: { reason: string }) => p.reason)).toEqual(['same_handle', 'same_name']);
  });

  it('leaves merged contacts out of a search', async () => {
    expect(ids(await search('?q=jansen'))).toEqual(['c-jan']);
    expect(ids(await search('?q=voorbeeld'))).toEqual(['c-jan']);
    const all = await search('');
    expect(ids(all)).not.toContain('c-jj');
    expect(all.body.find((c: { id: string }) => c.id === 'c-jan')).toMatchObject({ handles: ['@jan', 'jan'], identityCount: 2, lastActivityAt: '2026-03-04T09:00:00.000Z' });
  });

  it('refuses to merge or edit a contact that was merged away, and viewers may not merge', async () => {
    const again = await w.owner.post(url('c-old', '/merge'), { otherContactId: 'c-jj' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ERR_INVALID_STATE', details: { mergedInto: 'c-jan' } });
    expect((await w.owner.patch(url('c-jj'), { vip: false })).status).toBe(409);
    expect((await w.viewer.client.post(url('c-old', '/merge'), { otherContactId: 'c-jan' })).status).toBe(403);
  });

  it('splits one identity off with the conversations and messages of its channel, audited', async () => {
    const r = await w.editor.client.post(url('c-jan', '/split'), { channelId: second.id, remoteId: 'u-jj' });
    expect(r.status).toBe(201);
    const fresh = r.body;
    expect(fresh).toMatchObject({ name: 'Name jan', email: null, vip: false, tags: [], mergedInto: null });
    expect(fresh.identities).toEqual([{ channelId: second.id, channelKind: 'sandbox', channelName: 'Tweede kanaal', remoteId: 'u-jj', handle: 'jan', displayName: 'Name jan' }]);
    expect(fresh.conversations.map((c: { id: string }) => c.id)).toEqual(['v-jj-1']);
    expect((await t.app.db.selectFrom('messages').select('contact_id').where('id', '=', 'm-v-jj-1').executeTakeFirstOrThrow()).contact_id).toBe(fresh.id);
    const left = (await w.owner.get(url('c-jan'))).body;
    expect(left.identities.map((i: { remoteId: string }) => i.remoteId)).toEqual(['u-jan']);
    expect(left.conversations.map((c: { id: string }) => c.id)).toEqual(['v-jan-2', 'v-jan-1']);
    const [audit] = await audits('contact.split');
    expect(JSON.parse(audit.summary)).toEqual({ newContactId: fresh.id, channelId: second.id, remoteId: 'u-jj', conversations: 1 });
  });

  it('refuses to split off the only identity, an unknown one, or one of another contact', async () => {
    const only = await w.owner.post(url('c-jan', '/split'), { channelId: w.channel.id, remoteId: 'u-jan' });
    expect(only.status).toBe(400);
    expect(only.body.error.code).toBe('ERR_VALIDATION');
    expect((await w.owner.post(url('c-jan', '/split'), { channelId: w.channel.id, remoteId: 'u-nobody' })).status).toBe(404);
    expect((await w.owner.post(url('c-jan', '/split'), { channelId: w.foreignChannel.id, remoteId: 'u-f' })).status).toBe(404);
    expect((await w.viewer.client.post(url('c-jan', '/split'), { channelId: w.channel.id, remoteId: 'u-jan' })).status).toBe(403);
    expect(await audits('contact.split')).toHaveLength(1);
  });

  it('two opposite merges at once: one wins, the other is refused, no cycle', async () => {
    await contact('c-x', 'X');
    await contact('c-y', 'Y');
    const [a, b] = await Promise.all([w.owner.post(url('c-x', '/merge'), { otherContactId: 'c-y' }), w.owner.post(url('c-y', '/merge'), { otherContactId: 'c-x' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [x, y] = [await row('c-x'), await row('c-y')];
    expect([x.merged_into, y.merged_into].filter((m) => m !== null)).toHaveLength(1);
  });
});
