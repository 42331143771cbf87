import { describe, expect, it } from 'vitest';
import type { Message, Reply, TimelineEvent } from './api';
import { buildThread, lastInbound, openReplies } from './thread';

const msg = (id: string, at: string, direction: 'in' | 'out' = 'in'): Message => ({
  id,
  direction,
  kind: 'comment',
  text: id,
  html: null,
  subject: null,
  url: null,
  language: null,
  sentiment: null,
  createdAt: at,
  author: { type: 'contact', contactId: 'c', name: 'C', handle: null },
  replyId: null,
});

const ev = (id: string, at: string): TimelineEvent => ({ id, kind: 'note', actor: null, body: id, data: {}, createdAt: at });

const reply = (id: string, at: string, state: Reply['state']): Reply => ({
  id,
  conversationId: 'x',
  inReplyToMessageId: 'm',
  text: id,
  source: 'agent',
  state,
  author: { userId: 'u', name: 'U', orgName: null, isAgency: false },
  approvalReasons: [],
  approvedBy: null,
  youMayApprove: false,
  whyNot: null,
  reasonCode: null,
  reasonText: null,
  remoteUrl: null,
  sentAt: null,
  createdAt: at,
});

describe('buildThread', () => {
  it('merges by time, a message first at equal times, and keeps only closed replies', () => {
    const items = buildThread({
      messages: [msg('m2', '2026-03-02T10:05:00Z'), msg('m1', '2026-03-02T10:00:00Z')],
      events: [ev('e1', '2026-03-02T10:00:00Z'), ev('e2', '2026-03-02T10:03:00Z')],
      replies: [
        reply('r-rejected', '2026-03-02T10:04:00Z', 'rejected'),
        reply('r-waiting', '2026-03-02T10:01:00Z', 'awaiting_approval'),
        reply('r-sent', '2026-03-02T10:02:00Z', 'sent'),
      ],
    });
    expect(items.map((i) => (i.type === 'message' ? i.message.id : i.type === 'event' ? i.event.id : i.reply.id))).toEqual([
      'm1',
      'e1',
      'e2',
      'r-rejected',
      'm2',
    ]);
  });

  it('is empty for an empty conversation', () => {
    expect(buildThread({ messages: [], events: [], replies: [] })).toEqual([]);
  });
});

describe('openReplies and lastInbound', () => {
  it('keeps replies still in play, oldest first', () => {
    const r = openReplies([
      reply('b', '2026-03-02T10:02:00Z', 'failed'),
      reply('a', '2026-03-02T10:01:00Z', 'suggested'),
      reply('x', '2026-03-02T10:00:00Z', 'discarded'),
      reply('y', '2026-03-02T10:00:00Z', 'sent'),
    ]);
    expect(r.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('finds the newest inbound message', () => {
    expect(lastInbound([msg('a', '2026-03-02T10:00:00Z'), msg('b', '2026-03-02T11:00:00Z'), msg('c', '2026-03-02T12:00:00Z', 'out')])?.id).toBe('b');
    expect(lastInbound([msg('c', '2026-03-02T12:00:00Z', 'out')])).toBeNull();
  });
});
