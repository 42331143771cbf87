import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { roleCan } from '../../../../src/core/workspaces/roles';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/errors';
import { useApi } from '../../lib/useApi';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { calendarApi } from './api';
import { CalendarContext, type CalendarContextValue, type DragItem, type MoveRequest } from './CalendarContext';
import { CalendarFilterBar, CalendarToolbar } from './CalendarToolbar';
import { DayDialog } from './DayDialog';
import { anyFilter, matchesFilters, movedInstant, place, type CalendarFilters } from './entries';
import { ImportDialog } from './import/ImportDialog';
import { periodTitle } from './labels';
import { ListView } from './ListView';
import { MonthView } from './MonthView';
import { MoveDialog } from './MoveDialog';
import { UnscheduledList } from './UnscheduledList';
import { useCalendarPosts, useStableDays } from './useCalendarPosts';
import { useCalendarRoute } from './useCalendarRoute';
import { WeekView } from './WeekView';
import {
  addDays,
  isKnownTimeZone,
  periodDays,
  rangeOf,
  shiftPeriod,
  todayIn,
  zonedMoment,
  type CivilDate,
} from './time';

const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
const NO_ITEMS: never[] = [];

/**
 * /w/:ws/calendar — "Kalender": the posts of a month or week on the workspace's clock, as a grid or a list, with
 * filters; posts are moved by dragging or with "Verplaatsen", and can be imported from a CSV file.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [route, setRoute] = useCalendarRoute();
  const publishing = useApi(() => calendarApi.publishing(ws.id), [ws.id]);
  const channels = useApi(() => calendarApi.channels(ws.id), [ws.id]);
  const campaigns = useApi(() => calendarApi.campaigns(ws.id), [ws.id]);
  const zone = publishing.data?.timeZone;
  const timeZone = zone && isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  const settled = !publishing.loading;
  const today = todayIn(timeZone, new Date());
  const anchor = route.date ?? today;
  const days = useMemo(() => periodDays(route.period, anchor), [route.period, anchor]);
  const range = useMemo(() => (settled ? rangeOf(days, timeZone) : null), [settled, days, timeZone]);
  const data = useCalendarPosts(ws.id, range?.from ?? null, range?.to ?? null);
  const canMove = ws.role !== null && roleCan(ws.role, 'posts.write');

  const { channelId, campaignId, author } = route.filters;
  const filters = useMemo<CalendarFilters>(() => ({ channelId, campaignId, author }), [channelId, campaignId, author]);
  const visible = useMemo(() => data.posts.filter((p) => matchesFilters(p, filters)), [data.posts, filters]);
  const placed = useMemo(() => place(visible, timeZone), [visible, timeZone]);
  const byDay = useStableDays(placed.byDay);
  // The period itself: the week, or the month without the neighbouring days its grid shows.
  const month = anchor.slice(0, 7);
  const inPeriod = useMemo(() => {
    const first = days[0];
    const last = days[days.length - 1];
    return placed.all.filter((e) =>
      route.period === 'month' ? e.date.startsWith(month) : e.date >= first && e.date <= last,
    );
  }, [placed.all, days, route.period, month]);

  const [moveError, setMoveError] = useState<{ text: string; code: string } | null>(null);
  const [moving, setMoving] = useState<MoveRequest | null>(null);
  const [dayShown, setDayShown] = useState<CivilDate | null>(null);
  const [importing, setImporting] = useState(false);
  const drag = useRef<DragItem | null>(null);
  const move = data.move;

  // After a move from the dialog the button that opened it is gone (the chip moved): focus the chip where it went,
  // or its day's "+n meer" when the day shows only the first few.
  const [moved, setMoved] = useState<{ postId: string; date: CivilDate } | null>(null);
  useEffect(() => {
    if (!moved || moving) return;
    const id = CSS.escape(moved.postId);
    const target =
      document.querySelector<HTMLElement>(`[data-testid="calendar-chip"][data-post-id="${id}"] .cal-chip-link`) ??
      document.querySelector<HTMLElement>(`[data-testid="calendar-list-row"][data-post-id="${id}"] a`) ??
      document.querySelector<HTMLElement>(
        `[data-testid="calendar-day"][data-date="${moved.date}"] [data-testid="calendar-more"]`,
      );
    target?.focus();
    setMoved(null);
  }, [moved, moving]);

  const drop = useCallback(
    (item: DragItem, date: CivilDate, hour: number | null) => {
      const failed = (reason: string, code: string) =>
        setMoveError({
          text: `${t('calendar.moveFailed', { title: item.post.title || t('calendar.untitled') })} ${reason}`,
          code,
        });
      const at = movedInstant({ hour: item.hour ?? 9, minute: item.minute }, date, hour, timeZone);
      setMoveError(null);
      if (at < Date.now()) return failed(t('calendar.pastDrop'), 'past');
      if (item.post.scheduledAt && Date.parse(item.post.scheduledAt) === at) return;
      move(item.post, new Date(at).toISOString()).catch((error: unknown) =>
        failed(errorText(t, error), isApiError(error) ? error.code : 'unknown'),
      );
    },
    [move, timeZone, t],
  );

  const channelMap = useMemo(() => new Map((channels.data?.items ?? []).map((c) => [c.id, c])), [channels.data]);
  const context = useMemo<CalendarContextValue>(
    () => ({
      t,
      workspaceId: ws.id,
      timeZone,
      channels: channelMap,
      canMove,
      drag,
      drop,
      requestMove: (request) => {
        setDayShown(null);
        setMoving(request);
      },
      showDay: setDayShown,
    }),
    [t, ws.id, timeZone, channelMap, canMove, drop],
  );

  const title = periodTitle(route.period, days);
  const tableLabel = t(route.period === 'month' ? 'calendar.monthLabel' : 'calendar.weekLabel', { period: title });
  const showEmpty = !data.loading && !data.error && inPeriod.length === 0;
  const emptyText = anyFilter(filters) ? t('calendar.emptyFiltered') : t('calendar.empty');

  return (
    <CalendarContext.Provider value={context}>
      <div className="page cal-page" data-testid="calendar-page">
        <PageHeader
          title={t('calendar.title')}
          lead={t('calendar.lead')}
          actions={
            canMove && (
              <Button
                icon={<Icon name="file" size={16} />}
                onClick={() => setImporting(true)}
                disabled={!settled || !channels.data}
                data-testid="calendar-import-open"
              >
                {t('calendar.import.open')}
              </Button>
            )
          }
        />
        {publishing.data?.hold && (
          <Notice tone="warning" testId="calendar-hold">
            {t('calendar.held', { reason: publishing.data.hold.reason })}
          </Notice>
        )}
        {publishing.error ? <ErrorAlert error={publishing.error} onRetry={() => void publishing.reload()} /> : null}
        <CalendarToolbar
          route={route}
          title={title}
          loading={data.loading || publishing.loading}
          onStep={(step) => setRoute({ date: shiftPeriod(route.period, anchor, step) })}
          onToday={() => setRoute({ date: null })}
          onChange={setRoute}
        />
        <CalendarFilterBar
          value={filters}
          channels={channels.data?.items ?? NO_ITEMS}
          campaigns={campaigns.data?.items ?? NO_ITEMS}
          timeZone={timeZone}
          onChange={(f) => setRoute({ filters: f })}
        />
        {moveError && (
          <div data-testid="calendar-move-error" data-code={moveError.code}>
            <ErrorAlert error={new Error(moveError.text)} />
          </div>
        )}
        {data.error ? <ErrorAlert error={data.error} onRetry={() => void data.reload()} /> : null}
        <div className="cal-layout">
          <section className="cal-main" aria-label={tableLabel} aria-busy={data.loading || undefined}>
            {route.layout === 'grid' && (
              <p
                className="muted small cal-empty-line"
                role="status"
                data-testid={showEmpty ? 'calendar-empty' : undefined}
              >
                {showEmpty ? emptyText : ''}
              </p>
            )}
            {route.layout === 'list' ? (
              data.loading ? null : (
                <ListView entries={inPeriod} label={tableLabel} emptyText={emptyText} />
              )
            ) : route.period === 'month' ? (
              <MonthView days={days} month={month} today={today} byDay={byDay} label={tableLabel} />
            ) : (
              <WeekView days={days} today={today} byDay={byDay} label={tableLabel} />
            )}
          </section>
          <UnscheduledList posts={placed.unscheduled} loading={data.loading} />
        </div>
      </div>
      {moving && (
        <MoveDialog
          request={moving}
          timeZone={timeZone}
          fallbackDate={addDays(today, 1)}
          onMove={async (at) => {
            setMoveError(null);
            await move(moving.post, at);
            setMoved({ postId: moving.post.id, date: zonedMoment(Date.parse(at), timeZone).date });
          }}
          onClose={() => setMoving(null)}
        />
      )}
      {dayShown && <DayDialog date={dayShown} entries={byDay.get(dayShown) ?? []} onClose={() => setDayShown(null)} />}
      {importing && (
        <ImportDialog
          workspaceId={ws.id}
          channels={channels.data?.items ?? NO_ITEMS}
          campaigns={campaigns.data?.items ?? NO_ITEMS}
          timeZone={timeZone}
          onImported={() => void data.reload()}
          onClose={() => setImporting(false)}
        />
      )}
    </CalendarContext.Provider>
  );
}
