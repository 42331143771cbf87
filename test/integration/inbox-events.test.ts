import { request } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/context';
import { buildHttpApp } from '../../src/http/app';
import { allRoutes } from '../../src/http/routes';
import { endInboxStreams } from '../../src/http/routes/inbox-events.routes';
import type { App, InboxEvent } from '../../src/services/app';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';

/** One parsed block of the stream: an event, a `retry:` or a comment. */
interface Block {
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

interface Sse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  blocks: Block[];
  body: string;
  ended: Promise<void>;
  isEnded(): boolean;
  /** Resolves with the first block from `from` on that matches; rejects after `ms` or when the stream ends first. */
  waitFor(pred: (b: Block) => boolean, ms?: number, from?: number): Promise<Block>;
  close(): void;
}

/** A real HTTP client reading a Server-Sent Events stream. */
function openSse(base: string, path: string, cookie: string | null, accept = 'text/event-stream'): Promise<Sse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers: { accept, ...(cookie ? { cookie } : {}) } }, (res) => {
      const blocks: Block[] = [];
      let body = '';
      let buf = '';
      let done = false;
      const waiters = new Set<() => void>();
      const ended = new Promise<void>((r) => res.on('close', () => ((done = true), waiters.forEach((w) => w()), r())));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const b: Block = {};
          for (const line of buf.slice(0, i).split('\n')) {
            if (line.startsWith(':')) b.comment = line.slice(1).trim();
            else {
              const [k, ...v] = line.split(':');
              (b as Record<string, string>)[k] = v.join(':').trimStart();
            }
          }
          blocks.push(b);
          buf = buf.slice(i + 2);
        }
        waiters.forEach((w) => w());
      });
      resolve({
        status: res.statusCode!,
        headers: res.headers,
        blocks,
        get body() {
          return body;
        },
        ended,
        isEnded: () => done,
        waitFor(pred, ms = 5000, from = 0) {
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => (waiters.delete(check), fail(new Error(`no matching block in ${ms} ms: ${JSON.stringify(blocks)}`))), ms);
            const check = () => {
              const hit = blocks.slice(from).find(pred);
              if (hit || done) {
                clearTimeout(timer);
                waiters.delete(check);
                if (hit) ok(hit);
                else fail(new Error(`the stream ended first: ${JSON.stringify(blocks)}`));
              }
            };
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** `p`, or a failure after `ms` (so a stream that never ends fails fast and says so). */
const within = <T>(p: Promise<T>, ms = 5000) =>
  Promise.race([p, new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`still open after ${ms} ms`)), ms))]);
const ev = (conversationId: string, change: InboxEvent['change'] = 'message'): InboxEvent => ({ type: 'conversation', conversationId, change });
const isInbox = (id: string) => (b: Block) => b.event === 'inbox' && JSON.parse(b.data!).conversationId === id;
const path = (ws: string) => `/api/workspaces/${ws}/inbox/events`;

/** A listening HTTP server over `app` that also serves the inbox stream. */
async function listen(app: App): Promise<{ http: FastifyInstance; base: string }> {
  const http = await buildHttpApp(app, { webDir: null, routes: allRoutes });
  const base = await http.listen({ port: 0, host: '127.0.0.1' });
  return { http, base };
}

describe.skipIf(pgUnavailable())(`live inbox updates over Server-Sent Events (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  let server: { http: FastifyInstance; base: string };
  const streams: Sse[] = [];
  const open = async (ws: string, cookie: string | null, accept?: string) => {
    const s = await openSse(server.base, path(ws), cookie, accept);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
    server = await listen(t.app);
  });
  afterEach(() => {
    vi.useRealTimers();
    for (const s of streams.splice(0)) s.close();
  });
  afterAll(async () => {
    endInboxStreams(t.app);
    await server?.http.close();
    await t?.close();
  });

  it('opens a stream with the SSE headers and a retry hint, and delivers a published event exactly as the contract says', async () => {
    const s = await open(w.ws, w.owner.cookie);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(s.headers['cache-control']).toBe('no-cache');
    expect(s.headers['x-accel-buffering']).toBe('no');
    expect(await s.waitFor((b) => b.retry !== undefined)).toEqual({ retry: '3000' });
    t.app.events.publish(w.ws, { ...ev('c-1', 'new'), extra: 'not for the wire' } as InboxEvent);
    const b = await s.waitFor(isInbox('c-1'));
    expect(b.event).toBe('inbox');
    expect(JSON.parse(b.data!)).toEqual({ type: 'conversation', conversationId: 'c-1', change: 'new' });
    expect(s.body).toContain('event: inbox\ndata: {"type":"conversation","conversationId":"c-1","change":"new"}\n\n');
  });

  it('tells every open tab of the workspace, and no subscriber of another workspace', async () => {
    const [a1, a2, b] = await Promise.all([open(w.ws, w.owner.cookie), open(w.ws, w.viewer.client.cookie), open(w.wsB, w.foreignOwner.cookie)]);
    await Promise.all([a1, a2, b].map((s) => s.waitFor((x) => x.retry !== undefined)));
    t.app.events.publish(w.ws, ev('for-a'));
    t.app.events.publish(w.wsB, ev('for-b', 'reply'));
    await a1.waitFor(isInbox('for-a'));
    await a2.waitFor(isInbox('for-a'));
    // Events arrive in order, so B's first inbox event being its own proves A's never reached it.
    const first = await b.waitFor((x) => x.event === 'inbox');
    expect(JSON.parse(first.data!)).toEqual({ type: 'conversation', conversationId: 'for-b', change: 'reply' });
    expect(a1.blocks.filter((x) => x.event === 'inbox').map((x) => JSON.parse(x.data!).conversationId)).toEqual(['for-a']);
  });

  it('answers 404 without access (like an unknown workspace) and 401 without a session; nothing streams', async () => {
    const foreign = await open(w.ws, w.foreignOwner.cookie);
    const unknown = await open('01a00000-0000-7000-8000-000000000000', w.owner.cookie);
    await Promise.all([foreign.ended, unknown.ended]);
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body).error.code).toBe('ERR_NOT_FOUND');
    expect(foreign.body).toBe(unknown.body);
    const anon = await open(w.ws, null);
    await anon.ended;
    expect(anon.status).toBe(401);
    expect(JSON.parse(anon.body).error.code).toBe('ERR_UNAUTHENTICATED');
  });

  it('a client that does not ask for an event stream gets the opening and the end (a plain GET cannot hang)', async () => {
    const s = await open(w.ws, w.owner.cookie, 'application/json');
    await s.ended;
    expect(s.status).toBe(200);
    expect(s.body).toBe('retry: 3000\n\n');
    const injected = await server.http.inject({ method: 'GET', url: path(w.ws), headers: { cookie: w.owner.cookie! } });
    expect(injected.statusCode).toBe(200);
  });

  it('unsubscribes when the client goes away', async () => {
    const real = t.app.events;
    let active = 0;
    t.app.events = {
      ...real,
      subscribe(ws, listener) {
        active++;
        const off = real.subscribe(ws, listener);
        return () => (active--, off());
      },
    };
    try {
      const s = await open(w.ws, w.owner.cookie);
      await s.waitFor((b) => b.retry !== undefined);
      expect(active).toBe(1);
      s.close();
      await vi.waitFor(() => expect(active).toBe(0));
      expect(() => t.app.events.publish(w.ws, ev('after-close'))).not.toThrow();
    } finally {
      t.app.events = real;
    }
  });

  it('pings every 25 s, and ends the stream at the periodic check once the access is gone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = await open(w.ws, w.viewer.client.cookie);
    await s.waitFor((b) => b.retry !== undefined);
    vi.advanceTimersByTime(24_999);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.blocks.some((b) => b.comment === 'ping')).toBe(false);
    vi.advanceTimersByTime(1);
    await s.waitFor((b) => b.comment === 'ping');
    vi.advanceTimersByTime(35_000); // 60 s: access still there, the stream stays
    await new Promise((r) => setTimeout(r, 100));
    expect(s.isEnded()).toBe(false);
    expect((await w.owner.del(`/api/workspaces/${w.ws}/members/${w.viewer.userId}`)).status).toBe(204);
    vi.advanceTimersByTime(60_000);
    await within(s.ended);
    expect(s.blocks.filter((b) => b.event === 'inbox')).toEqual([]);
  });

  it('a revoked mandate ends the stream before the next event once the last check is 10 s old', async () => {
    const s = await open(w.ws, w.advisor.cookie);
    await s.waitFor((b) => b.retry !== undefined);
    t.app.events.publish(w.ws, ev('while-allowed'));
    await s.waitFor(isInbox('while-allowed'));
    expect((await w.owner.post(`/api/workspaces/${w.ws}/mandates/${w.mandate.id}/revoke`, { reason: 'einde' })).status).toBe(200);
    // Checks are throttled on the app's clock: within 10 s of the last one the event still goes out.
    t.app.events.publish(w.ws, ev('within-10s'));
    await s.waitFor(isInbox('within-10s'));
    t.clock.advance(10_000);
    t.app.events.publish(w.ws, ev('after-revoke'));
    await within(s.ended);
    expect(s.blocks.some(isInbox('after-revoke'))).toBe(false);
  });

  it.skipIf(testDb() !== 'postgres')('reaches a tab on another server process, once, and keeps doing so after the listener is cut', async () => {
    const other = await createApp(t.app.config, { logger: pino({ level: 'silent' }), migrate: false });
    const otherServer = await listen(other);
    try {
      const remote = await openSse(otherServer.base, path(w.ws), w.owner.cookie);
      const local = await open(w.ws, w.owner.cookie);
      streams.push(remote);
      await Promise.all([remote, local].map((s) => s.waitFor((b) => b.retry !== undefined)));
      // The other process starts listening with its first subscriber: send until it hears.
      const untilHeard = async (s: Sse, id: string) => {
        for (let i = 0; ; i++) {
          t.app.events.publish(w.ws, ev(`${id}-${i}`));
          try {
            return await s.waitFor((b) => b.event === 'inbox' && JSON.parse(b.data!).conversationId.startsWith(`${id}-`), 200);
          } catch (err) {
            if (i > 50 || s.isEnded()) throw err;
          }
        }
      };
      await untilHeard(remote, 'warm');
      const from = remote.blocks.length;
      t.app.events.publish(w.ws, ev('cross', 'note'));
      t.app.events.publish(w.wsB, ev('cross-b'));
      t.app.events.publish(w.ws, ev('cross-2'));
      await remote.waitFor(isInbox('cross'), 5000, from);
      await remote.waitFor(isInbox('cross-2'), 5000, from);
      await new Promise((r) => setTimeout(r, 300));
      // Notifications go out on several pool connections, so their order between processes is not promised.
      const heard = remote.blocks.slice(from).filter((b) => b.event === 'inbox').map((b) => JSON.parse(b.data!));
      expect(heard.filter((e) => !e.conversationId.startsWith('warm-')).sort((x, y) => x.conversationId.localeCompare(y.conversationId))).toEqual([
        { type: 'conversation', conversationId: 'cross', change: 'note' },
        { type: 'conversation', conversationId: 'cross-2', change: 'message' },
      ]);
      // The publishing process hears its own NOTIFY too, and must not deliver it a second time.
      other.events.publish(w.ws, ev('from-other'));
      await local.waitFor(isInbox('from-other'));
      await new Promise((r) => setTimeout(r, 300));
      expect(local.blocks.filter(isInbox('cross'))).toHaveLength(1);
      expect(local.blocks.filter(isInbox('from-other'))).toHaveLength(1);
      // Cut the listening connections: they connect and LISTEN again.
      const cut = await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`.execute(t.app.db);
      expect(cut.rows[0].n).toBeGreaterThanOrEqual(1);
      await untilHeard(remote, 'reconnected');
      expect(remote.isEnded()).toBe(false);
    } finally {
      endInboxStreams(other);
      await otherServer.http.close();
      await other.events.close();
      await other.conn.close();
    }
  });
});
