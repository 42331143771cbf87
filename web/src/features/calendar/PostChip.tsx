import { memo } from 'react';
import { Icon } from '../../components/Icon';
import { Link } from '../../router';
import { PlatformIcon } from '../channels/PlatformIcon';
import { postPath, type CalendarPost, type ChannelItem } from './api';
import { useCalendar, useDragSource } from './CalendarContext';
import type { CalendarEntry } from './entries';
import { clock } from './time';

/** The colour family of each state on the calendar (see calendar.css `.tone-*`). */
export const STATE_TONE: Record<string, string> = {
  draft: 'neutral',
  in_review: 'blue',
  changes_requested: 'amber',
  approved: 'teal',
  scheduled: 'brand',
  held: 'amber',
  publishing: 'violet',
  published: 'green',
  partly_published: 'green',
  failed: 'red',
  cancelled: 'neutral',
};

const MAX_ICONS = 3;

/** The platform icons of the given channels (at most three, then "+n"), decorative. */
export function ChannelIcons({ channelIds, channels }: { channelIds: string[]; channels: Map<string, ChannelItem> }) {
  const shown = channelIds.slice(0, MAX_ICONS);
  return (
    <span className="cal-icons" aria-hidden="true">
      {shown.map((id) => (
        <PlatformIcon key={id} kind={channels.get(id)?.kind ?? ''} size={13} />
      ))}
      {channelIds.length > MAX_ICONS && <span className="cal-icons-more">+{channelIds.length - MAX_ICONS}</span>}
    </span>
  );
}

/** Channel names for screen readers and tooltips. */
export function channelNames(channelIds: string[], channels: Map<string, ChannelItem>, unknown: string): string {
  return channelIds.map((id) => channels.get(id)?.name ?? unknown).join(', ');
}

/** The small "B" that marks work by the agency, with its meaning in words for screen readers. */
export function AgencyMark({ post }: { post: CalendarPost }) {
  const { t } = useCalendar();
  if (!post.author.viaAgency) return null;
  return (
    <span className="cal-agency" title={t('calendar.viaAgency')}>
      <span aria-hidden="true">{t('calendar.agencyShort')}</span>
      <span className="visually-hidden">{t('calendar.viaAgency')}</span>
    </span>
  );
}

/**
 * One post at one moment: time, platform icons, title, state colour and the agency mark. Clicking opens the post;
 * it can be dragged to another day or hour, and its "Verplaatsen" button does the same from the keyboard.
 */
export const PostChip = memo(function PostChip({ entry }: { entry: CalendarEntry }) {
  const { t, workspaceId, channels, canMove, requestMove } = useCalendar();
  const { post } = entry;
  const movable = canMove && entry.movable;
  const drag = useDragSource({ post, hour: entry.hour, minute: entry.minute }, movable);
  const time = clock(entry.hour, entry.minute);
  const state = t(`calendar.states.${post.state}`, { defaultValue: post.state });
  const names = channelNames(entry.channelIds, channels, t('calendar.unknownChannel'));
  const tooltip = [`${time} ${post.title}`, names, state, post.author.viaAgency ? t('calendar.viaAgency') : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <div
      className={`cal-chip tone-${STATE_TONE[post.state] ?? 'neutral'}${movable ? ' is-movable' : ''}`}
      data-testid="calendar-chip"
      data-post-id={post.id}
      data-state={post.state}
      data-at={entry.at}
      title={tooltip}
      {...drag}
    >
      <Link
        to={postPath(workspaceId, post.id)}
        className="cal-chip-link"
        draggable={false}
        data-testid="calendar-chip-link"
      >
        <span className="cal-chip-line">
          <span className="cal-chip-time">{time}</span>
          <ChannelIcons channelIds={entry.channelIds} channels={channels} />
          <AgencyMark post={post} />
        </span>
        <span className="cal-chip-title">{post.title || t('calendar.untitled')}</span>
        <span className="visually-hidden">
          {names ? `, ${names}` : ''}, {state}
        </span>
      </Link>
      {movable && (
        <button
          type="button"
          className="cal-chip-move"
          aria-label={t('calendar.moveLabel', { title: post.title || t('calendar.untitled'), time })}
          title={t('calendar.move')}
          data-testid="calendar-chip-move"
          onClick={() => requestMove({ post, date: entry.date, hour: entry.hour, minute: entry.minute })}
        >
          <Icon name="calendar" size={13} />
        </button>
      )}
    </div>
  );
});
