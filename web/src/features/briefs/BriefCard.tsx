import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { formatDate } from '../../lib/format';
import { Link } from '../../router';
import type { Brief } from './api';
import { excerpt, isOverdue } from './briefRules';

/** One brief on the board: title (the link to its page), why, who asked, channels, date, attachments and posts made from it. */
export function BriefCard({ brief, href, channelsById }: { brief: Brief; href: string; channelsById: Map<string, Channel> }) {
  const { t } = useTranslation();
  const overdue = isOverdue(brief, new Date());
  const channelNames = brief.channelIds.map((id) => channelsById.get(id)?.name ?? t('briefs.fields.unknownChannel'));

  return (
    <li className="brief-card" data-testid="brief-card" data-brief-id={brief.id} data-status={brief.status}>
      <h3 className="brief-card-title">
        <Link to={href} className="brief-card-link" data-testid="brief-card-link">
          {brief.title}
        </Link>
      </h3>
      {brief.goal.trim() && <p className="brief-card-goal">{excerpt(brief.goal, 120)}</p>}
      {brief.status === 'declined' && brief.declineReason && (
        <p className="brief-card-declined">
          <span className="strong">{t('briefs.card.declinedBecause')}</span> {excerpt(brief.declineReason, 100)}
        </p>
      )}
      <dl className="brief-card-meta">
        <div>
          <dt>{t('briefs.card.by')}</dt>
          <dd>{brief.createdBy.name}</dd>
        </div>
        <div>
          <dt>{t('briefs.card.channels')}</dt>
          <dd>{channelNames.length ? channelNames.join(', ') : t('briefs.fields.noChannels')}</dd>
        </div>
        {brief.wantedBy && (
          <div className={overdue ? 'is-overdue' : undefined}>
            <dt>{t('briefs.card.wantedBy')}</dt>
            <dd>
              {formatDate(brief.wantedBy)}
              {overdue && <span className="brief-overdue"> ({t('briefs.card.overdue')})</span>}
            </dd>
          </div>
        )}
        {brief.attachments?.length > 0 && (
          <div>
            <dt>{t('briefs.card.attachments')}</dt>
            <dd data-testid="brief-card-attachments">{t('briefs.card.attachmentCount', { count: brief.attachments.length })}</dd>
          </div>
        )}
        <div>
          <dt>{t('briefs.card.posts')}</dt>
          <dd data-testid="brief-card-posts">{t('briefs.card.postCount', { count: brief.posts })}</dd>
        </div>
      </dl>
    </li>
  );
}
