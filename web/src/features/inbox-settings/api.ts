import { api, enc, query } from '../../api/client';
import type { Condition, MessageKind, Priority, RoutingRule } from '../../../../src/core/inbox/routing';

/** The inbox settings' calls: routing rules and reply rules, the rule tester, teams, holidays and saved replies. */

export type { Condition, MessageKind, Priority, RoutingRule, RuleActions } from '../../../../src/core/inbox/routing';
export type Sentiment = 'negative' | 'neutral' | 'positive';
export type ReplyRule = 'all' | 'negative' | 'none';
export type AssignmentMode = 'manual' | 'round_robin' | 'least_loaded';
export type ConditionType = Condition['type'];

export interface ReplyRules {
  agency: ReplyRule;
  own: ReplyRule;
}

export interface InboxSettings {
  rules: RoutingRule[];
  defaultTeamId: string | null;
  defaultPriority: Priority;
  replyRules: ReplyRules;
  version: number;
}

export type SettingsInput = Omit<InboxSettings, 'version'>;

export interface TestRouteInput {
  text: string;
  subject?: string;
  channelId: string;
  kind: MessageKind;
  contactTags?: string[];
  vip?: boolean;
  receivedAt?: string;
  rules?: RoutingRule[];
}

export interface RuleTrace {
  ruleId: string;
  name: string;
  matched: boolean;
  because: string[];
}

export interface TestRouteAnswer {
  language: 'nl' | 'en' | null;
  sentiment: { label: Sentiment; score: number };
  result: {
    teamId: string | null;
    teamName: string | null;
    assigneeId: string | null;
    assigneeName: string | null;
    priority: Priority;
    tags: string[];
    autoAcknowledge: { text: string; ruleId: string } | null;
    matched: Array<{ ruleId: string; name: string; because: string[] }>;
    trace: RuleTrace[];
  };
}

export interface WeekSpan {
  day: number;
  from: string;
  to: string;
}

export interface SlaTarget {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

export interface TeamInput {
  name: string;
  description: string;
  businessHours: { timeZone: string; week: WeekSpan[]; closedDates: string[] };
  sla: { targets: Record<Priority, SlaTarget>; warnAtFraction: number };
  assignmentMode: AssignmentMode;
  defaultLimit: number | null;
}

export interface TeamMemberInput {
  userId: string;
  maxOpen: number | null;
  available: boolean;
}

export interface TeamMember extends TeamMemberInput {
  name: string;
  email: string;
  orgName: string | null;
  isAgency: boolean;
  open: number;
}

export interface Team extends TeamInput {
  id: string;
  members: TeamMember[];
}

export interface Holiday {
  date: string;
  name: { nl: string; en: string };
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  language: 'nl' | 'en' | null;
  usedCount: number;
  createdByName: string | null;
  updatedAt: string;
}

export interface SavedReplyInput {
  title: string;
  body: string;
  language: 'nl' | 'en' | null;
}

const base = (ws: string) => `/api/workspaces/${enc(ws)}/inbox`;

export const inboxSettingsApi = {
  settings: (ws: string) => api.get<InboxSettings>(`${base(ws)}/settings`),
  saveSettings: (ws: string, input: SettingsInput, expectedVersion: number) =>
    api.put<InboxSettings>(`${base(ws)}/settings`, { ...input, expectedVersion }),
  testRoute: (ws: string, input: TestRouteInput) => api.post<TestRouteAnswer>(`${base(ws)}/test-route`, input),
  teams: (ws: string) => api.get<Team[]>(`${base(ws)}/teams`),
  createTeam: (ws: string, input: TeamInput) => api.post<Team>(`${base(ws)}/teams`, input),
  updateTeam: (ws: string, id: string, input: TeamInput & { members: TeamMemberInput[] }) => api.put<Team>(`${base(ws)}/teams/${enc(id)}`, input),
  archiveTeam: (ws: string, id: string) => api.del(`${base(ws)}/teams/${enc(id)}`),
  holidays: (ws: string, year: number) => api.get<Holiday[]>(`${base(ws)}/holidays${query({ year })}`),
  savedReplies: (ws: string) => api.get<SavedReply[]>(`${base(ws)}/saved-replies`),
  createSavedReply: (ws: string, input: SavedReplyInput) => api.post<SavedReply>(`${base(ws)}/saved-replies`, input),
  updateSavedReply: (ws: string, id: string, input: SavedReplyInput) => api.put<SavedReply>(`${base(ws)}/saved-replies/${enc(id)}`, input),
  deleteSavedReply: (ws: string, id: string) => api.del(`${base(ws)}/saved-replies/${enc(id)}`),
};
