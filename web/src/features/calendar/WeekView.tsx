import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDropTarget } from './CalendarContext';
import type { CalendarEntry } from './entries';
import { longDate, shortDate } from './labels';
import { PostChip } from './PostChip';
import { clock, type CivilDate } from './time';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const FIRST_VISIBLE_HOUR = 7;
const NONE: CalendarEntry[] = [];

/** Each day's entries split per hour; kept per day list so an unchanged day keeps its slot lists (and cells). */
const slotCache = new WeakMap<CalendarEntry[], CalendarEntry[][]>();
function slotsOf(entries: CalendarEntry[]): CalendarEntry[][] {
  let slots = slotCache.get(entries);
  if (!slots) {
    slots = HOURS.map(() => NONE);
    for (const e of entries) slots[e.hour] = slots[e.hour] === NONE ? [e] : [...slots[e.hour], e];
    slotCache.set(entries, slots);
  }
  return slots;
}

/** The week as a table of hours × days, scrolled to the morning; a post dropped on an hour moves to that hour. */
export function WeekView({
  days,
  today,
  byDay,
  label,
}: {
  days: CivilDate[];
  today: CivilDate;
  byDay: Map<CivilDate, CalendarEntry[]>;
  label: string;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const morning = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    const box = scroller.current;
    const row = morning.current;
    if (!box || !row) return;
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    box.scrollTop = row.offsetTop - head;
  }, [days[0]]);

  const slots = days.map((d) => slotsOf(byDay.get(d) ?? NONE));
  return (
    <div ref={scroller} className="cal-week-scroll" tabIndex={0} role="region" aria-label={t('calendar.weekHours')}>
      <table className="cal-table cal-week" data-testid="calendar-week">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <td className="cal-hour-corner" />
            {days.map((d) => (
              <th scope="col" key={d} className={d === today ? 'is-today' : undefined}>
                <span aria-hidden="true">{shortDate(d)}</span>
                <span className="visually-hidden">
                  {longDate(d)}
                  {d === today ? `, ${t('calendar.today')}` : ''}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HOURS.map((h) => (
            <tr key={h} ref={h === FIRST_VISIBLE_HOUR ? morning : undefined}>
              <th scope="row" className="cal-hour">
                {clock(h, 0)}
              </th>
              {days.map((d, i) => (
                <WeekSlot key={d} date={d} hour={h} entries={slots[i][h]} past={d < today} isToday={d === today} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const WeekSlot = memo(function WeekSlot({
  date,
  hour,
  entries,
  past,
  isToday,
}: {
  date: CivilDate;
  hour: number;
  entries: CalendarEntry[];
  past: boolean;
  isToday: boolean;
}) {
  const { over, handlers } = useDropTarget(date, hour);
  const cls = ['cal-slot', past && 'is-past', isToday && 'is-today', over && 'is-over'].filter(Boolean).join(' ');
  return (
    <td className={cls} data-testid="calendar-slot" data-date={date} data-hour={hour} {...handlers}>
      {entries.length > 0 && (
        <ul className="cal-chips">
          {entries.map((e) => (
            <li key={e.key}>
              <PostChip entry={e} />
            </li>
          ))}
        </ul>
      )}
    </td>
  );
});
