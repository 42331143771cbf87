import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import type { Priority, Sentiment } from '../api';

const PRIORITY_TONE: Record<Priority, string> = { low: 'neutral', normal: 'neutral', high: 'amber', urgent: 'red' };

/** The priority, shown only when it is not "normal" unless `always`. */
export function PriorityBadge({ priority, always = false }: { priority: Priority; always?: boolean }) {
  const { t } = useTranslation();
  if (priority === 'normal' && !always) return null;
  return (
    <span className="prio-badge" data-priority={priority}>
      <Badge tone={PRIORITY_TONE[priority]}>{t(`inbox.priority.${priority}`)}</Badge>
    </span>
  );
}

const SENTIMENT_TONE: Record<Sentiment, string> = { negative: 'red', neutral: 'neutral', positive: 'green' };

/** The sentiment, shown only when it is not neutral unless `always`. */
export function SentimentBadge({ sentiment, always = false }: { sentiment: Sentiment | null; always?: boolean }) {
  const { t } = useTranslation();
  if (!sentiment || (sentiment === 'neutral' && !always)) return null;
  return (
    <span className="sentiment-badge" data-sentiment={sentiment}>
      <Badge tone={SENTIMENT_TONE[sentiment]}>{t(`inbox.sentiment.${sentiment}`)}</Badge>
    </span>
  );
}

/** "Wacht op goedkeuring" with the number of replies waiting. */
export function AwaitingBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="awaiting-badge" data-testid="awaiting-approval">
      <Badge tone="violet">{t('inbox.row.awaiting', { count })}</Badge>
    </span>
  );
}
