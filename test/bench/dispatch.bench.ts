import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { sandboxConnector } from '../../src/connectors/sandbox/sandbox.connector';
import { createApp } from '../../src/context';
import { newId } from '../../src/core/shared/ids';
import { startPublisher } from '../../src/jobs/publisher';
import type { App } from '../../src/services/app';
import { createUserAccount } from '../../src/services/users.service';
import { onPostgres } from './bench-postgres';

const VARIANTS = Number(process.env.DISPATCH_VARIANTS ?? 10_000);
const CHANNELS = 500;
const PER_POST = 10;

/** A workspace with 500 sandbox channels and VARIANTS variants due now, written in bulk. */
async function seed(app: App): Promise<void> {
  const user = await createUserAccount(app, { email: 'bench@regie.test', name: 'Bench', password: 'bench-password-2026' }, { ip: null, userAgent: null });
  const now = new Date().toISOString();
  const org = newId();
  const ws = newId();
  await app.db.insertInto('organizations').values({ id: org, name: 'Bench', kind: 'client', created_at: now }).execute();
  await app.db.insertInto('workspaces').values({ id: ws, organization_id: org, name: 'Bench', created_at: now }).execute();
  await app.db.insertInto('workspace_members').values({ workspace_id: ws, user_id: user.id, role: 'owner', created_at: now }).execute();
  const { sealCredentials } = await import('../../src/services/channel-context');
  const channels: string[] = [];
  for (let i = 0; i < CHANNELS; i++) {
    const id = newId();
    channels.push(id);
    await app.db.insertInto('channels').values({ workspace_id: ws, id, kind: 'sandbox', name: `S${i}`, account_remote_id: `s${i}`, account_handle: `@s${i}`, account_display_name: `S${i}`, avatar_url: null, service_url: null, status: 'healthy', status_detail: null, rate_limited_until: null, last_sync_at: null, last_error_at: null, credentials: sealCredentials(app, id, { name: `S${i}` }), credentials_version: 1, refresh_lease_until: null, inbound_cursor: null, created_by: user.id, created_at: now, disconnected_at: null }).execute();
  }
  for (let p = 0; p < VARIANTS / PER_POST; p++) {
    const postId = newId();
    const picked = Array.from({ length: PER_POST }, (_, k) => channels[(p * PER_POST + k) % CHANNELS]);
    const text = `Bericht ${p}: de gemeente informeert over de werkzaamheden.`;
    await app.db.transaction().execute(async (q) => {
      await q.insertInto('posts').values({ workspace_id: ws, id: postId, brief_id: null, campaign_id: null, instrument: 'post', author_id: user.id, author_org_id: org, review_state: 'approved', version: 1, approved_version: 1, scheduled_at: now, scheduled_by: user.id, created_at: now, updated_at: now, deleted_at: null }).execute();
      await q.insertInto('post_versions').values({ workspace_id: ws, post_id: postId, version: 1, content: JSON.stringify({ title: `P${p}`, core: text, instrument: 'post', cta: null, link: null, poll: null, event: null, media: [], paidPartnership: false, variants: picked.map((channelId) => ({ channelId, parts: [text], firstComment: null })) }), verdict: 'ok', created_by: user.id, created_org_id: org, created_at: now }).execute();
      await q.insertInto('variants').values(picked.map((channelId) => ({ workspace_id: ws, id: newId(), post_id: postId, channel_id: channelId, state: 'scheduled', version: 1, due_at: now, next_attempt_at: now, lease_owner: null, lease_until: null, attempts: 0, remote_id: null, remote_url: null, published_at: null, reason_code: null, reason_text: null, features: null, updated_at: now }))).execute();
    });
  }
}

async function runOn(label: string, env: Record<string, string>): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-dispatch-bench-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), { logger: pino({ level: 'silent' }) });
  try {
    await seed(app);
    let handed = 0;
    const t0 = performance.now();
    const done = new Promise<void>((resolve) => {
      const pub = startPublisher(app, {
        concurrency: 16,
        idleMs: 50,
        onOutcome: (_id, outcome) => {
          if (outcome === 'published') handed++;
          if (handed === VARIANTS) void pub.stop().then(resolve);
        },
      });
    });
    await done;
    const secs = (performance.now() - t0) / 1000;
    console.log(`${label.padEnd(11)} ${VARIANTS} variants due at once over ${CHANNELS} channels: all out in ${secs.toFixed(1)} s (${(VARIANTS / secs).toFixed(0)}/s, ${((secs * 1000) / VARIANTS).toFixed(2)} ms each)`);
    return secs;
  } finally {
    await app.conn.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Dispatch: 10,000 variants due in the same minute across 500 sandbox channels, through the whole gate (code
 * check, approval, holds, attempt and audit records, the connector), against calling the sandbox connector's
 * publish directly for the same variants (the baseline: what the platform side costs).
 */
export async function benchDispatch(): Promise<void> {
  const ctx = { account: { remoteId: 's', handle: '@s', displayName: 'S' }, credentials: { name: 'S' }, fetch: fetch as never, fetchUntrusted: fetch as never, now: () => new Date(), log: { info() {}, warn() {} } };
  const t0 = performance.now();
  for (let i = 0; i < VARIANTS; i++) await sandboxConnector.publish!(ctx, { idempotencyKey: `k${i}`, parts: [{ text: `Bericht ${i}` }] });
  const base = (performance.now() - t0) / 1000;
  console.log(`baseline    ${VARIANTS} direct connector calls: ${(base * 1000).toFixed(0)} ms`);
  const sqlite = await runOn('SQLite', {});
  console.log(`SQLite: gate overhead per variant ${(((sqlite - base) * 1000) / VARIANTS).toFixed(2)} ms; ratio to baseline ${(sqlite / base).toFixed(0)}×`);
  await onPostgres(async (url) => {
    const pgSecs = await runOn('PostgreSQL', { DATABASE_URL: url });
    console.log(`PostgreSQL: gate overhead per variant ${(((pgSecs - base) * 1000) / VARIANTS).toFixed(2)} ms; ratio to baseline ${(pgSecs / base).toFixed(0)}×`);
  });
}
