import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundItem } from '../../src/connectors/types';
import { storeInbound } from '../../src/services/channels.service';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

const item = (over: Partial<InboundItem> & Pick<InboundItem, 'remoteId' | 'threadRemoteId' | 'text'>): InboundItem => ({
  kind: 'comment',
  author: { remoteId: 'u-jan', handle: '@jan', displayName: 'Jan Jansen' },
  createdAt: '2026-11-29T10:00:00.000Z',
  ...over,
});

describe.skipIf(pgUnavailable())(`inbox: inbound items become conversations, messages and contacts (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  const store = (items: InboundItem[]) => t.app.db.transaction().execute((q) => storeInbound(q, { workspace_id: w.ws, id: w.channel.id }, items, t.clock.now().toISOString()));
  const conversations = () => t.app.db.selectFrom('conversations').selectAll().where('workspace_id', '=', w.ws).orderBy('first_message_at').orderBy('thread_remote_id').execute();
  const messages = () => t.app.db.selectFrom('messages').selectAll().where('workspace_id', '=', w.ws).orderBy('created_at').execute();

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
    await t.app.db.deleteFrom('messages').execute();
    await t.app.db.deleteFrom('conversations').execute();
  });
  afterAll(() => t?.close());

  it('threads messages per platform thread, one contact per author, with language and sentiment', async () => {
    await store([
      item({ remoteId: 'c1', threadRemoteId: 'post-1', text: 'Al drie weken ligt het afval op straat. Schandalig, niemand doet iets!' }),
      item({ remoteId: 'c2', threadRemoteId: 'post-1', text: 'En nog steeds niet opgehaald.', createdAt: '2026-11-29T10:05:00.000Z' }),
      item({ remoteId: 'c3', threadRemoteId: 'post-2', text: 'Thank you so much, the new park is wonderful!', author: { remoteId: 'u-amy', displayName: 'Amy' }, createdAt: '2026-11-29T10:10:00.000Z' }),
    ]);
    const convs = await conversations();
    expect(convs).toHaveLength(2);
    const [complaint, praise] = convs;
    expect(complaint).toMatchObject({ thread_remote_id: 'post-1', status: 'open', language: 'nl', sentiment: 'negative', message_count: 2 });
    expect(praise).toMatchObject({ thread_remote_id: 'post-2', language: 'en', sentiment: 'positive', message_count: 1 });
    const contacts = await t.app.db.selectFrom('contacts').select(['id', 'display_name']).where('workspace_id', '=', w.ws).execute();
    expect(contacts.map((c) => c.display_name).sort()).toEqual(['Amy', 'Jan Jansen']);
    expect(complaint.contact_id).toBe(contacts.find((c) => c.display_name === 'Jan Jansen')!.id);
  });

  it('a platform retry or an overlapping poll adds nothing', async () => {
    const before = (await messages()).length;
    await store([item({ remoteId: 'c1', threadRemoteId: 'post-1', text: 'Al drie weken ligt het afval op straat. Schandalig, niemand doet iets!' })]);
    await Promise.all([store([item({ remoteId: 'c2', threadRemoteId: 'post-1', text: 'x' })]), store([item({ remoteId: 'c2', threadRemoteId: 'post-1', text: 'x' })])]);
    expect((await messages()).length).toBe(before);
    expect((await conversations())[0].message_count).toBe(2);
  });

  it('two deliveries at once that open the same new thread make one conversation and one contact', async () => {
    const first = { author: { remoteId: 'u-new', displayName: 'Nieuwe Inwoner' }, threadRemoteId: 'post-new' };
    await Promise.all([store([item({ ...first, remoteId: 'n1', text: 'Vraag een' })]), store([item({ ...first, remoteId: 'n2', text: 'Vraag twee' })])]);
    const convs = (await conversations()).filter((c) => c.thread_remote_id === 'post-new');
    expect(convs).toHaveLength(1);
    expect(convs[0].message_count).toBe(2);
    expect(await t.app.db.selectFrom('contacts').select('id').where('display_name', '=', 'Nieuwe Inwoner').execute()).toHaveLength(1);
    await t.app.db.deleteFrom('messages').where('conversation_id', '=', convs[0].id).execute();
    await t.app.db.deleteFrom('conversations').where('id', '=', convs[0].id).execute();
  });

  it('our own reply coming back is an outgoing message and a response, never a new question', async () => {
    await store([item({ remoteId: 'r1', threadRemoteId: 'post-1', text: 'Wat vervelend, we sturen vandaag nog iemand.', fromSelf: true, createdAt: '2026-11-29T11:00:00.000Z', author: { remoteId: 'us' } })]);
    await store([item({ remoteId: 'r2', threadRemoteId: 'post-9', text: 'Ons eigen bericht', fromSelf: true, author: { remoteId: 'us' } })]);
    const convs = await conversations();
    expect(convs).toHaveLength(2);
    expect(convs[0].first_response_at).toBe('2026-11-29T11:00:00.000Z');
    const out = (await messages()).find((m) => m.remote_id === 'r1')!;
    expect(out).toMatchObject({ direction: 'out', contact_id: null, sentiment: null });
    expect(await t.app.db.selectFrom('contacts').select('id').where('display_name', '=', 'us').execute()).toEqual([]);
  });

  it('a new message in a resolved conversation opens it again', async () => {
    const conv = (await conversations())[0];
    await t.app.db.updateTable('conversations').set({ status: 'resolved', resolved_at: '2026-11-29T12:00:00.000Z' }).where('id', '=', conv.id).execute();
    await store([item({ remoteId: 'c4', threadRemoteId: 'post-1', text: 'Het ligt er weer.', createdAt: '2026-11-30T08:00:00.000Z' })]);
    expect((await conversations())[0]).toMatchObject({ status: 'open', resolved_at: null, message_count: 4, last_inbound_at: '2026-11-30T08:00:00.000Z' });
  });

  it('items that arrive through a channel sync are filed too', async () => {
    const r = await w.owner.post(`/api/workspaces/${w.ws}/channels/${w.channel.id}/sync`, {});
    expect(r.status).toBe(200);
    const synced = await t.app.db.selectFrom('messages').select('remote_id').where('channel_id', '=', w.channel.id).where('remote_id', 'like', 'sandbox:%').execute();
    expect(synced.length).toBeGreaterThan(0);
  });
});
