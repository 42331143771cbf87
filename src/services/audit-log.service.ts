import { auditFacets, queryAudit, type AuditFilter } from '../db/repos/audit.repo';
import type { WorkspaceScope } from './access.service';
import type { App } from './app';

export type AuditQuery = Omit<AuditFilter, 'workspaceId'>;

type Row = Awaited<ReturnType<typeof queryAudit>>[number];

function item(r: Row) {
  return {
    seq: Number(r.seq),
    at: r.created_at,
    actor: r.actor_user_id ? { id: r.actor_user_id, name: r.actorName ?? '', email: r.actorEmail ?? '' } : null,
    organization: r.actor_org_id ? { id: r.actor_org_id, name: r.orgName ?? '', kind: (r.orgKind ?? 'client') as 'client' | 'agency' } : null,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    summary: JSON.parse(r.summary) as Record<string, unknown>,
    ip: r.ip,
    userAgent: r.user_agent,
  };
}

/** One page of the workspace's audit trail, newest first; `nextBefore` continues it. */
export async function auditPage(app: App, scope: WorkspaceScope, f: AuditQuery, limit: number) {
  const rows = await queryAudit(app.db, { ...f, workspaceId: scope.workspaceId }, limit + 1);
  const items = rows.slice(0, limit).map(item);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].seq : null };
}

export async function auditFilterOptions(app: App, scope: WorkspaceScope) {
  const f = await auditFacets(app.db, scope.workspaceId);
  return {
    actors: f.actors.map((a) => ({ id: a.id, name: a.name })),
    organizations: f.orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    actions: f.actions,
  };
}

/** A CSV cell: quoted, quotes doubled, and formula-starting text defused for spreadsheet programs. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The whole filtered audit trail as CSV text, oldest rows last like the page. Yields chunks so a long trail
 * streams without being held in memory.
 */
export async function* auditCsv(app: App, scope: WorkspaceScope, f: AuditQuery): AsyncGenerator<string> {
  yield ['seq', 'time', 'person', 'email', 'organization', 'organization_kind', 'action', 'object_type', 'object_id', 'summary', 'ip', 'user_agent']
    .map(csvCell)
    .join(',') + '\r\n';
  let before = f.before;
  for (;;) {
    const page = await auditPage(app, scope, { ...f, before }, 1000);
    yield page.items
      .map((i) =>
        [i.seq, i.at, i.actor?.name, i.actor?.email, i.organization?.name, i.organization?.kind, i.action, i.objectType, i.objectId, i.summary, i.ip, i.userAgent]
          .map(csvCell)
          .join(',') + '\r\n',
      )
      .join('');
    if (page.nextBefore === null) return;
    before = page.nextBefore;
  }
}
