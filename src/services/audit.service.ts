import { ChainVerifier, GENESIS_HASH, describeBrokenLink, linkHash, type BrokenLink } from '../core/audit/chain';
import { newId } from '../core/shared/ids';
import { appendAuditRecord, chainPage, listChains, lockAuditHead } from '../db/repos/audit.repo';
import type { Q } from '../db/repos/types';
import type { Actor, App } from './app';

/** What happened, for the audit trail. `summary` holds a short before/after of what changed. */
export interface AuditEntry {
  action: string;
  workspaceId: string | null;
  /** The organization the actor acted for: the workspace's own organization, or the agency under a mandate. */
  actorOrgId: string | null;
  objectType?: string;
  objectId?: string;
  summary?: Record<string, unknown>;
}

/** The chain a record joins: one per workspace, plus one for account-level events. */
export function chainIdOf(workspaceId: string | null): string {
  return workspaceId ?? 'global';
}

/**
 * Appends an audit record in the caller's transaction `q`, chained to the previous record of its chain with the
 * installation's HMAC key. Must run in the same transaction as the change it records.
 */
export async function writeAudit(app: App, q: Q, actor: Pick<Actor, 'userId' | 'ip' | 'userAgent'> | null, e: AuditEntry): Promise<void> {
  const chainId = chainIdOf(e.workspaceId);
  const head = await lockAuditHead(q, app.dialect, chainId);
  const base = {
    chain_id: chainId,
    seq: head ? Number(head.seq) + 1 : 1,
    id: newId(),
    workspace_id: e.workspaceId,
    actor_user_id: actor?.userId ?? null,
    actor_org_id: e.actorOrgId,
    action: e.action,
    object_type: e.objectType ?? null,
    object_id: e.objectId ?? null,
    summary: JSON.stringify(e.summary ?? {}),
    ip: actor?.ip ?? null,
    user_agent: actor?.userAgent?.slice(0, 400) ?? null,
    created_at: app.clock.now().toISOString(),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = linkHash(app.keys.audit, {
    chainId: base.chain_id,
    seq: base.seq,
    id: base.id,
    workspaceId: base.workspace_id,
    actorUserId: base.actor_user_id,
    actorOrgId: base.actor_org_id,
    action: base.action,
    objectType: base.object_type,
    objectId: base.object_id,
    summary: base.summary,
    ip: base.ip,
    userAgent: base.user_agent,
    createdAt: base.created_at,
    prevHash: base.prev_hash,
  });
  await appendAuditRecord(q, { ...base, hash }, head !== undefined);
}

export interface VerifyReport {
  chains: number;
  records: number;
  broken: BrokenLink[];
  messages: string[];
}

/**
 * Walks every audit chain from its first record and checks each HMAC link and each chain's head. Reports the first
 * broken link per chain. Reads in pages so that millions of records fit in little memory.
 */
export async function verifyAudit(app: Pick<App, 'db' | 'keys'>, pageSize = 5000): Promise<VerifyReport> {
  const chains = await listChains(app.db);
  const report: VerifyReport = { chains: chains.length, records: 0, broken: [], messages: [] };
  for (const { chainId, head } of chains) {
    const v = new ChainVerifier(app.keys.audit, chainId);
    let after = 0;
    for (;;) {
      const page = await chainPage(app.db, chainId, after, pageSize);
      for (const r of page) {
        const ok = v.add({
          chainId: r.chain_id,
          seq: Number(r.seq),
          id: r.id,
          workspaceId: r.workspace_id,
          actorUserId: r.actor_user_id,
          actorOrgId: r.actor_org_id,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          summary: r.summary,
          ip: r.ip,
          userAgent: r.user_agent,
          createdAt: r.created_at,
          prevHash: r.prev_hash,
          hash: r.hash,
        });
        if (!ok) break;
      }
      if (v.broken || page.length < pageSize) break;
      after = Number(page[page.length - 1].seq);
    }
    report.records += v.checked;
    const broken = v.finish(head);
    if (broken) {
      report.broken.push(broken);
      report.messages.push(describeBrokenLink(broken));
    }
  }
  return report;
}
