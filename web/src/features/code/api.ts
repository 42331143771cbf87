import { api, enc } from '../../api/client';
import type { Clause, Finding, Verdict } from '../../../../src/core/code/types';

/** The code feature's calls: the code in force, its history and proposals, saving, proposing, deciding, checking. */

export type { Check, CheckKind, CheckSpec, Clause, Finding, Localized, PersonalDataType, Severity, Verdict } from '../../../../src/core/code/types';

export interface Person {
  id: string;
  name: string;
}

export interface CodeVersion {
  version: number;
  note: string | null;
  proposalId: string | null;
  createdAt: string;
  createdBy: Person;
  clauses: Clause[];
}

export interface CodeProposal {
  id: string;
  baseVersion: number;
  note: string;
  status: 'open' | 'accepted' | 'rejected';
  clauses: Clause[];
  proposedBy: Person;
  proposedAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface CodeOverview {
  version: number;
  clauses: Clause[];
  /** Newest first. */
  history: CodeVersion[];
  /** Newest first, open and decided. */
  proposals: CodeProposal[];
}

export interface CodeDocumentPage {
  version: number;
  organization: string;
  sections: Array<{ clauseId: string; title: string; text: string; explanation: string; rules: string[] }>;
}

export interface CheckResult {
  codeVersion: number;
  verdict: Verdict;
  findings: Finding[];
}

const base = (ws: string) => `/api/workspaces/${enc(ws)}/code`;

export const codeApi = {
  overview: (ws: string) => api.get<CodeOverview>(base(ws)),
  document: (ws: string, locale: 'nl' | 'en') => api.get<CodeDocumentPage>(`${base(ws)}/document?locale=${locale}`),
  save: (ws: string, clauses: Clause[], note: string | null, expectedVersion: number) =>
    api.put<{ version: number }>(base(ws), { clauses, note, expectedVersion }),
  propose: (ws: string, clauses: Clause[], note: string) => api.post<{ id: string }>(`${base(ws)}/proposals`, { clauses, note }),
  decide: (ws: string, proposalId: string, accept: boolean, note: string | null) =>
    api.post<{ status: 'accepted' | 'rejected'; version: number | null }>(`${base(ws)}/proposals/${enc(proposalId)}/decide`, { accept, note }),
  check: (ws: string, text: string, context: 'post' | 'reply' | 'message', paidPartnership: boolean) =>
    api.post<CheckResult>(`${base(ws)}/check`, { text, context, paidPartnership }),
};
