import type { ListQuery, Priority, Sentiment, StatusFilter, View } from './api';

/**
 * The inbox's view, filters and search live in the URL (?view=mine&status=open&q=…), so that a reload or a shared
 * link shows the same list. Unknown or malformed values fall back to the defaults instead of reaching the server.
 */

export interface InboxFilters {
  view: View;
  status: StatusFilter;
  channelId: string;
  teamId: string;
  tag: string;
  sentiment: Sentiment | '';
  sla: 'ok' | 'warning' | 'breached' | 'none' | '';
  priority: Priority | '';
  q: string;
}

export const DEFAULT_FILTERS: InboxFilters = {
  view: 'all',
  status: 'active',
  channelId: '',
  teamId: '',
  tag: '',
  sentiment: '',
  sla: '',
  priority: '',
  q: '',
};

const VIEW_VALUES: readonly View[] = ['mine', 'team', 'unassigned', 'all'];
const STATUS_VALUES: readonly StatusFilter[] = ['active', 'open', 'pending', 'snoozed', 'resolved'];
const SENTIMENT_VALUES: readonly Sentiment[] = ['negative', 'neutral', 'positive'];
const SLA_VALUES = ['ok', 'warning', 'breached', 'none'] as const;
const PRIORITY_VALUES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
const MAX_TEXT = 200;
const MAX_TAG = 40;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

function text(value: string | null, max = MAX_TEXT): string {
  return (value ?? '').trim().slice(0, max);
}

/** Reads the filters from a URL's search part; anything not understood becomes the default (free text capped: 200, tags 40). */
export function readFilters(search: URLSearchParams): InboxFilters {
  return {
    view: oneOf(search.get('view'), VIEW_VALUES) || DEFAULT_FILTERS.view,
    status: oneOf(search.get('status'), STATUS_VALUES) || DEFAULT_FILTERS.status,
    channelId: text(search.get('channel')),
    teamId: text(search.get('team')),
    tag: text(search.get('tag'), MAX_TAG),
    sentiment: oneOf(search.get('sentiment'), SENTIMENT_VALUES),
    sla: oneOf(search.get('sla'), SLA_VALUES),
    priority: oneOf(search.get('priority'), PRIORITY_VALUES),
    q: text(search.get('q')),
  };
}

/** The search part for filters ("" or "?view=mine&…"), leaving out what equals the default. */
export function filtersSearch(f: InboxFilters): string {
  const out = new URLSearchParams();
  const put = (key: string, value: string, def = '') => {
    if (value && value !== def) out.set(key, value);
  };
  put('view', f.view, DEFAULT_FILTERS.view);
  put('status', f.status, DEFAULT_FILTERS.status);
  put('channel', f.channelId);
  put('team', f.teamId);
  put('tag', f.tag);
  put('sentiment', f.sentiment);
  put('sla', f.sla);
  put('priority', f.priority);
  put('q', f.q);
  const s = out.toString();
  return s ? `?${s}` : '';
}

/** How many filters narrow the list beyond the view (status counts when it is not the default). */
export function activeFilterCount(f: InboxFilters): number {
  const narrowing = [f.channelId, f.teamId, f.tag, f.sentiment, f.sla, f.priority].filter(Boolean).length;
  return narrowing + (f.status !== DEFAULT_FILTERS.status ? 1 : 0);
}

/** The filters with everything but the view reset. */
export function clearedFilters(f: InboxFilters): InboxFilters {
  return { ...DEFAULT_FILTERS, view: f.view };
}

/** The list request for these filters (empty values are left out by the API client). */
export function toListQuery(f: InboxFilters, cursor: string | null = null, limit?: number): ListQuery {
  return {
    view: f.view,
    status: f.status,
    channelId: f.channelId || undefined,
    teamId: f.teamId || undefined,
    tag: f.tag || undefined,
    sentiment: f.sentiment || undefined,
    sla: f.sla || undefined,
    priority: f.priority || undefined,
    q: f.q || undefined,
    cursor,
    limit,
  };
}

/** A stable key: equal filters give equal keys (used to refetch when they change). */
export function filtersKey(f: InboxFilters): string {
  return filtersSearch(f);
}

/** /w/:ws/inbox[/:conversationId] with the filters kept. */
export function inboxPath(ws: string, conversationId: string | null, f: InboxFilters): string {
  const base = `/w/${encodeURIComponent(ws)}/inbox`;
  return (conversationId ? `${base}/${encodeURIComponent(conversationId)}` : base) + filtersSearch(f);
}
