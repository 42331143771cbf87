import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { CalendarEntry } from './entries';
import { longDate } from './labels';
import { PostChip } from './PostChip';
import type { CivilDate } from './time';

/** All posts of one day, for a month cell that shows only the first few ("+n meer"). */
export function DayDialog({
  date,
  entries,
  onClose,
}: {
  date: CivilDate;
  entries: CalendarEntry[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={longDate(date)}
      description={t('calendar.postCount', { count: entries.length })}
      onClose={onClose}
      testId="calendar-day-dialog"
    >
      <ul className="cal-chips cal-day-list">
        {entries.map((e) => (
          <li key={e.key}>
            <PostChip entry={e} />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
