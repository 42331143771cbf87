import { api, enc } from '../../api/client';

/**
 * The public expert page's calls. The token in the address is the credential: no session and no CSRF token are
 * needed (the shared client sends none without a session), and a 401 must not send the visitor to the login page.
 */

export interface ExpertMessage {
  direction: 'in' | 'out';
  text: string;
  createdAt: string;
  authorName: string;
}

export interface ExpertRequest {
  organizationName: string;
  expertName: string;
  question: string;
  askedBy: string;
  messages: ExpertMessage[];
  draft: string | null;
  answeredAt: string | null;
  expiresAt: string;
}

const path = (token: string) => `/api/expert/${enc(token)}`;

export const expertApi = {
  get: (token: string) => api.get<ExpertRequest>(path(token), { quiet401: true }),
  send: (token: string, text: string) => api.post<{ answeredAt: string }>(path(token), { text }, { quiet401: true }),
};
