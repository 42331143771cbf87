import { api, enc, query } from '../../api/client';

/** The inbox reports' calls: the figures for a date range, the CSV address, and the teams to filter on. */

export interface Bucket {
  key: string;
  label: string;
  count: number;
}

export interface DurationStats {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface AnsweredBy {
  orgId: string;
  orgName: string;
  isAgency: boolean;
  replies: number;
  conversations: number;
  medianFirstResponseMinutes: number | null;
}

export interface ReportConversation {
  id: string;
  channelName: string;
  subject: string | null;
  teamName: string | null;
  status: string;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  answeredByOrg: string | null;
}

export interface InboxReport {
  from: string;
  to: string;
  timeZone: string;
  volume: {
    total: number;
    byDay: Array<{ date: string; count: number }>;
    byChannel: Bucket[];
    byKind: Bucket[];
    byTeam: Bucket[];
    byTag: Bucket[];
    bySentiment: Bucket[];
  };
  firstResponse: DurationStats;
  resolution: DurationStats;
  attainment: { firstResponse: number | null; resolution: number | null };
  topTopics: Array<{ term: string; count: number }>;
  answeredBy: AnsweredBy[];
  conversations: ReportConversation[];
}

export interface ReportQuery {
  from: string;
  to: string;
  teamId?: string;
  channelId?: string;
}

const base = (ws: string) => `/api/workspaces/${enc(ws)}/inbox`;
const params = (q: ReportQuery) => query({ from: q.from, to: q.to, teamId: q.teamId, channelId: q.channelId });

export const inboxReportsApi = {
  report: (ws: string, q: ReportQuery) => api.get<InboxReport>(`${base(ws)}/reports${params(q)}`),
  /** The address of the CSV download for the same query (a plain link: the browser sends the session cookie). */
  csvUrl: (ws: string, q: ReportQuery) => `${base(ws)}/reports.csv${params(q)}`,
  teams: (ws: string) => api.get<Array<{ id: string; name: string }>>(`${base(ws)}/teams`),
};
