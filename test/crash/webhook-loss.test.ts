import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connector } from '../../src/connectors/types';
import { facebookConnector } from '../../src/connectors/facebook/facebook.connector';
import { instagramConnector } from '../../src/connectors/instagram/instagram.connector';
import { whatsappConnector } from '../../src/connectors/whatsapp/whatsapp.connector';
import { requireWorkspace } from '../../src/services/access.service';
import { storeChannel } from '../../src/services/channels.service';
import { setupOwner } from '../support/client';
import { META_ACCOUNTS, metaEvents, metaSignature, seededRandom, shuffle, webhookBody, type MetaEndpoint, type MetaEvent } from '../support/meta-webhook-events';
import { freePort, SERVER_BUNDLE, startRegie, type RegieProcess } from '../support/regie-process';
import { createTestApp, type TestApp } from '../support/test-app';

const missing = !inject('pgUrl') || !existsSync(SERVER_BUNDLE);
if (missing && process.env.CI === 'true') throw new Error('CI: the webhook loss test needs PostgreSQL and the built server (node scripts/build.mjs)');

const EVENTS = 10_000;
const SENDERS = 8;
const MAX_BATCH = 10;
/** About how many kills a run aims for; a fast machine gets more (one every 1–2 s). */
const KILLS = 40;
const APP_SECRET = 'loss-test-app-secret-5f1c';
const META_ENV = { META_APP_ID: '987654321012345', META_APP_SECRET: APP_SECRET, META_WEBHOOK_VERIFY_TOKEN: 'regie-loss' };
const ENDPOINTS: MetaEndpoint[] = ['facebook', 'instagram', 'whatsapp'];

/** One webhook POST as Meta would (re)send it until it gets a 2xx. */
interface Delivery {
  endpoint: MetaEndpoint;
  events: number[];
  body: Buffer;
  signature: string;
  order: number;
}

/** A sign that the server answered something no retry can fix (a 4xx, a wrong count): the test stops. */
class Refused extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 5's loss test. 10,000 distinct Meta events for a Facebook Page, an Instagram account and a WhatsApp
 * number, each delivered 1–3 times (in random batches, in random order, some duplicates at the same moment) by
 * several senders over real HTTP that retry until they get a 2xx — while the web server is killed with SIGKILL
 * every second or two and started again. Every acknowledged delivery must already be readable when its answer
 * arrives (an answer before the commit fails here even without a lucky kill), and at the end every event is
 * stored exactly once, and every conversation counts exactly its messages.
 */
describe.skipIf(missing).each(['sqlite', 'postgres'] as const)('loss test: webhook events under kill -9 are stored exactly once (%s)', (db) => {
  let t: TestApp;
  let ws: string;
  const channelOf = {} as Record<MetaEndpoint, string>;
  const servers = new Set<RegieProcess>();

  beforeAll(async () => {
    process.env.REGIE_TEST_DB = db;
    t = await createTestApp(META_ENV);
    const owner = await setupOwner(t.http);
    ws = owner.ws;
    const actor = { userId: owner.ownerId, name: 'Olga Owner', email: 'owner@gemeente.nl', locale: null, isAdmin: true, sessionId: null, tokenId: null, csrf: null, ip: null, userAgent: null };
    const scope = await requireWorkspace(t.app, actor, ws, 'channels.manage');
    // Connected as after Meta's sign-in and account choice (that flow needs Meta itself; the ids are what matter).
    const connect = async (c: Connector, name: string, remoteId: string, credentials: Record<string, string>) =>
      (await storeChannel(t.app, actor, scope, c, name, { credentials, account: { remoteId, handle: name.toLowerCase().replace(/\W+/g, ''), displayName: name } })).id;
    channelOf.facebook = await connect(facebookConnector, 'Gemeente Testdorp', META_ACCOUNTS.pageId, { pageAccessToken: 'x' });
    channelOf.instagram = await connect(instagramConnector, 'gemeente_testdorp', META_ACCOUNTS.igUserId, { accessToken: 'x', igUserId: META_ACCOUNTS.igUserId, pageId: META_ACCOUNTS.pageId });
    channelOf.whatsapp = await connect(whatsappConnector, 'Gemeente Testdorp WhatsApp', META_ACCOUNTS.waPhoneNumberId, { accessToken: 'x', phoneNumberId: META_ACCOUNTS.waPhoneNumberId });
    await t.http.close();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([...servers].map((s) => s.kill()));
    await t?.close();
  });

  it('stores every acknowledged event exactly once, across kills, retries and duplicates', async () => {
    const started = Date.now();
    const seed = Number(process.env.LOSS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const rand = seededRandom(seed);
    const events = metaEvents(EVENTS, rand);
    const plan = planDeliveries(events, rand);
    // SQLite: the one web process; PostgreSQL: two behind the senders (as behind a load balancer), killed in turn.
    const ports = await Promise.all(Array.from({ length: db === 'postgres' ? 2 : 1 }, freePort));
    const live: Array<RegieProcess | null> = ports.map(() => null);
    const stats = { attempts: 0, acked: 0, refused: 0, serverErrors: 0, storedSeen: 0, concurrentDuplicates: 0, kills: 0, starts: 0 };
    const errorCodes = new Map<string, number>();
    const acks = new Uint8Array(events.length);
    const inFlight = new Uint8Array(events.length);
    const invisibleAfterAck: string[] = [];
    const deadline = started + 540_000;
    let next = 0;
    let done = false;

    const channelKey = (e: MetaEvent) => `${channelOf[e.endpoint]}|${e.remoteId}`;
    const lastWords = () => live.flatMap((s) => s?.output.slice(-3) ?? []).join(' | ');
    // A 2xx means committed: the events of that body must be readable at once.
    async function visible(d: Delivery): Promise<void> {
      const ids = d.events.map((i) => events[i].remoteId);
      const rows = await t.app.db.selectFrom('messages').select('remote_id').where('workspace_id', '=', ws).where('channel_id', '=', channelOf[d.endpoint]).where('remote_id', 'in', ids).execute();
      const seen = new Set(rows.map((r) => r.remote_id));
      for (const id of ids) if (!seen.has(id)) invisibleAfterAck.push(`${d.endpoint}:${id}`);
    }

    // Sends one body until it is acknowledged, as Meta does: refused, reset or 5xx → back off and send again.
    async function deliver(d: Delivery): Promise<void> {
      for (let attempt = 0; ; attempt++) {
        if (done) throw new Error('stopped: another part of the test failed');
        if (Date.now() > deadline) throw new Error(`time ran out: ${stats.acked}/${plan.length} bodies acknowledged after ${stats.kills} kills; server said: ${lastWords()}`);
        stats.attempts++;
        for (const i of d.events) if (inFlight[i]++ > 0) stats.concurrentDuplicates++;
        try {
          const port = ports[Math.floor(Math.random() * ports.length)];
          const r = await fetch(`http://127.0.0.1:${port}/api/webhooks/${d.endpoint}`, {
            method: 'POST',
            body: new Uint8Array(d.body),
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': d.signature, 'user-agent': 'facebookexternalua' },
            signal: AbortSignal.timeout(30_000),
          });
          const text = await r.text();
          if (r.ok) {
            const answer = JSON.parse(text) as { received: number; stored: number };
            if (answer.received !== d.events.length) throw new Refused(`${d.endpoint} webhook of ${d.events.length} events answered ${text}`);
            stats.acked++;
            stats.storedSeen += answer.stored;
            for (const i of d.events) acks[i]++;
            await visible(d);
            return;
          }
          if (r.status < 500) throw new Refused(`${d.endpoint} webhook refused with ${r.status}: ${text}`);
          stats.serverErrors++;
          const code = /"code":"(\w+)"/.exec(text)?.[1] ?? String(r.status);
          errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
        } catch (err) {
          if (err instanceof Refused) throw err;
          stats.refused++;
        } finally {
          for (const i of d.events) inFlight[i]--;
        }
        await sleep(Math.min(400, 20 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
    const sender = async () => {
      while (next < plan.length) await deliver(plan[next++]);
    };

    const start = (k: number) => {
      const s = startRegie(['serve', '--roles', 'web'], t, { ...META_ENV, PORT: String(ports[k]), HOST: '127.0.0.1' });
      servers.add(s);
      void s.exited.then(() => servers.delete(s));
      stats.starts++;
      return (live[k] = s);
    };
    const ready = (s: RegieProcess) => Promise.race([s.ready, sleep(60_000).then(() => Promise.reject(new Error(`regie did not start within 60 s: ${s.output.slice(-3).join(' | ')}`)))]);
    // Each web process lives 0.2–0.8 s after it is ready — longer on a slow machine, until about 1/KILLS of the bodies
    // has been acknowledged since, so that the run gets its kills spread over all of it without starving (at most
    // 10 s) — then kill -9. One start in twenty is killed before it is ready.
    const stride = (plan.length * ports.length) / KILLS;
    const killer = async (k: number) => {
      await sleep(k * 1500);
      while (!done) {
        const s = start(k);
        const early = Math.random() < 0.05;
        if (!early) await ready(s);
        const from = stats.acked;
        const need = early ? 0 : stride * (0.5 + Math.random());
        const atLeast = Date.now() + (early ? Math.random() * 500 : 200 + Math.random() * 600);
        const atMost = Date.now() + 10_000;
        while (!done && Date.now() < atMost && (Date.now() < atLeast || stats.acked - from < need)) await sleep(25);
        if (done) break;
        await s.kill();
        stats.kills++;
      }
    };

    const killing = Promise.all(ports.map((_, k) => killer(k)));
    try {
      await Promise.race([Promise.all(Array.from({ length: SENDERS }, sender)), killing]);
    } finally {
      done = true;
      await killing.catch(() => {});
    }
    // The end: every delivery acknowledged, and the servers up and answering.
    for (let k = 0; k < ports.length; k++) {
      const s = live[k];
      await ready(s && s.child.exitCode === null && s.child.signalCode === null ? s : start(k));
      expect((await fetch(`http://127.0.0.1:${ports[k]}/api/health`)).ok).toBe(true);
    }
    const seconds = (Date.now() - started) / 1000;

    const deliveries = plan.reduce((n, d) => n + d.events.length, 0);
    console.log(
      `webhook loss test (${db}, seed ${seed}): ${EVENTS} events in ${plan.length} POSTs = ${deliveries} event deliveries (${deliveries - EVENTS} duplicates, ${stats.concurrentDuplicates} while a copy was in flight); ` +
        `${stats.attempts} HTTP attempts, ${stats.refused} refused/reset, ${stats.serverErrors} answered 5xx ${JSON.stringify(Object.fromEntries(errorCodes))}; ` +
        `${stats.kills} kills, ${stats.starts} starts (${ports.length} web process${ports.length > 1 ? 'es' : ''}); ${EVENTS - stats.storedSeen} events committed whose answer was lost; ${seconds.toFixed(0)} s`,
    );
    expect([...acks].filter((n) => n === 0), 'events never acknowledged').toEqual([]);
    expect(invisibleAfterAck.slice(0, 20), `${invisibleAfterAck.length} event(s) not stored yet when their delivery was acknowledged (answer before commit?)`).toEqual([]);

    const messages = await t.app.db.selectFrom('messages').select(['channel_id', 'remote_id', 'conversation_id', 'text', 'direction']).where('workspace_id', '=', ws).execute();
    const perKey = countBy(messages, (m) => `${m.channel_id}|${m.remote_id}`);
    const lost = events.filter((e) => !perKey.has(channelKey(e)));
    expect(lost.slice(0, 20).map((e) => `${e.endpoint}:${e.remoteId} (acknowledged ${acks[events.indexOf(e)]}×)`), `${lost.length} acknowledged event(s) lost`).toEqual([]);
    expect([...perKey].filter(([, n]) => n !== 1), 'events stored more than once').toEqual([]);
    const expectedKeys = new Set(events.map(channelKey));
    expect(messages.filter((m) => !expectedKeys.has(`${m.channel_id}|${m.remote_id}`)), 'messages nobody sent').toEqual([]);
    expect(messages).toHaveLength(EVENTS);
    const byKey = new Map(messages.map((m) => [`${m.channel_id}|${m.remote_id}`, m]));
    expect(events.filter((e) => byKey.get(channelKey(e))!.text !== e.text || byKey.get(channelKey(e))!.direction !== 'in').map((e) => e.remoteId), 'messages stored with another text or direction').toEqual([]);

    const inbound = await t.app.db.selectFrom('inbound_items').select(['channel_id', 'remote_id']).where('workspace_id', '=', ws).execute();
    const inboundPerKey = countBy(inbound, (r) => `${r.channel_id}|${r.remote_id}`);
    expect(events.filter((e) => inboundPerKey.get(channelKey(e)) !== 1).map((e) => e.remoteId).slice(0, 20), 'inbound items missing or twice').toEqual([]);
    expect(inbound).toHaveLength(EVENTS);

    const conversations = await t.app.db.selectFrom('conversations').select(['id', 'channel_id', 'thread_remote_id', 'message_count']).where('workspace_id', '=', ws).execute();
    const perConversation = countBy(messages, (m) => m.conversation_id);
    const wrongCounts = conversations.filter((c) => Number(c.message_count) !== (perConversation.get(c.id) ?? 0));
    expect(wrongCounts.map((c) => `${c.thread_remote_id}: message_count ${c.message_count}, messages ${perConversation.get(c.id) ?? 0}`), `${wrongCounts.length} conversation(s) count their messages wrong`).toEqual([]);
    expect(new Set(conversations.map((c) => `${c.channel_id}|${c.thread_remote_id}`))).toEqual(new Set(events.map((e) => `${channelOf[e.endpoint]}|${e.threadRemoteId}`)));
    expect(conversations).toHaveLength(new Set(events.map((e) => `${e.endpoint}|${e.threadRemoteId}`)).size);

    const identities = await t.app.db.selectFrom('contact_identities').select(['channel_id', 'remote_id']).where('workspace_id', '=', ws).execute();
    const contacts = await t.app.db.selectFrom('contacts').select('id').where('workspace_id', '=', ws).execute();
    expect(new Set(identities.map((r) => `${r.channel_id}|${r.remote_id}`))).toEqual(new Set(events.map((e) => `${channelOf[e.endpoint]}|${e.authorRemoteId}`)));
    expect(contacts, 'one contact per author identity, none left over').toHaveLength(identities.length);

    expect(stats.storedSeen, 'answers never report more new events than there are').toBeLessThanOrEqual(EVENTS);
    expect(stats.kills, 'the server was killed often enough').toBeGreaterThanOrEqual(10);
  }, 600_000);
});

/**
 * The POSTs to send: each event gets 1–3 copies; copy r of all events is batched anew (1–MAX_BATCH events per body,
 * per endpoint), and all bodies go out in random order — except that one in ten repeat bodies is sent right
 * after the first body of its first event, so both copies are on the wire at the same time.
 */
function planDeliveries(events: MetaEvent[], rand: () => number): Delivery[] {
  const copies = events.map(() => 1 + Math.floor(rand() * 3));
  const firstOf = new Map<number, Delivery>();
  const plan: Delivery[] = [];
  for (let round = 0; round < 3; round++) {
    for (const endpoint of ENDPOINTS) {
      const todo = shuffle(events.flatMap((e, i) => (e.endpoint === endpoint && copies[i] > round ? [i] : [])), rand);
      while (todo.length) {
        const batch = todo.splice(0, 1 + Math.floor(rand() * MAX_BATCH));
        const body = webhookBody(endpoint, batch.map((i) => events[i]));
        const d: Delivery = { endpoint, events: batch, body, signature: metaSignature(body, APP_SECRET), order: rand() };
        if (round === 0) for (const i of batch) firstOf.set(i, d);
        else if (rand() < 0.1) d.order = firstOf.get(batch[0])!.order + rand() * 1e-12;
        plan.push(d);
      }
    }
  }
  return plan.sort((a, b) => a.order - b.order);
}

function countBy<T>(xs: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}
