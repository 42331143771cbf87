import { chooseAssignee, type AssignmentMode } from '../core/inbox/assignment';
import { routeMessage, type MessageKind } from '../core/inbox/routing';
import { newId } from '../core/shared/ids';
import { findTeam, teamMembers, updateTeam } from '../db/repos/teams.repo';
import { insertEvent, insertReply } from '../db/repos/conversations.repo';
import type { Q } from '../db/repos/types';
import { bool } from '../db/repos/types';
import type { ConversationsTable } from '../db/schema';
import { inboxSettingsOf } from './inbox-settings.service';
import { slaFields, teamTerms } from './inbox-sla';
import { replyRow } from './reply-row';

type Team = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/**
 * The workspace's inbox settings and teams as one ingest transaction sees them, each read once however many
 * messages it files; a team's round-robin position is kept current here as routing moves it.
 */
export class IngestLookups {
  private settings?: ReturnType<typeof inboxSettingsOf>;
  private readonly teams = new Map<string, Promise<Team | undefined>>();
  constructor(
    private readonly q: Q,
    private readonly workspaceId: string,
  ) {}

  inboxSettings() {
    return (this.settings ??= inboxSettingsOf(this.q, this.workspaceId));
  }

  team(id: string): Promise<Team | undefined> {
    let t = this.teams.get(id);
    if (!t) this.teams.set(id, (t = findTeam(this.q, this.workspaceId, id)));
    return t;
  }

  /** Records a change to a team made in this transaction, so later reads see it. */
  async teamChanged(id: string, patch: Partial<Team>): Promise<void> {
    const t = await this.team(id);
    if (t) this.teams.set(id, Promise.resolve({ ...t, ...patch }));
  }
}

export interface NewMessageFacts {
  messageId: string;
  channelKind: string;
  kind: MessageKind;
  text: string;
  subject: string | null;
  language: 'nl' | 'en' | null;
  sentiment: 'negative' | 'neutral' | 'positive';
  contactTags: string[];
  vip: boolean;
  receivedAt: string;
}

/**
 * Routes a conversation that was just opened, in the ingest transaction: the workspace's rules give team, assignee,
 * priority, tags and perhaps an auto-acknowledgement; the team's assignment mode picks a person when no rule did;
 * the team's SLA starts its clocks. The acknowledgement is queued as a reply, so it leaves through the gate (code,
 * holds, audit) like every other reply. Returns the columns to store.
 */
export async function routeNewConversation(q: Q, conv: ConversationsTable, m: NewMessageFacts, lookups = new IngestLookups(q, conv.workspace_id)): Promise<Partial<ConversationsTable>> {
  const settings = await lookups.inboxSettings();
  const result = routeMessage(
    settings.compiled,
    { channelId: conv.channel_id, channelKind: m.channelKind, kind: m.kind, text: m.text, subject: m.subject ?? undefined, language: m.language, sentiment: m.sentiment, contactTags: m.contactTags, vip: m.vip, receivedAt: m.receivedAt },
    { teamId: settings.defaultTeamId, priority: settings.defaultPriority },
  );
  const team = result.teamId ? await lookups.team(result.teamId) : undefined;
  const teamId = team && !team.archived_at ? team.id : null;
  let assigneeId = result.assigneeId;
  if (!assigneeId && team && teamId && team.assignment_mode !== 'manual') {
    const members = await teamMembers(q, conv.workspace_id, teamId);
    assigneeId = chooseAssignee(
      team.assignment_mode as AssignmentMode,
      members.map((x) => ({ userId: x.user_id, available: bool(x.available), open: Number(x.open ?? 0), limit: x.max_open !== null ? Number(x.max_open) : team.default_limit !== null ? Number(team.default_limit) : null })),
      team.last_assigned_user_id,
    );
    if (assigneeId) {
      await updateTeam(q, conv.workspace_id, teamId, { last_assigned_user_id: assigneeId });
      await lookups.teamChanged(teamId, { last_assigned_user_id: assigneeId });
    }
  }
  const routed = { ...conv, team_id: teamId, assignee_id: assigneeId, priority: result.priority, tags: JSON.stringify(result.tags) };
  const patch: Partial<ConversationsTable> = {
    team_id: teamId,
    assignee_id: assigneeId,
    priority: result.priority,
    tags: JSON.stringify(result.tags),
    routing: JSON.stringify({ matched: result.matched }),
    ...slaFields(routed, teamTerms(team && teamId ? team : null), m.receivedAt),
  };
  await insertEvent(q, {
    workspace_id: conv.workspace_id,
    id: newId(),
    conversation_id: conv.id,
    actor_id: null,
    actor_org_id: null,
    kind: 'routed',
    body: null,
    data: JSON.stringify({ teamId, teamName: team?.name ?? null, assigneeId, priority: result.priority, tags: result.tags, because: result.matched.flatMap((r) => [`${r.name}: ${r.because.join('; ')}`]) }),
    created_at: m.receivedAt,
  });
  if (result.autoAcknowledge) {
    await insertReply(
      q,
      replyRow({ workspace_id: conv.workspace_id, conversation_id: conv.id, channel_id: conv.channel_id, in_reply_to_message_id: m.messageId, text: result.autoAcknowledge.text, source: 'auto_ack', state: 'queued', next_attempt_at: m.receivedAt, created_at: m.receivedAt }),
    );
  }
  return patch;
}
