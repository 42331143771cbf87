import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAtprotoNetwork, type AtprotoNetwork } from '../support/atproto-network';
import { setupOwner, type Client } from '../support/client';
import { startFaultProxy, startSandboxPlatform, type SandboxPlatform } from '../support/sandbox-platform';
import { createTestApp, type TestApp } from '../support/test-app';

const missing = !inject('pgUrl') || !existsSync('dist/server/regie.mjs');
if (missing && process.env.CI === 'true') throw new Error('CI: the crash test needs PostgreSQL (for the AT Protocol network) and the built server (node scripts/build.mjs)');

const SANDBOX_CHANNELS = 50;
const CHANNELS_PER_POST = 10;
const POSTS = 100;

/**
 * Kill -9 the worker again and again while 1,000 scheduled variants go out to 50 sandbox channels (on a platform
 * stand-in that does NOT refuse duplicates) and the local Bluesky network, while 1% of the platforms' successful
 * answers are lost on the way back. Afterwards every variant is published exactly once, or held/failed with a
 * reason — never twice.
 */
// On SQLite one worker process (as `regie serve` runs it); on PostgreSQL two workers side by side, both killed.
describe.skipIf(missing).each(['sqlite', 'postgres'] as const)('crash test: exactly once under kill -9 and lost answers (%s)', (db) => {
  let t: TestApp;
  let net: AtprotoNetwork;
  let platform: SandboxPlatform;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let owner: Client;
  let ws: string;
  let bskyDid: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    process.env.REGIE_TEST_DB = db;
    [t, net, platform] = await Promise.all([createTestApp(), startAtprotoNetwork(inject('pgUrl')!), startSandboxPlatform({ dropRate: 0.01 })]);
    proxy = await startFaultProxy(net.pdsUrl, (method, path) => method === 'POST' && path.startsWith('/xrpc/com.atproto.repo.createRecord') && Math.random() < 0.01);
    ({ owner, ws } = await setupOwner(t.http));
    const channels: string[] = [];
    for (let i = 0; i < SANDBOX_CHANNELS; i++) {
      const r = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'sandbox', credentials: { name: `Sandbox ${i}`, serverUrl: platform.url } });
      expect(r.status, r.text).toBe(201);
      channels.push(r.body.id);
    }
    const me = await net.createAccount('crash', 'Crash Test');
    bskyDid = me.did;
    const bsky = await owner.post(`/api/workspaces/${ws}/channels`, { kind: 'bluesky', credentials: { service: proxy.url, identifier: me.handle, appPassword: await net.createAppPassword(me, 'Regie') } });
    expect(bsky.status, bsky.text).toBe(201);
    for (let p = 0; p < POSTS; p++) {
      const picked = [bsky.body.id, ...Array.from({ length: CHANNELS_PER_POST - 1 }, (_, k) => channels[(p * 7 + k) % SANDBOX_CHANNELS])];
      const text = `Bericht ${p}: de gemeente informeert over werkzaamheden in wijk ${p % 17}.`;
      const created = await owner.post(`/api/workspaces/${ws}/posts`, { content: { title: `Crash ${p}`, core: text, variants: picked.map((channelId) => ({ channelId, parts: [text], firstComment: null })) } });
      expect(created.status, created.text).toBe(201);
      const s = await owner.post(`/api/workspaces/${ws}/posts/${created.body.id}/schedule`, { version: 1, at: null });
      expect(s.body.waitingForApproval).toBe(false);
    }
    await t.http.close();
  }, 300_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.allSettled([t?.close(), net?.close(), platform?.close(), proxy?.close()]);
  });

  const open = () => t.app.db.selectFrom('variants').select((eb) => eb.fn.countAll<number>().as('n')).where('state', 'in', ['scheduled', 'publishing']).executeTakeFirstOrThrow();

  function worker(name: string): ChildProcess {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'error', WORKER_NAME: name, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) };
    delete env.REGIE_TEST_DB;
    const c = spawn(process.execPath, ['dist/server/regie.mjs', 'worker'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.add(c);
    c.on('exit', () => children.delete(c));
    return c;
  }

  it('every variant is published exactly once or held with a reason; none twice', async () => {
    const names = db === 'postgres' ? ['crash-a', 'crash-b'] : ['local'];
    let kills = 0;
    const deadline = Date.now() + 240_000;
    while (Number((await open()).n) > 0 && Date.now() < deadline) {
      const running = names.map(worker);
      const lifetime = kills < 12 ? 400 + Math.random() * 1200 : 8_000;
      await new Promise((r) => setTimeout(r, lifetime));
      for (const c of running) {
        c.kill('SIGKILL');
        await new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
      }
      kills++;
    }
    expect(Number((await open()).n), 'variants still waiting when time ran out').toBe(0);
    expect(kills).toBeGreaterThan(5);

    const variants = await t.app.db.selectFrom('variants as v').innerJoin('channels as c', 'c.id', 'v.channel_id').select(['v.id', 'v.version', 'v.state', 'v.remote_id', 'v.reason_code', 'c.kind']).execute();
    expect(variants).toHaveLength(POSTS * CHANNELS_PER_POST);
    const perKey = platform.countByKey();
    const records = await listAllRecords(net, bskyDid);
    let published = 0;
    for (const v of variants) {
      const key = `${v.id}.${v.version}`;
      if (v.kind === 'sandbox') {
        const n = perKey.get(key) ?? 0;
        expect(n, `sandbox variant ${v.id} posted ${n} times`).toBeLessThanOrEqual(1);
        if (v.state === 'published') expect(n, `published sandbox variant ${v.id}`).toBe(1);
      } else if (v.state === 'published') {
        expect(records.has(v.remote_id!), `bluesky variant ${v.id} (${v.remote_id}) on the network`).toBe(true);
      }
      if (v.state === 'published') published++;
      else {
        expect(['held', 'failed'], `variant ${v.id} ended as ${v.state}`).toContain(v.state);
        expect(v.reason_code, `variant ${v.id} has a reason`).toBeTruthy();
      }
    }
    // The Bluesky network holds one record per published variant: none written twice.
    expect(records.size).toBe(variants.filter((v) => v.kind === 'bluesky' && v.state === 'published').length);
    expect(published).toBeGreaterThan(POSTS * CHANNELS_PER_POST * 0.98);
    if (db === 'postgres') expect(new Set((await t.app.db.selectFrom('publish_attempts').select('worker').execute()).map((a) => a.worker))).toEqual(new Set(['crash-a', 'crash-b']));
    expect(platform.dropped + proxy.dropped, 'lost answers were injected').toBeGreaterThan(0);
    console.log(`crash test (${db}): ${kills} kills, ${platform.dropped + proxy.dropped} lost answers, ${published}/${variants.length} published, ${variants.length - published} held or failed, 0 twice`);
  }, 300_000);
});

async function listAllRecords(net: AtprotoNetwork, did: string): Promise<Set<string>> {
  const uris = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await net.xrpc<{ records: Array<{ uri: string }>; cursor?: string }>(null, 'com.atproto.repo.listRecords', { query: { repo: did, collection: 'app.bsky.feed.post', limit: '100', ...(cursor ? { cursor } : {}) } });
    for (const r of page.records) uris.add(r.uri);
    cursor = page.records.length ? page.cursor : undefined;
  } while (cursor);
  return uris;
}
