import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { formatDateTime } from '../../../lib/format';
import type { ConversationSummary } from '../api';
import { formatDuration, listClock } from '../sla';
import { useDurationUnits } from './useDurationUnits';

const TONE = { none: 'neutral', running: 'green', warning: 'amber', overdue: 'red', met: 'green', missed: 'red' } as const;

/** The list's SLA badge: time left ("nog 2 u 10 min"), "te laat", or nothing when there is no running target. */
export function SlaBadge({ sla, now }: { sla: ConversationSummary['sla']; now: number }) {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const clock = listClock(sla, now);
  if (clock.state === 'none' || clock.state === 'met') return null;
  let text: string;
  if (clock.state === 'overdue') text = t('inbox.sla.overdue');
  else if (clock.state === 'missed') text = t('inbox.sla.missed');
  else text = t('inbox.sla.left', { time: formatDuration(clock.remainingMs ?? 0, units) });
  return (
    <span className="sla-badge" data-sla={clock.state} title={sla.dueAt ? t('inbox.sla.dueTitle', { when: formatDateTime(sla.dueAt) }) : undefined}>
      <Badge tone={TONE[clock.state]}>{text}</Badge>
    </span>
  );
}
