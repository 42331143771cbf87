import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { formatDate } from '../../lib/format';
import { PlatformIcon } from '../channels/PlatformIcon';
import type { BriefDetail } from './api';
import { isOverdue } from './briefRules';

/** Everything the organization wrote in a brief, in the order an advisor reads it. */
export function BriefFacts({ brief, channelsById }: { brief: BriefDetail; channelsById: Map<string, Channel> }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('briefs.fields.empty')}</span>;
  const text = (value: string) => (value.trim() ? <p className="brief-text">{value}</p> : none);
  const overdue = isOverdue(brief, new Date());

  const rows: { key: string; label: string; value: ReactNode; wide?: boolean }[] = [
    { key: 'goal', label: t('briefs.fields.goal'), value: text(brief.goal), wide: true },
    { key: 'audience', label: t('briefs.fields.audience'), value: text(brief.audience) },
    { key: 'keyMessage', label: t('briefs.fields.keyMessage'), value: text(brief.keyMessage) },
    { key: 'details', label: t('briefs.fields.details'), value: text(brief.details), wide: true },
    {
      key: 'channels',
      label: t('briefs.fields.channels'),
      value: brief.channelIds.length ? (
        <ul className="brief-channel-chips" role="list">
          {brief.channelIds.map((id) => {
            const c = channelsById.get(id);
            return (
              <li key={id} className="brief-channel-chip">
                {c && <PlatformIcon kind={c.kind} size={18} />}
                <span>{c?.name ?? t('briefs.fields.unknownChannel')}</span>
              </li>
            );
          })}
        </ul>
      ) : (
        <span className="muted">{t('briefs.fields.noChannels')}</span>
      ),
    },
    { key: 'timing', label: t('briefs.fields.timing'), value: text(brief.timing) },
    {
      key: 'wantedBy',
      label: t('briefs.fields.wantedBy'),
      value: brief.wantedBy ? (
        <span className={overdue ? 'brief-overdue' : undefined}>
          {formatDate(brief.wantedBy)}
          {overdue && ` (${t('briefs.card.overdue')})`}
        </span>
      ) : (
        none
      ),
    },
  ];

  return (
    <section className="card brief-facts" aria-labelledby="brief-facts-title" data-testid="brief-facts">
      <h2 id="brief-facts-title" className="card-title">
        {t('briefs.page.factsTitle')}
      </h2>
      <dl className="brief-facts-list">
        {rows.map((r) => (
          <div key={r.key} className={r.wide ? 'brief-fact is-wide' : 'brief-fact'} data-testid={`brief-fact-${r.key}`}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
