import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireWorkspace } from '../../services/access.service';
import type { App, InboxEvent } from '../../services/app';
import { authenticate } from '../authenticate';
import { workspaceRoute, type RouteDef } from '../define-route';
import { wsParams } from '../schemas';

const PING_MS = 25_000;
/** Access is asked again this often while the stream is open, so a revoked mandate ends it. */
const RECHECK_MS = 60_000;
/** …and before passing on an event when the last check is at least this old. */
const RECHECK_ON_EVENT_MS = 10_000;
/** A client this far behind is dropped (it reconnects and refetches). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** The open streams per App, so a shutdown can end them (an open stream would keep the server from closing). */
const openStreams = new WeakMap<App, Set<() => void>>();

/** Ends every open inbox stream of `app`: call before closing the HTTP server (browsers reconnect elsewhere). */
export function endInboxStreams(app: App): void {
  for (const end of [...(openStreams.get(app) ?? [])]) end();
}

/** The wire form of one event: only the fields of the contract. */
function frame(e: InboxEvent): string {
  return `event: inbox\ndata: ${JSON.stringify({ type: e.type, conversationId: e.conversationId, change: e.change })}\n\n`;
}

async function mayStillRead(app: App, req: FastifyRequest, workspaceId: string): Promise<boolean> {
  try {
    const who = await authenticate(app, req);
    if (!who.actor) return false;
    await requireWorkspace(app, who.actor, workspaceId, 'inbox.read');
    return true;
  } catch {
    return false;
  }
}

/**
 * Streams the workspace's inbox events to one client until it leaves, its access ends (asked again every minute,
 * and before an event when the last check is 10 s old), it falls too far behind, or the server shuts down.
 * A client that does not ask for `text/event-stream` (EventSource always does) gets the opening and the end.
 */
function stream(app: App, req: FastifyRequest, reply: FastifyReply, workspaceId: string): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.write('retry: 3000\n\n');
  if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
    res.end();
    return;
  }

  let ended = false;
  let lastCheck = app.clock.now().getTime();
  let queue = Promise.resolve();
  const streams = openStreams.get(app) ?? new Set();
  openStreams.set(app, streams);

  const send = (text: string) => {
    if (ended || res.destroyed) return;
    res.write(text);
    if (res.writableLength > MAX_BUFFERED_BYTES) end();
  };
  const recheck = async () => {
    lastCheck = app.clock.now().getTime();
    if (!(await mayStillRead(app, req, workspaceId))) end();
  };
  /** Runs steps one after another, so an event never overtakes the access check before it. */
  const enqueue = (step: () => Promise<void> | void) => {
    queue = queue.then(step).catch((err: unknown) => {
      req.log.warn({ err }, 'inbox stream failed');
      end();
    });
  };

  const unsubscribe = app.events.subscribe(workspaceId, (event) =>
    enqueue(async () => {
      if (ended) return;
      if (app.clock.now().getTime() - lastCheck >= RECHECK_ON_EVENT_MS) await recheck();
      send(frame(event));
    }),
  );
  const ping = setInterval(() => send(': ping\n\n'), PING_MS);
  const check = setInterval(() => enqueue(recheck), RECHECK_MS);

  function end(): void {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearInterval(ping);
    clearInterval(check);
    streams.delete(end);
    if (!res.writableEnded) res.end();
  }
  streams.add(end);
  res.on('close', end);
  res.on('error', end);
}

/** Live inbox updates (Server-Sent Events) for every open tab. */
export const inboxEventRoutes: RouteDef[] = [
  workspaceRoute('inbox.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/inbox/events',
    tag: 'inbox',
    summary:
      'Live inbox updates as Server-Sent Events: `event: inbox` with data {type, conversationId, change}, a `: ping` comment every 25 s; ends when access ends',
    produces: 'text/event-stream',
    params: wsParams,
    handler: async ({ app, scope, req, reply }) => {
      stream(app, req, reply, scope.workspaceId);
      return reply;
    },
  }),
];
