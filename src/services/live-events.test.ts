import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ListenHandlers, PubSub } from '../db/pubsub';
import type { InboxEvent } from './app';
import { createLiveEvents, INBOX_CHANNEL, parseEnvelope } from './live-events';

/** A PubSub that records what is sent and lets the test play the other processes. */
function fakePubSub(notify: PubSub['notify'] = async () => {}) {
  const sent: Array<{ channel: string; payload: string }> = [];
  const listeners: ListenHandlers[] = [];
  let stopped = 0;
  const ps: PubSub = {
    notify: (channel, payload) => {
      sent.push({ channel, payload });
      return notify(channel, payload);
    },
    listen(channel, handlers) {
      expect(channel).toBe(INBOX_CHANNEL);
      listeners.push(handlers);
      return async () => void stopped++;
    },
    close: async () => {},
  };
  return { ps, sent, listeners, stopped: () => stopped };
}

const log = pino({ level: 'silent' });
const ev = (conversationId: string, change: InboxEvent['change'] = 'message'): InboxEvent => ({ type: 'conversation', conversationId, change });

describe('live events', () => {
  it('delivers a publish at once to the workspace’s subscribers only, and tells the other processes', () => {
    const f = fakePubSub();
    const events = createLiveEvents({ pubsub: f.ps }, log);
    const a: InboxEvent[] = [];
    const b: InboxEvent[] = [];
    events.subscribe('ws-a', (e) => a.push(e));
    events.subscribe('ws-b', (e) => b.push(e));
    events.publish('ws-a', ev('c1', 'new'));
    expect(a).toEqual([ev('c1', 'new')]);
    expect(b).toEqual([]);
    expect(f.sent).toHaveLength(1);
    const sent = JSON.parse(f.sent[0].payload);
    expect(sent).toEqual({ workspaceId: 'ws-a', event: ev('c1', 'new'), origin: expect.any(String) });
  });

  it('delivers what other processes publish, but not its own message coming back', () => {
    const f = fakePubSub();
    const events = createLiveEvents({ pubsub: f.ps }, log);
    const got: InboxEvent[] = [];
    events.subscribe('ws', (e) => got.push(e));
    events.publish('ws', ev('mine'));
    f.listeners[0].message(f.sent[0].payload);
    f.listeners[0].message(JSON.stringify({ workspaceId: 'ws', event: ev('theirs', 'reply'), origin: 'other-process' }));
    f.listeners[0].message(JSON.stringify({ workspaceId: 'elsewhere', event: ev('not-here'), origin: 'other-process' }));
    expect(got).toEqual([ev('mine'), ev('theirs', 'reply')]);
  });

  it('starts listening with the first subscriber, once, and stops on close', async () => {
    const f = fakePubSub();
    const events = createLiveEvents({ pubsub: f.ps }, log);
    events.publish('ws', ev('c'));
    expect(f.listeners).toHaveLength(0);
    const off = events.subscribe('ws', () => {});
    events.subscribe('ws2', () => {});
    off();
    expect(f.listeners).toHaveLength(1);
    await events.close();
    expect(f.stopped()).toBe(1);
    const got: InboxEvent[] = [];
    events.subscribe('ws', (e) => got.push(e));
    events.publish('ws', ev('after'));
    expect(got).toEqual([]);
    expect(f.listeners).toHaveLength(1);
  });

  it('never throws into the publisher: a refused or throwing notify, or a failing subscriber', async () => {
    const rejecting = createLiveEvents({ pubsub: fakePubSub(async () => Promise.reject(new Error('down'))).ps }, log);
    const throwing = createLiveEvents({ pubsub: fakePubSub(() => { throw new Error('sync'); }).ps }, log);
    const got: string[] = [];
    rejecting.subscribe('ws', () => { throw new Error('bad subscriber'); });
    rejecting.subscribe('ws', (e) => got.push(e.conversationId));
    expect(() => rejecting.publish('ws', ev('x'))).not.toThrow();
    expect(() => throwing.publish('ws', ev('y'))).not.toThrow();
    expect(got).toEqual(['x']);
    await new Promise((r) => setTimeout(r, 0)); // the rejection is handled, not left unhandled
  });

  it('keeps an event too large for NOTIFY in this process', () => {
    const f = fakePubSub();
    const events = createLiveEvents({ pubsub: f.ps }, log);
    const got: InboxEvent[] = [];
    events.subscribe('ws', (e) => got.push(e));
    events.publish('ws', ev('x'.repeat(8000)));
    expect(got).toHaveLength(1);
    expect(f.sent).toEqual([]);
  });
});

describe('parseEnvelope', () => {
  const good = { workspaceId: 'ws', event: ev('c', 'note'), origin: 'p' };
  it('reads a well-formed message and keeps only the contract’s fields', () => {
    expect(parseEnvelope(JSON.stringify({ ...good, event: { ...good.event, secret: 1 } }))).toEqual(good);
  });
  it.each([
    ['not JSON', '{'],
    ['null', 'null'],
    ['no origin', JSON.stringify({ ...good, origin: undefined })],
    ['a numeric workspace', JSON.stringify({ ...good, workspaceId: 1 })],
    ['another type', JSON.stringify({ ...good, event: { ...good.event, type: 'post' } })],
    ['an unknown change', JSON.stringify({ ...good, event: { ...good.event, change: 'deleted' } })],
    ['no conversation', JSON.stringify({ ...good, event: { type: 'conversation', change: 'new' } })],
  ])('refuses %s', (_label, payload) => {
    expect(parseEnvelope(payload)).toBeNull();
  });
});
