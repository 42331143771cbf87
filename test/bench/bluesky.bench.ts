import { blueskyConnector } from '../../src/connectors/bluesky/bluesky.connector';
import { INBOUND_REASON_LIST, notificationToItem, type BskyNotification } from '../../src/connectors/bluesky/bluesky.map';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import { startAtprotoNetwork } from '../support/atproto-network';
import { testContext } from '../support/connector-context';
import { findPgBin, startPostgres } from '../support/postgres-server';

const MENTIONS = 250;
const ROUNDS = 5;

/**
 * Inbound throughput on a real local AT Protocol network: `poll` (listNotifications pages → InboundItem mapping,
 * cursor) against a baseline of the raw listNotifications fetch of the same pages without mapping, measured
 * alternately in the same run. Needs PostgreSQL (TEST_DATABASE_URL or Debian's postgresql); skips without it.
 */
export async function benchBluesky(): Promise<void> {
  const given = process.env.TEST_DATABASE_URL;
  if (!given && !findPgBin()) {
    console.log('bluesky bench skipped: no PostgreSQL (set TEST_DATABASE_URL or apt-get install postgresql)');
    return;
  }
  const pg = given ? null : await startPostgres();
  const net = await startAtprotoNetwork(given ?? pg!.url);
  try {
    const org = await net.createAccount('bench-org', 'Bench Org');
    const fan = await net.createAccount('bench-fan', 'Bench Fan');
    const appPassword = await net.createAppPassword(org, 'bench');
    const fetch = createPlatformFetch();
    const { credentials, account } = await blueskyConnector.connect!(fetch, { service: net.pdsUrl, identifier: org.handle, appPassword }, new Date());
    const mention = `@${org.handle}`;
    // One record per commit, as people post: the AppView pages notifications by time alone, so records written in
    // one batch (same indexing moment) would straddle its page boundaries.
    const setup = performance.now();
    let next = 0;
    const writer = async () => {
      for (let i = next++; i < MENTIONS; i = next++) {
        const text = `${mention} question ${i}: when does the office open? 🙂`;
        const facets = [{ index: { byteStart: 0, byteEnd: Buffer.byteLength(mention) }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: org.did }] }];
        await net.xrpc(fan, 'com.atproto.repo.createRecord', { body: { repo: fan.did, collection: 'app.bsky.feed.post', record: { $type: 'app.bsky.feed.post', text, facets, createdAt: new Date().toISOString() } } });
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    await net.settle(60_000);
    console.log(`(${MENTIONS} mentions written and indexed in ${((performance.now() - setup) / 1000).toFixed(1)} s)`);
    const ctx = testContext(account, credentials, { fetch });

    const raw = async (): Promise<BskyNotification[]> => {
      const all: BskyNotification[] = [];
      let cursor: string | undefined;
      for (;;) {
        const q = new URLSearchParams({ limit: '100' });
        for (const r of INBOUND_REASON_LIST) q.append('reasons', r);
        if (cursor) q.set('cursor', cursor);
        const res = await fetch(`${credentials.service}/xrpc/app.bsky.notification.listNotifications?${q}`, { headers: { authorization: `Bearer ${credentials.accessJwt}` } });
        const page = (await res.json()) as { notifications: BskyNotification[]; cursor?: string };
        all.push(...page.notifications);
        if (!page.cursor || page.notifications.length === 0) return all;
        cursor = page.cursor;
      }
    };
    const first = await blueskyConnector.poll!(ctx, null);
    if (first.items.length !== MENTIONS) throw new Error(`expected ${MENTIONS} inbound items, got ${first.items.length}`);
    await raw();

    let pollMs = 0;
    let rawMs = 0;
    let pollItems = 0;
    let rawItems = 0;
    let sample: BskyNotification[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      let t0 = performance.now();
      sample = await raw();
      rawMs += performance.now() - t0;
      rawItems += sample.length;
      t0 = performance.now();
      pollItems += (await blueskyConnector.poll!(ctx, null)).items.length;
      pollMs += performance.now() - t0;
    }
    const t0 = performance.now();
    let mapped = 0;
    for (let r = 0; r < 50; r++) for (const n of sample) if (notificationToItem(n, org.did)) mapped++;
    const mapMs = performance.now() - t0;

    const pollRate = pollItems / (pollMs / 1000);
    const rawRate = rawItems / (rawMs / 1000);
    console.log(`bluesky poll → InboundItem (${MENTIONS} mentions, ${ROUNDS} rounds)  ${pollRate.toFixed(0)} items/s`);
    console.log(`raw listNotifications, same pages, no mapping (baseline)  ${rawRate.toFixed(0)} items/s`);
    console.log(`ratio                                                    ${(pollRate / rawRate).toFixed(2)}`);
    console.log(`(mapping alone, in memory                                ${(mapped / (mapMs / 1000)).toFixed(0)} items/s)`);
  } finally {
    await net.close();
    pg?.stop();
  }
}
