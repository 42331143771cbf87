import { validateBusinessHours, type BusinessHours } from '../core/inbox/business-hours';
import {
  answeredBy,
  attainmentOf,
  timesAt,
  labelled,
  localDateTime,
  reportRange,
  tagCounts,
  timeFigure,
  volumeByDay,
  type AnsweredBy,
  type ConversationTimes,
  type Count,
  type ReportRange,
  type TimeFigure,
} from '../core/inbox/report';
import { reportCsv } from '../core/inbox/report-csv';
import { topTopics } from '../core/inbox/report-topics';
import { AppError } from '../core/shared/errors';
import { channelsOf, groupCounts, inboundTexts, organizationsByIds, repliesPerOrg, reportConversations, tagLists, teamsOf, timeRows, type ReportScope } from '../db/repos/inbox-reports.repo';
import type { WorkspaceScope } from './access.service';
import type { App } from './app';
import { settingsOf } from './publishing-settings';

/** Top topics are taken from at most this many of the latest inbound messages in the period. */
export const TOPIC_SAMPLE = 5_000;
const LATEST = 50;

export interface ReportQuery {
  from?: string;
  to?: string;
  teamId?: string;
  channelId?: string;
}

export interface InboxReport {
  from: string;
  to: string;
  timeZone: string;
  volume: { total: number; byDay: Array<{ date: string; count: number }>; byChannel: Count[]; byKind: Count[]; byTeam: Count[]; byTag: Count[]; bySentiment: Count[] };
  firstResponse: TimeFigure;
  resolution: TimeFigure;
  attainment: { firstResponse: number | null; resolution: number | null };
  topTopics: Array<{ term: string; count: number }>;
  answeredBy: AnsweredBy[];
  conversations: Array<{ id: string; channelName: string; subject: string | null; teamName: string | null; status: string; firstResponseMinutes: number | null; resolutionMinutes: number | null; answeredByOrg: string | null }>;
}

/** The period (validated), the workspace's time zone, names of teams and channels, and each team's hours. */
async function setting(app: App, scope: WorkspaceScope, query: ReportQuery) {
  const { timeZone } = await settingsOf(app.db, scope.workspaceId);
  const r = reportRange({ from: query.from, to: query.to }, app.clock.now().toISOString(), timeZone);
  if (!r.ok) throw new AppError('ERR_VALIDATION', 'Choose a period of at most 366 days (from and to as YYYY-MM-DD).', { problems: r.problems });
  const range: ReportRange = r.range;
  const [teams, channels] = await Promise.all([teamsOf(app.db, scope.workspaceId), channelsOf(app.db, scope.workspaceId)]);
  const hours = new Map<string, BusinessHours>();
  for (const t of teams) {
    const v = validateBusinessHours(safeJson(t.business_hours));
    if (v.ok) hours.set(t.id, v.hours);
  }
  const s: ReportScope = { workspaceId: scope.workspaceId, startAt: range.startAt, endAt: range.endAt, teamId: query.teamId, channelId: query.channelId };
  return { timeZone, range, s, hours, teamNames: new Map(teams.map((t) => [t.id, t.name])), channelNames: new Map(channels.map((c) => [c.id, c.name])) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

type TimeRow = Awaited<ReturnType<typeof timeRows>>[number];

/** Times of report rows at one moment: business minutes of each row's team, plain minutes without one. */
function timesOfRows(hours: Map<string, BusinessHours>, now: string): (row: TimeRow) => ConversationTimes {
  const at = timesAt(now);
  return (row) =>
    at(
      { teamId: row.team_id, firstMessageAt: row.first_message_at, firstResponseAt: row.first_response_at, resolvedAt: row.resolved_at, slaFirstDueAt: row.sla_first_due_at, slaResolutionDueAt: row.sla_resolution_due_at },
      (row.team_id && hours.get(row.team_id)) || null,
    );
}

/** Organization names and whether each is an agency, for the organizations that answered. */
async function organizations(app: App, ids: Iterable<string | null>) {
  const wanted = [...new Set([...ids].filter((o): o is string => o !== null))];
  return new Map((await organizationsByIds(app.db, wanted)).map((o) => [o.id, { name: o.name, isAgency: o.kind === 'agency' }]));
}

/**
 * The inbox report for a period of local days (default: the last 28) in the workspace's time zone, optionally for
 * one team or channel: volume, response and resolution times, SLA attainment, top topics, who answered, and the
 * latest 50 conversations. Counts per group are made by the database; times from only the columns they need.
 */
export async function inboxReport(app: App, scope: WorkspaceScope, query: ReportQuery): Promise<InboxReport> {
  const { timeZone, range, s, hours, teamNames, channelNames } = await setting(app, scope, query);
  const timesOf = timesOfRows(hours, app.clock.now().toISOString());
  const [groups, tags, texts, latest, rows, replyCounts] = await Promise.all([
    groupCounts(app.db, s),
    tagLists(app.db, s),
    inboundTexts(app.db, s, TOPIC_SAMPLE),
    reportConversations(app.db, s, LATEST),
    timeRows(app.db, s),
    repliesPerOrg(app.db, s),
  ]);
  const times = rows.map(timesOf);
  const orgs = await organizations(app, [...replyCounts.map((r) => r.orgId), ...new Set(rows.map((r) => r.first_org_id))]);
  const per = (key: (g: (typeof groups)[number]) => string | null) => groups.map((g) => ({ key: key(g), count: g.count }));
  return {
    from: range.from,
    to: range.to,
    timeZone,
    volume: {
      total: groups.reduce((n, g) => n + g.count, 0),
      byDay: volumeByDay(rows.map((r) => r.first_message_at), range, timeZone),
      byChannel: labelled(per((g) => g.channel_id), (k) => channelNames.get(k) ?? k, 'Unknown channel'),
      byKind: labelled(per((g) => g.kind), (k) => k, 'none'),
      byTeam: labelled(per((g) => g.team_id), (k) => teamNames.get(k) ?? k, 'No team'),
      byTag: tagCounts(tags),
      bySentiment: labelled(per((g) => g.sentiment), (k) => k, 'none'),
    },
    firstResponse: timeFigure(times.map((t) => t.firstResponseMinutes)),
    resolution: timeFigure(times.map((t) => t.resolutionMinutes)),
    attainment: { firstResponse: attainmentOf(times.map((t) => t.firstResponseSla)), resolution: attainmentOf(times.map((t) => t.resolutionSla)) },
    topTopics: topTopics(texts),
    answeredBy: answeredBy(
      rows.map((r, i) => ({ firstOrgId: r.first_org_id, firstResponseMinutes: times[i].firstResponseMinutes })),
      replyCounts,
      orgs,
    ),
    conversations: latest.map((c) => {
      const t = timesOf(c);
      return {
        id: c.id,
        channelName: channelNames.get(c.channel_id) ?? '',
        subject: c.subject,
        teamName: c.team_id ? (teamNames.get(c.team_id) ?? null) : null,
        status: c.status,
        firstResponseMinutes: t.firstResponseMinutes,
        resolutionMinutes: t.resolutionMinutes,
        answeredByOrg: c.first_org_id === null ? null : (orgs.get(c.first_org_id)?.name ?? null),
      };
    }),
  };
}

/** The report's conversations as CSV (one row each, oldest first) and a file name with the period's dates. */
export async function inboxReportCsv(app: App, scope: WorkspaceScope, query: ReportQuery): Promise<{ fileName: string; csv: string }> {
  const { timeZone, range, s, hours, teamNames, channelNames } = await setting(app, scope, query);
  const timesOf = timesOfRows(hours, app.clock.now().toISOString());
  const rows = await reportConversations(app.db, s, null);
  const orgs = await organizations(app, new Set(rows.map((r) => r.first_org_id)));
  const csv = reportCsv(
    rows.map((c) => {
      const t = timesOf(c);
      return {
        id: c.id,
        startedAt: localDateTime(c.first_message_at, timeZone),
        channelName: channelNames.get(c.channel_id) ?? '',
        kind: c.kind,
        subject: c.subject,
        teamName: c.team_id ? (teamNames.get(c.team_id) ?? null) : null,
        status: c.status,
        priority: c.priority,
        sentiment: c.sentiment,
        tags: stringList(safeJson(c.tags)),
        firstResponseMinutes: t.firstResponseMinutes,
        resolutionMinutes: t.resolutionMinutes,
        firstResponseSla: t.firstResponseSla,
        resolutionSla: t.resolutionSla,
        answeredByOrg: c.first_org_id === null ? null : (orgs.get(c.first_org_id)?.name ?? null),
      };
    }),
  );
  return { fileName: `regie-inbox-${range.from}-${range.to}.csv`, csv };
}
