import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/context';
import { GENESIS_HASH, linkHash } from '../../src/core/audit/chain';
import { chainPage } from '../../src/db/repos/audit.repo';
import type { AuditRecordsTable } from '../../src/db/schema';
import { verifyAudit, writeAudit } from '../../src/services/audit.service';

const VERIFY_RECORDS = Number(process.argv[3] ?? 1_000_000);

/**
 * Audit append through the real code path (one transaction per record, chained HMAC) against a plain insert of
 * the same rows; then `audit verify` over a million records against a plain read of the same rows.
 */
export async function benchAudit(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-audit-bench-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
  try {
    const actor = { userId: 'u1', ip: '127.0.0.1', userAgent: 'bench' };
    const n = 5000;
    let t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await app.db.transaction().execute((q) => writeAudit(app, q, actor, { action: 'bench.append', workspaceId: 'ws-append', actorOrgId: 'o1', summary: { i } }));
    }
    const appendRate = n / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await app.db.transaction().execute((q) =>
        q
          .insertInto('audit_records')
          .values({ chain_id: 'ws-plain', seq: i + 1, id: `p${i}`, workspace_id: 'ws-plain', actor_user_id: 'u1', actor_org_id: 'o1', action: 'bench.plain', object_type: null, object_id: null, summary: `{"i":${i}}`, ip: null, user_agent: null, created_at: new Date().toISOString(), prev_hash: '', hash: '' })
          .execute(),
      );
    }
    const plainRate = n / ((performance.now() - t0) / 1000);
    console.log(`audit append (chained, own transaction each)  ${appendRate.toFixed(0)} records/s`);
    console.log(`plain insert, own transaction each (baseline) ${plainRate.toFixed(0)} records/s`);
    console.log(`ratio                                         ${(appendRate / plainRate).toFixed(2)}`);

    // A million-record chain, written in bulk with real links, then verified.
    t0 = performance.now();
    let prev = GENESIS_HASH;
    const batch = 2000;
    for (let start = 1; start <= VERIFY_RECORDS; start += batch) {
      const rows: AuditRecordsTable[] = [];
      for (let seq = start; seq < Math.min(start + batch, VERIFY_RECORDS + 1); seq++) {
        const r = { chainId: 'ws-big', seq, id: `b${seq}`, workspaceId: 'ws-big', actorUserId: 'u1', actorOrgId: 'o1', action: 'bench.big', objectType: 'thing', objectId: `t${seq}`, summary: `{"seq":${seq}}`, ip: '127.0.0.1', userAgent: 'bench', createdAt: '2026-11-29T12:00:00.000Z', prevHash: prev };
        prev = linkHash(app.keys.audit, r);
        rows.push({ chain_id: r.chainId, seq, id: r.id, workspace_id: r.workspaceId, actor_user_id: r.actorUserId, actor_org_id: r.actorOrgId, action: r.action, object_type: r.objectType, object_id: r.objectId, summary: r.summary, ip: r.ip, user_agent: r.userAgent, created_at: r.createdAt, prev_hash: r.prevHash, hash: prev });
      }
      await app.db.transaction().execute(async (q) => {
        for (let i = 0; i < rows.length; i += 200) await q.insertInto('audit_records').values(rows.slice(i, i + 200)).execute();
      });
    }
    await app.db.insertInto('audit_heads').values({ chain_id: 'ws-big', seq: VERIFY_RECORDS, hash: prev }).execute();
    console.log(`(wrote ${VERIFY_RECORDS} chained records in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    t0 = performance.now();
    let after = 0;
    let read = 0;
    for (;;) {
      const page = await chainPage(app.db, 'ws-big', after, 5000);
      read += page.length;
      if (page.length < 5000) break;
      after = Number(page[page.length - 1].seq);
    }
    const scan = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const report = await verifyAudit(app);
    const verify = (performance.now() - t0) / 1000;
    // The plain-insert baseline rows carry no links, so only that chain may (and must) show as broken.
    if (report.broken.some((b) => b.chainId !== 'ws-plain')) throw new Error(`verify found breaks: ${report.messages.join('; ')}`);
    console.log(`audit verify over ${report.records} records      ${verify.toFixed(2)} s (${(report.records / verify).toFixed(0)} records/s)`);
    console.log(`plain read of the same ${read} rows (baseline) ${scan.toFixed(2)} s`);
    console.log(`ratio verify/read                             ${(verify / scan).toFixed(2)}`);
  } finally {
    await app.conn.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
