import { dutchHolidays } from '../core/inbox/business-hours';
import { compileRules, routeMessage, validateRules, PRIORITIES, type CompiledRules, type MessageKind, type Priority, type RoutingRule } from '../core/inbox/routing';
import { parseReplyRules, type ReplyRules } from '../core/inbox/reply-rules';
import { sentimentOf } from '../core/inbox/sentiment';
import { DEFAULT_SLA, defaultBusinessHours, validateTeamConfig, type TeamConfig, type TeamSla } from '../core/inbox/team-config';
import type { BusinessHours } from '../core/inbox/business-hours';
import type { AssignmentMode } from '../core/inbox/assignment';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { detectLanguage } from '../core/text/language';
import { findChannel } from '../db/repos/channels.repo';
import { findInboxSettings, findTeam, insertTeam, listTeams, replaceTeamMembers, saveInboxSettings, teamMembers, updateTeam } from '../db/repos/teams.repo';
import type { Q } from '../db/repos/types';
import { bool, int } from '../db/repos/types';
import type { TeamsTable } from '../db/schema';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { workspacePeople } from './inbox-people';

/** The workspace's routing and reply rules as the settings page and the ingest path use them. */
export interface InboxSettings {
  rules: RoutingRule[];
  defaultTeamId: string | null;
  defaultPriority: Priority;
  replyRules: ReplyRules;
  version: number;
}

const compiledCache = new Map<string, CompiledRules>();

/** The settings (defaults until an owner saves), with the rules compiled once per version. */
export async function inboxSettingsOf(q: Q, workspaceId: string): Promise<InboxSettings & { compiled: CompiledRules }> {
  const row = await findInboxSettings(q, workspaceId);
  const version = row ? Number(row.version) : 0;
  const rules = row ? (JSON.parse(row.rules) as RoutingRule[]) : [];
  const key = `${workspaceId}@${version}`;
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileRules(rules);
    if (compiledCache.size > 500) compiledCache.delete(compiledCache.keys().next().value!);
    compiledCache.set(key, compiled);
  }
  return {
    rules,
    defaultTeamId: row?.default_team_id ?? null,
    defaultPriority: ((PRIORITIES as readonly string[]).includes(row?.default_priority ?? '') ? row!.default_priority : 'normal') as Priority,
    replyRules: parseReplyRules(row ? JSON.parse(row.reply_rules) : null),
    version,
    compiled,
  };
}

/** For the settings page. */
export async function getInboxSettings(app: App, scope: WorkspaceScope): Promise<InboxSettings> {
  const { compiled: _c, ...s } = await inboxSettingsOf(app.db, scope.workspaceId);
  return s;
}

function invalid(problems: string[]): never {
  throw new AppError('ERR_VALIDATION', `The inbox settings need fixing: ${problems[0]}`, { problems });
}

/** Checks that the teams, people and channels a rule names exist in this workspace. */
async function checkReferences(q: Q, workspaceId: string, rules: RoutingRule[], defaultTeamId: string | null): Promise<string[]> {
  const teams = new Set((await listTeams(q, workspaceId)).map((t) => t.id));
  const people = new Set((await workspacePeople(q, workspaceId)).map((p) => p.userId));
  const channels = new Set((await q.selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).execute()).map((c) => c.id));
  const problems: string[] = [];
  if (defaultTeamId && !teams.has(defaultTeamId)) problems.push('The default team does not exist (any more).');
  rules.forEach((r, i) => {
    const at = `Rule ${i + 1} ("${r.name}")`;
    if (r.actions.teamId && !teams.has(r.actions.teamId)) problems.push(`${at}: its team does not exist (any more).`);
    if (r.actions.assigneeId && !people.has(r.actions.assigneeId)) problems.push(`${at}: the person it assigns to is not in this workspace.`);
    for (const c of r.conditions) if (c.type === 'channel' && c.channelIds.some((id) => !channels.has(id))) problems.push(`${at}: a channel it names is not in this workspace.`);
  });
  return problems;
}

/** Saves routing rules, default queue and reply rules (owners); refuses a stale version. */
export async function saveInboxSettings_(app: App, actor: Actor, scope: WorkspaceScope, input: { rules: unknown; defaultTeamId: string | null; defaultPriority: Priority; replyRules: unknown; expectedVersion: number }): Promise<InboxSettings> {
  const v = validateRules(input.rules);
  if (!v.ok) invalid(v.problems);
  const replyRules = parseReplyRules(input.replyRules);
  const now = app.clock.now().toISOString();
  await app.db.transaction().execute(async (q) => {
    const problems = await checkReferences(q, scope.workspaceId, v.rules, input.defaultTeamId);
    if (problems.length) invalid(problems);
    const saved = await saveInboxSettings(
      q,
      { workspace_id: scope.workspaceId, rules: JSON.stringify(v.rules), default_team_id: input.defaultTeamId, default_priority: input.defaultPriority, reply_rules: JSON.stringify(replyRules), version: input.expectedVersion + 1, updated_by: actor.userId, updated_at: now },
      input.expectedVersion,
    );
    if (!saved) throw new AppError('ERR_STALE_VERSION', 'Someone saved the inbox settings in the meantime. Reload them and make your change again.');
    await writeAudit(app, q, actor, { action: 'inbox.settings_saved', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'inbox_settings', objectId: scope.workspaceId, summary: { version: input.expectedVersion + 1, rules: v.rules.length, defaultTeamId: input.defaultTeamId, replyRules } });
  });
  return getInboxSettings(app, scope);
}
export { saveInboxSettings_ as saveInboxSettings };

export interface RouteTestInput {
  text: string;
  subject?: string | null;
  channelId: string;
  kind: MessageKind;
  contactTags?: string[];
  vip?: boolean;
  receivedAt?: string;
  rules?: unknown;
}

/** The rule tester: which rule routes a pasted message, and why; with unsaved rules when given. */
export async function testRoute(app: App, scope: WorkspaceScope, input: RouteTestInput) {
  const settings = await inboxSettingsOf(app.db, scope.workspaceId);
  let compiled = settings.compiled;
  if (input.rules !== undefined) {
    const v = validateRules(input.rules);
    if (!v.ok) invalid(v.problems);
    compiled = compileRules(v.rules);
  }
  const channel = await findChannel(app.db, scope.workspaceId, input.channelId);
  if (!channel) throw notFound('This channel');
  const language = detectLanguage(`${input.subject ?? ''} ${input.text}`).language;
  const mood = sentimentOf(input.text, language);
  const result = routeMessage(
    compiled,
    { channelId: channel.id, channelKind: channel.kind, kind: input.kind, text: input.text, subject: input.subject ?? undefined, language, sentiment: mood.label, contactTags: input.contactTags ?? [], vip: input.vip ?? false, receivedAt: input.receivedAt ?? app.clock.now().toISOString() },
    { teamId: settings.defaultTeamId, priority: settings.defaultPriority },
  );
  const teams = new Map((await listTeams(app.db, scope.workspaceId)).map((t) => [t.id, t.name]));
  const people = new Map((await workspacePeople(app.db, scope.workspaceId)).map((p) => [p.userId, p.name]));
  return {
    language,
    sentiment: { label: mood.label, score: mood.score },
    result: { ...result, teamName: result.teamId ? (teams.get(result.teamId) ?? null) : null, assigneeName: result.assigneeId ? (people.get(result.assigneeId) ?? null) : null },
  };
}

// ---------- teams ----------

/** A stored team's configuration, read back. */
export function teamConfigOf(row: TeamsTable): TeamConfig {
  return {
    name: row.name,
    description: row.description,
    businessHours: JSON.parse(row.business_hours) as BusinessHours,
    sla: JSON.parse(row.sla) as TeamSla,
    assignmentMode: row.assignment_mode as AssignmentMode,
    defaultLimit: row.default_limit === null ? null : Number(row.default_limit),
  };
}

async function teamViews(q: Q, workspaceId: string, only?: string) {
  const rows = (await listTeams(q, workspaceId)).filter((t) => !only || t.id === only);
  const members = await teamMembers(q, workspaceId, only);
  const people = new Map((await workspacePeople(q, workspaceId)).map((p) => [p.userId, p]));
  return rows.map((t) => ({
    id: t.id,
    ...teamConfigOf(t),
    members: members
      .filter((m) => m.team_id === t.id)
      .map((m) => ({ userId: m.user_id, name: m.name, email: m.email, orgName: people.get(m.user_id)?.orgName ?? null, isAgency: people.get(m.user_id)?.isAgency ?? false, maxOpen: m.max_open === null ? null : Number(m.max_open), available: bool(m.available), open: Number(m.open ?? 0) })),
  }));
}

/** The workspace's teams with members and their current load. */
export async function listTeamViews(app: App, scope: WorkspaceScope) {
  return teamViews(app.db, scope.workspaceId);
}

function parseTeam(raw: unknown): TeamConfig {
  const v = validateTeamConfig(raw);
  if (!v.ok) throw new AppError('ERR_VALIDATION', `The team needs fixing: ${v.problems[0]}`, { problems: v.problems });
  return v.team;
}

/** Creates a team; business hours and SLA default to office hours and common webcare norms when left out. */
export async function createTeam(app: App, actor: Actor, scope: WorkspaceScope, raw: Record<string, unknown>) {
  const now = app.clock.now();
  const team = parseTeam({ businessHours: defaultBusinessHours(now.getUTCFullYear()), sla: DEFAULT_SLA, assignmentMode: 'manual', defaultLimit: null, description: '', ...raw });
  const id = newId();
  const at = now.toISOString();
  await app.db.transaction().execute(async (q) => {
    await insertTeam(q, { workspace_id: scope.workspaceId, id, name: team.name, description: team.description, business_hours: JSON.stringify(team.businessHours), sla: JSON.stringify(team.sla), assignment_mode: team.assignmentMode, default_limit: team.defaultLimit, last_assigned_user_id: null, archived_at: null, created_at: at, updated_at: at });
    await writeAudit(app, q, actor, { action: 'team.created', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'team', objectId: id, summary: { name: team.name, assignmentMode: team.assignmentMode } });
  });
  return (await teamViews(app.db, scope.workspaceId, id))[0];
}

/** Changes a team and (when given) its members; members must be people of this workspace. */
export async function updateTeamConfig(app: App, actor: Actor, scope: WorkspaceScope, id: string, raw: Record<string, unknown>, members?: Array<{ userId: string; maxOpen: number | null; available: boolean }>) {
  const at = app.clock.now().toISOString();
  await app.db.transaction().execute(async (q) => {
    const row = await findTeam(q, scope.workspaceId, id);
    if (!row || row.archived_at) throw notFound('This team');
    const team = parseTeam({ ...teamConfigOf(row), ...raw });
    await updateTeam(q, scope.workspaceId, id, { name: team.name, description: team.description, business_hours: JSON.stringify(team.businessHours), sla: JSON.stringify(team.sla), assignment_mode: team.assignmentMode, default_limit: team.defaultLimit, updated_at: at });
    if (members) {
      const people = new Set((await workspacePeople(q, scope.workspaceId)).map((p) => p.userId));
      const stranger = members.find((m) => !people.has(m.userId));
      if (stranger) throw new AppError('ERR_VALIDATION', 'A team member must be a member of this workspace (or work here under a mandate).', { problems: [`${stranger.userId} is not in this workspace.`] });
      const unique = [...new Map(members.map((m) => [m.userId, m])).values()];
      await replaceTeamMembers(q, scope.workspaceId, id, unique.map((m, i) => ({ workspace_id: scope.workspaceId, team_id: id, user_id: m.userId, max_open: m.maxOpen, available: int(m.available), position: i, created_at: at })));
    }
    await writeAudit(app, q, actor, { action: 'team.updated', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'team', objectId: id, summary: { name: team.name, assignmentMode: team.assignmentMode, members: members?.map((m) => m.userId) } });
  });
  return (await teamViews(app.db, scope.workspaceId, id))[0];
}

/** Archives a team: its conversations keep their history; new ones no longer go there. */
export async function archiveTeam(app: App, actor: Actor, scope: WorkspaceScope, id: string): Promise<void> {
  const at = app.clock.now().toISOString();
  await app.db.transaction().execute(async (q) => {
    const row = await findTeam(q, scope.workspaceId, id);
    if (!row || row.archived_at) throw notFound('This team');
    await updateTeam(q, scope.workspaceId, id, { archived_at: at, updated_at: at });
    await writeAudit(app, q, actor, { action: 'team.archived', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'team', objectId: id, summary: { name: row.name } });
  });
}

/** Dutch public holidays of a year, to close a team's hours with one click. */
export function holidays(year: number) {
  return dutchHolidays(year).map((h) => ({ date: h.date, name: { nl: h.name, en: h.name }, lustrumOnly: h.lustrumOnly ?? false }));
}
