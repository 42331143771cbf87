import { memo } from 'react';
import { useCalendar, useDropTarget } from './CalendarContext';
import type { CalendarEntry } from './entries';
import { dayNumber, longDate, weekdayNames } from './labels';
import { PostChip } from './PostChip';
import type { CivilDate } from './time';

/** How many chips a month cell shows before "+n meer". */
export const MONTH_CHIPS = 3;
const NONE: CalendarEntry[] = [];

/** The month as a table of weeks; each day lists its posts and takes dropped ones (keeping their time of day). */
export function MonthView({
  days,
  month,
  today,
  byDay,
  label,
}: {
  days: CivilDate[];
  /** "YYYY-MM": days outside it are shown dimmed. */
  month: string;
  today: CivilDate;
  byDay: Map<CivilDate, CalendarEntry[]>;
  label: string;
}) {
  const weeks: CivilDate[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return (
    <table className="cal-table cal-month" data-testid="calendar-month">
      <caption className="visually-hidden">{label}</caption>
      <thead>
        <tr>
          {weeks[0].map((d) => {
            const names = weekdayNames(d);
            return (
              <th scope="col" key={d}>
                <abbr title={names.long}>{names.short}</abbr>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((d) => (
              <MonthDay
                key={d}
                date={d}
                entries={byDay.get(d) ?? NONE}
                outside={!d.startsWith(month)}
                isToday={d === today}
                past={d < today}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MonthDay = memo(function MonthDay({
  date,
  entries,
  outside,
  isToday,
  past,
}: {
  date: CivilDate;
  entries: CalendarEntry[];
  outside: boolean;
  isToday: boolean;
  past: boolean;
}) {
  const { t, showDay } = useCalendar();
  const { over, handlers } = useDropTarget(date, null);
  const shown = entries.slice(0, MONTH_CHIPS);
  const rest = entries.length - shown.length;
  const cls = ['cal-day', outside && 'is-outside', isToday && 'is-today', past && 'is-past', over && 'is-over']
    .filter(Boolean)
    .join(' ');
  return (
    <td className={cls} data-testid="calendar-day" data-date={date} {...handlers}>
      <div className="cal-day-head">
        <span className="cal-day-num" aria-hidden="true">
          {dayNumber(date)}
        </span>
        <span className="visually-hidden">
          {longDate(date)}
          {isToday ? `, ${t('calendar.today')}` : ''}
          {entries.length > 0 ? `, ${t('calendar.postCount', { count: entries.length })}` : ''}
        </span>
      </div>
      {shown.length > 0 && (
        <ul className="cal-chips">
          {shown.map((e) => (
            <li key={e.key}>
              <PostChip entry={e} />
            </li>
          ))}
        </ul>
      )}
      {rest > 0 && (
        <button type="button" className="cal-more" onClick={() => showDay(date)} data-testid="calendar-more">
          {t('calendar.more', { count: rest })}
          <span className="visually-hidden"> {t('calendar.onDay', { date: longDate(date) })}</span>
        </button>
      )}
    </td>
  );
});
