import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectors as shipped } from '../../src/connectors';
import { ConnectorError } from '../../src/connectors/errors';
import { sandboxConnector } from '../../src/connectors/sandbox/sandbox.connector';
import type { Connector } from '../../src/connectors/types';
import { storeInbound } from '../../src/services/channels.service';
import { drain } from '../support/dispatch';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

/** What the next publish call on the sandbox does: succeed, or fail with one of the contract's failure kinds. */
let next: Array<'ok' | 'auth_expired' | 'rejected' | 'lost'> = [];
const calls: string[] = [];
const flaky: Connector = {
  ...sandboxConnector,
  async publish(ctx, variant) {
    const what = next.shift() ?? 'ok';
    calls.push(`${variant.idempotencyKey}:${what}`);
    if (what === 'auth_expired') throw new ConnectorError('auth_expired', 'Token expired');
    if (what === 'rejected') throw new ConnectorError('rejected', 'Duplicate status', { platformReason: 'Status is a duplicate.' });
    const r = await sandboxConnector.publish!(ctx, variant);
    if (what === 'lost') throw new ConnectorError('transient', 'socket hang up');
    return r;
  },
};


describe.skipIf(pgUnavailable())(`the gate when platforms fail (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  const post = async (text: string, minutes: number) => {
    const p = await w.owner.post(`/api/workspaces/${w.ws}/posts`, { content: { title: text, core: text, variants: [{ channelId: w.channel.id, parts: [text] }] } });
    await w.owner.post(`/api/workspaces/${w.ws}/posts/${p.body.id}/schedule`, { version: 1, at: new Date(t.clock.now().getTime() + minutes * 60_000).toISOString() });
    return p.body.id as string;
  };
  const variant = async (postId: string) => (await w.owner.get(`/api/workspaces/${w.ws}/posts/${postId}`)).body.variants[0];

  beforeAll(async () => {
    t = await createTestApp({}, { connectors: shipped.map((c) => (c.kind === 'sandbox' ? flaky : c)) });
    w = await buildWorld(t.http, t.app);
  });
  afterAll(() => t?.close());

  it('an expired sign-in marks the channel and holds its posts (they never fail); after reconnecting, a person picks a new time', async () => {
    const soon = await post('Eerste bericht', 1);
    const later = await post('Tweede bericht', 120);
    next = ['auth_expired'];
    t.clock.advance(2 * 60_000);
    expect(await drain(t)).toEqual(['held']);
    expect(await variant(soon)).toMatchObject({ state: 'held', reasonCode: 'channel_needs_reconnect' });
    const ch = (await w.owner.get(`/api/workspaces/${w.ws}/channels`)).body.items.find((c: { id: string }) => c.id === w.channel.id);
    expect(ch.status).toBe('needs_reconnect');
    // The later post reaches its time while the channel still needs a sign-in: it waits too, it does not fail.
    t.clock.advance(120 * 60_000);
    expect(await drain(t)).toEqual(['held']);
    expect((await w.owner.post(`/api/workspaces/${w.ws}/channels`, { kind: 'sandbox', credentials: { name: 'Testdorp sandbox' }, reconnectId: w.channel.id })).status).toBe(201);
    // Both times passed while waiting: nothing is sent late unasked; a person chooses.
    expect((await variant(soon)).reasonCode).toBe('missed_time');
    expect((await variant(later)).reasonCode).toBe('missed_time');
    expect(await drain(t)).toEqual([]);
    await w.owner.post(`/api/workspaces/${w.ws}/posts/${soon}/schedule`, { version: 1, at: null });
    expect(await drain(t)).toEqual(['published']);
  });

  it('a refusal fails the post with the platform’s words and tells its author', async () => {
    const id = await post('Geweigerd bericht', 1);
    next = ['rejected'];
    t.clock.advance(2 * 60_000);
    expect(await drain(t)).toEqual(['failed']);
    const v = await variant(id);
    expect(v.state).toBe('failed');
    expect(v.reasonText).toContain('Status is a duplicate.');
    const notes = (await w.owner.get('/api/notifications')).body.items;
    expect(notes.some((n: { kind: string; subjectId: string }) => n.kind === 'variant.failed' && n.subjectId === id)).toBe(true);
    // "Try again" goes through the whole gate again.
    expect((await w.owner.post(`/api/workspaces/${w.ws}/variants/${v.id}/resolve`, { action: 'resend' })).status).toBe(204);
    expect(await drain(t)).toEqual(['published']);
  });

  it('a lost answer is reconciled before anything is sent again: published once', async () => {
    const id = await post('Antwoord kwijt', 1);
    calls.length = 0;
    next = ['lost'];
    t.clock.advance(2 * 60_000);
    expect(await drain(t)).toEqual(['retry']);
    expect((await variant(id)).attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['unclear']);
    t.clock.advance(10 * 60_000);
    const outcomes = await drain(t);
    expect(outcomes[outcomes.length - 1]).toBe('published');
    const v = await variant(id);
    expect(v.state).toBe('published');
    // The sandbox dedupes on the key, so the gate may resend; each call carried the same key.
    expect(new Set(calls.map((c) => c.split(':')[0])).size).toBe(1);
  });
});

describe.skipIf(pgUnavailable())(`per-channel rate limits at the gate (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  const paced: Connector = { ...sandboxConnector, rateLimit: { perMinute: 1, burst: 1 } };

  beforeAll(async () => {
    t = await createTestApp({}, { connectors: shipped.map((c) => (c.kind === 'sandbox' ? paced : c)) });
    w = await buildWorld(t.http, t.app);
  });
  afterAll(() => t?.close());

  it('sends one post a minute to a channel that allows one; the others wait their turn, none fail', async () => {
    for (const text of ['Een', 'Twee', 'Drie']) {
      const p = await w.owner.post(`/api/workspaces/${w.ws}/posts`, { content: { title: text, core: text, variants: [{ channelId: w.channel.id, parts: [text] }] } });
      await w.owner.post(`/api/workspaces/${w.ws}/posts/${p.body.id}/schedule`, { version: 1, at: null });
    }
    expect((await drain(t)).sort()).toEqual(['published', 'waiting', 'waiting']);
    t.clock.advance(61_000);
    expect((await drain(t)).sort()).toEqual(['published', 'waiting']);
    t.clock.advance(61_000);
    expect(await drain(t)).toEqual(['published']);
    const states = await t.app.db.selectFrom('variants').select('state').execute();
    expect(states.map((s) => s.state)).toEqual(['published', 'published', 'published']);
  });
});

describe.skipIf(pgUnavailable())(`replies when the platform refuses the account or its pace (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  let refuse: Array<'auth_expired' | 'rate_limited'> = [];
  const refusing: Connector = {
    ...sandboxConnector,
    async reply(ctx, r) {
      const what = refuse.shift();
      if (what === 'auth_expired') throw new ConnectorError('auth_expired', 'Token expired');
      if (what === 'rate_limited') throw new ConnectorError('rate_limited', 'Slow down', { retryAfterMs: 120_000 });
      return sandboxConnector.reply!(ctx, r);
    },
  };
  const conversation = async (thread: string) => {
    const now = t.clock.now().toISOString();
    await t.app.db.transaction().execute((q) => storeInbound(q, { workspace_id: w.ws, id: w.channel.id }, [{ remoteId: `m-${thread}`, kind: 'mention', threadRemoteId: thread, author: { remoteId: 'u-1', displayName: 'Jan' }, text: 'Wanneer gaat het zwembad open?', createdAt: now }], now));
    return (await t.app.db.selectFrom('conversations').select('id').where('thread_remote_id', '=', thread).executeTakeFirstOrThrow()).id;
  };
  const channel = async () => (await w.owner.get(`/api/workspaces/${w.ws}/channels`)).body.items.find((c: { id: string }) => c.id === w.channel.id);

  beforeAll(async () => {
    t = await createTestApp({}, { connectors: shipped.map((c) => (c.kind === 'sandbox' ? refusing : c)) });
    w = await buildWorld(t.http, t.app);
  });
  afterAll(() => t?.close());

  it('a rate limit blocks the channel until the platform’s time; the reply waits in the queue and goes then', async () => {
    const id = await conversation('t-rate');
    refuse = ['rate_limited'];
    const r = await w.owner.post(`/api/workspaces/${w.ws}/inbox/conversations/${id}/replies`, { text: 'Vanaf 1 juni, van 10 tot 17 uur.' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'queued', reasonCode: 'rate_limited' });
    const row = await t.app.db.selectFrom('replies').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(Date.parse(row.next_attempt_at!) - t.clock.now().getTime()).toBe(120_000);
    const bucket = await t.app.db.selectFrom('channel_buckets').selectAll().where('channel_id', '=', w.channel.id).executeTakeFirstOrThrow();
    expect(bucket.blocked_until).toBe(row.next_attempt_at);
    expect((await channel()).status).toBe('rate_limited');
  });

  it('an expired sign-in marks the channel and holds the reply for a person (never sent blindly later)', async () => {
    const id = await conversation('t-auth');
    t.clock.advance(10 * 60_000); // past the rate limit of the test before
    refuse = ['auth_expired'];
    const r = await w.owner.post(`/api/workspaces/${w.ws}/inbox/conversations/${id}/replies`, { text: 'We zoeken het voor je uit.' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'held', reasonCode: 'channel_needs_reconnect' });
    expect((await channel()).status).toBe('needs_reconnect');
  });
});
