import { listDirectMembers } from '../db/repos/members.repo';
import { mandatedPeople } from '../db/repos/teams.repo';
import type { Q } from '../db/repos/types';
import { bool } from '../db/repos/types';

/** Someone who works in a workspace's inbox: the organization's own member or an agency member under a mandate. */
export interface InboxPerson {
  userId: string;
  name: string;
  email: string;
  role: string;
  orgId: string;
  orgName: string;
  isAgency: boolean;
  /** The mandate lets them reply without approval, on these channels (null = all); false for own members. */
  mayReplyWithoutApproval: boolean;
  channelIds: string[] | null;
}

/**
 * Everyone who works in the workspace now: own members first (they win when someone is both), then agency members
 * whose mandate is neither revoked nor past its end.
 */
export async function workspacePeople(q: Q, workspaceId: string, now: Date = new Date()): Promise<InboxPerson[]> {
  const ws = await q.selectFrom('workspaces as w').innerJoin('organizations as o', 'o.id', 'w.organization_id').select(['o.id', 'o.name']).where('w.id', '=', workspaceId).executeTakeFirst();
  if (!ws) return [];
  const own = await listDirectMembers(q, workspaceId);
  const out: InboxPerson[] = own.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, orgId: ws.id, orgName: ws.name, isAgency: false, mayReplyWithoutApproval: false, channelIds: null }));
  const seen = new Set(out.map((p) => p.userId));
  for (const m of await mandatedPeople(q, workspaceId)) {
    if (seen.has(m.userId) || (m.ends_at && Date.parse(m.ends_at) <= now.getTime())) continue;
    seen.add(m.userId);
    out.push({ userId: m.userId, name: m.name, email: m.email, role: m.role, orgId: m.orgId, orgName: m.orgName, isAgency: true, mayReplyWithoutApproval: bool(m.may_reply_without_approval as number), channelIds: m.channel_ids ? (JSON.parse(m.channel_ids) as string[]) : null });
  }
  return out;
}
