import type { Message, Reply, TimelineEvent } from './api';

/** The thread as one list: messages, timeline events and replies that ended unsent, oldest first. */

export type ThreadItem =
  | { type: 'message'; at: number; message: Message }
  | { type: 'event'; at: number; event: TimelineEvent }
  | { type: 'closed-reply'; at: number; reply: Reply };

/** Replies that are still in play (shown above the reply box rather than in the thread). */
export const OPEN_REPLY_STATES = new Set<Reply['state']>(['suggested', 'awaiting_approval', 'queued', 'sending', 'failed', 'held']);

const ORDER: Record<ThreadItem['type'], number> = { message: 0, 'closed-reply': 1, event: 2 };

function at(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Merges the three lists by time; at equal times a message comes before what happened because of it. Replies that
 * were sent are left out (they are messages), and so are the ones still in play.
 */
export function buildThread(input: { messages: Message[]; events: TimelineEvent[]; replies: Reply[] }): ThreadItem[] {
  const items: ThreadItem[] = [
    ...input.messages.map((message) => ({ type: 'message' as const, at: at(message.createdAt), message })),
    ...input.events.map((event) => ({ type: 'event' as const, at: at(event.createdAt), event })),
    ...input.replies
      .filter((r) => r.state === 'rejected' || r.state === 'discarded')
      .map((reply) => ({ type: 'closed-reply' as const, at: at(reply.createdAt), reply })),
  ];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.at - b.item.at || ORDER[a.item.type] - ORDER[b.item.type] || a.index - b.index)
    .map((x) => x.item);
}

/** The replies to show above the reply box, oldest first. */
export function openReplies(replies: Reply[]): Reply[] {
  return replies.filter((r) => OPEN_REPLY_STATES.has(r.state)).sort((a, b) => at(a.createdAt) - at(b.createdAt));
}

/** The newest inbound message (what a reply answers), or null. */
export function lastInbound(messages: Message[]): Message | null {
  let best: Message | null = null;
  for (const m of messages) if (m.direction === 'in' && (!best || at(m.createdAt) >= at(best.createdAt))) best = m;
  return best;
}
