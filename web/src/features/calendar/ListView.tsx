import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Link } from '../../router';
import { postPath } from './api';
import { useCalendar } from './CalendarContext';
import type { CalendarEntry } from './entries';
import { shortDate } from './labels';
import { AgencyMark, ChannelIcons, channelNames, STATE_TONE } from './PostChip';
import { clock } from './time';

/** The period as a table: time, title, channels, state and author, in time order. */
export function ListView({
  entries,
  label,
  emptyText,
}: {
  entries: CalendarEntry[];
  label: string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const { workspaceId, channels, canMove, requestMove } = useCalendar();
  if (entries.length === 0) {
    return <EmptyState icon="calendar" title={emptyText} testId="calendar-list-empty" />;
  }
  return (
    <DataTable
      label={label}
      testId="calendar-list"
      dense
      actions={canMove}
      columns={[
        t('calendar.list.time'),
        t('calendar.list.title'),
        t('calendar.list.channels'),
        t('calendar.list.state'),
        t('calendar.list.author'),
      ]}
    >
      {entries.map((e) => {
        const title = e.post.title || t('calendar.untitled');
        return (
          <tr key={e.key} data-testid="calendar-list-row" data-post-id={e.post.id}>
            <td className="nowrap">
              {shortDate(e.date)} <span className="strong">{clock(e.hour, e.minute)}</span>
            </td>
            <td>
              <Link to={postPath(workspaceId, e.post.id)}>{title}</Link>
            </td>
            <td>
              <span className="cal-list-channels">
                <ChannelIcons channelIds={e.channelIds} channels={channels} />
                <span>{channelNames(e.channelIds, channels, t('calendar.unknownChannel')) || '—'}</span>
              </span>
            </td>
            <td>
              <Badge tone={STATE_TONE[e.post.state] ?? 'neutral'}>
                {t(`calendar.states.${e.post.state}`, { defaultValue: e.post.state })}
              </Badge>
            </td>
            <td>
              <span className="cal-list-author">
                {e.post.author.name}
                <AgencyMark post={e.post} />
              </span>
            </td>
            {canMove && (
              <td className="col-actions">
                {e.movable && (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => requestMove({ post: e.post, date: e.date, hour: e.hour, minute: e.minute })}
                    aria-label={t('calendar.moveLabel', { title, time: clock(e.hour, e.minute) })}
                    data-testid="calendar-list-move"
                  >
                    {t('calendar.move')}
                  </Button>
                )}
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
