import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import { Link } from '../../router';
import { postPath, type CalendarPost } from './api';
import { useCalendar, useDragSource } from './CalendarContext';
import { AgencyMark, ChannelIcons, STATE_TONE } from './PostChip';

/** "Nog niet ingepland": posts without a time. Each can be dragged onto a day, or given a time with "Inplannen". */
export function UnscheduledList({ posts, loading }: { posts: CalendarPost[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="cal-side card" aria-labelledby="cal-unscheduled-title" data-testid="calendar-unscheduled">
      <h2 id="cal-unscheduled-title" className="section-title">
        {t('calendar.unscheduled.title')}
        {!loading && <span className="count">{posts.length}</span>}
      </h2>
      {loading ? null : posts.length === 0 ? (
        <p className="muted small">{t('calendar.unscheduled.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('calendar.unscheduled.hint')}</p>
          <ul className="cal-side-list">
            {posts.map((p) => (
              <UnscheduledItem key={p.id} post={p} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const UnscheduledItem = memo(function UnscheduledItem({ post }: { post: CalendarPost }) {
  const { t, workspaceId, channels, canMove, requestMove } = useCalendar();
  const movable = canMove && post.state !== 'published' && post.state !== 'publishing';
  const drag = useDragSource({ post, hour: null, minute: 0 }, movable);
  const title = post.title || t('calendar.untitled');
  return (
    <li
      className={`cal-side-item${movable ? ' is-movable' : ''}`}
      data-testid="calendar-unscheduled-item"
      data-post-id={post.id}
      {...drag}
    >
      <Link to={postPath(workspaceId, post.id)} className="cal-side-link" draggable={false}>
        {title}
      </Link>
      <div className="cal-side-meta">
        <Badge tone={STATE_TONE[post.state] ?? 'neutral'}>
          {t(`calendar.states.${post.state}`, { defaultValue: post.state })}
        </Badge>
        <ChannelIcons channelIds={post.variants.map((v) => v.channelId)} channels={channels} />
        <AgencyMark post={post} />
        {movable && (
          <button
            type="button"
            className="link-button cal-side-plan"
            onClick={() => requestMove({ post, date: null, hour: 9, minute: 0 })}
            aria-label={t('calendar.unscheduled.planLabel', { title })}
            data-testid="calendar-unscheduled-plan"
          >
            {t('calendar.unscheduled.plan')}
          </button>
        )}
      </div>
    </li>
  );
});
