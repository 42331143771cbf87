import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { formatDateTime } from '../../../lib/format';
import type { Reply, TimelineEvent } from '../api';
import { splitMentions } from '../linkify';

function str(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  return typeof v === 'string' && v ? v : null;
}

function list(data: Record<string, unknown>, key: string): string[] {
  const v = data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** One line about a change, in the UI language; unknown shapes fall back to a plain "changed" line. */
function describe(t: TFunction, e: TimelineEvent): string {
  const d = e.data ?? {};
  const who = e.actor?.name ?? t('inbox.timeline.regie');
  const label = (group: string, value: string | null) => (value ? t(`inbox.${group}.${value}`, { defaultValue: value }) : '—');
  switch (e.kind) {
    case 'assigned': {
      const name = str(d, 'assigneeName') ?? str(d, 'to');
      return name ? t('inbox.timeline.assigned', { who, name }) : t('inbox.timeline.unassigned', { who });
    }
    case 'status': {
      const to = str(d, 'to');
      const until = str(d, 'snoozedUntil');
      if (to === 'snoozed' && until) return t('inbox.timeline.snoozed', { who, when: formatDateTime(until) });
      return t('inbox.timeline.status', { who, from: label('status', str(d, 'from')), to: label('status', to) });
    }
    case 'priority':
      return t('inbox.timeline.priority', { who, to: label('priority', str(d, 'to')) });
    case 'team': {
      const name = str(d, 'teamName') ?? str(d, 'to');
      return name ? t('inbox.timeline.team', { who, name }) : t('inbox.timeline.noTeam', { who });
    }
    case 'tags': {
      const added = list(d, 'added');
      const removed = list(d, 'removed');
      if (added.length || removed.length) {
        return [
          added.length ? t('inbox.timeline.tagsAdded', { who, tags: added.join(', ') }) : '',
          removed.length ? t('inbox.timeline.tagsRemoved', { who, tags: removed.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' ');
      }
      return t('inbox.timeline.tags', { who, tags: (list(d, 'tags').length ? list(d, 'tags') : list(d, 'to')).join(', ') || '—' });
    }
    case 'routed':
      return list(d, 'because').length > 0 ? t('inbox.timeline.routed', { who }) : t('inbox.timeline.routedDefault', { who });
    case 'sla':
      return t('inbox.timeline.sla', { what: label('slaState', str(d, 'to') ?? str(d, 'state')) });
    case 'expert': {
      const name = str(d, 'expertName') ?? str(d, 'name') ?? '';
      return str(d, 'action') === 'answered' || str(d, 'answeredAt')
        ? t('inbox.timeline.expertAnswered', { name })
        : t('inbox.timeline.expertAsked', { who, name });
    }
    case 'reply': {
      const action = str(d, 'action') ?? str(d, 'state');
      return t(`inbox.timeline.replyAction.${action ?? 'other'}`, { who, defaultValue: t('inbox.timeline.replyAction.other', { who }) });
    }
    default:
      return t('inbox.timeline.changed', { who });
  }
}

/** A note (yellow, with @mentions marked) or a change in the conversation's life (assignment, status, routing…). */
export function TimelineItem({ event: e, mentionNames }: { event: TimelineEvent; mentionNames: string[] }) {
  const { t } = useTranslation();
  if (e.kind === 'note') {
    return (
      <li className="tl-note" data-testid="timeline-note">
        <div className="msg-head">
          <strong>{e.actor?.name ?? t('inbox.timeline.regie')}</strong>
          {e.actor?.orgName && <span className="muted"> · {e.actor.orgName}</span>}
          <Badge tone="amber">{t('inbox.timeline.noteBadge')}</Badge>
          <time className="small muted" dateTime={e.createdAt}>
            {formatDateTime(e.createdAt)}
          </time>
        </div>
        <p className="tl-note-body">
          {splitMentions(e.body ?? '', mentionNames).map((s, i) =>
            s.type === 'mention' ? (
              <mark key={i} className="mention">
                {s.value}
              </mark>
            ) : (
              <span key={i}>{s.value}</span>
            ),
          )}
        </p>
      </li>
    );
  }
  const because = e.kind === 'routed' ? list(e.data ?? {}, 'because') : [];
  return (
    <li className={`tl-event tl-${e.kind}`} data-testid="timeline-event" data-kind={e.kind}>
      <span className="tl-dot" aria-hidden="true" />
      <div>
        <span>{describe(t, e)}</span>{' '}
        <time className="small muted" dateTime={e.createdAt}>
          {formatDateTime(e.createdAt)}
        </time>
        {e.kind === 'expert' && e.body && <p className="small muted">“{e.body}”</p>}
        {because.length > 0 && (
          <ul className="tl-because small">
            {because.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** A reply that ended without going out (rejected or discarded), as a line in the thread with the reason. */
export function ClosedReplyItem({ reply: r }: { reply: Reply }) {
  const { t } = useTranslation();
  return (
    <li className={`tl-event tl-reply-${r.state}`} data-testid="closed-reply" data-state={r.state}>
      <span className="tl-dot" aria-hidden="true" />
      <div>
        <span>{t(`inbox.timeline.closedReply.${r.state}`, { name: r.author.name })}</span>{' '}
        <time className="small muted" dateTime={r.createdAt}>
          {formatDateTime(r.createdAt)}
        </time>
        {r.reasonText && <p className="small muted">“{r.reasonText}”</p>}
        <details className="small">
          <summary>{t('inbox.timeline.showText')}</summary>
          <p className="tl-reply-text">{r.text}</p>
        </details>
      </div>
    </li>
  );
}
