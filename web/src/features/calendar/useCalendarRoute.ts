import { useCallback } from 'react';
import { navigate, useLocation } from '../../router';
import type { AuthorFilter, CalendarFilters } from './entries';
import { isCivilDate, type CivilDate, type PeriodKind } from './time';

/** Where the calendar is, kept in the address (?view=week&show=list&date=2026-03-09&channel=…) so reload and back keep it. */
export interface CalendarRoute {
  period: PeriodKind;
  layout: 'grid' | 'list';
  /** null: today. */
  date: CivilDate | null;
  filters: CalendarFilters;
}

const PARAMS = {
  period: 'view',
  layout: 'show',
  date: 'date',
  channelId: 'channel',
  campaignId: 'campaign',
  author: 'author',
} as const;

function read(search: URLSearchParams): CalendarRoute {
  const date = search.get(PARAMS.date);
  const author = search.get(PARAMS.author);
  return {
    period: search.get(PARAMS.period) === 'week' ? 'week' : 'month',
    layout: search.get(PARAMS.layout) === 'list' ? 'list' : 'grid',
    date: date && isCivilDate(date) ? date : null,
    filters: {
      channelId: search.get(PARAMS.channelId) ?? '',
      campaignId: search.get(PARAMS.campaignId) ?? '',
      author: (author === 'own' || author === 'agency' ? author : '') as AuthorFilter,
    },
  };
}

/** The calendar's place from the address, and a way to change it (replacing the history entry). */
export function useCalendarRoute(): [CalendarRoute, (patch: Partial<CalendarRoute>) => void] {
  const { pathname, search } = useLocation();
  const route = read(search);
  const key = search.toString();

  const update = useCallback(
    (patch: Partial<CalendarRoute>) => {
      const next = { ...read(new URLSearchParams(key)), ...patch };
      const q = new URLSearchParams();
      if (next.period === 'week') q.set(PARAMS.period, 'week');
      if (next.layout === 'list') q.set(PARAMS.layout, 'list');
      if (next.date) q.set(PARAMS.date, next.date);
      if (next.filters.channelId) q.set(PARAMS.channelId, next.filters.channelId);
      if (next.filters.campaignId) q.set(PARAMS.campaignId, next.filters.campaignId);
      if (next.filters.author) q.set(PARAMS.author, next.filters.author);
      const s = q.toString();
      navigate(s ? `${pathname}?${s}` : pathname, { replace: true });
    },
    [pathname, key],
  );

  return [route, update];
}
