import { api } from '../../api/client';

/** The signed-in person's notifications: newest first, with the unread count. */

export interface NotificationItem {
  id: string;
  kind: string;
  workspaceId: string;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  read: boolean;
}

export interface NotificationList {
  unread: number;
  items: NotificationItem[];
}

export const notificationsApi = {
  list: (signal?: AbortSignal) => api.get<NotificationList>('/api/notifications', { signal }),
  /** `ids` null marks all as read. */
  read: (ids: string[] | null) => api.post<void>('/api/notifications/read', { ids }),
};
