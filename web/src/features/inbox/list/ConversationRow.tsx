import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar';
import { formatRelative } from '../../../lib/format';
import { Link } from '../../../router';
import { PlatformIcon } from '../../channels/PlatformIcon';
import type { ConversationSummary } from '../api';
import { AwaitingBadge, PriorityBadge, SentimentBadge } from '../shared/Badges';
import { SlaBadge } from '../shared/SlaBadge';

const MAX_TAGS = 3;

/** One conversation in the list: who, where, what they said last, and what needs attention (SLA, approval). */
export function ConversationRow({
  conversation: c,
  href,
  selected,
  now,
}: {
  conversation: ConversationSummary;
  href: string;
  selected: boolean;
  now: number;
}) {
  const { t } = useTranslation();
  const extraTags = c.tags.length - MAX_TAGS;
  return (
    <li className="conv-row-item">
      <Link
        to={href}
        className={selected ? 'conv-row is-selected' : 'conv-row'}
        aria-current={selected ? 'true' : undefined}
        data-testid="inbox-row"
        data-conversation-id={c.id}
        data-status={c.status}
      >
        <PlatformIcon kind={c.channelKind} size={28} />
        <div className="conv-row-main">
          <div className="conv-row-top">
            <span className="conv-row-name">
              {c.contact.name}
              {c.contact.vip && (
                <span className="vip-mark" title={t('inbox.vip')}>
                  {t('inbox.vipShort')}
                </span>
              )}
            </span>
            <time className="conv-row-time" dateTime={c.lastMessageAt}>
              {formatRelative(c.lastMessageAt)}
            </time>
          </div>
          <div className="conv-row-channel muted small">
            {c.channelName} · {t(`inbox.kind.${c.kind}`, { defaultValue: c.kind })}
            {c.status !== 'open' && <> · {t(`inbox.status.${c.status}`)}</>}
          </div>
          {c.subject && <div className="conv-row-subject">{c.subject}</div>}
          <p className="conv-row-preview">{c.preview || t('inbox.row.noText')}</p>
          <div className="conv-row-badges">
            <SlaBadge sla={c.sla} now={now} />
            <AwaitingBadge count={c.awaitingApproval} />
            <PriorityBadge priority={c.priority} />
            <SentimentBadge sentiment={c.sentiment} />
            {c.tags.slice(0, MAX_TAGS).map((tag) => (
              <span key={tag} className="tag-chip">
                {tag}
              </span>
            ))}
            {extraTags > 0 && <span className="tag-chip is-more">+{extraTags}</span>}
            <span className="conv-row-assignee">
              {c.assigneeName ? (
                <>
                  <Avatar name={c.assigneeName} size={18} />
                  <span>{c.assigneeName}</span>
                </>
              ) : (
                <span className="muted">{t('inbox.row.unassigned')}</span>
              )}
            </span>
          </div>
        </div>
      </Link>
    </li>
  );
}
