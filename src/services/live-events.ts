import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { PubSub } from '../db/pubsub';
import type { InboxEvent, LiveEvents } from './app';

/** The database channel the server processes tell each other inbox changes on. */
export const INBOX_CHANNEL = 'regie_inbox';
/** PostgreSQL refuses NOTIFY payloads from 8000 bytes; an inbox event needs about 200. */
const MAX_PAYLOAD_BYTES = 7_900;
const CHANGES: ReadonlySet<string> = new Set<InboxEvent['change']>(['new', 'message', 'updated', 'reply', 'note']);

/**
 * Live updates within this process: a publish reaches every subscriber of the workspace at once. (Across server
 * processes on PostgreSQL: {@link createLiveEvents}.)
 */
export function createLocalEvents(): LiveEvents {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return {
    publish(workspaceId, event) {
      bus.emit(workspaceId, event);
    },
    subscribe(workspaceId, listener: (e: InboxEvent) => void) {
      bus.on(workspaceId, listener);
      return () => bus.off(workspaceId, listener);
    },
    async close() {
      bus.removeAllListeners();
    },
  };
}

/** The message one process sends the others. */
interface Envelope {
  workspaceId: string;
  event: InboxEvent;
  /** The sending process, so it does not deliver its own events twice. */
  origin: string;
}

/** Reads an envelope sent by another process; null when it is not one (nothing else is trusted from the channel). */
export function parseEnvelope(payload: string): Envelope | null {
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return null;
  }
  const o = v as { workspaceId?: unknown; origin?: unknown; event?: { type?: unknown; conversationId?: unknown; change?: unknown } } | null;
  if (typeof o !== 'object' || o === null || typeof o.workspaceId !== 'string' || typeof o.origin !== 'string') return null;
  const e = o.event;
  if (typeof e !== 'object' || e === null || e.type !== 'conversation' || typeof e.conversationId !== 'string') return null;
  if (typeof e.change !== 'string' || !CHANGES.has(e.change)) return null;
  return { workspaceId: o.workspaceId, origin: o.origin, event: { type: 'conversation', conversationId: e.conversationId, change: e.change as InboxEvent['change'] } };
}

/**
 * Live updates for every open tab of every server process: `publish` delivers to this process's subscribers at
 * once and tells the other processes through the database (`conn.pubsub`; nobody to tell on SQLite); what another
 * process publishes reaches the subscribers here. The database listener starts with the first subscription, so a
 * process that never streams (a worker, a CLI command) holds no extra connection. Publishing never throws: a
 * failure to tell the others, or a failing subscriber, is logged. `close` ends the listener and every subscription.
 */
export function createLiveEvents(conn: { pubsub: PubSub }, log: Logger): LiveEvents {
  const origin = randomUUID();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let stopListening: (() => Promise<void>) | null = null;
  let closed = false;

  const listen = () => {
    if (stopListening || closed) return;
    stopListening = conn.pubsub.listen(INBOX_CHANNEL, {
      message(payload) {
        const m = parseEnvelope(payload);
        if (!m) return log.warn({ channel: INBOX_CHANNEL }, 'live updates: ignored a message that is not an inbox event');
        if (m.origin !== origin) bus.emit(m.workspaceId, m.event);
      },
      lost: (err, retryInMs) => log.warn({ err, retryInMs }, 'live updates: lost the database listener; connecting again'),
      listening: (again) => {
        if (again) log.info('live updates: listening to the database again (changes in the gap were missed)');
      },
    });
  };

  return {
    publish(workspaceId, event) {
      if (closed) return;
      bus.emit(workspaceId, event);
      try {
        const payload = JSON.stringify({ workspaceId, event: { type: event.type, conversationId: event.conversationId, change: event.change }, origin });
        if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
          log.warn({ workspaceId, bytes: Buffer.byteLength(payload) }, 'live updates: event too large to tell the other processes');
          return;
        }
        conn.pubsub.notify(INBOX_CHANNEL, payload).catch((err: unknown) => log.warn({ err, workspaceId }, 'live updates: could not tell the other processes'));
      } catch (err) {
        log.warn({ err, workspaceId }, 'live updates: could not tell the other processes');
      }
    },
    subscribe(workspaceId, listener) {
      if (closed) return () => {};
      listen();
      const guarded = (event: InboxEvent) => {
        try {
          listener(event);
        } catch (err) {
          log.error({ err, workspaceId }, 'live updates: a subscriber failed');
        }
      };
      bus.on(workspaceId, guarded);
      return () => void bus.off(workspaceId, guarded);
    },
    async close() {
      closed = true;
      bus.removeAllListeners();
      const stop = stopListening;
      stopListening = null;
      await stop?.();
    },
  };
}
