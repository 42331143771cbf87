import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { ConversationSummary } from '../api';
import { formatDuration, slaClock, type Clock } from '../sla';
import { useDurationUnits } from '../shared/useDurationUnits';
import { useNow } from '../useNow';

/**
 * First response and resolution: due when (as the server computed it, in the team's business hours), how long is
 * left (counting down live), and whether it was met.
 */
export function SlaTimers({ conversation: c }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const now = useNow(5_000);
  const warnFirst = c.sla.state === 'warning' && c.sla.dueAt === c.sla.firstResponseDueAt;
  const warnResolution = c.sla.state === 'warning' && c.sla.dueAt === c.sla.resolutionDueAt;
  const first = slaClock(c.sla.firstResponseDueAt, c.firstResponseAt, now, warnFirst);
  const resolution = slaClock(c.sla.resolutionDueAt, c.resolvedAt, now, warnResolution);
  if (first.state === 'none' && resolution.state === 'none') return null;
  const note = c.teamName ? t('inbox.sla.businessHoursOf', { team: c.teamName }) : t('inbox.sla.businessHours');
  return (
    <div className="sla-timers" aria-label={t('inbox.sla.label')} role="group" title={note}>
      <Timer testId="sla-first" label={t('inbox.sla.first')} clock={first} dueAt={c.sla.firstResponseDueAt} />
      <Timer testId="sla-resolution" label={t('inbox.sla.resolution')} clock={resolution} dueAt={c.sla.resolutionDueAt} />
      <span className="visually-hidden">{note}</span>
    </div>
  );
}

function Timer({ testId, label, clock, dueAt }: { testId: string; label: string; clock: Clock; dueAt: string | null }) {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const left = clock.remainingMs === null ? '' : formatDuration(clock.remainingMs, units);
  let status: string;
  switch (clock.state) {
    case 'none':
      status = t('inbox.sla.noTarget');
      break;
    case 'met':
      status = t('inbox.sla.met');
      break;
    case 'missed':
      status = t('inbox.sla.missedDone');
      break;
    case 'overdue':
      status = t('inbox.sla.overdueBy', { time: left });
      break;
    default:
      status = t('inbox.sla.left', { time: left });
  }
  return (
    <div className={`sla-timer is-${clock.state}`} data-testid={testId} data-state={clock.state}>
      <span className="sla-timer-label">{label}</span>
      <span className="sla-timer-status">{status}</span>
      {dueAt && clock.state !== 'none' && (
        <time className="sla-timer-due small muted" dateTime={dueAt}>
          {t('inbox.sla.due', { when: formatDateTime(dueAt) })}
        </time>
      )}
    </div>
  );
}
